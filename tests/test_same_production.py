"""Two manifests of one run with the same production id: each is told of the other
(INT-010), and a reviewer's waiver for that id waives findings of neither."""

from conftest import MINIMAL, hkai, hkai_json

TODO_TITLE = MINIMAL.replace("title: {en: Demo, zh: 示範}", "title: TODO title")


def _write(folder, text):
    folder.mkdir(parents=True)
    (folder / "manifest.yaml").write_text(text, encoding="utf-8")
    return folder / "manifest.yaml"


def _review_waiving_int_006(tmp_path, production, target):
    """A reviewer's waivers file, approved, waiving INT-006 (a placeholder left in)."""
    review = tmp_path / "review.yaml"
    review.write_text(f"issued_by: Panel\nwaivers:\n  - {{rule: INT-006, production: {production}, target: {target},"
                      " reason: known, approved_by: Panel, approved_on: 2026-01-01}\n", encoding="utf-8")
    return review


def test_two_manifests_with_one_production_id_are_both_reported(tmp_path):
    first, second = _write(tmp_path / "a", MINIMAL), _write(tmp_path / "b", MINIMAL)
    _write(tmp_path / "c", MINIMAL.replace("id: demo", "id: other"))
    code, report = hkai_json(str(tmp_path))
    assert code == 1
    clashes = {m["path"]: [f for f in m["findings"] if f["rule"] == "INT-010"] for m in report["manifests"]}
    (on_first,) = clashes[str(first)]
    (on_second,) = clashes[str(second)]
    assert str(second) in on_first["message"] and str(first) in on_second["message"]
    assert on_first["path"] == "/production/id" and on_first["line"] == 3
    assert clashes[str(tmp_path / "c" / "manifest.yaml")] == []
    result = hkai("check", str(tmp_path))
    assert result.returncode == 1 and "INT-010" in result.stdout and "Traceback" not in result.stderr


def test_a_reviewers_waiver_for_a_shared_id_waives_nothing_until_it_is_resolved(tmp_path):
    review = _review_waiving_int_006(tmp_path, production="demo", target="demo")
    submissions = tmp_path / "submissions"
    _write(submissions / "a", TODO_TITLE)
    _, report = hkai_json("--fail-on", "info", "--waivers", str(review), str(submissions))
    assert [f["waived"] for f in report["manifests"][0]["findings"] if f["rule"] == "INT-006"] == [True]
    _write(submissions / "b", TODO_TITLE)
    code, report = hkai_json("--fail-on", "info", "--waivers", str(review), str(submissions))
    assert code == 1
    for manifest in report["manifests"]:
        assert [f["waived"] for f in manifest["findings"] if f["rule"] == "INT-006"] == [False]


def test_a_reviewers_waiver_for_every_production_waives_nothing_in_manifests_that_share_an_id(tmp_path):
    review = _review_waiving_int_006(tmp_path, production="'*'", target="'*'")
    submissions = tmp_path / "submissions"
    _write(submissions / "a", TODO_TITLE)
    _write(submissions / "b", TODO_TITLE)
    _write(submissions / "c", TODO_TITLE.replace("id: demo", "id: other"))
    code, report = hkai_json("--fail-on", "info", "--waivers", str(review), str(submissions))
    assert code == 1
    waived = {m["path"]: [f["waived"] for f in m["findings"] if f["rule"] == "INT-006"]
              for m in report["manifests"]}
    assert waived == {str(submissions / "a" / "manifest.yaml"): [False],
                      str(submissions / "b" / "manifest.yaml"): [False],
                      str(submissions / "c" / "manifest.yaml"): [True]}


def test_baseline_entries_for_a_shared_id_apply_to_neither_manifest(tmp_path):
    submissions = tmp_path / "submissions"
    _write(submissions / "a", TODO_TITLE)
    baseline = tmp_path / "baseline.json"
    created = hkai("check", "--fail-on", "info", "--create-baseline", str(baseline), str(submissions))
    assert created.returncode == 1 and '"production": "demo"' in baseline.read_text()
    code, report = hkai_json("--fail-on", "info", "--baseline", str(baseline), str(submissions))
    assert code == 0 and report["baseline"]["carried"] >= 1

    _write(submissions / "b", TODO_TITLE)
    code, report = hkai_json("--fail-on", "info", "--baseline", str(baseline), str(submissions))
    assert code == 1
    assert all(not f["baselined"] for m in report["manifests"] for f in m["findings"])
    # not applied, and not fixed either: the entries wait until the clash is resolved
    assert report["baseline"] == {**report["baseline"], "carried": 0, "fixed": []}

    # a baseline written during the clash records nothing for the shared id
    during = tmp_path / "during.json"
    hkai("check", "--fail-on", "info", "--create-baseline", str(during), str(submissions))
    assert '"production": "demo"' not in during.read_text()
