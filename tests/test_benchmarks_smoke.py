"""Smoke test of the benchmark suite (benchmarks/): the generator and the runner work.

No timing is asserted: CI machines vary. The full benchmark is `python benchmarks/run.py`.
"""

import collections
import re
import importlib.util
import subprocess
import sys

import yaml

from conftest import ROOT, hkai_json

BENCHMARKS = ROOT / "benchmarks"


def _generator():
    spec = importlib.util.spec_from_file_location("bench_generate", BENCHMARKS / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generator_is_deterministic():
    generate = _generator().generate
    first = generate(50, seed=1)
    assert generate(50, seed=1) == first
    assert generate(50, seed=2) != first
    assert generate(60, seed=1) != first
    assert "&id" not in first and "*id" not in first  # no anchors or aliases


def test_generator_command_line_writes_the_same_bytes(tmp_path):
    out = tmp_path / "m.yaml"
    subprocess.run([sys.executable, str(BENCHMARKS / "generate.py"), "--uses", "50", "--seed", "1", "-o", str(out)],
                   check=True, timeout=120)
    assert out.read_bytes() == _generator().generate(50, seed=1).encode("utf-8")


def test_generated_manifest_is_valid_and_has_the_uses(tmp_path):
    path = tmp_path / "manifest.yaml"
    _generator().write(50, 1, path)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert len(data["ai_uses"]) == 50
    assert len({use["id"] for use in data["ai_uses"]}) == 50
    assert collections.Counter(use["level"] for use in data["ai_uses"])["low"] > 0
    code, report = hkai_json(str(path))
    assert code in (0, 1)
    [manifest] = report["manifests"]
    assert manifest["status"] in ("pass", "fail")
    assert not [f for f in manifest["findings"] if f["rule"] == "SCHEMA"]
    # the deliberate violations are there, and nothing else is broken
    rules = {f["rule"] for f in manifest["findings"]}
    assert "INT-001" in rules and "CON-005" in rules


def test_runner_quick_smoke():
    result = subprocess.run([sys.executable, str(BENCHMARKS / "run.py"), "--quick", "--cases", "a", "--runs", "1"],
                            capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "(a) typical manifest" in result.stdout
    assert "hkai/python" in result.stdout
    if "spectral: not installed" in result.stdout:
        assert "npm install" in result.stdout


def test_runner_quick_smoke_of_the_html_case():
    result = subprocess.run([sys.executable, str(BENCHMARKS / "run.py"), "--quick", "--cases", "h", "--runs", "1",
                             "--html-uses", "50"], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"\(h\) \d+ example productions", result.stdout) and "(h) 50 AI uses" in result.stdout
    assert "html/json" in result.stdout
