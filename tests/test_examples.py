"""Each example production gives exactly the findings its README describes."""

import pytest

from conftest import EXAMPLES, hkai_json

EXPECTED = {
    "nine-heavens-animation": ("pass", {}),
    "harbour-lights-accent-correction": ("pass", {}),
    "last-swordsman-de-ageing": ("pass", {"CMP-003": 2}),
    "neon-idol-music-video": ("pass", {"DIS-003": 1}),
    "overnight-empress-short-drama": ("fail", {"CRD-001": 1, "CRD-003": 1, "CRD-006": 1, "DIS-001": 2, "DIS-002": 1,
                                               "DIS-004": 3, "DIS-008": 1, "DIS-012": 1}),
    "studio-teaser-catalogue": ("fail", {"CMP-005": 3, "CON-008": 3, "CON-011": 1, "DAT-001": 1, "DAT-003": 1,
                                         "DAT-006": 1}),
    "dragon-returns-resurrection": ("fail", {"CON-004": 1, "CON-005": 2, "CON-007": 1, "DIS-004": 2, "DIS-010": 2}),
}


@pytest.fixture(scope="module")
def report():
    code, data = hkai_json(str(EXAMPLES))
    assert code == 1
    return {m["path"].split("/")[-2]: m for m in data["manifests"]}


def test_every_example_is_covered(report):
    assert set(report) == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_findings(report, name):
    status, counts = EXPECTED[name]
    manifest = report[name]
    found: dict[str, int] = {}
    for finding in manifest["findings"]:
        found[finding["rule"]] = found.get(finding["rule"], 0) + 1
    assert (manifest["status"], found) == (status, counts)


def test_waived_finding_in_the_virtual_idol_example(report):
    (finding,) = report["neon-idol-music-video"]["findings"]
    assert finding["waived"] is True and finding["target"] == "d-platform"
    assert finding["waiver"]["expires_on"] == "2027-03-31"


def test_resurrection_points_at_the_consent_given_by_self(report):
    con = next(f for f in report["dragon-returns-resurrection"]["findings"] if f["rule"] == "CON-007")
    assert (con["path"], con["target"]) == ("/consents/0/given_by", "c-kwan-1976")
    assert "estate" in con["message"] and "Kwan Tin Lung" in con["message"]
