"""The generated fast validators are current, and agree with jsonschema on every corpus file."""

import json
import subprocess
import sys

import pytest

from conftest import EXAMPLES, ROOT

from checker.reading.yaml_loader import LoadError, load_file
from checker.packs.loading import rule_files
from checker.packs.model import builtin_pack_dir
from checker.reading.schema import MANIFEST_SCHEMA, RULE_FILE_SCHEMA, is_valid, validator


def test_generated_validators_match_the_schemas():
    result = subprocess.run([sys.executable, "scripts/generate_validators.py", "--check"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + "run: python scripts/generate_validators.py"


def _loadable(paths):
    for path in paths:
        try:
            yield path.parent.name if path.name == "manifest.yaml" else path.name, load_file(path)
        except LoadError:
            continue  # unreadable files never reach validation


DOCUMENTS = dict(_loadable(sorted((ROOT / "tests" / "corpus" / "manifests").glob("*.yaml"))
                           + sorted(EXAMPLES.glob("*/manifest.yaml"))))


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_fast_and_full_validation_agree_on_the_corpus(name):
    document = DOCUMENTS[name]
    full = not any(True for _ in validator(MANIFEST_SCHEMA).iter_errors(document.data))
    assert is_valid(MANIFEST_SCHEMA, document.data) == full


@pytest.mark.parametrize("path", rule_files(builtin_pack_dir()), ids=lambda p: p.name)
def test_fast_validation_accepts_the_rule_files(path):
    assert is_valid(RULE_FILE_SCHEMA, load_file(path).data)


def test_checking_needs_no_fastjsonschema():
    # fastjsonschema only writes the validators; a run that cannot import it still checks.
    program = ("import sys; sys.modules['fastjsonschema'] = None; from checker.cli import main; "
               f"sys.exit(main(['check', {str(EXAMPLES)!r}, '--format', 'json']))")
    result = subprocess.run([sys.executable, "-c", program], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr
    manifests = json.loads(result.stdout)["manifests"]
    assert len(manifests) == 7 and all(m["schema_valid"] for m in manifests)
    assert sum(len(m["findings"]) for m in manifests) > 0
