"""Smoke test of the benchmark suite (benchmarks/): the generator and the runner work.

No timing is asserted: CI machines vary. The full benchmark is `python benchmarks/run.py`.
"""

import collections
import importlib.util
import json
import os
import re
import subprocess
import sys

import pytest
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


def _runner():
    spec = importlib.util.spec_from_file_location("bench_run", BENCHMARKS / "run.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_run"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("shape", ["credited", "subjects", "texts"])
def test_each_shape_is_a_valid_manifest_unlike_the_default(tmp_path, shape):
    generator = _generator()
    assert generator.generate(50, seed=1, shape=shape) == generator.generate(50, seed=1, shape=shape)
    path = generator.write(50, 1, tmp_path / "manifest.yaml", shape)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    default = generator.build(50, 1)
    assert len(data["ai_uses"]) == 50
    if shape == "credited":  # everyone credited, in a few credits
        credited = {p for credit in data["credits"] for p in credit.get("people", ())}
        assert credited == {p["id"] for p in data["people"]}
        assert len(data["credits"]) < len(default["credits"])
    elif shape == "subjects":
        def subjects(manifest):
            return sum(len(td["subjects"]) for td in manifest["training_data"])
        assert subjects(data) > 2 * subjects(default)
    else:  # long texts, the same on every use
        descriptions = {json.dumps(use["description"]) for use in data["ai_uses"]}
        assert min(len(use["description"]["en"]) for use in data["ai_uses"]) > 800
        assert len(descriptions) <= len(generator.PHRASES)
    code, report = hkai_json(str(path))
    assert code in (0, 1)
    [manifest] = report["manifests"]
    assert not [f for f in manifest["findings"] if f["rule"] == "SCHEMA"]
    assert "INT-001" in {f["rule"] for f in manifest["findings"]}


def test_generator_refuses_an_unknown_shape(tmp_path):
    result = subprocess.run([sys.executable, str(BENCHMARKS / "generate.py"), "--uses", "5", "--shape", "round"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and "invalid choice: 'round'" in result.stderr


def test_the_parse_floor_reads_the_same_data_as_json(tmp_path):
    source = ROOT / "examples" / "projects" / "nine-heavens-animation" / "manifest.yaml"
    twin = _runner().json_twin(source, tmp_path)
    assert twin.parent == tmp_path / "json"
    expected = json.loads(json.dumps(yaml.safe_load(source.read_text(encoding="utf-8")), default=str))
    assert json.loads(twin.read_text(encoding="utf-8")) == expected


def test_runner_quick_smoke():
    result = subprocess.run([sys.executable, str(BENCHMARKS / "run.py"), "--quick", "--cases", "a", "--runs", "1"],
                            capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "(a) typical manifest" in result.stdout
    assert "hkai/python" in result.stdout and "hkai/json" in result.stdout
    assert re.search(r"\(a\) typical manifest: hkai / spectral +\S+ +<= 0.12x", result.stdout)
    # the runner measures this working tree by default, and says that is not hkai as a user has it
    assert "WARNING: hkai runs from the source tree" in result.stdout and "pip install ." in result.stdout
    if "spectral: not installed" in result.stdout:
        assert "npm install" in result.stdout


def test_runner_quick_smoke_of_start_up_shapes_and_the_busy_core():
    result = subprocess.run([sys.executable, str(BENCHMARKS / "run.py"), "--quick", "--cases", "s,b,d", "--runs", "1",
                             "--runs-startup", "1", "--sizes", "50", "--shapes", "texts", "--shape-uses", "50",
                             "--busy-batch", "3", "--no-spectral"],
                            capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "(b) 50 AI uses, texts" in out
    assert re.search(r"hkai --version +[0-9.]+ ", out)
    assert re.search(r"\(s\) hkai --version beyond import yaml +[-+][0-9.]+ s +<= 0.03 s", out)
    assert re.search(r"\(d\) busy core: default jobs / --jobs 1 +[0-9.]+x +<= 1.1x", out)
    # the busy loop was stopped by its pid
    [pid] = re.findall(r"busy loop stopped, pid (\d+)", result.stderr)
    assert f"busy loop started, pid {pid}" in result.stderr
    assert not os.path.exists(f"/proc/{pid}") or sys.platform != "linux"


def test_runner_quick_smoke_of_the_html_case():
    result = subprocess.run([sys.executable, str(BENCHMARKS / "run.py"), "--quick", "--cases", "h", "--runs", "1",
                             "--html-uses", "50"], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"\(h\) \d+ example productions", result.stdout) and "(h) 50 AI uses" in result.stdout
    assert "html/json" in result.stdout
