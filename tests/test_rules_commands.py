"""`hkai rules list/show/doc/test/lint` end to end, through the real command line."""

import re
import shutil
from html.parser import HTMLParser

import pytest

from checker.report.model import PRINCIPLES
from checker.packs.loading import load_pack
from conftest import ROOT, hkai

PACK = load_pack()
IDS = sorted(PACK.rule_ids)
ID = re.compile(r"\b(?:[A-Z]{3}-\d{3}|SCHEMA)\b")
HOUSE_RULES = ROOT / "examples" / "rule-packs" / "broadcaster-house-rules"


def words(output: str) -> str:
    """Output with its wrapping and indentation undone, to search for phrases."""
    return " ".join(output.split())


def ids_in(output: str) -> list[str]:
    return list(dict.fromkeys(ID.findall(output)))


# --- list ----------------------------------------------------------------------------


def test_list_shows_every_rule_in_principle_order_then_id():
    result = hkai("rules", "list")
    assert result.returncode == 0, result.stderr
    listed = [line.split()[0] for line in result.stdout.splitlines() if ID.match(line)]
    assert sorted(listed) == IDS
    order = {principle: index for index, principle in enumerate(PRINCIPLES)}
    principles = {rule.id: rule.principle for rule in PACK.rules}
    assert listed == sorted(listed, key=lambda rule_id: (order[principles[rule_id]], rule_id))
    row = next(line for line in result.stdout.splitlines() if line.startswith("CON-001"))
    assert row.split()[1:5] == ["consent", "error", "medium,", "high"]
    assert "Every subject of an AI use has consented to that kind of use" in row
    assert next(line for line in result.stdout.splitlines() if line.startswith("CON-006")).split()[3] == "all"
    assert f"{len(IDS)} rules (hkai-guideline" in result.stdout


def test_list_filters_by_principle_and_severity():
    result = hkai("rules", "list", "--principle", "data", "--severity", "warning")
    assert result.returncode == 0
    expected = sorted(r.id for r in PACK.rules if r.principle == "data" and r.severity == "warning")
    assert expected and ids_in(result.stdout) == expected
    assert hkai("rules", "list", "--principle", "ethics").returncode == 2


def test_list_in_chinese_and_with_an_extra_pack():
    result = hkai("rules", "list", "--principle", "consent", "--lang", "zh")
    assert "標題" in result.stdout and "每項人工智能應用的當事人均已同意該類用途" in result.stdout
    assert hkai("rules", "list", env={"HKAI_LANG": "zh"}).stdout.count("規則") >= 1
    extra = hkai("rules", "list", "--rules", str(HOUSE_RULES))
    assert extra.returncode == 0
    assert "BRD-001" in extra.stdout and "phtv-house-rules" in extra.stdout
    assert "DIS-002" not in ids_in(extra.stdout)  # disabled by the house pack


# --- show ----------------------------------------------------------------------------


def test_show_explains_a_rule_with_both_examples():
    result = hkai("rules", "show", "CON-001")
    assert result.returncode == 0, result.stderr
    text = words(result.stdout)
    assert result.stdout.startswith("CON-001  Every subject of an AI use has consented")
    for section in ("Principle consent", "Severity error", "Levels medium, high", "Pack hkai-guideline",
                    "Why", "What it checks", "Source", "How to fix",
                    "Example that breaks the rule", "Example that complies"):
        assert section in text, section
    assert ("For each AI use `use` where `use.effective_level` is one of medium, high, and each person "
            "`subject` listed in `use.subjects`: there must be a consent `consent` where `consent.person` "
            "equals `subject.id` and `consent.covers` contains `use.kind`.") in text
    assert "SAG-AFTRA" in text
    breaks, complies = result.stdout.split("Example that complies")
    assert "rules/fixtures/CON-001.yaml:" in breaks and "rules/fixtures/CON-001.yaml:" in complies
    assert breaks.count("manifest_version: 1") == 1 and complies.count("manifest_version: 1") == 1


def test_show_describes_several_checks_and_chinese():
    result = hkai("rules", "show", "con-006", "--lang", "zh")  # ids are matched whatever their case
    assert result.returncode == 0
    text = words(result.stdout)
    assert "檢查內容" in text and "違反此規則的例子" in text and "符合此規則的例子" in text
    assert "如 `person.minor` 等於 true，則 `consent.given_by` 必須等於 guardian" in text
    several = words(hkai("rules", "show", "CON-002").stdout)
    assert "1. For each" in several and "2. For each" in several


