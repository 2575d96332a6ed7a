"""Waivers written in a manifest: exceptions that stop matching findings from counting."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from . import text
from .finding import Finding, Waiver

WHOLE_MANIFEST = "*"


def is_expired(waiver: dict[str, Any], today: str) -> bool:
    expires_on = waiver.get("expires_on")
    return isinstance(expires_on, str) and expires_on < today


def apply_waivers(findings: list[Finding], waivers: list[dict[str, Any]], today: str) -> list[Finding]:
    """Mark findings matched by an unexpired waiver (same rule; same target or ``*``)."""
    active = [w for w in waivers if not is_expired(w, today)]
    if not active:
        return findings
    result = []
    for finding in findings:
        waiver = next((w for w in active if w["rule"] == finding.rule
                       and w["target"] in (finding.target, WHOLE_MANIFEST)), None)
        if waiver is not None:
            finding = replace(finding, waiver=Waiver(
                reason={lang: text.pick(waiver["reason"], lang) or "" for lang in text.LANGUAGES},
                approved_by=waiver.get("approved_by"), expires_on=waiver.get("expires_on")))
        result.append(finding)
    return result
