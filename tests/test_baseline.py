"""Baselines: known findings stop failing the run, new ones still fail, fixed ones are counted."""

import json

from conftest import MINIMAL, TODAY, hkai, hkai_json

MANIFEST = MINIMAL.replace("ai_use_level: none", "ai_use_level: medium") + """\
people: [{id: p-a, name: Chan, roles: [performer]}]
ai_uses: [{id: u, kind: de_ageing, subjects: [p-a]}]
"""


def test_baseline_carries_known_findings_even_after_lines_move(write_manifest, tmp_path):
    path = write_manifest(MANIFEST)
    baseline = tmp_path / "baseline.json"
    created = hkai("check", str(path), "--create-baseline", str(baseline), "--today", TODAY)
    assert created.returncode == 1 and "wrote" in created.stderr
    entries = json.loads(baseline.read_text())["findings"]
    assert {"production": "demo", "rule": "CON-001", "target": "u", "count": 1} in entries

    # Insert lines above every finding: nothing in the baseline mentions a line number.
    path.write_text(MANIFEST.replace("manifest_version: 1\n", "manifest_version: 1\n# reviewed\n# again\n"))
    code, report = hkai_json(str(path), "--baseline", str(baseline))
    assert code == 0
    findings = report["manifests"][0]["findings"]
    assert findings and all(f["baselined"] for f in findings)
    assert report["baseline"]["carried"] == len(findings) and report["baseline"]["fixed"] == []
    rich = hkai("check", str(path), "--baseline", str(baseline), "--today", TODAY)
    assert f"Baseline: {len(findings)} known findings carried, 0 fixed" in rich.stdout


def test_new_findings_fail_and_fixed_ones_are_reported(write_manifest, tmp_path):
    path = write_manifest(MANIFEST)
    baseline = tmp_path / "baseline.json"
    hkai("check", str(path), "--create-baseline", str(baseline), "--today", TODAY)
    # A bare consent for p-a: it fixes CON-001, and brings new findings about the consent itself.
    path.write_text(MANIFEST + "consents: [{id: c-a, person: p-a, given_by: self, signed_on: 2026-01-05, "
                               "covers: [de_ageing]}]\n")
    code, report = hkai_json(str(path), "--baseline", str(baseline))
    assert code == 1
    new = {(f["rule"], f["target"]) for f in report["manifests"][0]["findings"] if not f["baselined"]}
    assert new == {("CON-004", "c-a"), ("CON-005", "c-a")}
    assert report["baseline"]["fixed"] == [{"production": "demo", "rule": "CON-001", "target": "u", "count": 1}]


def test_unreadable_baseline_is_exit_2(write_manifest, tmp_path):
    (tmp_path / "bad.json").write_text("{not json")
    result = hkai("check", str(write_manifest(MINIMAL)), "--baseline", str(tmp_path / "bad.json"))
    assert result.returncode == 2 and "not an hkai baseline file" in result.stderr


def test_a_baseline_that_cannot_be_written_is_exit_2(write_manifest, tmp_path):
    result = hkai("check", str(write_manifest(MANIFEST)), "--create-baseline", str(tmp_path / "no" / "b.json"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"baseline: cannot write {tmp_path / 'no' / 'b.json'}: No such file or directory" in result.stderr


def test_a_new_baseline_replaces_the_old_one_whole(write_manifest, tmp_path):
    baseline = tmp_path / "b.json"
    baseline.write_text("old")
    path = str(write_manifest(MANIFEST))
    assert hkai("check", path, "--create-baseline", str(baseline)).returncode in (0, 1)
    assert json.loads(baseline.read_text(encoding="utf-8"))["hkai_baseline"] == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.json", "manifest.yaml"]  # no temporary file left


def test_a_json_file_that_is_not_a_baseline_is_refused(write_manifest, tmp_path):
    (tmp_path / "other.json").write_text('{"findings": []}')
    result = hkai("check", str(write_manifest(MINIMAL)), "--baseline", str(tmp_path / "other.json"))
    assert result.returncode == 2 and "not an hkai baseline file" in result.stderr
