"""What makes a finding one finding: its rule, its node and the records it is about,
never the words of its message."""

from collections import Counter

from conftest import ROOT, hkai, hkai_json

SAME_NAME = ROOT / "tests" / "corpus" / "manifests" / "two-people-same-name.yaml"


def test_two_people_with_one_name_in_one_use_are_two_findings_each():
    code, report = hkai_json(str(SAME_NAME))
    assert code == 1
    findings = report["manifests"][0]["findings"]
    per_rule = Counter(f["rule"] for f in findings)
    assert per_rule["CON-001"] == 2 and per_rule["CMP-001"] == 2
    # The two findings read the same: only the records they are about tell them apart.
    assert len({f["message"] for f in findings if f["rule"] == "CON-001"}) == 1
    result = hkai("check", "--today", "2026-11-25", str(SAME_NAME))
    assert result.returncode == 1 and "FAIL  8 errors" in result.stdout
    assert "Traceback" not in result.stderr


def test_two_checks_of_a_rule_reporting_the_same_records_are_one_finding(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "house.yaml").write_text('''\
rules:
  - id: HSE-001
    principle: integrity
    severity: error
    levels: all
    title: {en: A title, zh: 標題}
    source: house rule
    rationale: {en: Why, zh: 原因}
    message: {en: "Person {person.id} has no email", zh: "{person.id} 沒有電郵"}
    fix: {en: Add one, zh: 加上}
    check:
      - for_each: {person: people}
        require: {person.email: {present: true}}
      - for_each: {someone: people}
        require: {someone.email: {present: true}}
        message: {en: "Person {someone.id} has no email address", zh: "{someone.id} 沒有電郵地址"}
''', encoding="utf-8")
    code, report = hkai_json("--rules", str(pack), str(SAME_NAME))
    findings = [f for f in report["manifests"][0]["findings"] if f["rule"] == "HSE-001"]
    assert sorted(f["path"] for f in findings) == ["/people/0", "/people/1"], findings


ONE_CONSENT_MANY_WAYS = ROOT / "tests" / "corpus" / "manifests" / "one-consent-many-ways.yaml"


def test_one_consent_reached_many_ways_is_reported_once_per_problem():
    code, report = hkai_json(str(ONE_CONSENT_MANY_WAYS))
    assert code == 1
    consent = [f for f in report["manifests"][0]["findings"] if f["rule"] in ("CON-002", "CON-003", "CON-004",
                                                                              "CON-005", "CON-013")]
    assert sorted((f["rule"], f["path"]) for f in consent) == [
        ("CON-002", "/consents/0/signed_on"), ("CON-002", "/consents/0/signed_on"),  # one per use reviewed before
        ("CON-003", "/consents/0/expires_on"), ("CON-003", "/consents/0/revoked_on"),
        ("CON-004", "/consents/0/intended_use"),
        ("CON-005", "/consents/0/informed"), ("CON-005", "/consents/0/separate_from_other_terms"),
        ("CON-013", "/consents/0/intended_use"),
    ]
    assert {f["target"] for f in consent} == {"c-a"}
    signed = sorted(f["message"] for f in consent if f["rule"] == "CON-002")
    assert "after AI use replica was already reviewed on 2026-01-01" in signed[0]
    assert "after AI use replica-2 was already reviewed on 2026-01-02" in signed[1]
    (specific,) = [f for f in consent if f["rule"] == "CON-004"]
    assert specific["message"] == ('Consent c-a from Chan Siu Ming uses blanket wording about its scope (such as '
                                   '"any role"): that is not consent to a specific use in this production')
    assert "obtain a new consent" in specific["fix"].lower() and "remove the old consent's record" in specific["fix"]
    (lasting,) = [f for f in consent if f["rule"] == "CON-013"]
    assert lasting["severity"] == "warning" and '"in perpetuity"' in lasting["message"]
