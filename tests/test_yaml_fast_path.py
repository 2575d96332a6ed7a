"""The fast path for manifests (yaml-rs, positions on demand) reads as the reference loader does.

Every manifest the project has (examples, corpus, the rule fixtures' cases, generated ones)
gives the same data and the same position for every node by both readers, and ``hkai check
--format json`` prints the same report with the fast path on and off. Every construct the fast
path cannot vouch for is left to the reference loader, so what is accepted and every error
message stay the reference's; and hkai works where yaml-rs cannot be imported.
"""

import importlib.util
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from checker.reading.yaml_fast_path import (FAST_PATH_ENV, FAST_PATH_MIN_CHARACTERS, LazyDocument, _fast_document,
                                           load_manifest_text)
from checker.reading.yaml_loader import LoadError, load_file, load_text, read_text
from conftest import EXAMPLES, ROOT, hkai

CORPUS = ROOT / "tests" / "corpus" / "manifests"
FIXTURES = ROOT / "rules" / "fixtures"
GENERATED = [(40, 1), (150, 2), (400, 3)]  # (AI uses, seed)


def _generate(uses: int, seed: int) -> str:
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "benchmarks" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.generate(uses, seed=seed)


def _fixture_manifests() -> list[tuple[str, str]]:
    """Each fixture case's manifests (``manifest`` and ``fixed``) as the text of a file of their own."""
    found = []
    for fixture in sorted(FIXTURES.glob("*.yaml")):
        document = load_file(fixture)
        lines = fixture.read_text(encoding="utf-8").splitlines(keepends=True)
        for index, case in enumerate(document.data.get("cases") or []):
            for part in ("manifest", "fixed"):
                if isinstance(case.get(part), dict):
                    line, column = document.locate(f"/cases/{index}/{part}")
                    found.append((f"{fixture.stem}-{index}-{part}", _block_below(lines, line, column)))
    return found


def _block_below(lines: list[str], line: int, column: int) -> str:
    """The lines of the block value of the key at (line, column), dedented."""
    block = []
    for text in lines[line:]:
        if text.strip() and len(text) - len(text.lstrip(" ")) < column:
            break
        block.append(text)
    return textwrap.dedent("".join(block))


def _decoded(path: Path) -> str | None:
    """The file's text as manifests are decoded (the corpus has files that are not UTF-8:
    the reports' comparison covers them)."""
    try:
        return read_text(path)
    except LoadError:
        return None


def _manifests() -> list[tuple[str, str]]:
    texts = [(path.parent.name, path.read_text(encoding="utf-8")) for path in sorted(EXAMPLES.glob("*/manifest.yaml"))]
    texts += [(path.name, text) for path in sorted(CORPUS.glob("*.yaml")) if (text := _decoded(path)) is not None]
    texts += [(f"generated-{uses}-{seed}", _generate(uses, seed)) for uses, seed in GENERATED]
    return texts + _fixture_manifests()


MANIFESTS = _manifests()
# Files written on Windows: libyaml reads a CR LF as an LF, and so does the fast path.
MANIFESTS += [(f"{name}-crlf", text.replace("\n", "\r\n")) for name, text in MANIFESTS[::5]]


@pytest.fixture(autouse=True)
def fast_path_for_every_size(monkeypatch):
    """Small files take the reference loader (importing yaml-rs costs more than it saves):
    here every file takes the fast path, in this process and in the hkai commands run."""
    monkeypatch.setenv(FAST_PATH_ENV, "always")


def _read_both(text: str, name: str):
    try:
        reference = load_text(text, name)
    except LoadError as error:
        with pytest.raises(LoadError) as fast_error:
            load_manifest_text(text, name)
        assert str(fast_error.value) == str(error)
        return None, None
    return load_manifest_text(text, name), reference


@pytest.mark.parametrize("name, text", MANIFESTS, ids=[name for name, _ in MANIFESTS])
def test_every_node_is_where_the_reference_puts_it(name, text):
    fast, reference = _read_both(text, name)
    if reference is None:
        return
    assert repr(fast.data) == repr(reference.data)  # key order too, and NaN (never equal to itself)
    positions = reference.positions
    for pointer, position in positions.items():
        assert fast.locate(pointer) == position, pointer
    for pointer in ("", "/missing", "/production/missing/deeper", "/people/999", "/ai_uses/0/missing"):
        assert fast.locate(pointer) == reference.locate(pointer), pointer


