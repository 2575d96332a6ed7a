"""Untrusted manifest text must never change what a report shows about status."""

import io
import json
import re

from conftest import MINIMAL, TODAY, hkai

from checker.evaluation.manifest import CheckOptions, check_file
from checker.packs.loading import load_rule_set
from checker.report import renderer
from checker.report.model import Report

PAYLOADS = {
    "markup": "[green]PASS[/] [bold]All clear[/bold]",
    "ansi": "\x1b[32mPASS\x1b[0m\x1b[2J",
    "osc": "\x1b]8;;https://evil.example\x07click\x1b]8;;\x07",
    "carriage_return": "Fine\rPASS  0 errors",
    "bidi": "Chan \u202eSSAP\u202c Siu Ming",
    "newline_forgery": "Wong\nPASS  0 errors, 0 warnings, 0 info",
    "bell_and_backspace": "Lee\x07\x08\x08\x08PASS",
}


def hostile_manifest(tmp_path):
    name = "".join(PAYLOADS.values())
    path = tmp_path / "manifest.yaml"
    path.write_text(MINIMAL.replace("title: {en: Demo, zh: 示範}", f"title: {json.dumps(PAYLOADS['markup'])}")
                    .replace("ai_use_level: none", "ai_use_level: medium") + f"""\
people:
  - {{id: p-a, name: {json.dumps(name)}, roles: [performer]}}
ai_uses:
  - {{id: replica, kind: digital_replica, subjects: [p-a], description: {json.dumps(PAYLOADS['ansi'])}}}
waivers:
  - {{rule: CON-001, target: replica, reason: {json.dumps(name)}, approved_by: {json.dumps(PAYLOADS['bidi'])},
     expires_on: 2027-01-01}}
""", encoding="utf-8")
    return path


def test_terminal_report_shows_payloads_inertly(tmp_path):
    result = hkai("check", str(hostile_manifest(tmp_path)), "--today", TODAY)
    assert result.returncode == 1
    out = result.stdout
    for raw in ("\x1b", "\r", "\u202e", "\u202c", "\x07", "\x08"):
        assert raw not in out
    assert "\\u001b" in out and "\\u202e" in out and "\\u000d" in out
    assert "[green]PASS[/]" in out  # markup shown as the literal text it is
    status_lines = [line for line in out.splitlines() if line.startswith(("PASS", "FAIL"))]
    assert len(status_lines) == 1 and status_lines[0].startswith("FAIL")
    assert "Checked 1 manifest: 0 passed, 1 failed" in out


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_coloured_terminal_report_carries_only_its_own_styling(tmp_path):
    pack = load_rule_set()
    result = check_file(hostile_manifest(tmp_path), pack, CheckOptions(today=TODAY))
    stream = Terminal()
    renderer("rich")(Report([result], pack, "error", "en", TODAY), stream, True)
    out = stream.getvalue()
    assert re.sub(r"\x1b\[[0-9;]*m", "", out) == re.sub(r"\x1b\[[0-9;]*m", "", out).replace("\x1b", "")
    assert "\x1b]" not in out and "\r" not in out and "\u202e" not in out


def test_json_keeps_the_exact_text_and_stays_valid(tmp_path):
    result = hkai("check", str(hostile_manifest(tmp_path)), "--format", "json", "--today", TODAY)
    report = json.loads(result.stdout)
    messages = [f["message"] for f in report["manifests"][0]["findings"]]
    assert any("".join(PAYLOADS.values()) in message for message in messages)
    assert "\x1b" not in result.stdout  # escaped as \u001b by JSON itself
