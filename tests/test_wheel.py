"""The rule pack and the starters ship inside the wheel: a plain, non-editable install can
check manifests and write starters."""

import datetime
import json
import os
import shutil
import subprocess
import sys
import zipfile

from conftest import EXAMPLES, ROOT, TODAY

from checker.commands.init import MODELINE
from checker.starters import render


def test_built_wheel_carries_rules_schemas_fixtures_and_starters(tmp_path):
    # Built from a copy without the checkout's build leftovers (build/, *.egg-info), which would
    # otherwise carry into the wheel files that pyproject.toml forgets to ship.
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".*", "build", "dist", "*.egg-info", "__pycache__"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "-q", "-w", str(tmp_path / "dist")],
                   check=True, capture_output=True, timeout=600)
    (wheel,) = (tmp_path / "dist").glob("hkai-*.whl")
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(site)
    shipped_rules = {name.rsplit("/", 1)[-1] for name in names if name.startswith("checker/builtin_rules/")}
    source_rules = {p.name for p in (ROOT / "rules").glob("*.yaml")} | {p.name for p in (ROOT / "rules/fixtures").glob("*.yaml")}
    assert source_rules <= shipped_rules
    fixtures = ROOT / "rules" / "fixtures"  # and the files fixtures point at, such as INT-009's evidence
    assert {f"checker/builtin_rules/fixtures/{p.relative_to(fixtures).as_posix()}" for p in fixtures.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts} <= names
    assert "checker/schemas/manifest-v1.schema.json" in names
    starters = ROOT / "checker" / "starters" / "templates"
    shipped_starters = {name.rsplit("/", 1)[-1] for name in names if name.startswith("checker/starters/templates/")}
    assert shipped_starters == {path.name for path in starters.iterdir()}

    # Run from an empty folder with only the unpacked wheel importable: no checkout to fall back on.
    example = EXAMPLES / "nine-heavens-animation" / "manifest.yaml"
    result = subprocess.run([sys.executable, "-m", "checker", "check", str(example), "--format", "json",
                             "--today", TODAY], capture_output=True, text=True, cwd=tmp_path,
                            env={**os.environ, "PYTHONPATH": str(site)}, timeout=120)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert len(report["rulepack"]["rules"]) == len(list(_rule_ids()))

    # test its own rules against their fixtures, the fixed twins included
    tested = subprocess.run([sys.executable, "-m", "checker", "rules", "test"], capture_output=True, text=True,
                            cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(site)}, timeout=300)
    assert tested.returncode == 0, tested.stdout + tested.stderr
    # and an HTML report from its template
    assert {"checker/report/templates/report.html.j2", "checker/report/templates/report.css"} <= names
    page = subprocess.run([sys.executable, "-m", "checker", "check", str(example), "--format", "html",
                           "--lang", "both", "--today", TODAY], capture_output=True, text=True, cwd=tmp_path,
                          env={**os.environ, "PYTHONPATH": str(site)}, timeout=120)
    assert page.returncode == 0, page.stderr
    assert page.stdout.startswith("<!DOCTYPE html>") and "九重天上" in page.stdout

    # and write a starter from its templates
    days = [datetime.date.today()]
    init = subprocess.run([sys.executable, "-m", "checker", "init", "film", "--level", "high", "--lang", "zh"],
                          capture_output=True, text=True, cwd=tmp_path,
                          env={**os.environ, "PYTHONPATH": str(site)}, timeout=120)
    days.append(datetime.date.today())  # the day may turn during the run
    assert init.returncode == 0, init.stderr
    assert "已寫入" in init.stdout
    written = (tmp_path / "film" / "manifest.yaml").read_text(encoding="utf-8")
    assert written in {MODELINE + render("high", "zh", "film", day, "film") for day in days}
    schema = ROOT / "checker" / "schemas" / "manifest-v1.schema.json"
    assert (tmp_path / "film" / "manifest.schema.json").read_bytes() == schema.read_bytes()


def _rule_ids():
    for path in (ROOT / "rules").glob("*.yaml"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip().startswith("- id:"):
                yield line.split(":", 1)[1].strip()
