"""The Markdown report as a pull-request comment, parsed as GitHub parses it (CommonMark with GFM
tables, by markdown-it-py): text from a manifest never becomes a link, a mention or an issue
reference; every finding row has its fix; links point at GitHub in a GitHub Actions run; the
comment stays below GitHub's length limit."""

from __future__ import annotations

import json
import re

import pytest
from markdown_it import MarkdownIt

from conftest import EXAMPLES, MINIMAL, TODAY, hkai, hkai_json

NOT_ON_GITHUB = {"GITHUB_SERVER_URL": "", "GITHUB_REPOSITORY": "", "GITHUB_SHA": ""}
ON_GITHUB = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "example-assoc/submissions",
             "GITHUB_SHA": "0123456789abcdef0123456789abcdef01234567"}

# What GitHub turns into a notification or a link when it is in text outside code.
MENTION = re.compile(r"(?<![\w`])@[A-Za-z0-9]")
REFERENCE = re.compile(r"#\d|\bGH-\d", re.IGNORECASE)
URL = re.compile(r"https?://|www\.|mailto:|\w@\w", re.IGNORECASE)

LINKABLE_WORDS = ["@octocat", "@example-assoc/panel", "#123", "example-assoc/submissions#7", "GH-42",
                  "https://evil.example/x", "www.evil.example", "producer@evil.example",
                  "`@tick`", "```@fence", "@pipe|cell", "#9|x"]


def markdown_tokens(markdown: str) -> list:
    """Block and inline tokens, flattened, as GitHub's Markdown would read the comment."""
    tokens = MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(markdown)
    return [t for token in tokens for t in (token, *(token.children or []))]


def prose(tokens: list) -> str:
    """The text GitHub's autolinker reads: every text outside code spans, links and HTML."""
    out, depth = [], 0
    for token in tokens:
        depth += {"link_open": 1, "link_close": -1}.get(token.type, 0)
        if token.type == "text" and depth == 0:
            out.append(token.content)
    return "\n".join(out)


def checked_markdown(path, env=NOT_ON_GITHUB, *args: str) -> tuple[int, str]:
    result = hkai("check", str(path), "--format", "markdown", "--today", TODAY, *args, env=env)
    assert "Traceback" not in result.stderr
    return result.returncode, result.stdout


@pytest.fixture
def linkable_manifest(tmp_path):
    """People, a use and a waiver whose texts hold every word GitHub would link or notify."""
    text = " ".join(LINKABLE_WORDS)
    path = tmp_path / "manifest.yaml"
    path.write_text(MINIMAL.replace("title: {en: Demo, zh: 示範}", f"title: {json.dumps(text)}")
                    .replace("ai_use_level: none", "ai_use_level: medium") + f"""\
people:
  - {{id: p-a, name: {json.dumps(text)}, roles: [performer]}}
ai_uses:
  - {{id: replica, kind: digital_replica, subjects: [p-a], description: {json.dumps(text)}}}
waivers:
  - {{rule: CON-001, target: replica, reason: {json.dumps(text)}, approved_by: "@panel-chair",
     expires_on: 2027-01-01}}
""", encoding="utf-8")
    return path


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_manifest_text_makes_no_mention_reference_or_link(linkable_manifest, lang):
    code, out = checked_markdown(linkable_manifest, NOT_ON_GITHUB, "--lang", lang)
    assert code == 1
    tokens = markdown_tokens(out)
    text = prose(tokens)
    assert "octocat" in text or any("octocat" in t.content for t in tokens if t.type == "code_inline")
    assert not MENTION.search(text), text
    assert not REFERENCE.search(text), text
    assert not URL.search(text), text
    # the only links are the locations, in the manifest
    targets = {t.attrs["href"].split("#L")[0] for t in tokens if t.type == "link_open"}
    assert targets == {str(linkable_manifest)}
    # each word is shown exactly, in a code span, with nothing slipped in
    spans = {t.content for t in tokens if t.type == "code_inline"}
    assert set(LINKABLE_WORDS) <= spans, set(LINKABLE_WORDS) - spans
    assert not re.search("[\u200b-\u200d\u2060\ufeff]", out)