def test_show_an_unknown_rule_suggests_close_ids():
    result = hkai("rules", "show", "CON-0O1")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("hkai: error: unknown rule 'CON-0O1'; did you mean: ")
    assert "CON-001" in result.stderr and "Traceback" not in result.stderr
    assert "hkai rules list" in hkai("rules", "show", "NOPE").stderr


def test_show_a_rule_of_an_extra_pack():
    result = hkai("rules", "show", "BRD-001", "--rules", str(HOUSE_RULES))
    assert result.returncode == 0
    assert "phtv-house-rules" in result.stdout and "fixtures/BRD-001.yaml:" in result.stdout


# --- doc -----------------------------------------------------------------------------


def test_doc_markdown_groups_every_rule_by_principle():
    result = hkai("rules", "doc")
    assert result.returncode == 0
    out = result.stdout
    assert out.startswith("# ") and "hkai-guideline 1.0.0" in out.split("\n## ")[0]
    headings = re.findall(r"^## (.+)$", out, re.MULTILINE)
    assert headings[1:] == ["Consent", "Disclosure", "Credit", "Compensation", "Data \\& oversight", "Integrity"]
    rules = re.findall(r"^### ([A-Z]{3}-\d{3}|SCHEMA)", out, re.MULTILINE)
    assert sorted(rules) == IDS
    consent = out.split("\n## Consent\n")[1].split("\n## Disclosure\n")[0]
    assert all(rule.startswith("CON-") for rule in re.findall(r"^### ([A-Z]{3}-\d{3}|SCHEMA)", consent, re.MULTILINE))
    for label in ("**Severity**", "**Applies at AI-use levels**", "**Source**", "**What it requires**",
                  "**Why**", "**How to comply**"):
        assert out.count(label) == len(IDS), label


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.html_lang = None
        self.articles = []
        self.open = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self.html_lang = attributes.get("lang")
        if tag == "article":
            self.articles.append(attributes["id"])
        if tag not in ("meta", "br"):
            self.open.append(tag)

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, (self.open, tag)
        self.open.pop()


@pytest.mark.parametrize("lang, html_lang", [("en", "en"), ("zh", "zh-Hant")])
def test_doc_html_is_a_complete_page_with_every_rule(lang, html_lang):
    result = hkai("rules", "doc", "--format", "html", "--lang", lang)
    assert result.returncode == 0
    page = _Page()
    page.feed(result.stdout)
    page.close()
    assert page.html_lang == html_lang and page.open == []
    assert sorted(page.articles) == IDS
    assert result.stdout.startswith("<!DOCTYPE html>") and "<style>" in result.stdout
    assert "hkai-guideline 1.0.0" in result.stdout


def test_doc_in_chinese():
    out = hkai("rules", "doc", "--lang", "zh").stdout
    assert "## 同意" in out and "**要求**" in out and "**原因**" in out and "**如何符合**" in out
    assert sorted(re.findall(r"^### ([A-Z]{3}-\d{3}|SCHEMA)", out, re.MULTILINE)) == IDS
    assert hkai("rules", "doc", env={"HKAI_LANG": "zh"}).stdout == out


def test_doc_is_deterministic_and_escapes_html(tmp_path):
    pack = tmp_path / "pack"
    shutil.copytree(HOUSE_RULES, pack)
    rules = pack / "broadcast.yaml"
    rules.write_text(rules.read_text(encoding="utf-8").replace(
        "source:", "source: <script>alert(1)</script> &", 1), encoding="utf-8")
    first = hkai("rules", "doc", "--format", "html", "--rules", str(pack))
    assert first.returncode == 0, first.stderr
    assert "<script>" not in first.stdout and "&lt;script&gt;alert(1)&lt;/script&gt; &amp;" in first.stdout
    assert hkai("rules", "doc", "--format", "html", "--rules", str(pack)).stdout == first.stdout
    assert "phtv-house-rules 2.1.0" in first.stdout


# --- test ----------------------------------------------------------------------------


def test_test_passes_for_the_builtin_pack():
    result = hkai("rules", "test")
    assert result.returncode == 0, result.stdout
    assert f"{len(IDS)} rules: {len(IDS)} passed, 0 failed" in result.stdout
    assert all(f"PASS  {rule_id}" in result.stdout for rule_id in IDS)


