"""Benchmark hkai against Spectral (the peer ruleset) and the bare floors, and print a table.

    python benchmarks/run.py                      # all cases, median of 5 runs
    python benchmarks/run.py --cases b --runs 3   # only the generated manifests
    python benchmarks/run.py --quick              # a smoke run: small sizes, one run

Cases (see benchmarks/README.md):
  a  a typical example manifest, whole process;
  b  generated manifests with 1,000, 5,000 and 20,000 AI uses, whole process, time and peak
     memory, and the time per AI use;
  c  a batch of 1,000 typical manifests in one run, `--jobs 1` and `--jobs 2`;
  h  the HTML report against the JSON report of the same input: the seven example productions,
     and a generated manifest of 5,000 AI uses (`--format html` against `--format json`).
For each case, in the same run: Spectral with the peer ruleset on the same files (when
installed), `python -c pass`, and a process that only loads the file(s) with PyYAML's C loader.

Every measurement is a fresh process: wall time from start to exit, peak resident memory
from the kernel's accounting of that child (wait4). The commands of a case are interleaved
run by run, so that drift of the machine affects them alike; the table shows medians.
"""

from __future__ import annotations

import argparse
import datetime
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
EXAMPLES = ROOT / "examples" / "projects"
CACHE = HERE / ".cache"
DEFAULT_RULESET = ROOT.parent / "shared" / "bench" / "spectral-peer" / ".spectral.yaml"
SPECTRAL_VERSION = "6.16.3"
SPECTRAL_INSTALL = ("mkdir -p /tmp/spectral && (cd /tmp/spectral && npm install --no-audit --no-fund "
                    f"@stoplight/spectral-cli@{SPECTRAL_VERSION})")
SPECTRAL_DEFAULT = Path("/tmp/spectral/node_modules/.bin/spectral")
HKAI_DEFAULT_MAX_BYTES = 10 * 1024 * 1024  # hkai's --max-file-size default

LOAD_ONLY = ("import sys, yaml\n"
             "for name in sys.argv[1:]:\n"
             "    with open(name, 'rb') as f:\n"
             "        yaml.load(f, Loader=yaml.CSafeLoader)\n")

# Targets of issue 4 (2-core machine); printed with what this run measured.
TARGET_A_SPECTRAL = 0.4
TARGET_A_PYTHON = 3.0
TARGET_B_SPECTRAL = 0.5
TARGET_B_FLAT = 0.25
TARGET_C_SPECTRAL = 0.5
TARGET_C_SPEEDUP = 1.6
TARGET_H_RENDER_SECONDS = 1.0  # rendering the seven examples as HTML: its time beyond the JSON run
TARGET_H_RATIO = 1.5  # HTML against JSON of the same 5,000-use manifest
HTML_USES = 5000


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
    """The hkai command to time: the working tree of this repository, as a user runs it."""
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


def check_spectral(sample: Sample) -> str | None:
    text = (sample.stdout + sample.stderr).decode("utf-8", "replace")
    if "Error running Spectral" in text or "Could not" in text:
        return "Spectral failed: " + text.strip()[-300:]
    if re.search(r"\berror\s+(parser|invalid-ruleset)\b", text):
        return "Spectral could not parse an input: " + text.strip()[-300:]
    return None


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
    uses: int | None = None
    note: str | None = None


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


def case_commands(label: str, files: list[Path], hkai_args: list[str], ctx,
                  expected: int) -> tuple[Series, Series | None, Series, Series]:
    hkai = Series("hkai", [*ctx.hkai, "check", *hkai_args, "--format", "json"], ctx.hkai_cwd, check_hkai(expected))
    spectral = None
    if ctx.spectral is not None:
        spectral = Series("spectral", [str(ctx.spectral), "lint", "-q", "-r", str(ctx.ruleset),
                                       *[str(f) for f in files]], None, check_spectral)
    python = Series("python -c pass", [sys.executable, "-c", "pass"])
    loader = Series("yaml C load", [sys.executable, "-c", LOAD_ONLY, *[str(f) for f in files]])
    return hkai, spectral, python, loader


def run_case(result: CaseResult, ctx) -> CaseResult:
    series = [s for s in (result.hkai, result.spectral, result.python, result.loader) if s is not None]
    run_series(series, ctx.runs_for(result), ctx.warmup, ctx.timeout, result.label)
    return result


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


def ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def fmt_x(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}x"