def test_the_fast_path_reads_the_manifests_and_finds_positions_in_the_text():
    """The comparison above is not of the reference with itself: the fast path takes the
    examples, the fixtures' cases and the generated manifests, and finds their nodes
    without reading the whole file with the reference loader."""
    taken = [name for name, text in MANIFESTS if not name.endswith((".yaml", ".yaml-crlf"))]
    for name, text in MANIFESTS:
        if name.endswith((".yaml", ".yaml-crlf")):
            continue  # the corpus: hostile files, mostly left to the reference on purpose
        document = load_manifest_text(text, name)
        assert isinstance(document, LazyDocument), name
        for pointer in list(load_text(text).positions)[::7]:
            document.locate(pointer)
        assert document._reference is None, name
    assert len(taken) > 300


def _check_json(paths, env=None):
    result = hkai("check", "--format", "json", "--today", "2026-11-25", "--fail-on", "never", *map(str, paths), env=env)
    assert result.returncode in (0, 2), result.stderr
    return result.stdout, result.stderr, result.returncode


def test_reports_are_identical_with_the_fast_path_off(tmp_path):
    for name, text in MANIFESTS:
        if not name.endswith((".yaml", ".yaml-crlf")):
            (tmp_path / name).mkdir()
            (tmp_path / name / "manifest.yaml").write_text(text, encoding="utf-8")
    paths = [tmp_path, EXAMPLES, CORPUS]
    fast = _check_json(paths)
    reference = _check_json(paths, env={FAST_PATH_ENV: "off"})
    assert fast == reference
    report = json.loads(fast[0])
    assert sum(len(manifest["findings"]) for manifest in report["manifests"]) > 1000


def test_hkai_reads_with_the_reference_loader_where_yaml_rs_cannot_be_imported(tmp_path):
    (tmp_path / "yaml_rs.py").write_text("raise ImportError('no wheel for this platform')\n", encoding="utf-8")
    env = {"PYTHONPATH": f"{tmp_path}:{ROOT}"}
    probe = hkai("--version", env=env)
    assert probe.returncode == 0, probe.stderr
    without = _check_json([EXAMPLES, CORPUS], env=env)
    assert without == _check_json([EXAMPLES, CORPUS])
    imported = subprocess.run([sys.executable, "-c", "import checker.reading.yaml_fast_path as f; print(f.fast_parser())"],
                              capture_output=True, text=True, env={"PYTHONPATH": f"{tmp_path}:{ROOT}"}, cwd=ROOT)
    assert imported.stdout.strip() == "None", imported.stderr


VALID = """\
manifest_version: 1
production: {id: demo, title: Demo, type: feature_film, release_date: 2026-05-01, ai_use_level: none}
"""

# Texts the fast path must leave to the reference loader: yaml-rs would read them otherwise,
# accept what the reference refuses, or the reference checks something of them.
LEFT_TO_THE_REFERENCE = {
    "underscored number": VALID + "x-n: 1_000\n",
    "underscore first": VALID + "x-n: [_1, 3_, 1e_5]\n",
    "upper-case base": VALID + "x-n: 0X1A\n",
    "signed hexadecimal": VALID + "x-n: +0x1A\n",
    "binary": VALID + "x-n: 0b101\n",
    "integer too long": VALID + "x-n: " + "1" * 1001 + "\n",
    "integer too long with zeros": VALID + "x-n: " + "0" * 1001 + "\n",
    "number key": VALID + "x-n: {1: a}\n",
    "boolean key": VALID + "x-n: {true: a}\n",
    "null key": VALID + "x-n: {~: a}\n",
    "custom tag": VALID + "x-n: !thing a\n",
    "python tag": VALID + "x-n: !!python/name:os.system a\n",
    "non-specific tag": VALID + "x-n: ! 12\n",
    "anchor and alias": VALID + "x-a: &a [1]\nx-b: *a\n",
    "merge key": VALID + "x-a: {<<: {b: 1}}\n",
    "explicit key": VALID + "? x-a\n: 1\n",
    "directive": "%YAML 1.2\n---\n" + VALID,
    "two documents": VALID + "---\nx: 1\n",
    "document end": VALID + "...\n",
    "duplicate key": VALID + "x-a: 1\nx-a: 2\n",
    "tab": VALID + "x-a:\t1\n",
    "carriage returns alone": VALID.replace("\n", "\r"),
    "carriage return inside a text": VALID + "x-a: 'a\rb'\n",
    "next line": VALID + "x-a: 'a\x85b'\n",
    "line separator": VALID + "x-a: 'a\u2028b'\n",
    "byte-order mark inside": VALID + "x-a: '\ufeffb'\n",
    "control character": VALID + "x-a: 'a\x07b'\n",
    "lone dash in flow": VALID + "x-a: [a, -]\n",
    "glued question mark": VALID + "x-a: [?x]\n",
    "glued comment": VALID + "x-a: 'x'#note\n",
    "ends in a line of spaces": VALID + "x-a: |\n  text\n   ",
    "colon glued to a quoted key": VALID + 'x-a: {"b":c}\n',
    "colon starting a line in flow": VALID + "x-a: {b\n : c}\n",
    "colon before a comma": VALID + "x-a: {b:, c: d}\n",
    "colon starting a plain text in flow": VALID + "x-a: [:x]\n",
    "deep nesting": VALID + "x-a: " + "[" * 101 + "]" * 101 + "\n",
    "unclosed quote": VALID + "x-a: 'open\n",
    "bad indentation": VALID + "x-a:\n  b: 1\n c: 2\n",
}


