"""Benchmark hkai against Spectral (the peer ruleset) and the bare floors, and print a table.

    python benchmarks/run.py --hkai /tmp/hkai-bench/bin/hkai   # all cases, median of 5 runs
    python benchmarks/run.py --cases b --runs 3                # only the generated manifests
    python benchmarks/run.py --quick                           # a smoke run: small sizes, one run

Cases (see benchmarks/README.md):
  s  start-up: `hkai --version` and `hkai check --format json` on a small manifest against
     `python -c "import yaml"`;
  a  a typical example manifest, whole process, `--jobs 1`;
  b  generated manifests with 1,000, 5,000 and 20,000 AI uses, `--jobs 1`, time and peak
     memory, the time per AI use; then manifests of other shapes (every person credited, many
     training-data subjects, long shared texts) at 5,000 uses;
  c  a batch of 1,000 typical manifests in one run, with the default jobs and with `--jobs 1`;
  d  a batch of 300 typical manifests with the default jobs and with `--jobs 1` while a busy
     loop keeps another core busy;
  h  the HTML report against the JSON report of the same input: the seven example productions,
     and a generated manifest of 5,000 AI uses (`--format html` against `--format json`).
For cases a to c, in the same run: Spectral with the peer ruleset on the same files (when
installed), `python -c pass`, a process that only loads the file(s) with PyYAML's C loader, and
one that only reads the same data written as JSON with `json.loads` (the parse floor).

Every measurement is a fresh process: wall time from start to exit, peak resident memory of
that process. The commands of a case are interleaved run by run, so that drift of the machine
affects them alike; the table shows medians, then the targets of issue 13 with what this run
measured.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import generate  # noqa: E402  (the generator next to this file)

TYPICAL = ROOT / "examples" / "projects" / "nine-heavens-animation" / "manifest.yaml"
SMALL = ROOT / "examples" / "projects" / "studio-teaser-catalogue" / "manifest.yaml"
EXAMPLES = ROOT / "examples" / "projects"
CACHE = HERE / ".cache"
DEFAULT_RULESET = ROOT.parent / "shared" / "bench" / "spectral-peer" / ".spectral.yaml"
SPECTRAL_VERSION = "6.16.3"
SPECTRAL_INSTALL = ("mkdir -p /tmp/spectral && (cd /tmp/spectral && npm install --no-audit --no-fund "
                    f"@stoplight/spectral-cli@{SPECTRAL_VERSION})")
SPECTRAL_DEFAULT = Path("/tmp/spectral/node_modules/.bin/spectral")
HKAI_DEFAULT_MAX_BYTES = 10 * 1024 * 1024  # hkai's --max-file-size default
INSTALL_HINT = ("python -m venv /tmp/hkai-bench && /tmp/hkai-bench/bin/pip install . && "
                "/tmp/hkai-bench/bin/python benchmarks/run.py --hkai /tmp/hkai-bench/bin/hkai")

LOAD_ONLY = ("import sys, yaml\n"
             "for name in sys.argv[1:]:\n"
             "    with open(name, 'rb') as f:\n"
             "        yaml.load(f, Loader=yaml.CSafeLoader)\n")
JSON_ONLY = ("import sys, json\n"
             "for name in sys.argv[1:]:\n"
             "    with open(name, 'rb') as f:\n"
             "        json.loads(f.read())\n")
BUSY_LOOP = "while 1: pass"
# What an installed hkai reports about itself: installed how, and with bytecode or not.
INSTALL_PROBE = ("import importlib.metadata, importlib.util, json, os, checker\n"
                 "try:\n"
                 "    url = importlib.metadata.distribution('hkai').read_text('direct_url.json')\n"
                 "except importlib.metadata.PackageNotFoundError:\n"
                 "    url = None\n"
                 "editable = bool(url and json.loads(url).get('dir_info', {}).get('editable'))\n"
                 "compiled = os.path.exists(importlib.util.cache_from_source(checker.__file__))\n"
                 "print(json.dumps({'file': checker.__file__, 'editable': editable, 'bytecode': compiled}))\n")

# Targets of issue 13 (whole process, --jobs 1, --format json, medians; printed with what this
# run measured).
TARGET_A_SPECTRAL = 0.12  # typical manifest, against Spectral
TARGET_B_SPECTRAL = 0.25  # every generated size and shape, against Spectral
TARGET_B_FLAT = 0.10  # time per AI use (net of the typical manifest's time), largest against smallest
TARGET_MEMORY = 0.5  # peak memory against Spectral's, at every size
TARGET_C_SPECTRAL = 0.3  # a batch of 1,000 files, default jobs, against one Spectral process
TARGET_S_VERSION = 0.03  # `hkai --version`, seconds beyond `python -c "import yaml"`
TARGET_S_CHECK = 0.08  # `hkai check --format json` on a small manifest, beyond the same
TARGET_D_SLOWER = 0.10  # busy second core: default jobs at most this much slower than --jobs 1
TARGET_H_RENDER_SECONDS = 1.0  # rendering the seven examples as HTML: its time beyond the JSON run
TARGET_H_RATIO = 1.5  # HTML against JSON of the same 5,000-use manifest
HTML_USES = 5000
SHAPE_USES = 5000
SHAPES = tuple(s for s in generate.SHAPES if s != "default")
BUSY_BATCH = 300

# ----------------------------------------------------------------------------- measuring

@dataclass
class Sample:
    seconds: float
    peak_mb: float
    returncode: int
    stdout: bytes = b""
    stderr: bytes = b""
    timed_out: bool = False


def _gnu_time() -> str | None:
    """GNU time, if installed: it measures the peak memory of a process forked from a small one."""
    for candidate in ("/usr/bin/time", shutil.which("gtime")):
        if candidate and Path(candidate).exists():
            probe = subprocess.run([candidate, "-f", "%M", "-o", os.devnull, "true"], capture_output=True)
            if probe.returncode == 0:
                return candidate
    return None


GNU_TIME = _gnu_time()


def measure(command: list[str], cwd: Path | None = None, timeout: float = 600.0,
            keep_output: bool = False) -> Sample:
    """Run ``command`` once in a fresh process: wall time, peak RSS of that process, exit code.

    The peak memory comes from GNU time wrapped around the command when it is installed:
    Linux counts in a child's peak RSS the memory of the process it was forked from, and
    this runner is far larger than ``python -c pass``. Without GNU time it comes from
    ``wait4`` and includes the runner's size (the table says so).
    """
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("HKAI_LANG", None)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile(prefix="hkai-bench-mem-") as memory:
        full = [GNU_TIME, "-f", "%M", "-o", memory.name, *command] if GNU_TIME else command
        start = time.perf_counter()
        process = subprocess.Popen(full, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                                   start_new_session=True)
        timed_out = threading.Event()

        def kill() -> None:
            timed_out.set()
            try:
                os.killpg(process.pid, 9)  # the command and GNU time around it
            except ProcessLookupError:
                pass

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        peak_kb = usage.ru_maxrss
        if GNU_TIME:
            lines = Path(memory.name).read_text(errors="replace").split()
            peak_kb = int(lines[-1]) if lines and lines[-1].isdigit() else 0
        stdout = stderr = b""
        if keep_output or process.returncode not in (0, 1):
            out.seek(0)
            err.seek(0)
            stdout, stderr = out.read(), err.read()
    return Sample(seconds, peak_kb / 1024, process.returncode, stdout, stderr, timed_out.is_set())


@dataclass
class Series:
    """The runs of one command in one case."""
    label: str
    command: list[str]
    cwd: Path | None = None
    check: object = None  # callable(Sample) -> problem or None, on the first measured run
    samples: list[Sample] = field(default_factory=list)
    problem: str | None = None

    @property
    def seconds(self) -> float | None:
        good = [s.seconds for s in self.samples if not s.timed_out]
        return statistics.median(good) if good and self.problem is None else None

    @property
    def peak_mb(self) -> float | None:
        good = [s.peak_mb for s in self.samples if not s.timed_out]
        return statistics.median(good) if good and self.problem is None else None


def run_series(series: list[Series], runs: int, warmup: int, timeout: float, title: str) -> None:
    """Interleave the commands: warm-up rounds, then ``runs`` measured rounds."""
    for round_ in range(warmup + runs):
        measured = round_ >= warmup
        for one in series:
            if one.problem is not None:
                continue
            tag = f"run {round_ - warmup + 1}/{runs}" if measured else "warm-up"
            print(f"  {title}: {one.label} {tag}", file=sys.stderr, flush=True)
            first = measured and not one.samples
            sample = measure(one.command, one.cwd, timeout, keep_output=first and one.check is not None)
            if sample.timed_out:
                one.problem = f"timed out after {timeout:g} s"
            elif sample.returncode not in (0, 1):
                detail = (sample.stderr or sample.stdout).decode("utf-8", "replace").strip().splitlines()
                one.problem = f"exit code {sample.returncode}: " + (detail[-1] if detail else "no output")
            elif first and one.check is not None:
                one.problem = one.check(sample)
            if measured and one.problem is None:
                one.samples.append(sample)



# ----------------------------------------------------------------------------- the commands

def resolve_hkai(override: str | None) -> tuple[list[str], Path | None, str]:
    """The hkai command to time: ``--hkai``, else this working tree's, as a user runs it."""
    if override:
        return shlex.split(override), None, override
    script = Path(sys.executable).parent / "hkai"
    if script.exists():
        probe = subprocess.run([sys.executable, "-c", "import checker; print(checker.__file__)"],
                               capture_output=True, text=True, cwd=tempfile.gettempdir())
        where = Path(probe.stdout.strip()).resolve() if probe.returncode == 0 else None
        if where is not None and ROOT.resolve() in where.parents:
            return [str(script)], None, str(script)
    # not installed from this working tree: run the package from it
    return [sys.executable, "-m", "checker"], ROOT, f"{sys.executable} -m checker (in {ROOT})"


