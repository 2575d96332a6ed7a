"""Chinese that reads naturally: every Chinese text of the rule pack and of the program, and
every `--lang zh` report of the example productions and of the fixture cases, is scanned for
English words of the manifest format's enumerations inside Chinese sentences (a value in
backticks, `covers`, is code and is fine), half-width punctuation beside a Chinese
character, and spaces between two Chinese characters; the terminal report never breaks a
code span across lines. The words for enumerated values are the manifest schema's
(`x-enum-zh` beside each `enum`), one word per value, shown by `{path:term}` placeholders."""

import json
import re
from functools import cache
from pathlib import Path

import pytest
import yaml
from conftest import EXAMPLES, ROOT, TODAY, hkai

from checker.authoring.fixtures import read_fixtures
from checker.packs.loading import load_pack
from checker.reading.manifest_fields import term_tables, terms

IDEOGRAPH = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
FULL_WIDTH = "\u3000-\u303f\uff00-\uffef"
CODE_SPAN = re.compile(r"`[^`\n]*`")
PLACEHOLDER = re.compile(r"\{[a-z_][a-z0-9_.]*(?::term)?\}")
HALF_WIDTH_BESIDE = re.compile(f"[{IDEOGRAPH}][,:;()?]|[,:;()?] ?[{IDEOGRAPH}]")
# One space: wider gaps are the columns of a table.
SPACE_BETWEEN = re.compile(f"[{IDEOGRAPH}{FULL_WIDTH}] [{IDEOGRAPH}]|[{IDEOGRAPH}] [{FULL_WIDTH}]")
WORD = re.compile(r"(?<![\w./$@-])[a-z][a-z_]*(?![\w/@-])")
ENUM_WORDS = frozenset(value for enum, _ in term_tables("zh") for value in enum if isinstance(value, str))


def problems(text: str, exempt: frozenset[str] = frozenset()) -> list[str]:
    """What reads wrong in a Chinese text: each problem with the line it is on. Code spans
    and placeholders are code (they stand for something that is not a Chinese word);
    ``exempt`` are words the text shows as written (a manifest's ids)."""
    found = []
    for line in text.splitlines():
        bare = PLACEHOLDER.sub("X", CODE_SPAN.sub("X", line))
        if not re.search(f"[{IDEOGRAPH}]", bare):
            continue  # not a Chinese sentence
        found += [f"half-width {m.group()!r}: {line}" for m in HALF_WIDTH_BESIDE.finditer(bare)]
        found += [f"space {m.group()!r}: {line}" for m in SPACE_BETWEEN.finditer(bare)]
        found += [f"English word {m.group()!r}: {line}" for m in WORD.finditer(bare)
                  if m.group() in ENUM_WORDS and m.group() not in exempt]
    return found


