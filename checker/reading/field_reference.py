"""The manifest's field reference, generated from the shipped JSON Schema: every section
and field with its type, allowed values, written form, meaning and an example, in one
language of the text table (``hkai schema --doc``, docs/manifest-reference*.md)."""

from __future__ import annotations

from typing import Any

import yaml

from .manifest_fields import TOP_LEVEL, Field, described, fields, resolve
from .manifest_problems import expected_type, term_note
from ..text import DEFAULT, say


def reference_file_name(lang: str) -> str:
    """The generated copy kept in the repository's docs/ folder, one per language."""
    return "manifest-reference.md" if lang == DEFAULT else f"manifest-reference.{lang}.md"


def render(lang: str) -> str:
    """The whole reference as Markdown: the same text on every run."""
    lines = [f"# {say('field_reference.title', lang)}", "", say("field_reference.intro", lang), ""]
    for field in fields():
        lines += _entry(field, lang)
    return "\n".join(line.rstrip() for line in lines).rstrip("\n") + "\n"


def _entry(field: Field, lang: str) -> list[str]:
    depth = "##" if "." not in field.name else "###"
    lines = [f"{depth} `{field.name}`", "", described(field.declared, lang) or "", ""]
    if field.name == TOP_LEVEL:
        return lines + [_label("sections", lang) + _listed(field.value["properties"], lang), ""]
    presence = say(f"field_reference.presence.{'required' if field.required else 'optional'}", lang)
    lines.append(f"- {_label('type', lang)}{_type(field.value, lang)}{say('punctuation.comma', lang)}{presence}")
    allowed = _allowed(field.value)
    if allowed:
        separator = say("manifest_format.list_separator", lang)
        lines.append(f"- {_label('allowed', lang)}" + separator.join(f"`{value}`{term_note(value, lang)}" for value in allowed))
    form = _form(field, lang)
    if form:
        lines.append(f"- {_label('form', lang)}{form}")
    lines += [f"- {_label('example', lang)}", "", "  ```yaml", *_example(field), "  ```", ""]
    return lines


def _listed(values: Any, lang: str) -> str:
    return say("manifest_format.list_separator", lang).join(f"`{value}`" for value in values)


def _label(key: str, lang: str) -> str:
    return f"**{say(f'field_reference.{key}', lang)}**{say('punctuation.colon', lang)}"


def _type(node: dict[str, Any], lang: str) -> str:
    if node.get("type") == "array" and "items" in node:
        return say("field_reference.list_of", lang, items=_type(resolve(node["items"]), lang))
    if "enum" in node or "const" in node:
        return say("field_reference.choice", lang)
    if node.get("type") == "object" and not node.get("properties"):
        return say("field_reference.free_form", lang)
    return expected_type(node, lang)


def _allowed(node: dict[str, Any]) -> list[Any]:
    items = resolve(node.get("items")) if "items" in node else node
    values = items.get("enum") or ([items["const"]] if "const" in items else [])
    return ["null" if value is None else value for value in values]


def _form(field: Field, lang: str) -> str | None:
    """How a value is written, where its type says it (a date, an id, a text, a code): the
    description of the definition the field refers to, of its list's items, or of the
    alternatives it allows."""
    items = field.declared.get("items")
    candidates = [field.declared, items, *field.value.get("anyOf", ()), *resolve(items).get("anyOf", ())]
    for candidate in candidates:
        form = _written_form(candidate, own=candidate is not field.declared)
        if form is not None:
            return described(form, lang)
    return None


def _written_form(node: Any, own: bool) -> dict[str, Any] | None:
    """The node describing a written form: a described definition it refers to, or (when
    ``own``) the node itself, when it has a pattern or format and a description."""
    if not isinstance(node, dict):
        return None
    if "$ref" in node:
        target = resolve(node)
        return target if target.get("description") else None
    shaped = "pattern" in node or "format" in node
    return node if own and shaped and node.get("description") else None


def _example(field: Field) -> list[str]:
    name = field.name.rsplit(".", 1)[-1]
    example = field.declared.get("examples", [None])[0]
    text = yaml.safe_dump({name: example}, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100)
    return [f"  {line}" for line in text.rstrip("\n").splitlines()]