def test_every_finding_row_has_its_fix_and_pipes_stay_in_their_cell(linkable_manifest):
    code, out = checked_markdown(linkable_manifest)
    _, data = hkai_json(str(linkable_manifest))
    findings = [f for f in data["manifests"][0]["findings"] if not f["waived"]]
    tokens = markdown_tokens(out)
    tables = _tables(tokens)
    findings_table = next(rows for rows in tables if rows[0][:4] == ["Severity", "Rule", "Message", "Fix"])
    assert findings_table[0] == ["Severity", "Rule", "Message", "Fix", "Location"]
    body = findings_table[1:]
    assert len(body) == len(findings) and all(len(row) == 5 for row in body)
    for row, finding in zip(body, findings):
        assert row[1] == finding["rule"]
        assert row[3] == finding["fix"]
        assert row[4].startswith(f"{linkable_manifest}:{finding['line']}")
    waived_table = next(rows for rows in tables if rows[0][:4] == ["Severity", "Rule", "Message", "Location"])
    assert all(len(row) == 7 for row in waived_table)
    assert "@pipe|cell" in waived_table[1][4] and "#9|x" in waived_table[1][4]


def _tables(tokens: list) -> list[list[list[str]]]:
    """Each table's rows, each row its cells' text (code spans included)."""
    tables: list[list[list[str]]] = []
    cell: list[str] | None = None
    for token in tokens:
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            tables[-1].append([])
        elif token.type in ("th_open", "td_open"):
            cell = []
        elif token.type in ("th_close", "td_close"):
            tables[-1][-1].append("".join(cell or []))
            cell = None
        elif cell is not None and token.type in ("text", "code_inline"):
            cell.append(token.content)
    return tables


DRAGON = "examples/projects/dragon-returns-resurrection/manifest.yaml"


def test_links_point_at_the_commit_on_github_in_a_github_actions_run():
    first = hkai("check", DRAGON, "--format", "markdown", "--today", TODAY, env=ON_GITHUB)
    again = hkai("check", DRAGON, "--format", "markdown", "--today", TODAY, env=ON_GITHUB)
    assert first.returncode == 1 and first.stdout == again.stdout
    targets = [t.attrs["href"] for t in markdown_tokens(first.stdout) if t.type == "link_open"]
    expected = f"https://github.com/example-assoc/submissions/blob/{ON_GITHUB['GITHUB_SHA']}/{DRAGON}#L74"
    assert expected in targets
    assert all(target.startswith("https://github.com/example-assoc/submissions/blob/") for target in targets)
    code, local = checked_markdown(DRAGON)
    assert {t.attrs["href"] for t in markdown_tokens(local) if t.type == "link_open"} >= {f"{DRAGON}#L74"}
    assert "github.com" not in local


def test_a_manifest_outside_the_repository_keeps_a_relative_link(tmp_path):
    path = tmp_path / "manifest.yaml"
    path.write_text(MINIMAL.replace("release_date: 2026-05-01", "release_date: 2026/05/01"), encoding="utf-8")
    code, out = checked_markdown(path, ON_GITHUB)
    assert code == 1
    assert {t.attrs["href"] for t in markdown_tokens(out) if t.type == "link_open"} == {f"{path}#L6"}


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_comment_is_capped_below_githubs_limit(tmp_path, lang):
    """Forty productions of 60 uses each, every use breaking several rules: thousands of findings,
    far more than one comment holds."""
    for number in range(40):
        folder = tmp_path / f"p{number:02}"
        folder.mkdir()
        uses = "".join(f"  - {{id: use-{n}, kind: digital_replica, subjects: [p-a], description: \U0001F3AC}}\n"
                       for n in range(60))
        (folder / "manifest.yaml").write_text(
            MINIMAL.replace("id: demo", f"id: demo-{number}").replace("ai_use_level: none", "ai_use_level: medium")
            + "people:\n  - {id: p-a, name: Chan Siu Ming, roles: [performer]}\nai_uses:\n" + uses, encoding="utf-8")
    code, out = checked_markdown(tmp_path, NOT_ON_GITHUB, "--lang", lang)
    assert code == 1
    _, data = hkai_json(str(tmp_path))
    total = sum(1 for m in data["manifests"] for f in m["findings"] if not f["waived"])
    assert total >= 2000
    assert utf16_length(out) < 65_536 and len(out) < 65_536
    last = out.rstrip("\n").splitlines()[-1]
    more = re.fullmatch(r"…… 另有 ([\d,]+) 項結果未列出.*" if lang == "zh" else r"… ([\d,]+) more findings.*", last)
    assert more, last
    tokens = markdown_tokens(out)
    rows = sum(len(rows) - 1 for rows in _tables(tokens)[1:])  # after the scorecard, every row is a finding
    per_rule = sum(int(n.replace(",", "")) for n in re.findall(
        r"另有 ([\d,]+) 項 \S+ 結果未列出" if lang == "zh" else r"… and ([\d,]+) more \S+ findings", out))
    assert rows + per_rule + int(more.group(1).replace(",", "")) == total
    assert out.count("<details>") == out.count("</details>")


def test_a_short_report_is_not_capped():
    code, out = checked_markdown(EXAMPLES)
    assert code == 1 and "this comment is cut short" not in out