def hkai_python(hkai: list[str]) -> str:
    """The Python that runs hkai (a console script's ``#!`` line), for the floors to use the same one."""
    program = Path(hkai[0])
    if program.name.startswith("python"):
        return str(program)
    try:
        with open(shutil.which(str(program)) or program, "rb") as script:
            first = script.readline().decode("utf-8", "replace")
    except OSError:
        return sys.executable
    interpreter = first[2:].strip().split() if first.startswith("#!") else []
    if interpreter and Path(interpreter[0]).name.startswith("python") and Path(interpreter[0]).exists():
        return interpreter[0]
    return sys.executable


def describe_install(python: str, cwd: Path | None) -> tuple[str, bool]:
    """How the hkai measured is installed (a line for the header) and whether that is as a user has it."""
    probe = subprocess.run([python, "-c", INSTALL_PROBE], capture_output=True, text=True,
                           cwd=cwd or tempfile.gettempdir())
    try:
        found = json.loads(probe.stdout)
    except ValueError:
        return "could not tell how hkai is installed: " + probe.stderr.strip()[-200:], False
    where = Path(found["file"]).resolve().parent
    if found["editable"] or ROOT.resolve() in where.parents or where == ROOT.resolve() / "checker":
        return (f"WARNING: hkai runs from the source tree {where} (an editable install or no install): "
                f"not as a user has it. For figures to compare, run:\n    {INSTALL_HINT}"), False
    if not found["bytecode"]:
        return f"WARNING: hkai installed at {where} without bytecode: its first runs compile it", False
    return f"hkai installed non-editable, with bytecode, at {where}", True


