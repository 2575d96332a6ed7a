"""The README's examples are what hkai really does."""

from __future__ import annotations

import json
import re
import shlex

from conftest import ROOT, hkai

README = (ROOT / "README.md").read_text(encoding="utf-8")
ELIDED = "..."


def json_example() -> tuple[list[str], dict]:
    """The command the README's JSON example is the output of, and the example itself."""
    section = README.split("### JSON output\n", 1)[1]
    command = re.search(r"`(hkai check [^`]+)`", section).group(1)
    example = re.search(r"```json\n(.*?)```", section, re.S).group(1)
    return shlex.split(command)[1:], json.loads(example)


def differences(example: object, real: object, where: str = "") -> list[str]:
    """Where ``example`` says something ``real`` does not: ``"..."`` stands for any value, and
    as a list's last item for the rest of the list."""
    if example == ELIDED:
        return []
    if isinstance(example, dict) and isinstance(real, dict):
        return [problem for key, value in example.items()
                for problem in (differences(value, real[key], f"{where}/{key}") if key in real
                                else [f"{where}/{key}: no such key"])]
    if isinstance(example, list) and isinstance(real, list):
        shown = example[:-1] if example and example[-1] == ELIDED else example
        if len(shown) > len(real) or (shown is example and len(example) != len(real)):
            return [f"{where}: {len(example)} items, really {len(real)}"]
        return [problem for index, value in enumerate(shown)
                for problem in differences(value, real[index], f"{where}/{index}")]
    return [] if example == real else [f"{where}: {example!r}, really {real!r}"]


def test_the_json_example_is_a_real_run_shortened():
    args, example = json_example()
    result = hkai(*args)
    assert result.returncode == 0, result.stderr
    assert differences(example, json.loads(result.stdout)) == []


def test_the_json_example_names_only_real_rule_ids():
    _, example = json_example()
    listed = hkai("rules", "list")
    assert listed.returncode == 0, listed.stderr
    real_ids = set(re.findall(r"^([A-Z]+(?:-\d+)?)  ", listed.stdout, re.M))
    assert {"SCHEMA", "CON-001", "INT-011"} <= real_ids
    named = [*example["rulepack"]["rules"], *example["manifests"][0]["rules_evaluated"],
             *(f["rule"] for f in example["manifests"][0]["findings"] if isinstance(f, dict))]
    ids = [rule for rule in named if rule != ELIDED]
    assert ids and set(ids) <= real_ids, set(ids) - real_ids


def test_the_producer_install_never_names_a_registry_package():
    lines = [line for line in README.splitlines() if line.startswith("pipx install")]
    assert {line.split()[2] for line in lines} == {"./", "dist/hkai-*.whl"}
    assert not re.search(r"pipx install hkai\b", README)