def _texts_under(node, text_key, where=""):
    """Every text written under ``text_key`` anywhere in ``node``, with where it is."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == text_key and isinstance(value, str):
                yield where, value
            else:
                yield from _texts_under(value, text_key, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _texts_under(value, text_key, f"{where}/{index}")


def _chinese_texts(node):
    """Every Chinese text of a rule file: the values of its ``zh`` keys."""
    return _texts_under(node, "zh")


def _leaves(node, where=""):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _leaves(value, f"{where}.{key}")
    elif isinstance(node, str):
        yield where, node


def _report(found: list[tuple[str, str]]) -> str:
    return "\n".join(f"{where}: {problem}" for where, problem in found[:40]) + (
        f"\n... and {len(found) - 40} more" if len(found) > 40 else "")


# --- the scanner finds what it is for ----------------------------------------------------


@pytest.mark.parametrize("text, kind", [
    ("人工智能應用 a（generated_script,high 級）", "English word 'generated_script'"),
    ("修正方法: 新增", "half-width '法:'"),
    ("公開披露 d(end_credits)並非", "half-width ')並'"),
    ("請在 發行前", "space '在 發'"),
    ("的披露， 並在", "space '， 並'"),
])
def test_the_scan_finds_each_kind_of_problem(text, kind):
    assert any(problem.startswith(kind) for problem in problems(text)), problems(text)


@pytest.mark.parametrize("text", [
    "在 `covers` 列明 `training`",  # code spans are code
    "人工智能應用 voice-clone 用到陳小明",  # an id, spaced from Chinese
    "{use.id}（{use.kind:term}）",  # placeholders
    "Every subject has consented: self, guardian",  # not a Chinese sentence
])
def test_the_scan_passes_natural_chinese(text):
    assert problems(text) == []


# --- the words for enumerated values ------------------------------------------------------


def test_every_enumerated_value_has_one_chinese_word():
    seen: dict[str, str] = {}
    for enum, words in term_tables("zh"):
        assert set(words) == {value for value in enum if isinstance(value, str)}, enum
        for value, word in words.items():
            assert re.fullmatch(f"[{IDEOGRAPH}]+", word), (value, word)
            assert seen.setdefault(value, word) == word, f"{value}: {word} and {seen[value]}"
    assert terms("zh")["estate"] == "遺產管理人" and terms("zh")["medium"] == "中" and terms("en") == {}


def test_a_level_has_the_same_word_in_the_reports_as_in_messages():
    levels = yaml.safe_load((ROOT / "checker/text/zh.yaml").read_text(encoding="utf-8"))["level"]
    assert all(terms("zh")[level] == word for level, word in levels.items())


def test_the_field_reference_gives_the_chinese_words_of_allowed_values():
    result = hkai("schema", "--doc", "--lang", "zh")
    assert result.returncode == 0, result.stderr
    assert "`self`（本人）、`guardian`（監護人）、`estate`（遺產管理人）" in result.stdout


# --- the texts of the pack and of the program ---------------------------------------------


def test_the_chinese_texts_of_the_rule_pack_read_naturally():
    found = []
    for path in sorted((ROOT / "rules").glob("*.yaml")):
        for where, text in _chinese_texts(yaml.safe_load(path.read_text(encoding="utf-8"))):
            found += [(f"{path.name}{where}", problem) for problem in problems(text)]
    assert not found, _report(found)


def test_the_programs_chinese_words_read_naturally():
    table = yaml.safe_load((ROOT / "checker/text/zh.yaml").read_text(encoding="utf-8"))
    found = [(f"zh.yaml{where}", problem) for where, text in _leaves(table) for problem in problems(text)]
    assert not found, _report(found)


def test_the_field_descriptions_and_the_field_reference_read_naturally():
    schema = json.loads((ROOT / "checker/schemas/manifest-v1.schema.json").read_text(encoding="utf-8"))
    found = [(where, problem) for where, text in _texts_under(schema, "x-description-zh")
             for problem in problems(text)]
    result = hkai("schema", "--doc", "--lang", "zh")
    prose = re.sub(r"```.*?```", "", result.stdout, flags=re.S)  # the examples are YAML, not sentences
    found += [("hkai schema --doc --lang zh", problem) for problem in problems(prose)]
    assert not found, _report(found)


def test_the_rule_list_is_chinese_throughout():
    result = hkai("rules", "list", "--lang", "zh")
    assert result.returncode == 0, result.stderr
    rows = [line for line in result.stdout.splitlines() if re.match(r"[A-Z]+-\d{3} ", line)]
    assert rows and not [row for row in rows if re.search(r"\b(consent|error|warning|info|all|low|medium|high)\b", row)]
    assert re.search(r"CON-001 +同意 +錯誤 +中、高 +每項", result.stdout), result.stdout
    assert not problems(result.stdout)


# --- the reports ---------------------------------------------------------------------------


ENUM_FIELDS = ("kind", "level", "roles", "given_by", "covers", "basis", "role", "audience", "channel", "source",
               "type", "distribution", "ai_use_level")


def _ids(node, key: str | None = None) -> set[str]:
    """The words a manifest writes outside its format's enumerations (ids, names, texts):
    a report shows them as written."""
    if isinstance(node, dict):
        return {word for field, value in node.items() for word in _ids(value, field)}
    if isinstance(node, list):
        return {word for item in node for word in _ids(item, key)}
    return set(WORD.findall(node)) if isinstance(node, str) and key not in ENUM_FIELDS else set()


@cache
def _rendered(folder: Path) -> dict[str, str]:
    """The `--lang zh` reports of every manifest under ``folder``, rich, Markdown and JSON."""
    outputs = {fmt: folder / f"report.{fmt}" for fmt in ("rich", "markdown", "json")}
    args = [arg for fmt, path in outputs.items() for arg in ("--format", fmt, "--output", str(path))]
    result = hkai("check", "--lang", "zh", "--today", TODAY, "--fail-on", "never", *args, str(folder))
    assert result.returncode == 0, result.stderr
    return {fmt: path.read_text(encoding="utf-8") for fmt, path in outputs.items()}


@pytest.fixture(scope="module")
def productions(tmp_path_factory) -> tuple[Path, frozenset[str]]:
    """The example productions and every fixture case's manifests (failing, passing and
    fixed), each in a folder of its own, and the words they write."""
    folder = tmp_path_factory.mktemp("productions")
    written: set[str] = set()
    for example in sorted(EXAMPLES.iterdir()):
        manifest = example / "manifest.yaml"
        if manifest.exists():
            (folder / example.name).mkdir()
            text = manifest.read_text(encoding="utf-8")
            (folder / example.name / "manifest.yaml").write_text(text, encoding="utf-8")
            written |= _ids(yaml.safe_load(text))
    for fixture in read_fixtures(load_pack().path):
        for case in fixture.cases or ():
            for name, document in (("case", case.manifest), ("fixed", case.fixed)):
                if document is None or not isinstance(document.data, dict):
                    continue
                case_folder = folder / f"{fixture.rule_id}-{case.index}-{name}"
                case_folder.mkdir()
                (case_folder / "manifest.yaml").write_text(yaml.safe_dump(document.data, allow_unicode=True),
                                                          encoding="utf-8")
                written |= _ids(document.data)
    return folder, frozenset(written)


def _json_texts(node):
    if isinstance(node, dict):
        for value in node.values():
            yield from _json_texts(value)
    elif isinstance(node, list):
        for value in node:
            yield from _json_texts(value)
    elif isinstance(node, str):
        yield node


@pytest.mark.parametrize("fmt", ["rich", "markdown", "json"])
def test_the_chinese_reports_read_naturally(productions, fmt):
    folder, written = productions
    report = _rendered(folder)[fmt]
    texts = list(_json_texts(json.loads(report))) if fmt == "json" else [report.replace("\\_", "_")]
    found = sorted({("report", problem) for text in texts for problem in problems(text, written)})
    assert not found, _report(found)
    assert "：" in report or fmt == "json"


def test_the_terminal_report_never_breaks_a_code_span(productions):
    folder, _ = productions
    broken = [line for line in _rendered(folder)["rich"].splitlines() if line.count("`") % 2]
    assert not broken, "\n".join(broken[:20])


def test_a_message_says_enumerated_values_in_chinese(write_manifest):
    path = write_manifest("""\