def hkai_accepts_jobs(hkai: list[str], cwd: Path | None) -> bool:
    result = subprocess.run([*hkai, "check", "--help"], capture_output=True, text=True, cwd=cwd)
    return "--jobs" in result.stdout


def find_spectral(override: str | None) -> Path | None:
    if override:  # named on the command line: that one or none
        return Path(override) if Path(override).exists() else None
    for candidate in (os.environ.get("SPECTRAL"), str(SPECTRAL_DEFAULT)):
        if candidate and Path(candidate).exists():
            return Path(candidate)
    found = shutil.which("spectral")
    return Path(found) if found else None


def check_hkai(expected: int):
    """The report must be JSON for ``expected`` manifests, none with an error or SCHEMA finding."""
    def check(sample: Sample) -> str | None:
        try:
            report = json.loads(sample.stdout)
            manifests = report["manifests"]
        except (ValueError, KeyError, TypeError):
            return "not a JSON report: " + sample.stderr.decode("utf-8", "replace").strip()[-200:]
        if len(manifests) != expected:
            return f"reported {len(manifests)} manifests, expected {expected}"
        for manifest in manifests:
            if manifest.get("status") not in ("pass", "fail"):
                return f"{manifest.get('path')}: status {manifest.get('status')}"
            if any(f.get("rule") == "SCHEMA" for f in manifest.get("findings", ())):
                return f"{manifest.get('path')}: SCHEMA findings (the input does not match the format)"
        return None
    return check


def check_version(sample: Sample) -> str | None:
    text = sample.stdout.decode("utf-8", "replace").strip()
    return None if sample.returncode == 0 and text else f"no version printed (exit code {sample.returncode})"


def check_spectral(sample: Sample) -> str | None:
    text = (sample.stdout + sample.stderr).decode("utf-8", "replace")
    if "Error running Spectral" in text or "Could not" in text:
        return "Spectral failed: " + text.strip()[-300:]
    if re.search(r"\berror\s+(parser|invalid-ruleset)\b", text):
        return "Spectral could not parse an input: " + text.strip()[-300:]
    return None


# ----------------------------------------------------------------------------- the inputs

def human_bytes(n: int) -> str:
    return f"{n / 1024:.1f} KB" if n < 1024 * 1024 else f"{n / 1024 / 1024:.1f} MB"


def make_batch(count: int, folder: Path) -> list[Path]:
    """``count`` copies of the example manifests as ``NNNN/manifest.yaml``, distinct production ids."""
    examples = sorted(EXAMPLES.glob("*/manifest.yaml"))
    texts = [path.read_text(encoding="utf-8") for path in examples]
    pattern = re.compile(r"^(production:\n(?:[ \t]*#.*\n)*  id: )(\S+)", re.MULTILINE)
    files = []
    for i in range(count):
        text = texts[i % len(texts)]
        text, n = pattern.subn(lambda m: f"{m.group(1)}{m.group(2)}-{i:04d}", text, count=1)
        if n != 1:
            raise SystemExit(f"cannot find production.id in {examples[i % len(examples)]}")
        path = folder / f"{i:04d}" / "manifest.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        files.append(path)
    return files


def write_json(source: Path, target: Path) -> Path:
    """The data of the YAML file ``source`` written as JSON (dates as text), unless already there."""
    import yaml
    if not target.exists():
        with open(source, "rb") as f:
            data = yaml.load(f, Loader=yaml.CSafeLoader)
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(target.name + ".tmp")
        temporary.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
        temporary.replace(target)
    return target


def json_twin(source: Path, cache: Path) -> Path:
    """The JSON copy of ``source`` for the parse floor: beside it in the cache, else in the cache's json/."""
    if cache.resolve() in source.resolve().parents:
        return write_json(source, source.with_suffix(".json"))
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:10]
    return write_json(source, cache / "json" / f"{source.parent.name}-{digest}.json")


def size_limit_args(path: Path) -> tuple[list[str], str | None]:
    """``--max-file-size`` for a file over hkai's default limit, and the note that says so."""
    size = path.stat().st_size
    if size <= HKAI_DEFAULT_MAX_BYTES:
        return [], None
    return (["--max-file-size", str(size + 1)],
            f"{human_bytes(size)} is over hkai's default limit of {human_bytes(HKAI_DEFAULT_MAX_BYTES)}: "
            f"ran with --max-file-size {size + 1}")


# ----------------------------------------------------------------------------- the cases

