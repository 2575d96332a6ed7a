"""The pre-commit hook and the GitHub Action run the real command."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import EXAMPLES, MINIMAL, ROOT, TODAY


def _git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.hk",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.hk"})


@pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")
def test_pre_commit_hook_checks_changed_manifests(tmp_path):
    project = tmp_path / "production"
    (project / "good").mkdir(parents=True)
    (project / "good" / "manifest.yaml").write_text(MINIMAL)
    shutil.copy(EXAMPLES / "dragon-returns-resurrection" / "manifest.yaml", project / "manifest.yaml")
    (project / "notes.yaml").write_text("not: a manifest\n")
    _git("init", "-q", cwd=project)
    _git("add", ".", cwd=project)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}

    def try_repo(*files):
        return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "hkai-check",
                               "--files", *files], cwd=project, env=env, capture_output=True, text=True, timeout=900)

    failing = try_repo("manifest.yaml", "good/manifest.yaml", "notes.yaml")
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "CON-007" in failing.stdout and "Failed" in failing.stdout
    passing = try_repo("good/manifest.yaml", "notes.yaml")
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "Passed" in passing.stdout


def test_action_runs_the_check_and_writes_sarif(tmp_path):
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    steps = {step.get("name", step.get("uses")): step for step in action["runs"]["steps"]}
    assert steps["Upload SARIF"]["uses"].startswith("github/codeql-action/upload-sarif@")
    check = steps["Check manifests"]
    defaults = {name: spec["default"] for name, spec in action["inputs"].items()}
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}", "NO_COLOR": "1"}
    for variable, expression in check["env"].items():
        env[variable] = defaults[expression.strip("${} ").removeprefix("inputs.")]
    env["HKAI_PATHS"] = str(EXAMPLES / "last-swordsman-de-ageing")
    env["HKAI_ARGS"] = f"--today {TODAY}"
    result = subprocess.run(["bash", "-c", check["run"]], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "::warning file=" in result.stdout and "Checked 1 manifest:" in result.stdout
    sarif = json.loads((tmp_path / "hkai.sarif").read_text())
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"]