def render(results: list[CaseResult], ctx, out) -> None:
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
    w(f"hkai = {ctx.hkai_label} check FILE... --format json\n")
    if ctx.spectral is None:
        w("spectral: not installed, column skipped. Install it (Node.js, outside the project) with:\n"
          f"    {SPECTRAL_INSTALL}\n  or point $SPECTRAL at a spectral binary.\n")
    else:
        w(f"spectral = {ctx.spectral} lint -q -r {ctx.ruleset} FILE...\n")
    w("\n")
    headers = ["case", "input", "hkai s", "hkai MB", "spectral s", "spectral MB", "python s",
               "yaml-C s", "yaml-C MB", "hkai/spectral", "hkai/python", "hkai/yaml-C"]
    rows = []
    notes: list[str] = []
    reported: set[int] = set()
    for r in results:
        hk_s = r.hkai.seconds if r.hkai else None
        sp_s = r.spectral.seconds if r.spectral else None
        label = r.label
        for series in (r.hkai, r.spectral, r.python, r.loader):
            if series is not None and series.problem and id(series) not in reported:
                reported.add(id(series))
                notes.append(f"{r.label}: {series.label}: {series.problem}")
        if r.note:
            notes.append(f"{r.label}: {r.note}")
        rows.append([label, r.size, fmt_s(hk_s), fmt_mb(r.hkai.peak_mb if r.hkai else None),
                     fmt_s(sp_s), fmt_mb(r.spectral.peak_mb if r.spectral else None),
                     fmt_s(r.python.seconds), fmt_s(r.loader.seconds), fmt_mb(r.loader.peak_mb),
                     fmt_x(ratio(hk_s, sp_s)), fmt_x(ratio(hk_s, r.python.seconds)),
                     fmt_x(ratio(hk_s, r.loader.seconds))])
    widths = [max(len(str(row[i])) for row in [headers, *rows]) for i in range(len(headers))]
    line = "  ".join(h.ljust(widths[i]) if i < 2 else h.rjust(widths[i]) for i, h in enumerate(headers))
    w(line + "\n" + "-" * len(line) + "\n")
    for row in rows:
        w("  ".join(str(c).ljust(widths[i]) if i < 2 else str(c).rjust(widths[i]) for i, c in enumerate(row)) + "\n")

    sized = [r for r in results if r.key == "b" and r.uses]
    if sized:
        w("\n(b) per AI use (median wall time / uses) and memory\n")
        cols = [f"{r.uses:,} uses" for r in sized]
        table = [["", *cols, "spread"]]

        def per_use(get) -> list[float | None]:
            return [None if get(r) is None else get(r) * 1000 / r.uses for r in sized]

        hk = per_use(lambda r: r.hkai.seconds)
        sp = per_use(lambda r: r.spectral.seconds if r.spectral else None)
        table.append(["hkai ms/use", *[fmt_ms(v) for v in hk], spread(hk)])
        table.append(["spectral ms/use", *[fmt_ms(v) for v in sp], spread(sp)])
        table.append(["hkai/spectral time", *[fmt_x(ratio(a, b)) for a, b in zip(hk, sp)], ""])
        table.append(["hkai/spectral peak memory",
                      *[fmt_x(ratio(r.hkai.peak_mb, r.spectral.peak_mb if r.spectral else None)) for r in sized], ""])
        table.append(["hkai peak MB / 1,000 uses", *[fmt_mb(None if r.hkai.peak_mb is None else r.hkai.peak_mb * 1000 / r.uses)
                                                     for r in sized], ""])
        table.append(["spectral peak MB / 1,000 uses",
                      *[fmt_mb(None if not r.spectral or r.spectral.peak_mb is None else r.spectral.peak_mb * 1000 / r.uses)
                        for r in sized], ""])
        widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
        for row in table:
            w("  " + "  ".join(c.ljust(widths[i]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(row)) + "\n")
        w("  spread: largest deviation from the mean of the sizes (target: within ±25 %)\n")

    batch = {r.label: r for r in results if r.key == "c"}
    jobs1, jobs2 = batch.get("(c) batch --jobs 1"), batch.get("(c) batch --jobs 2")
    if jobs1 and jobs1.hkai:
        speedup = ratio(jobs1.hkai.seconds, jobs2.hkai.seconds if jobs2 and jobs2.hkai else None)
        w(f"\n(c) --jobs 2 speed-up over --jobs 1: {fmt_x(speedup)}"
          + ("" if ctx.jobs else "  (hkai does not accept --jobs yet: the batch ran once, without it)") + "\n")

    targets = targets_table(results, ctx)
    if targets:
        w("\nissue 4 targets, as measured in this run\n")
        widths = [max(len(row[i]) for row in targets) for i in range(3)]
        for row in targets:
            w("  " + "  ".join(c.ljust(widths[i]) for i, c in enumerate(row[:3])) + f"  {row[3]}\n")
    if notes:
        w("\nnotes\n")
        for note in notes:
            w(f"  - {note}\n")


def fmt_ms(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def spread(values: list[float | None]) -> str:
    good = [v for v in values if v is not None]
    if len(good) < 2:
        return "-"
    mean = statistics.fmean(good)
    return f"±{max(abs(v - mean) for v in good) / mean * 100:.0f} %"


def targets_table(results: list[CaseResult], ctx) -> list[list[str]]:
    rows = [["target", "measured", "goal", ""]]

    def add(name: str, value: float | None, goal: str, ok: bool | None, shown: str | None = None) -> None:
        rows.append([name, shown or fmt_x(value), goal, "-" if ok is None else "ok" if ok else "MISSED"])

    for r in results:
        hk = r.hkai.seconds if r.hkai else None
        sp = r.spectral.seconds if r.spectral else None
        if r.key == "a":
            v = ratio(hk, sp)
            add("(a) hkai / spectral", v, f"<= {TARGET_A_SPECTRAL}x", None if v is None else v <= TARGET_A_SPECTRAL)
            v = ratio(hk, r.python.seconds)
            add("(a) hkai / python -c pass", v, f"<= {TARGET_A_PYTHON:g}x", None if v is None else v <= TARGET_A_PYTHON)
        elif r.key == "b":
            v = ratio(hk, sp)
            add(f"(b) {r.uses:,} uses: hkai / spectral", v, f"<= {TARGET_B_SPECTRAL}x",
                None if v is None else v <= TARGET_B_SPECTRAL)
            m = ratio(r.hkai.peak_mb if r.hkai else None, r.spectral.peak_mb if r.spectral else None)
            add(f"(b) {r.uses:,} uses: hkai / spectral peak memory", m, "< 1x", None if m is None else m < 1)
    sized = [r for r in results if r.key == "b" and r.uses and r.hkai and r.hkai.seconds is not None]
    if len(sized) >= 2:
        per = [r.hkai.seconds / r.uses for r in sized]
        mean = statistics.fmean(per)
        dev = max(abs(v - mean) for v in per) / mean
        add("(b) hkai time per AI use flat across sizes", None, f"within ±{TARGET_B_FLAT * 100:.0f} %",
            dev <= TARGET_B_FLAT, shown=f"±{dev * 100:.0f} %")
    batch = {r.label: r for r in results if r.key == "c"}
    for label in ("(c) batch --jobs 1", "(c) batch --jobs 2"):
        r = batch.get(label)
        if r and r.hkai:
            v = ratio(r.hkai.seconds, r.spectral.seconds if r.spectral else None)
            add(f"{label}: hkai / spectral", v, f"<= {TARGET_C_SPECTRAL}x", None if v is None else v <= TARGET_C_SPECTRAL)
    j1, j2 = batch.get("(c) batch --jobs 1"), batch.get("(c) batch --jobs 2")
    if j1 and j1.hkai:
        v = ratio(j1.hkai.seconds, j2.hkai.seconds if j2 and j2.hkai else None)
        add("(c) --jobs 2 speed-up over --jobs 1", v, f">= {TARGET_C_SPEEDUP}x", None if v is None else v >= TARGET_C_SPEEDUP)
    return rows if len(rows) > 1 else []


# ----------------------------------------------------------------------------- main

class Context:
    pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark hkai against Spectral and the bare floors.")
    parser.add_argument("--cases", default="a,b,c,h", help="comma-separated cases among a, b, c, h (default: all)")
    parser.add_argument("--runs", type=int, default=None, help="measured runs per command, median shown (default: 5)")
    parser.add_argument("--runs-large", type=int, default=None, metavar="N",
                        help="measured runs for generated manifests of 10,000 uses or more (default: --runs)")
    parser.add_argument("--warmup", type=int, default=None, help="unmeasured runs first (default: 1)")
    parser.add_argument("--quick", action="store_true",
                        help="smoke run: sizes 100 and 300, a batch of 20, one run, no warm-up")
    parser.add_argument("--sizes", default=None, help="AI uses of the generated manifests (default: 1000,5000,20000)")
    parser.add_argument("--batch", type=int, default=None, help="manifests in the batch case (default: 1000)")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default: 1)")
    parser.add_argument("--timeout", type=float, default=900, help="seconds before a run is abandoned (default: 900)")
    parser.add_argument("--hkai", default=None, help="command to run instead of this working tree's hkai")
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
    unknown = [c for c in cases if c not in ("a", "b", "c", "h")]
    if unknown:
        parser.error(f"unknown case(s) {', '.join(unknown)}: choose among a, b, c, h")
    ctx = Context()
    ctx.runs = args.runs if args.runs is not None else (1 if args.quick else 5)
    ctx.runs_large = args.runs_large if args.runs_large is not None else ctx.runs
    ctx.warmup = args.warmup if args.warmup is not None else (0 if args.quick else 1)
    if ctx.runs < 1 or ctx.runs_large < 1 or ctx.warmup < 0:
        parser.error("--runs must be at least 1 and --warmup at least 0")
    ctx.runs_for = lambda r: ctx.runs_large if r.key == "b" and (r.uses or 0) >= 10_000 else ctx.runs
    ctx.runs_note = "" if ctx.runs_large == ctx.runs else f" ({ctx.runs_large} for 10,000 AI uses or more)"
    ctx.timeout = args.timeout
    sizes = [int(s) for s in (args.sizes or ("100,300" if args.quick else "1000,5000,20000")).split(",") if s.strip()]
    batch_size = args.batch if args.batch is not None else (20 if args.quick else 1000)

    import yaml
    ctx.yaml_version = yaml.__version__ + (" with libyaml" if yaml.__with_libyaml__ else " WITHOUT libyaml")
    ctx.hkai, ctx.hkai_cwd, ctx.hkai_label = resolve_hkai(args.hkai)
    ctx.jobs = hkai_accepts_jobs(ctx.hkai, ctx.hkai_cwd) if "c" in cases else False
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

    results: list[CaseResult] = []
    with tempfile.TemporaryDirectory(prefix="hkai-bench-") as scratch:
        if "a" in cases:
            parts = case_commands("(a)", [TYPICAL], [str(TYPICAL)], ctx, expected=1)
            results.append(run_case(CaseResult("a", "(a) typical manifest", human_bytes(TYPICAL.stat().st_size),
                                               *parts), ctx))
        if "b" in cases:
            for uses in sizes:
                print(f"generating {uses:,} AI uses (seed {args.seed}) in {args.cache}", file=sys.stderr, flush=True)
                path = generate.cached(uses, args.seed, args.cache)
                size = path.stat().st_size
                extra, note = [], None
                if size > HKAI_DEFAULT_MAX_BYTES:
                    extra = ["--max-file-size", str(size + 1)]
                    note = (f"{human_bytes(size)} is over hkai's default limit of {human_bytes(HKAI_DEFAULT_MAX_BYTES)}: "
                            f"ran with --max-file-size {size + 1}")
                parts = case_commands("(b)", [path], [*extra, str(path)], ctx, expected=1)
                results.append(run_case(CaseResult("b", f"(b) {uses:,} AI uses", human_bytes(size), *parts,
                                                   uses=uses, note=note), ctx))
        if "c" in cases:
            folder = Path(scratch) / "batch"
            print(f"writing a batch of {batch_size:,} manifests in {folder}", file=sys.stderr, flush=True)
            files = make_batch(batch_size, folder)
            total = sum(f.stat().st_size for f in files)
            size = f"{batch_size:,} files, {human_bytes(total)}"
            hkai1, spectral, python, loader = case_commands(
                "(c)", files, (["--jobs", "1"] if ctx.jobs else []) + [str(folder)], ctx, expected=batch_size)
            hkai2 = None
            if ctx.jobs:
                hkai2 = Series("hkai --jobs 2", [*ctx.hkai, "check", "--jobs", "2", str(folder), "--format", "json"],
                               ctx.hkai_cwd, check_hkai(batch_size))
                hkai1.label = "hkai --jobs 1"
            # one interleaved series: Spectral and the floors do not take --jobs, so both rows share them
            series = [s for s in (hkai1, hkai2, spectral, python, loader) if s is not None]
            run_series(series, ctx.runs, ctx.warmup, ctx.timeout, f"(c) batch of {batch_size:,}")
            results.append(CaseResult("c", "(c) batch --jobs 1", size, hkai1, spectral, python, loader,
                                      note=None if ctx.jobs else "hkai does not accept --jobs yet: ran without it"))
            results.append(CaseResult("c", "(c) batch --jobs 2", size, hkai2, spectral, python, loader,
                                      note=None if ctx.jobs else "skipped: hkai does not accept --jobs yet"))
        html = html_cases(ctx, args.html_uses or (300 if args.quick else HTML_USES), args.seed, args.cache) \
            if "h" in cases else []
    if results or not html:
        render(results, ctx, sys.stdout)
    if html:
        render_html_cases(html, sys.stdout)
    failed = [s for r in results for s in (r.hkai, r.spectral) if s is not None and s.problem]
    failed += [s for case in html for s in (case.html, case.json) if s.problem]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