@dataclass
class CaseResult:
    key: str
    label: str
    size: str
    hkai: Series | None
    spectral: Series | None
    python: Series
    loader: Series
    json: Series
    uses: int | None = None
    shape: str = "default"
    note: str | None = None


def floors(ctx, files: list[Path], twins: list[Path]) -> tuple[Series, Series, Series]:
    """`python -c pass`, the YAML C loader and `json.loads` on the same files, in hkai's Python."""
    return (Series("python -c pass", [ctx.python, "-c", "pass"]),
            Series("yaml C load", [ctx.python, "-c", LOAD_ONLY, *map(str, files)]),
            Series("json.loads", [ctx.python, "-c", JSON_ONLY, *map(str, twins)]))


def spectral_series(ctx, files: list[Path]) -> Series | None:
    if ctx.spectral is None:
        return None
    return Series("spectral", [str(ctx.spectral), "lint", "-q", "-r", str(ctx.ruleset), *map(str, files)],
                  None, check_spectral)


def hkai_series(ctx, label: str, args: list[str], expected: int) -> Series:
    return Series(label, [*ctx.hkai, "check", *args, "--format", "json"], ctx.hkai_cwd, check_hkai(expected))


def one_file_case(ctx, key: str, label: str, path: Path, runs: int, uses: int | None = None,
                  shape: str = "default") -> CaseResult:
    """hkai ``--jobs 1`` on one file, interleaved with Spectral and the floors on the same file."""
    extra, note = size_limit_args(path)
    result = CaseResult(key, label, human_bytes(path.stat().st_size),
                        hkai_series(ctx, "hkai", [*ctx.jobs1, *extra, str(path)], 1), spectral_series(ctx, [path]),
                        *floors(ctx, [path], [json_twin(path, ctx.cache)]), uses=uses, shape=shape, note=note)
    series = [s for s in (result.hkai, result.spectral, result.python, result.loader, result.json) if s]
    run_series(series, runs, ctx.warmup, ctx.timeout, label)
    return result


def generated_case(ctx, uses: int, shape: str = "default") -> CaseResult:
    print(f"generating {uses:,} AI uses (seed {ctx.seed}, shape {shape}) in {ctx.cache}", file=sys.stderr, flush=True)
    path = generate.cached(uses, ctx.seed, ctx.cache, shape)
    label = f"(b) {uses:,} AI uses" + ("" if shape == "default" else f", {shape}")
    runs = ctx.runs_large if uses >= 10_000 else ctx.runs
    return one_file_case(ctx, "b", label, path, runs, uses=uses, shape=shape)


def batch_cases(ctx, count: int, scratch: Path) -> list[CaseResult]:
    """One folder of ``count`` manifests: hkai with the default jobs and with --jobs 1, one Spectral process."""
    folder = scratch / "batch"
    print(f"writing a batch of {count:,} manifests in {folder}", file=sys.stderr, flush=True)
    files = make_batch(count, folder)
    twins = [write_json(f, scratch / "batch-json" / f"{f.parent.name}.json") for f in files]
    size = f"{count:,} files, {human_bytes(sum(f.stat().st_size for f in files))}"
    default = hkai_series(ctx, "hkai default jobs", [str(folder)], count)
    jobs1 = hkai_series(ctx, "hkai --jobs 1", [*ctx.jobs1, str(folder)], count)
    spectral = spectral_series(ctx, files)
    python, loader, parse = floors(ctx, files, twins)
    # one interleaved series: Spectral and the floors take no --jobs, so both rows share them
    run_series([s for s in (default, jobs1, spectral, python, loader, parse) if s],
               ctx.runs, ctx.warmup, ctx.timeout, f"(c) batch of {count:,}")
    return [CaseResult("c", "(c) batch, default jobs", size, default, spectral, python, loader, parse),
            CaseResult("c", "(c) batch, --jobs 1", size, jobs1, spectral, python, loader, parse)]


@dataclass
class PairCase:
    """Commands of hkai compared with each other (start-up, busy core), not with Spectral."""
    key: str
    label: str
    series: list[Series]
    note: str | None = None


def startup_case(ctx) -> PairCase:
    """`python -c "import yaml"`, `hkai --version` and `hkai check --format json` on a small manifest."""
    series = [Series('python -c "import yaml"', [ctx.python, "-c", "import yaml"]),
              Series("hkai --version", [*ctx.hkai, "--version"], ctx.hkai_cwd, check_version),
              Series(f"hkai check --format json ({SMALL.parent.name}, {human_bytes(SMALL.stat().st_size)})",
                     [*ctx.hkai, "check", str(SMALL), "--format", "json"], ctx.hkai_cwd, check_hkai(1))]
    run_series(series, ctx.runs_startup, ctx.warmup, ctx.timeout, "(s) start-up")
    return PairCase("s", "(s) start-up", series)


