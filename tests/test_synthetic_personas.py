"""Synthetic personas: a virtual idol, like a synthetic performer, is a character generated
from scratch, and gets the same union-notice, credit and compensation rules."""

import pytest
from conftest import hkai_json


@pytest.mark.parametrize("kind", ["synthetic_performer", "virtual_idol"])
def test_a_virtual_idol_is_treated_as_a_synthetic_performer(write_manifest, kind):
    manifest = write_manifest(
        "manifest_version: 1\nproduction: {id: demo, title: Demo, type: music_video, release_date: 2026-05-01, "
        "ai_use_level: high}\npeople: [{id: p-a, name: Chan Siu Ming, roles: [voice_actor]}]\n"
        f"ai_uses:\n  - {{id: star, kind: {kind}, subjects: [p-a]}}\n"
        "compensation:\n  - {id: pay-a, person: p-a, for: [star], basis: buyout, amount: {value: 1, currency: HKD}}\n")
    _, report = hkai_json(str(manifest))
    found = {f["rule"]: (f["path"], f["message"]) for f in report["manifests"][0]["findings"]}
    assert found["DIS-012"] == ("/ai_uses/0", f"AI use star ({kind}), a character generated from scratch, does not "
                                              "record when the performers' union or guild was notified")
    assert found["CRD-006"][0] == "/credits"
    assert found["CMP-003"][0] == "/compensation/0/basis"
