"""Only a waiver in force waives: approved and not expired. Findings about waivers
(rules marked `waivable: reviewer`) only a reviewer's waiver waives, never a manifest's own."""

from conftest import ROOT, TODAY, hkai, hkai_json

UNAPPROVED_WAIVING_EACH_OTHER = """\
manifest_version: 1
production:
  id: hostile
  title: Hostile
  type: short_drama
  release_date: 2026-05-01
  ai_use_level: none
waivers:
  - {rule: INT-007, target: "*", reason: waives the others}
  - {rule: INT-007, target: "*", reason: waives the first}
  - {rule: INT-008, target: "*", reason: and the unused ones}
"""


def _counting(report) -> list[str]:
    return [f["rule"] for f in report["manifests"][0]["findings"] if not f["waived"]]


def test_unapproved_waivers_waiving_each_others_int_007_fail(write_manifest):
    path = write_manifest(UNAPPROVED_WAIVING_EACH_OTHER)
    code, report = hkai_json(str(path))
    assert code == 1
    assert _counting(report).count("INT-007") == 3
    result = hkai("check", "--today", TODAY, str(path))
    assert result.returncode == 1 and "FAIL" in result.stdout and "Traceback" not in result.stderr


def test_an_approved_manifest_waiver_cannot_waive_a_finding_about_waivers(write_manifest):
    path = write_manifest(UNAPPROVED_WAIVING_EACH_OTHER.replace(
        "reason: waives the others}", "reason: waives the others, approved_by: The producer}"))
    code, report = hkai_json(str(path))
    assert code == 1
    assert _counting(report).count("INT-007") == 2


def test_a_manifest_waiver_of_a_finding_about_waivers_is_reported_as_waiving_nothing(write_manifest):
    path = write_manifest(UNAPPROVED_WAIVING_EACH_OTHER.replace(
        "reason: waives the others}", "reason: waives the others, approved_by: The producer}"))
    code, report = hkai_json(str(path))
    assert code == 1
    said = {f["path"]: f["message"] for f in report["manifests"][0]["findings"] if f["rule"] == "INT-003"}
    assert set(said) == {"/waivers/0/rule", "/waivers/1/rule", "/waivers/2/rule"}
    assert said["/waivers/0/rule"] == ("The waiver names rule INT-007, whose findings about waivers only a reviewer's "
                                       "waiver (--waivers) can waive, so it waives nothing")
    result = hkai("check", "--today", TODAY, "--lang", "zh", str(path))
    assert "此規則關乎豁免本身，其結果只可由審閱者的豁免（--waivers）豁免，故此豁免並無作用" in "".join(result.stdout.split())


def test_an_unapproved_or_expired_waiver_waives_nothing(write_manifest):
    base = UNAPPROVED_WAIVING_EACH_OTHER.split("waivers:")[0].replace("title: Hostile", "title: TODO Hostile")
    unapproved = write_manifest(base + "waivers:\n  - {rule: INT-006, target: hostile, reason: later}\n", "a.yaml")
    expired = write_manifest(base + "waivers:\n  - {rule: INT-006, target: hostile, reason: later, approved_by: Panel,"
                             " expires_on: 2026-01-01}\n", "b.yaml")
    approved = write_manifest(base + "waivers:\n  - {rule: INT-006, target: hostile, reason: later,"
                              " approved_by: Panel}\n", "c.yaml")
    for path, waived in ((unapproved, False), (expired, False), (approved, True)):
        _, report = hkai_json("--fail-on", "info", str(path))
        (finding,) = [f for f in report["manifests"][0]["findings"] if f["rule"] == "INT-006"]
        assert finding["waived"] is waived, path


def test_a_reviewers_waiver_can_waive_a_finding_about_waivers(write_manifest, tmp_path):
    path = write_manifest(UNAPPROVED_WAIVING_EACH_OTHER)
    review = tmp_path / "review.yaml"
    review.write_text("""\
issued_by: Panel
waivers:
  - {rule: INT-007, production: hostile, target: "*", reason: known, approved_by: Panel, approved_on: 2026-01-01}
""", encoding="utf-8")
    code, report = hkai_json("--waivers", str(review), str(path))
    assert "INT-007" not in _counting(report)


def test_waivable_takes_only_its_known_values(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    rule = (ROOT / "tests" / "corpus" / "rule-packs" / "unknown-name" / "house.yaml").read_text(encoding="utf-8")
    rule = rule.replace("usage.description", "use.description")
    (pack / "house.yaml").write_text(rule.replace("    levels: all\n", "    levels: all\n    waivable: producer\n"),
                                     encoding="utf-8")
    result = hkai("rules", "lint", str(pack))
    assert result.returncode == 1
    assert "house.yaml:6:5: invalid rule file: 'producer' is not an allowed value; expected one of: any, reviewer" \
        in result.stdout and "Traceback" not in result.stderr
    (pack / "house.yaml").write_text(rule.replace("    levels: all\n", "    levels: all\n    waivable: reviewer\n"),
                                     encoding="utf-8")
    assert "invalid rule file" not in hkai("rules", "lint", str(pack)).stdout


UNFINISHED_WAIVER = """\
manifest_version: 1
production: {id: demo, title: Demo, type: feature_film, release_date: 2026-05-01, ai_use_level: none}
training_data:
  - {id: td-stock, source: licensed}
waivers:
  - {rule: DAT-003, target: td-stock, reason: Licence is being renegotiated, approved_by: TODO}
"""


def test_a_waiver_with_a_placeholder_left_in_waives_nothing_until_it_is_finished(write_manifest):
    path = write_manifest(UNFINISHED_WAIVER)
    code, report = hkai_json(str(path))
    findings = report["manifests"][0]["findings"]
    assert code == 1
    assert [(f["rule"], f["path"], f["waived"]) for f in findings if f["rule"] in ("DAT-003", "INT-006")] == [
        ("DAT-003", "/training_data/0", False), ("INT-006", "/waivers/0/approved_by", False)]
    # a draft reports the placeholder as info: the waiver is then read as written
    code, report = hkai_json("--draft", str(path))
    assert [f["waived"] for f in report["manifests"][0]["findings"] if f["rule"] == "DAT-003"] == [True]
    # finished, it waives
    path.write_text(UNFINISHED_WAIVER.replace("approved_by: TODO", "approved_by: Lee Ka Yan"), encoding="utf-8")
    code, report = hkai_json(str(path))
    assert code == 0 and [f["waived"] for f in report["manifests"][0]["findings"]] == [True]
