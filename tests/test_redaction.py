"""``--redact``: reports that leave the panel carry pseudonyms, never the people: no name,
person id or email of the example productions or the test corpus appears in any format, the
rest of the report is unchanged, pseudonyms are deterministic (keyed with --redact-key), and
the map from pseudonym to person is written only when asked, readable by its owner only."""

import json
import re
import stat
import subprocess
import sys

import pytest
import yaml

from conftest import EXAMPLES, MINIMAL, ROOT, TODAY, hkai, hkai_exact, hkai_json

FORMATS = ("rich", "json", "sarif", "junit", "github", "gitlab", "markdown", "html")
CORPUS = ROOT / "tests" / "corpus" / "manifests"
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")


def _readable(paths):
    for path in paths:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (yaml.YAMLError, ValueError, RecursionError):  # broken on purpose: no data to look for
            continue
        if isinstance(data, dict) and isinstance(data.get("people"), list):
            yield path, data


def personal_values(paths) -> set[str]:
    """Every person's name (each language), person id and email of the manifests at ``paths``."""
    found = set()
    for path, data in _readable(paths):
        contact = (data.get("production") or {}).get("compliance_contact")
        people = [p for p in data["people"] if isinstance(p, dict)]
        names = [p.get("name") for p in people] + [contact.get("name") if isinstance(contact, dict) else None]
        for name in names:
            found.update(v for v in (name.values() if isinstance(name, dict) else [name]) if isinstance(v, str))
        found.update(p["id"] for p in people if isinstance(p.get("id"), str))
        found.update(EMAIL.findall(path.read_text(encoding="utf-8")))
    return {value for value in found if value}


def appears(value: str, text: str) -> bool:
    """Whether ``value`` is in ``text`` as redaction looks for it: a Chinese name as it is, anything
    else as a whole word or token. One-character names are not looked for (see the README)."""
    if len(value) < 2:
        return False
    if re.search("[\u3400-\u9fff]", value):
        return value in text
    return re.search(rf"(?<![\w.@-]){re.escape(value)}(?![\w@-])", text) is not None


EXAMPLE_FILES = sorted(EXAMPLES.glob("*/manifest.yaml"))
CORPUS_FILES = [path for path, _ in _readable(sorted(CORPUS.glob("*.yaml")))]


@pytest.mark.parametrize("form", FORMATS)
def test_no_name_person_id_or_email_reaches_any_format(form, tmp_path):
    assert len(EXAMPLE_FILES) == 7 and CORPUS_FILES
    originals = personal_values(EXAMPLE_FILES + CORPUS_FILES)
    assert {"Tse Ka Lok", "謝家樂", "p-tse", "compliance@cloudgate-pictures.hk"} <= originals
    lang = ["--lang", "both"] if form == "html" else []
    result = hkai_exact("check", "--redact", "--format", form, "--today", TODAY, *lang,
                        str(EXAMPLES), *map(str, CORPUS_FILES))
    assert result.returncode in (1, 2), result.stderr
    assert "Traceback" not in result.stderr
    output = result.stdout + result.stderr
    leaked = sorted(value for value in originals if appears(value, output))
    assert leaked == []
    assert "Person A" in output


def test_the_rest_of_the_report_is_unchanged():
    """No over-redaction: same findings, rules, lines and fixes; messages change only where they name someone."""
    _, plain = hkai_json(str(EXAMPLES))
    _, redacted = hkai_json("--redact", str(EXAMPLES))
    assert redacted["redacted"] is True and "redacted" not in plain
    originals = personal_values(EXAMPLE_FILES)
    for before, after in zip(plain["manifests"], redacted["manifests"]):
        assert before["path"] == after["path"]  # folders stay as they are without --redact-paths
        assert len(before["findings"]) == len(after["findings"])
        for old, new in zip(before["findings"], after["findings"]):
            assert (old["rule"], old["line"], old["column"], old["severity"], old["fix"]) == \
                   (new["rule"], new["line"], new["column"], new["severity"], new["fix"])
            if not any(value in old["message"] for value in originals) and old["target"] is None:
                assert old["message"] == new["message"]


def test_one_record_has_one_pseudonym_in_every_format_and_run(tmp_path):
    example = str(EXAMPLES / "dragon-returns-resurrection")
    outputs = {form: tmp_path / f"report.{form}" for form in ("json", "markdown", "html")}
    args = [part for form, path in outputs.items() for part in ("--format", form, "--output", str(path))]
    result = hkai("check", "--redact", "--today", TODAY, *args, example)
    assert result.returncode == 1, result.stderr
    texts = {form: path.read_text(encoding="utf-8") for form, path in outputs.items()}
    message = next(f["message"] for f in json.loads(texts["json"])["manifests"][0]["findings"]
                   if f["rule"] == "CON-007")
    assert message == "Person B is deceased, but consent c-1 is given by self, not by the estate"
    assert "Person B is deceased, but consent c-1" in texts["markdown"]
    assert message in texts["html"]
    again = hkai("check", "--redact", "--today", TODAY, "--format", "json", example)
    assert again.stdout == texts["json"]