@pytest.mark.parametrize("name", LEFT_TO_THE_REFERENCE)
def test_what_the_fast_path_cannot_vouch_for_is_read_by_the_reference(name):
    text = LEFT_TO_THE_REFERENCE[name]
    fast, reference = _read_both(text, "m.yaml")
    assert not isinstance(fast, LazyDocument)
    if reference is not None:
        assert fast.data == reference.data
        assert fast.duplicate_keys == reference.duplicate_keys


def test_the_node_limit_is_the_reference_one():
    text = VALID + "x-a: [" + ", ".join(["1"] * 50) + "]\n"
    with pytest.raises(LoadError, match="more than 40 nodes"):
        load_manifest_text(text, "m.yaml", max_nodes=40)
    assert isinstance(load_manifest_text(text, "m.yaml", max_nodes=100), LazyDocument)


@pytest.mark.parametrize("text, data", [
    ("a: '5.2'\nb: \"12\"\nc: 'true'\nd: ''\ne: '~'\n", {"a": "5.2", "b": "12", "c": "true", "d": "", "e": "~"}),
    ("a: 2025-03-01\nb: 2025-03-01T10:00:00Z\nc: 1:30\n", {"a": "2025-03-01", "b": "2025-03-01T10:00:00Z", "c": "1:30"}),
    ("a: [NO, yes, off, y]\nb: 010\nc: -.5\nd: .inf\ne: ~\nf:\n", {"a": ["NO", "yes", "off", "y"], "b": 10, "c": -0.5,
                                                                    "d": float("inf"), "e": None, "f": None}),
    ("a: |\n  two\n  lines\nb: >-\n  folded\n  text\n", {"a": "two\nlines\n", "b": "folded text"}),
    ("'1': quoted number key\n\"true\": quoted boolean key\n", {"1": "quoted number key", "true": "quoted boolean key"}),
])
def test_the_fast_path_reads_yaml_1_2_scalars_as_the_reference(text, data):
    document = load_manifest_text(text)
    assert isinstance(document, LazyDocument)
    assert document.data == data == load_text(text).data


SCALAR_LIKE = st.one_of(
    st.from_regex(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+", fullmatch=True),
    st.from_regex(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)", fullmatch=True),
    st.sampled_from(["~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE", "yes", "No", "on"]),
    st.text(alphabet="0123456789.-+eExXoObB_:abcfinlstuyINFAL~", min_size=1, max_size=8),
)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(SCALAR_LIKE, st.sampled_from(["a: {}\n", "a: [{}]\n", "a: {{b: {}}}\n", "- {}\n", "a: '{}'\n"]))
def test_what_the_fast_path_vouches_for_reads_as_the_reference(scalar, form):
    """yaml-rs reads as numbers, booleans and nulls every plain scalar the core schema does,
    and more: those the scan leaves to the reference (``1_000``, ``0X1A``)."""
    text = form.format(scalar)
    try:
        reference = repr(load_text(text).data)
    except LoadError:
        reference = None
    document = _fast_document(text, "m.yaml", 1000)
    if document is not None:
        assert repr(document.data) == reference


def test_every_other_use_of_positions_gets_the_reference_ones():
    """Tools and tests read every position, or a part as a document of its own: a manifest
    the fast path read answers as the reference loader does."""
    text = (EXAMPLES / "last-swordsman-de-ageing" / "manifest.yaml").read_text(encoding="utf-8")
    fast, reference = load_manifest_text(text, "m.yaml"), load_text(text, "m.yaml")
    assert isinstance(fast, LazyDocument)
    assert fast.root_position == reference.root_position
    assert fast.positions == reference.positions
    part, expected = fast.sub_document("/production"), reference.sub_document("/production")
    assert (part.data, part.root_position, part.locate("/title")) == (expected.data, expected.root_position,
                                                                       expected.locate("/title"))


def test_only_files_big_enough_to_gain_take_the_fast_path(monkeypatch):
    monkeypatch.delenv(FAST_PATH_ENV)
    small, big = _generate(20, 1), _generate(200, 1)
    assert len(small) < FAST_PATH_MIN_CHARACTERS <= len(big)
    assert not isinstance(load_manifest_text(small), LazyDocument)
    assert isinstance(load_manifest_text(big), LazyDocument)
    monkeypatch.setenv(FAST_PATH_ENV, "off")
    assert not isinstance(load_manifest_text(big), LazyDocument)
