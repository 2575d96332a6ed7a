"""The rule pack ships inside the wheel: a plain, non-editable install can check manifests."""

import json
import os
import subprocess
import sys
import zipfile

from conftest import EXAMPLES, ROOT, TODAY


def test_built_wheel_carries_rules_schemas_and_fixtures(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(tmp_path / "dist")],
                   check=True, capture_output=True, timeout=600)
    (wheel,) = (tmp_path / "dist").glob("hkai-*.whl")
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(site)
    shipped_rules = {name.rsplit("/", 1)[-1] for name in names if name.startswith("checker/builtin_rules/")}
    source_rules = {p.name for p in (ROOT / "rules").glob("*.yaml")} | {p.name for p in (ROOT / "rules/fixtures").glob("*.yaml")}
    assert source_rules <= shipped_rules
    assert "checker/schemas/manifest-v1.schema.json" in names

    # Run from an empty folder with only the unpacked wheel importable: no checkout to fall back on.
    example = EXAMPLES / "nine-heavens-animation" / "manifest.yaml"
    result = subprocess.run([sys.executable, "-m", "checker", "check", str(example), "--format", "json",
                             "--today", TODAY], capture_output=True, text=True, cwd=tmp_path,
                            env={**os.environ, "PYTHONPATH": str(site)}, timeout=120)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert len(report["rulepack"]["rules"]) == len(list(_rule_ids()))


def _rule_ids():
    for path in (ROOT / "rules").glob("*.yaml"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip().startswith("- id:"):
                yield line.split(":", 1)[1].strip()
