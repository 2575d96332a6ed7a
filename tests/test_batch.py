"""Batch runs: parallel output identical to serial, a summary table, several outputs at once."""

import json
import shutil

from conftest import EXAMPLES, TODAY, hkai

from checker.evaluation.batch import MANY_FILES


def test_jobs_2_output_is_byte_identical_to_jobs_1(tmp_path):
    # Enough manifests for the run to start workers (a handful is checked serially).
    examples = sorted(EXAMPLES.glob("*/manifest.yaml"))
    for copy in range(MANY_FILES // len(examples) + 1):
        for example in examples:
            target = tmp_path / f"{copy}-{example.parent.name}" / "manifest.yaml"
            target.parent.mkdir()
            shutil.copy(example, target)
    serial = hkai("check", str(tmp_path), "--format", "json", "--today", TODAY, "--jobs", "1")
    parallel = hkai("check", str(tmp_path), "--format", "json", "--today", TODAY, "--jobs", "2")
    assert serial.returncode == parallel.returncode == 1
    assert serial.stdout == parallel.stdout
    assert json.loads(serial.stdout)["summary"]["manifests"] >= MANY_FILES


def test_batch_table_lists_productions_worst_first():
    result = hkai("check", str(EXAMPLES), "--today", TODAY, "--jobs", "2")
    header = next(i for i, line in enumerate(result.stdout.splitlines()) if line.startswith("Production"))
    rows = [line.split()[0] for line in result.stdout.splitlines()[header + 2: header + 9]]
    assert rows[:3] == ["sky-rift-teaser", "dragon-returns", "overnight-empress"]
    assert set(rows[3:]) == {"last-swordsman", "harbour-lights", "neon-heartbeat", "nine-heavens-above"}


def test_rich_to_terminal_and_json_to_a_file_in_one_run(tmp_path):
    target = tmp_path / "report.json"
    result = hkai("check", str(EXAMPLES), "--today", TODAY, "--format", "rich", "--format", "json",
                  "--output", str(target))
    assert result.returncode == 1
    assert "Checked 7 manifests" in result.stdout and not result.stdout.lstrip().startswith("{")
    assert json.loads(target.read_text())["summary"]["manifests"] == 7


def test_output_without_a_format_before_it_is_a_usage_error(tmp_path):
    result = hkai("check", str(EXAMPLES), "--output", str(tmp_path / "x"))
    assert result.returncode == 2 and "--output must follow the --format" in result.stderr


def test_github_actions_adds_annotations_to_the_rich_report():
    result = hkai("check", str(EXAMPLES / "dragon-returns-resurrection"), "--today", TODAY,
                  env={"GITHUB_ACTIONS": "true"})
    assert "Checked 1 manifest:" in result.stdout
    assert any(line.startswith("::error file=") for line in result.stdout.splitlines())


def test_many_manifests_are_shared_in_groups_and_keep_their_order(tmp_path, monkeypatch):
    from checker.evaluation import batch
    from checker.evaluation.manifest import CheckOptions
    from checker.packs.loading import load_rule_set

    examples = sorted(EXAMPLES.glob("*/manifest.yaml"))
    paths = []
    for copy in range(3):
        for example in examples:
            target = tmp_path / f"{copy}-{example.parent.name}.yaml"
            shutil.copy(example, target)
            paths.append(target)
    monkeypatch.setattr(batch, "MAX_TASKS", 4)  # 21 manifests: groups of 6
    rule_set, options = load_rule_set(), CheckOptions(today=TODAY)
    shared = batch.check_paths(paths, rule_set, options, jobs=2)
    serial = batch.check_paths(paths, rule_set, options, jobs=1)
    assert [r.path for r in shared] == [str(p) for p in paths]
    assert [[f.sort_key() for f in r.findings] for r in shared] == [[f.sort_key() for f in r.findings] for r in serial]