def test_test_an_extending_pack_with_a_wrong_fixture_fails_and_names_the_case(tmp_path):
    pack = tmp_path / "house"
    shutil.copytree(HOUSE_RULES, pack)
    assert hkai("rules", "test", str(pack)).returncode == 0
    fixture = pack / "fixtures" / "BRD-002.yaml"
    text = fixture.read_text(encoding="utf-8")
    fixture.write_text(text.replace("triggers: false", "triggers: true", 1), encoding="utf-8")
    lines = text.splitlines()
    changed = next(index for index, line in enumerate(lines) if "triggers: false" in line)
    case_line = max(index for index, line in enumerate(lines[:changed + 1]) if line.lstrip().startswith("- ")) + 1
    result = hkai("rules", "test", str(pack))
    assert result.returncode == 1
    assert "FAIL  BRD-002" in result.stdout and "PASS  BRD-001" in result.stdout
    assert f"{fixture}:{case_line}: " in result.stdout
    assert "expected BRD-002 to trigger, it did not" in result.stdout
    assert "3 rules: 2 passed, 1 failed" in result.stdout


def test_test_a_rule_without_both_kinds_of_case_fails(tmp_path):
    pack = tmp_path / "house"
    shutil.copytree(HOUSE_RULES, pack)
    fixture = pack / "fixtures" / "BRD-003.yaml"
    kept = [block for block in fixture.read_text(encoding="utf-8").split("\n  - ") if "triggers: false" not in block]
    fixture.write_text("\n  - ".join(kept), encoding="utf-8")
    (pack / "fixtures" / "BRD-001.yaml").unlink()
    result = hkai("rules", "test", str(pack))
    assert result.returncode == 1
    assert "FAIL  BRD-003" in result.stdout and "no case that does not trigger it" in result.stdout
    assert "FAIL  BRD-001" in result.stdout and "no fixture file fixtures/BRD-001.yaml" in result.stdout


def test_test_a_pack_that_cannot_load_exits_2(tmp_path):
    assert hkai("rules", "test", str(tmp_path / "missing")).returncode == 2
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "r.yaml").write_text("rules: [{id: BAD}]\n", encoding="utf-8")
    result = hkai("rules", "test", str(broken))
    assert result.returncode == 2
    assert result.stderr.startswith(f"hkai: error: {broken / 'r.yaml'}:1:") and "Traceback" not in result.stderr


# --- lint ----------------------------------------------------------------------------


def test_lint_the_builtin_pack_is_clean():
    result = hkai("rules", "lint")
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip().endswith(f"{len(IDS)} rules, no problems")
    assert hkai("rules", "lint", str(HOUSE_RULES)).returncode == 0


RULE = """\
  - id: {id}
    principle: {principle}
    severity: error
    levels: {levels}
    title: {title}
    rationale: {{en: Why it matters, zh: 原因}}
    message: {{en: "{message}", zh: 訊息}}
    fix: {{en: "{fix}", zh: 修正}}
    source: test
    check:
      for_each:
        use: ai_uses
      require:
        {require}
"""


def _rule(**fields):
    values = dict(principle="consent", levels="all", title="{en: A title, zh: 標題}", message="AI use {use.id}",
                  fix="Fix it", require="use.kind: {equals: voice_clone}")
    values.update(fields)
    return RULE.format(**values)