def busy_core_case(ctx, count: int, scratch: Path) -> PairCase:
    """A batch with the default jobs and with --jobs 1 while a busy loop keeps another core busy."""
    folder = scratch / "busy-batch"
    print(f"writing a batch of {count:,} manifests in {folder}", file=sys.stderr, flush=True)
    make_batch(count, folder)
    series = [hkai_series(ctx, "hkai default jobs", [str(folder)], count),
              hkai_series(ctx, "hkai --jobs 1", [*ctx.jobs1, str(folder)], count)]
    busy = subprocess.Popen([sys.executable, "-c", BUSY_LOOP], stdin=subprocess.DEVNULL)
    print(f"busy loop started, pid {busy.pid}", file=sys.stderr, flush=True)
    try:
        run_series(series, ctx.runs, ctx.warmup, ctx.timeout, f"(d) {count:,} manifests, busy core")
    finally:
        os.kill(busy.pid, 9)
        busy.wait()
        print(f"busy loop stopped, pid {busy.pid}", file=sys.stderr, flush=True)
    return PairCase("d", f"(d) batch of {count:,}, one core kept busy", series,
                    note=f"a busy loop (`python -c '{BUSY_LOOP}'`) ran during the runs")

# ----------------------------------------------------------------------------- case h: HTML against JSON

@dataclass
class HtmlCase:
    label: str
    size: str
    html: Series
    json: Series
    target: str  # "seconds": rendering HTML must be fast; "ratio": HTML against JSON


def check_html(expected: int):
    """The report must be a whole HTML page with one section per manifest."""
    def check(sample: Sample) -> str | None:
        page = sample.stdout.decode("utf-8", "replace")
        if not page.startswith("<!DOCTYPE html>") or not page.rstrip().endswith("</html>"):
            return "not an HTML page: " + sample.stderr.decode("utf-8", "replace").strip()[-200:]
        found = page.count('<section class="production"')
        return None if found == expected else f"reported {found} productions, expected {expected}"
    return check


def html_cases(ctx, uses: int, seed: int, cache: Path) -> list[HtmlCase]:
    """The same input reported as HTML and as JSON, the two commands interleaved."""
    examples = sorted(EXAMPLES.glob("*/manifest.yaml"))
    print(f"generating {uses:,} AI uses (seed {seed}) in {cache}", file=sys.stderr, flush=True)
    generated = generate.cached(uses, seed, cache)
    inputs = [(f"(h) {len(examples)} example productions", str(EXAMPLES), len(examples),
               human_bytes(sum(p.stat().st_size for p in examples)), "seconds"),
              (f"(h) {uses:,} AI uses", str(generated), 1, human_bytes(generated.stat().st_size), "ratio")]
    cases = []
    for label, path, expected, size, target in inputs:
        command = [*ctx.hkai, "check", path, "--today", "2026-01-01", "--format"]
        case = HtmlCase(label, size, Series("hkai html", [*command, "html"], ctx.hkai_cwd, check_html(expected)),
                        Series("hkai json", [*command, "json"], ctx.hkai_cwd, check_hkai(expected)), target)
        run_series([case.html, case.json], ctx.runs, ctx.warmup, ctx.timeout, label)
        cases.append(case)
    return cases


def render_html_cases(cases: list[HtmlCase], out) -> None:
    """The two runs, their difference (what writing HTML instead of JSON costs) and ratio."""
    w = out.write
    w("\n(h) the HTML report against the JSON report of the same input (whole process, median wall seconds)\n")
    rows = [["case", "input", "html s", "json s", "html-json s", "html/json", "target", ""]]
    for case in cases:
        html_s, json_s = case.html.seconds, case.json.seconds
        extra = None if html_s is None or json_s is None else html_s - json_s
        value = ratio(html_s, json_s)
        if case.target == "seconds":
            goal, ok = f"html-json < {TARGET_H_RENDER_SECONDS:g} s", None if extra is None else \
                extra < TARGET_H_RENDER_SECONDS
        else:
            goal, ok = f"html/json <= {TARGET_H_RATIO}x", None if value is None else value <= TARGET_H_RATIO
        rows.append([case.label, case.size, fmt_s(html_s), fmt_s(json_s), fmt_s(extra), fmt_x(value), goal,
                     "-" if ok is None else "ok" if ok else "MISSED"])
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        w("  " + "  ".join(c.ljust(widths[i]) if i in (0, 1, 6, 7) else c.rjust(widths[i])
                           for i, c in enumerate(row)).rstrip() + "\n")
    w("  html-json: what rendering HTML costs beyond JSON (the template's compilation included)\n")
    for case in cases:
        for series in (case.html, case.json):
            if series.problem:
                w(f"  - {case.label}: {series.label}: {series.problem}\n")


# ----------------------------------------------------------------------------- the table

