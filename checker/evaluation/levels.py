"""The guideline's levels of AI use: their order, each kind's minimum, and derived levels.

This table is the one piece of the guideline the engine knows natively; rules read the
levels it derives as ordinary fields (see ``annotate``).
"""

from __future__ import annotations

from typing import Any

LEVELS = ("none", "low", "medium", "high")
RANK = {level: rank for rank, level in enumerate(LEVELS)}

KIND_MINIMUM_LEVEL = {
    **dict.fromkeys(
        ("accent_correction", "voice_enhancement", "restoration", "colour_grading", "cleanup",
         "translation_subtitles"), "low"),
    **dict.fromkeys(
        ("de_ageing", "face_replacement", "voice_clone", "digital_replica", "performance_generation",
         "dubbing_voice_synthesis", "likeness_alteration"), "medium"),
    **dict.fromkeys(
        ("synthetic_performer", "generated_footage", "generated_music", "generated_script",
         "virtual_idol"), "high"),
    "other": "low",  # `other` must state its level; the declared level decides
}


def effective_level(use: dict[str, Any]) -> str:
    """A use's level: as declared, but never below its kind's minimum. (A declared level
    that is not a level, such as a placeholder left in, counts as the minimum.)"""
    minimum = KIND_MINIMUM_LEVEL.get(use.get("kind"), "low")
    declared = use.get("level")
    return max(declared if isinstance(declared, str) and declared in RANK else minimum, minimum, key=RANK.__getitem__)


def annotate(manifest: dict[str, Any]) -> dict[str, Any]:
    """A copy of a schema-valid manifest with the derived fields rules may read.

    Each AI use gets ``minimum_level`` and ``effective_level``; the production gets
    ``derived_level``, the highest effective level among the uses (``none`` without any).
    Only the records that gain a field are copied; the loaded document stays as it was.
    """
    uses = [{**use, "minimum_level": KIND_MINIMUM_LEVEL.get(use.get("kind"), "low"),
             "effective_level": effective_level(use)} for use in manifest.get("ai_uses") or ()]
    derived = max((use["effective_level"] for use in uses), key=RANK.__getitem__, default="none")
    annotated = {**manifest, "production": {**manifest["production"], "derived_level": derived}}
    if "ai_uses" in manifest:
        annotated["ai_uses"] = uses
    return annotated