def test_lint_reports_every_problem_of_a_broken_pack_at_once(tmp_path):
    pack = tmp_path / "broken"
    (pack / "fixtures").mkdir(parents=True)
    (pack / "pack.yaml").write_text("name: broken\nversion: 1\nextends: hkai-guideline\n"
                                    "overrides:\n  CON-001: {severity: warning}\n  CON-999: {disabled: true}\n",
                                    encoding="utf-8")
    (pack / "schema.yaml").write_text("rules:\n" + _rule(id="TST-001", principle="ethics", levels="[extreme]",
                                                         title="{en: English only}"), encoding="utf-8")
    (pack / "compile.yaml").write_text(
        "rules:\n"
        + _rule(id="TST-002", require="usr.kind: {equals: voice_clone}")
        + _rule(id="TST-003", require='use.kind: {matches: "(?=a)a"}')
        + _rule(id="TST-004", message="AI use {nobody.id}")
        + _rule(id="TST-005", fix="Set {use.kind} and {nothing.here}; write `{en: ..., zh: ...}`")
        + _rule(id="TST-006"),
        encoding="utf-8")
    (pack / "fixtures" / "TST-006.yaml").write_text(
        "rule: TST-006\ncases:\n  - name: only a passing case\n    trigger: false\n"
        "    manifest: {manifest_version: 1}\n",
        encoding="utf-8")
    (pack / "fixtures" / "ZZZ-001.yaml").write_text("rule: ZZZ-001\ncases: []\n", encoding="utf-8")
    result = hkai("rules", "lint", str(pack))
    assert result.returncode == 1, result.stdout
    out = result.stdout
    lines = out.splitlines()
    located = [line for line in lines if re.match(r".+:\d+:\d+: ", line)]
    assert len(located) == len(lines) - 1  # every problem is located; the last line sums up
    expect = [
        (pack / "schema.yaml", 3, "'ethics' is not an allowed value"),
        (pack / "schema.yaml", 5, "'extreme' is not an allowed value"),
        (pack / "schema.yaml", 6, "'zh' is required"),
        (pack / "compile.yaml", None, "rule TST-002: unknown name 'usr'"),
        (pack / "compile.yaml", None, "rule TST-003: regular expression '(?=a)a' cannot be used"),
        (pack / "compile.yaml", None, "rule TST-004: unknown name 'nobody'"),
        (pack / "compile.yaml", None, "fix (en) has the placeholder {use.kind}, which is never filled in"),
        (pack / "compile.yaml", None, "fix (en) placeholder {nothing.here} refers to nothing"),
        (pack / "compile.yaml", None, "rule TST-002 has no fixture file fixtures/TST-002.yaml"),
        (pack / "fixtures" / "TST-006.yaml", None, "rule TST-006 has no case that does not trigger it"),
        (pack / "fixtures" / "TST-006.yaml", 4, "unknown key 'trigger' in a case (did you mean triggers?)"),
        (pack / "fixtures" / "ZZZ-001.yaml", 1, "fixtures for rule ZZZ-001, which this pack does not define"),
        (pack / "pack.yaml", 6, "override of CON-999, which no pack it extends defines"),
    ]
    for file, line, message in expect:
        prefix = f"{file}:{line}:" if line else f"{file}:"
        assert any(found.startswith(prefix) and message in found for found in lines), (file, line, message, out)
    assert "{en: ..., zh: ...}" not in out  # braces in a code span are not placeholders
    assert "pack.yaml:5:" not in out  # CON-001 is a rule of the pack it extends
    assert lines[-1] == f"{pack}: {len(located)} problems (6 rules)"


def test_lint_reports_a_conflict_with_the_pack_it_extends_once_with_its_advice(tmp_path):
    pack = tmp_path / "house"
    shutil.copytree(HOUSE_RULES, pack)
    rules = pack / "broadcast.yaml"
    rules.write_text(rules.read_text(encoding="utf-8").replace("id: BRD-001", "id: CON-001"), encoding="utf-8")
    (pack / "fixtures" / "BRD-001.yaml").rename(pack / "fixtures" / "CON-001.yaml")
    fixture = pack / "fixtures" / "CON-001.yaml"
    fixture.write_text(fixture.read_text(encoding="utf-8").replace("rule: BRD-001", "rule: CON-001"),
                       encoding="utf-8")
    result = hkai("rules", "lint", str(pack))
    assert result.returncode == 1
    conflicts = [line for line in result.stdout.splitlines() if "CON-001 is already defined" in line]
    assert len(conflicts) == 1 and conflicts[0].startswith(f"{rules}:"), result.stdout
    assert "which this pack extends; use an override in pack.yaml, or a new id" in conflicts[0]


def test_lint_a_missing_folder_exits_2(tmp_path):
    result = hkai("rules", "lint", str(tmp_path / "nowhere"))
    assert result.returncode == 2
    assert result.stderr == f"hkai: error: {tmp_path / 'nowhere'}: no such rule pack folder\n"


def test_a_bad_hkai_lang_is_an_error():
    result = hkai("rules", "list", env={"HKAI_LANG": "fr"})
    assert result.returncode == 2 and "HKAI_LANG" in result.stderr and "Traceback" not in result.stderr