def fmt_s(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if value < 10 else f"{value:.2f}" if value < 100 else f"{value:.1f}"


def fmt_mb(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f}"


def fmt_ms(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def fmt_x(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}x"


def seconds(series: Series | None) -> float | None:
    return series.seconds if series is not None else None


def peak(series: Series | None) -> float | None:
    return series.peak_mb if series is not None else None


def write_table(rows: list[list[str]], out, left: int = 1, indent: str = "  ") -> None:
    """Columns aligned: the first ``left`` ones to the left, the others to the right."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        out.write(indent + "  ".join(c.ljust(widths[i]) if i < left else c.rjust(widths[i])
                                     for i, c in enumerate(row)).rstrip() + "\n")


def net_per_use(results: list[CaseResult], get) -> list[float | None]:
    """Seconds per AI use of the default-shape sizes, net of the typical manifest's time (case a)."""
    typical = next((get(r) for r in results if r.key == "a"), None)
    return [None if typical is None or get(r) is None else (get(r) - typical) / r.uses
            for r in results if r.key == "b" and r.shape == "default"]


def flatness(values: list[float | None]) -> float | None:
    """How far the time per use drifts across sizes: (largest - smallest) / smallest."""
    good = [v for v in values if v is not None]
    return None if len(good) < 2 or min(good) <= 0 else (max(good) - min(good)) / min(good)


def render_header(ctx, out) -> None:
    w = out.write
    w("\n")
    w(f"hkai benchmark, {datetime.date.today().isoformat()}: {platform.system()} {platform.machine()}, "
      f"{os.cpu_count()} CPUs, Python {platform.python_version()}, PyYAML {ctx.yaml_version}, "
      f"Spectral {ctx.spectral_version or 'not installed'}\n")
    w(f"median of {ctx.runs} run(s){ctx.runs_note} after {ctx.warmup} warm-up run(s), commands interleaved; "
      "wall seconds and peak RSS (MB) of each fresh process\n")
    if GNU_TIME:
        w(f"peak memory measured by {GNU_TIME} around each command (wall time: by the runner, "
          "including that wrapper's ~1 ms)\n")
    else:
        w("peak memory from wait4 (GNU time not found): it includes the runner's own size at fork, "
          "so small processes read high\n")
    w(f"hkai = {ctx.hkai_label} check {' '.join(ctx.jobs1)} FILE --format json"
      " (batches: with the default jobs, and with --jobs 1)\n")
    w(ctx.install + "\n")
    w(f"floors run by {ctx.python}: python -c pass; yaml-C = PyYAML's C loader; "
      "json = json.loads of the same data written as JSON (the parse floor)\n")
    if ctx.spectral is None:
        w("spectral: not installed, column skipped. Install it (Node.js, outside the project) with:\n"
          f"    {SPECTRAL_INSTALL}\n  or point $SPECTRAL at a spectral binary.\n")
    else:
        w(f"spectral = {ctx.spectral} lint -q -r {ctx.ruleset} FILE...\n")


def render_cases(results: list[CaseResult], out, notes: list[str]) -> None:
    headers = ["case", "input", "hkai s", "hkai MB", "spectral s", "spectral MB", "python s", "yaml-C s",
               "json s", "hkai/spectral", "MB/spectral", "hkai/python", "hkai/yaml-C", "hkai/json"]
    rows = [headers]
    reported: set[int] = set()
    for r in results:
        for series in (r.hkai, r.spectral, r.python, r.loader, r.json):
            if series is not None and series.problem and id(series) not in reported:
                reported.add(id(series))
                notes.append(f"{r.label}: {series.label}: {series.problem}")
        if r.note:
            notes.append(f"{r.label}: {r.note}")
        hk = seconds(r.hkai)
        rows.append([r.label, r.size, fmt_s(hk), fmt_mb(peak(r.hkai)), fmt_s(seconds(r.spectral)),
                     fmt_mb(peak(r.spectral)), fmt_s(r.python.seconds), fmt_s(r.loader.seconds),
                     fmt_s(r.json.seconds), fmt_x(ratio(hk, seconds(r.spectral))),
                     fmt_x(ratio(peak(r.hkai), peak(r.spectral))), fmt_x(ratio(hk, r.python.seconds)),
                     fmt_x(ratio(hk, r.loader.seconds)), fmt_x(ratio(hk, r.json.seconds))])
    out.write("\n")
    write_table(rows, out, left=2, indent="")


def render_per_use(results: list[CaseResult], out) -> None:
    sized = [r for r in results if r.key == "b" and r.shape == "default"]
    if not sized:
        return
    out.write("\n(b) per AI use: (median time - the typical manifest's time (a)) / uses, and memory\n")
    hk = net_per_use(results, lambda r: seconds(r.hkai))
    sp = net_per_use(results, lambda r: seconds(r.spectral))
    table = [["", *[f"{r.uses:,} uses" for r in sized], "drift"],
             ["hkai ms/use", *map(fmt_ms, [None if v is None else v * 1000 for v in hk]), fmt_pct(flatness(hk))],
             ["spectral ms/use", *map(fmt_ms, [None if v is None else v * 1000 for v in sp]), fmt_pct(flatness(sp))],
             ["hkai/spectral per use", *[fmt_x(ratio(a, b)) for a, b in zip(hk, sp)], ""],
             ["hkai peak MB / 1,000 uses",
              *[fmt_mb(None if peak(r.hkai) is None else peak(r.hkai) * 1000 / r.uses) for r in sized], ""],
             ["spectral peak MB / 1,000 uses",
              *[fmt_mb(None if peak(r.spectral) is None else peak(r.spectral) * 1000 / r.uses) for r in sized], ""]]
    write_table(table, out)
    out.write(f"  drift: (largest - smallest) / smallest across the sizes (target: within "
              f"{TARGET_B_FLAT * 100:.0f} %)\n")


def fmt_pct(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.0f} %"


def render_pairs(pairs: list[PairCase], out, notes: list[str]) -> None:
    """Start-up against `import yaml`; the busy-core batch, default jobs against --jobs 1."""
    for pair in pairs:
        base = pair.series[0 if pair.key == "s" else 1]
        out.write(f"\n{pair.label} (median wall seconds"
                  + (f", against {base.label})\n" if pair.key == "s" else ")\n"))
        rows = [["command", "s", "MB", "beyond " + ("import yaml" if pair.key == "s" else "--jobs 1"), "ratio"]]
        for series in pair.series:
            extra = None if seconds(series) is None or seconds(base) is None else seconds(series) - seconds(base)
            rows.append([series.label, fmt_s(seconds(series)), fmt_mb(peak(series)),
                         "" if series is base else fmt_s(extra),
                         "" if series is base else fmt_x(ratio(seconds(series), seconds(base)))])
            if series.problem:
                notes.append(f"{pair.label}: {series.label}: {series.problem}")
        write_table(rows, out)
        if pair.note:
            out.write(f"  {pair.note}\n")


def targets_table(results: list[CaseResult], pairs: list[PairCase]) -> list[list[str]]:
    rows = [["target (issue 13)", "measured", "goal", ""]]

    def add(name: str, value: float | None, goal: float, shown: str | None = None, unit: str = "x") -> None:
        ok = None if value is None else value <= goal
        text = shown or (fmt_x(value) if unit == "x" else "-" if value is None else f"{value:+.3f} s")
        rows.append([name, text, f"<= {goal:g}{' s' if unit == 's' else unit}",
                     "-" if ok is None else "ok" if ok else "MISSED"])

    for pair in (p for p in pairs if p.key == "s"):
        base, version, check = (seconds(s) for s in pair.series)
        add("(s) hkai --version beyond import yaml", None if None in (version, base) else version - base,
            TARGET_S_VERSION, unit="s")
        add("(s) hkai check --format json, small, beyond import yaml",
            None if None in (check, base) else check - base, TARGET_S_CHECK, unit="s")
    for r in results:
        if r.key in ("a", "b"):
            add(f"{r.label}: hkai / spectral", ratio(seconds(r.hkai), seconds(r.spectral)),
                TARGET_A_SPECTRAL if r.key == "a" else TARGET_B_SPECTRAL)
            add(f"{r.label}: peak memory hkai / spectral", ratio(peak(r.hkai), peak(r.spectral)), TARGET_MEMORY)
    if sum(1 for r in results if r.key == "b" and r.shape == "default") >= 2:
        drift = flatness(net_per_use(results, lambda r: seconds(r.hkai)))
        rows.append(["(b) hkai time per AI use, drift across sizes", fmt_pct(drift),
                     f"<= {TARGET_B_FLAT * 100:.0f} %", "-" if drift is None else "ok" if drift <= TARGET_B_FLAT
                     else "MISSED"])
    for r in (r for r in results if r.label == "(c) batch, default jobs"):
        add("(c) batch, default jobs: hkai / one spectral process", ratio(seconds(r.hkai), seconds(r.spectral)),
            TARGET_C_SPECTRAL)
    for pair in (p for p in pairs if p.key == "d"):
        default, jobs1 = (seconds(s) for s in pair.series)
        value = ratio(default, jobs1)
        add("(d) busy core: default jobs / --jobs 1", value, 1 + TARGET_D_SLOWER)
    return rows if len(rows) > 1 else []


def render(results: list[CaseResult], pairs: list[PairCase], ctx, out) -> None:
    notes: list[str] = []
    render_header(ctx, out)
    if results:
        render_cases(results, out, notes)
        render_per_use(results, out)
    render_pairs(pairs, out, notes)
    targets = targets_table(results, pairs)
    if targets:
        out.write("\n")
        write_table(targets, out, left=4)
    if notes:
        out.write("\nnotes\n")
        for note in notes:
            out.write(f"  - {note}\n")


# ----------------------------------------------------------------------------- main

class Context:
    pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark hkai against Spectral and the bare floors.")
    parser.add_argument("--cases", default="s,a,b,c,d,h",
                        help="comma-separated cases among s, a, b, c, d, h (default: all)")
    parser.add_argument("--runs", type=int, default=None, help="measured runs per command, median shown (default: 5)")
    parser.add_argument("--runs-large", type=int, default=None, metavar="N",
                        help="measured runs for generated manifests of 10,000 uses or more (default: --runs)")
    parser.add_argument("--runs-startup", type=int, default=None, metavar="N",
                        help="measured runs of the start-up case (default: 20; --quick: 3)")
    parser.add_argument("--warmup", type=int, default=None, help="unmeasured runs first (default: 1)")
    parser.add_argument("--quick", action="store_true",
                        help="smoke run: sizes 100 and 300, shapes at 100 uses, batches of 20, one run, no warm-up")
    parser.add_argument("--sizes", default=None, help="AI uses of the generated manifests (default: 1000,5000,20000)")
    parser.add_argument("--shapes", default=",".join(SHAPES),
                        help=f"other shapes of generated manifest, as extra (b) rows (default: {','.join(SHAPES)}; "
                             "'none' for none)")
    parser.add_argument("--shape-uses", default=None,
                        help=f"AI uses of the other shapes, comma-separated (default: {SHAPE_USES}; --quick: 100)")
    parser.add_argument("--batch", type=int, default=None, help="manifests in the batch case (default: 1000)")
    parser.add_argument("--busy-batch", type=int, default=None,
                        help=f"manifests in the busy-core case (default: {BUSY_BATCH}; --quick: 20)")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default: 1)")
    parser.add_argument("--timeout", type=float, default=900, help="seconds before a run is abandoned (default: 900)")
    parser.add_argument("--hkai", default=None, help="command to run instead of this working tree's hkai, such as "
                                                     "a non-editable install: /tmp/hkai-bench/bin/hkai")
    parser.add_argument("--spectral", default=None, help="spectral binary (default: $SPECTRAL, then "
                                                         f"{SPECTRAL_DEFAULT}, then spectral on PATH)")
    parser.add_argument("--no-spectral", action="store_true", help="skip the Spectral column")
    parser.add_argument("--ruleset", type=Path, default=Path(os.environ.get("SPECTRAL_RULESET", DEFAULT_RULESET)),
                        help=f"the Spectral peer ruleset (default: {DEFAULT_RULESET})")
    parser.add_argument("--html-uses", type=int, default=None,
                        help=f"AI uses of the generated manifest of case h (default: {HTML_USES}; --quick: 300)")
    parser.add_argument("--cache", type=Path, default=CACHE, help=f"where generated manifests are kept (default: {CACHE})")
    args = parser.parse_args(argv)

    cases = [c.strip() for c in args.cases.split(",") if c.strip()]
    unknown = [c for c in cases if c not in ("s", "a", "b", "c", "d", "h")]
    if unknown:
        parser.error(f"unknown case(s) {', '.join(unknown)}: choose among s, a, b, c, d, h")
    shapes = [] if args.shapes.strip() == "none" else [s.strip() for s in args.shapes.split(",") if s.strip()]
    if any(s not in SHAPES for s in shapes):
        parser.error(f"--shapes: choose among {', '.join(SHAPES)}, or none")
    ctx = Context()
    ctx.runs = args.runs if args.runs is not None else (1 if args.quick else 5)
    ctx.runs_large = args.runs_large if args.runs_large is not None else ctx.runs
    ctx.runs_startup = args.runs_startup if args.runs_startup is not None else (3 if args.quick else 20)
    ctx.warmup = args.warmup if args.warmup is not None else (0 if args.quick else 1)
    if min(ctx.runs, ctx.runs_large, ctx.runs_startup) < 1 or ctx.warmup < 0:
        parser.error("--runs must be at least 1 and --warmup at least 0")
    ctx.runs_note = "" if ctx.runs_large == ctx.runs else f" ({ctx.runs_large} for 10,000 AI uses or more)"
    ctx.runs_note += f" ({ctx.runs_startup} for start-up)" if "s" in cases else ""
    ctx.timeout = args.timeout
    ctx.seed, ctx.cache = args.seed, args.cache
    sizes = [int(s) for s in (args.sizes or ("100,300" if args.quick else "1000,5000,20000")).split(",") if s.strip()]
    shape_sizes = [int(s) for s in (args.shape_uses or ("100" if args.quick else str(SHAPE_USES))).split(",")
                   if s.strip()]
    batch_size = args.batch if args.batch is not None else (20 if args.quick else 1000)
    busy_size = args.busy_batch if args.busy_batch is not None else (20 if args.quick else BUSY_BATCH)

    import yaml
    ctx.yaml_version = yaml.__version__ + (" with libyaml" if yaml.__with_libyaml__ else " WITHOUT libyaml")
    ctx.hkai, ctx.hkai_cwd, ctx.hkai_label = resolve_hkai(args.hkai)
    ctx.python = hkai_python(ctx.hkai)
    ctx.install, _ = describe_install(ctx.python, ctx.hkai_cwd)
    ctx.jobs1 = ["--jobs", "1"] if hkai_accepts_jobs(ctx.hkai, ctx.hkai_cwd) else []
    ctx.spectral = None if args.no_spectral else find_spectral(args.spectral)
    ctx.ruleset = args.ruleset
    ctx.spectral_version = None
    if ctx.spectral is not None:
        if not ctx.ruleset.exists():
            print(f"run.py: the Spectral peer ruleset {ctx.ruleset} is missing; Spectral column skipped",
                  file=sys.stderr)
            ctx.spectral = None
        else:
            version = subprocess.run([str(ctx.spectral), "--version"], capture_output=True, text=True)
            ctx.spectral_version = version.stdout.strip() or "unknown version"
    if ctx.spectral is None and not args.no_spectral:
        print(f"run.py: Spectral not found; its column is skipped. Install it with:\n    {SPECTRAL_INSTALL}",
              file=sys.stderr)
    print(ctx.install, file=sys.stderr, flush=True)

    results: list[CaseResult] = []
    pairs: list[PairCase] = []
    with tempfile.TemporaryDirectory(prefix="hkai-bench-") as scratch:
        if "s" in cases:
            pairs.append(startup_case(ctx))
        if "a" in cases:
            results.append(one_file_case(ctx, "a", "(a) typical manifest", TYPICAL, ctx.runs))
        if "b" in cases:
            results += [generated_case(ctx, uses) for uses in sizes]
            results += [generated_case(ctx, uses, shape) for uses in shape_sizes for shape in shapes]
        if "c" in cases:
            results += batch_cases(ctx, batch_size, Path(scratch))
        if "d" in cases:
            pairs.append(busy_core_case(ctx, busy_size, Path(scratch)))
        html = html_cases(ctx, args.html_uses or (300 if args.quick else HTML_USES), args.seed, args.cache) \
            if "h" in cases else []
    if results or pairs or not html:
        render(results, pairs, ctx, sys.stdout)
    if html:
        render_html_cases(html, sys.stdout)
    failed = [s for r in results for s in (r.hkai, r.spectral) if s is not None and s.problem]
    failed += [s for p in pairs for s in p.series if s.problem]
    failed += [s for case in html for s in (case.html, case.json) if s.problem]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
