"""Rule fixtures: small manifests that must, or must not, trigger a rule.

A pack keeps them in ``fixtures/<RULE-ID>.yaml``::

    rule: CON-006
    cases:
      - name: a minor signed for themselves
        triggers: true
        paths: [/consents/0]          # optional: exactly where the findings must be
        manifest: {manifest_version: 1, production: ..., people: ..., consents: ...}
      - name: a guardian signed
        triggers: false
        manifest: ...

Each case's manifest must itself be schema-valid; ``today`` (optional, per case) fixes
the date used for expiry checks, and ``verify_evidence: true`` checks consent documents
as ``--verify-evidence`` does, relative to the fixture file's folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..evaluation.manifest import CheckOptions, check_document
from ..reading.yaml_loader import Document, LoadError, load_file
from ..packs.loading import combine
from ..packs.model import FIXTURES_DIR, RulePack, RuleSet

DEFAULT_TODAY = "2026-06-30"
CASE_KEYS = ("name", "triggers", "manifest", "paths", "today", "verify_evidence")


@dataclass(frozen=True)
class CaseResult:
    rule: str
    name: str
    triggers: bool
    file: str
    line: int
    problem: str | None  # None when the case behaved as declared

    @property
    def passed(self) -> bool:
        return self.problem is None


def fixture_files(pack: RulePack) -> list[Path]:
    return sorted((pack.path / FIXTURES_DIR).glob("*.yaml"))


def run_fixtures(pack: RulePack, rule_set: RuleSet | None = None) -> list[CaseResult]:
    """Run the fixtures of ``pack`` against ``rule_set`` (default: the pack on its own);
    a pack that extends another is tested with the rules it extends loaded too."""
    rule_set = rule_set or combine([pack])
    results = []
    for file in fixture_files(pack):
        try:
            document = load_file(file)
        except LoadError as error:  # one broken file fails its own rule, not the whole run
            results.append(CaseResult(file.stem, file.name, False, str(file), error.line or 1, error.message))
            continue
        data = document.data
        if not isinstance(data, dict) or not isinstance(data.get("rule"), str) or not isinstance(data.get("cases"), list):
            results.append(CaseResult(file.stem, file.name, False, str(file), 1,
                                      "a fixture file needs `rule:` and a list of `cases:`"))
            continue
        for index, case in enumerate(data["cases"]):
            results.append(_run_case(rule_set, document, data["rule"], case, f"/cases/{index}"))
    return results


def _run_case(pack: RuleSet, fixture: Document, rule: str, case: Any, where: str) -> CaseResult:
    line = fixture.locate(where)[0]
    if not isinstance(case, dict) or not isinstance(case.get("triggers"), bool) or "manifest" not in case:
        return CaseResult(rule, str(where), False, fixture.path, line, "a case needs `name`, `triggers` and `manifest`")
    name, triggers = str(case.get("name", where)), case["triggers"]
    options = CheckOptions(today=str(case.get("today", DEFAULT_TODAY)),
                           verify_evidence=bool(case.get("verify_evidence", False)))
    result = check_document(fixture.sub_document(f"{where}/manifest"), pack, options)
    problem = None
    if not result.schema_valid:
        first = result.findings[0]
        problem = f"the case's manifest is not schema-valid: line {first.line}: {first.message['en']}"
    else:
        hits = sorted({f.pointer for f in result.findings if f.rule == rule and not f.waived})
        if triggers and not hits:
            problem = f"expected {rule} to trigger, it did not"
        elif not triggers and hits:
            problem = f"expected {rule} not to trigger, it did at {', '.join(hits)}"
        elif triggers and "paths" in case and hits != sorted(case["paths"]):
            problem = f"expected findings at {', '.join(sorted(case['paths']))}, got {', '.join(hits)}"
    return CaseResult(rule, name, triggers, fixture.path, line, problem)