manifest_version: 1
production: {id: demo, title: {en: Demo, zh: 示範}, type: feature_film, release_date: 2026-05-01, ai_use_level: high}
people: [{id: self, name: 陳小明, roles: [performer]}]
ai_uses:
  - {id: self-replica, kind: digital_replica, level: high, subjects: [self]}
""")
    # the program's words only: the manifest's quoted lines say digital_replica as written
    result = hkai("check", "--lang", "zh", "--today", TODAY, "--select", "DIS-001,CON-001", "--no-show-source",
                  str(path))
    assert result.returncode == 1, result.stderr
    flat = "".join(line.strip() for line in result.stdout.splitlines())
    assert "人工智能應用 self-replica（數碼複製，級別為高）沒有任何公開披露涵蓋" in flat, \
        result.stdout
    assert "用到陳小明" in flat and "涵蓋數碼複製" in flat  # no space between Chinese words
    assert "修正方法：" in flat and "digital_replica" not in flat


# Fields whose value is one of the format's enumerations (and the levels the checker derives).
TERM_FIELDS = frozenset(ENUM_FIELDS) - {"covers"} | {"effective_level", "minimum_level", "derived_level"}


def test_every_enumerated_value_a_chinese_message_shows_is_said_in_chinese():
    """A placeholder reading a kind, level, role... is marked ``:term`` in every Chinese text
    (a disclosure's ``covers`` are ids, not kinds, and stay as written)."""
    unmarked = []
    for path in sorted((ROOT / "rules").glob("*.yaml")):
        for where, text in _chinese_texts(yaml.safe_load(path.read_text(encoding="utf-8"))):
            unmarked += [f"{path.name}{where}: {{{name}}}" for name in re.findall(r"\{([a-z_][a-z0-9_.]*)\}", text)
                         if name.rsplit(".", 1)[-1] in TERM_FIELDS]
    assert not unmarked, "\n".join(unmarked)
