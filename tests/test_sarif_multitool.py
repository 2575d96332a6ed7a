"""Microsoft's SARIF Multitool, the validator of the SARIF standard's own project, reads
hkai's SARIF: its ``validate`` command (the schema and its own rules of good practice)
reports no error and no warning, on the example productions and on a manifest whose every
string and folder name tries to break the format.

The Multitool is an npm package (``@microsoft/sarif-multitool``, a self-contained binary);
CI installs it (``.ci/run``). It is found at ``$HKAI_SARIF_MULTITOOL`` or as
``sarif-multitool`` on the PATH. Without it these tests skip and say why; where ``CI`` is
set they fail instead, so that CI can never pass without them.
"""

import json
import os
import shutil
import subprocess
from collections import Counter

import pytest

from conftest import EXAMPLES, ROOT, TODAY, hkai

from test_formats import NOT_ON_GITHUB, hostile_manifest

# The notes the Multitool still gives, each a choice: SARIF2002 (messages as templates with
# arguments: hkai's are whole sentences in the report's language), SARIF2003 (version-control
# provenance: hkai does not run git), SARIF2006 (the $schema URI is not fetched offline),
# SARIF2010/SARIF2011 (code snippets and context regions), SARIF2012 (rule names with a
# one-letter word or acronym, such as "…AIUse…", are not "Pascal identifiers").
ACCEPTED_NOTES = {"SARIF2002", "SARIF2003", "SARIF2006", "SARIF2010", "SARIF2011", "SARIF2012"}


@pytest.fixture(scope="module")
def multitool() -> str:
    found = os.environ.get("HKAI_SARIF_MULTITOOL") or shutil.which("sarif-multitool")
    if found:
        return found
    reason = ("Microsoft's SARIF Multitool is not installed (npm install @microsoft/sarif-multitool, "
              "then set HKAI_SARIF_MULTITOOL to node_modules/.bin/sarif-multitool)")
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set: the Multitool test must run)", pytrace=False)
    pytest.skip(reason)


def _validated(multitool: str, tmp_path, *paths: str, cwd=ROOT) -> Counter:
    """(level, rule id) of every result of the Multitool's validation of hkai's SARIF report."""
    report, validation = tmp_path / "report.sarif", tmp_path / "validation.sarif"
    checked = hkai("check", *paths, "--today", TODAY, "--format", "sarif", "--output", str(report),
                   cwd=cwd, env=NOT_ON_GITHUB)
    assert checked.returncode in (0, 1) and report.is_file(), checked.stderr
    # The Multitool is a .NET program: without the ICU library (a fresh machine may lack it) it
    # needs the invariant culture, which changes nothing it checks.
    run = subprocess.run([multitool, "validate", "--level", "Error", "Warning", "Note", "--output", str(validation),
                          str(report)], capture_output=True, text=True, timeout=300,
                         env={**os.environ, "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT": "1"})
    assert run.returncode == 0 and validation.is_file(), run.stdout + run.stderr
    log = json.loads(validation.read_text(encoding="utf-8"))
    return Counter((result.get("level", "warning"), result["ruleId"])
                   for sarif_run in log["runs"] for result in sarif_run.get("results", []))


def _problems(found: Counter) -> list:
    return [(level, rule) for level, rule in found if level != "note" or rule not in ACCEPTED_NOTES]


def test_the_examples_report_has_no_error_no_warning_and_only_the_accepted_notes(multitool, tmp_path):
    found = _validated(multitool, tmp_path, str(EXAMPLES.relative_to(ROOT)))
    assert found, "the Multitool's validation gave no result at all: its notes should be there"
    assert _problems(found) == [], found


def test_a_hostile_manifest_gives_the_multitool_nothing_to_warn_of(multitool, tmp_path):
    manifest = hostile_manifest(tmp_path)
    found = _validated(multitool, tmp_path, manifest.name, cwd=manifest.parent)
    assert _problems(found) == [], found