def test_a_key_changes_the_order_of_pseudonyms_and_is_deterministic():
    example = str(EXAMPLES / "overnight-empress-short-drama")
    plain = hkai("check", "--redact", "--format", "json", "--today", TODAY, example).stdout
    keyed = [hkai("check", "--redact", "--redact-key", key, "--format", "json", "--today", TODAY, example).stdout
             for key in ("panel-secret", "panel-secret", "another")]
    assert keyed[0] == keyed[1]
    assert len({plain, keyed[0], keyed[2]}) == 3


def test_a_redacted_html_report_quotes_no_manifest_line(tmp_path):
    # A name in a comment on a finding's line, where the redactor cannot know it is one.
    text = (EXAMPLES / "dragon-returns-resurrection" / "manifest.yaml").read_text(encoding="utf-8")
    (tmp_path / "manifest.yaml").write_text(text.replace("    given_by: self\n", "    given_by: self  # Kwan Tin\n", 1),
                                            encoding="utf-8")
    plain = hkai("check", "--format", "html", "--today", TODAY, "manifest.yaml", cwd=tmp_path).stdout
    assert "given_by: self  # Kwan Tin" in "".join(re.findall(r'<pre class="quote".*?</pre>', plain, re.S))
    page = hkai("check", "--redact", "--format", "html", "--today", TODAY, "manifest.yaml", cwd=tmp_path).stdout
    assert '<pre class="quote"' not in page and "Kwan Tin" not in page
    assert "Redacted" in page and "pseudonyms (--redact)" in page


def test_the_map_is_written_only_when_asked_and_only_for_its_owner(tmp_path):
    mapping = tmp_path / "map.json"
    mapping.write_text("old")
    mapping.chmod(0o644)
    result = hkai("check", "--redact", "--redaction-map", str(mapping), "--format", "json", "--today", TODAY,
                  str(EXAMPLES / "nine-heavens-animation"))
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(mapping.stat().st_mode) == 0o600
    written = json.loads(mapping.read_text(encoding="utf-8"))
    assert ["Tse Ka Lok", "謝家樂"] in written.values() and ["p-tse"] in written.values()
    assert ["compliance@cloudgate-pictures.hk"] in written.values()
    assert "Tse Ka Lok" not in result.stdout and "redaction" not in result.stdout


def test_redact_paths_renames_folders_and_the_map_says_which(tmp_path):
    mapping = tmp_path / "map.json"
    result = hkai("check", "--redact", "--redact-paths", "--redaction-map", str(mapping), "--format", "json",
                  "--today", TODAY, str(EXAMPLES / "nine-heavens-animation"))
    report = json.loads(result.stdout)
    assert report["manifests"][0]["path"] == "folder-1/manifest.yaml"
    assert "nine-heavens-animation" not in result.stdout
    (real,) = json.loads(mapping.read_text())["folder-1/manifest.yaml"]
    assert real.endswith("examples/projects/nine-heavens-animation/manifest.yaml")


def test_x_fields_emails_and_evidence_file_names_are_replaced(tmp_path):
    manifest = tmp_path / "manifest.yaml"
    manifest.write_text(MINIMAL.replace("  ai_use_level: none\n", "  ai_use_level: none\n  x-notes: Call Mabel Li\n"
                                        "  compliance_contact: {name: Mabel Li, email: mabel@studio.example}\n"))
    result = hkai("check", "--redact", "--format", "html", "--today", TODAY, str(manifest))
    assert result.returncode in (0, 1), result.stderr
    for value in ("Mabel Li", "mabel@studio.example", "Call Mabel"):
        assert value not in result.stdout


@pytest.mark.parametrize("flag", [("--redact-key", "k"), ("--redact-paths",), ("--redaction-map", "m.json")])
def test_redaction_options_need_redact(flag):
    result = hkai("check", *flag, str(EXAMPLES / "nine-heavens-animation"))
    assert result.returncode == 2
    assert result.stderr == f"hkai: error: {flag[0]} only applies with --redact (or redact = true in the config file)\n"


def test_redact_from_the_config_file(tmp_path):
    (tmp_path / "hkai.toml").write_text("redact = true\n")
    target = EXAMPLES / "nine-heavens-animation" / "manifest.yaml"
    result = hkai("check", "--format", "json", "--today", TODAY, str(target), cwd=tmp_path)
    assert json.loads(result.stdout)["redacted"] is True
    assert "Tse Ka Lok" not in result.stdout


def test_an_interrupted_map_leaves_the_old_one_whole(tmp_path):
    """The map is written as reports are: to a temporary file renamed into place, so Ctrl-C
    while it is written leaves the old map as it was (it once left half a map)."""
    mapping = tmp_path / "map.json"
    mapping.write_text("old")
    program = ("import sys\n"
               "from checker.report import strict_json\n"
               "def interrupted_half_way(value, stream):\n"
               "    stream.write('{\"Person A\": ')\n"
               "    raise KeyboardInterrupt\n"
               "strict_json.dump = interrupted_half_way\n"  # only the map is JSON in a run of the terminal report
               "from checker.cli import main\n"
               "sys.exit(main(sys.argv[1:]))\n")
    result = subprocess.run([sys.executable, "-c", program, "check", "--redact", "--redaction-map", str(mapping),
                             "--today", TODAY, str(EXAMPLES / "nine-heavens-animation")],
                            capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert (result.returncode, result.stderr) == (130, "hkai: interrupted\n")
    assert mapping.read_text() == "old" and sorted(path.name for path in tmp_path.iterdir()) == ["map.json"]
