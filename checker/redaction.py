"""Redaction for reports that leave the panel (``--redact``): people's names, every record id,
contact emails, evidence file names and the values of ``x-`` fields become pseudonyms
(``Person A``, ``p-1``, ``email-1@redacted.invalid``), in every text of the report and in
every format. No format quotes a manifest's lines in a redacted report (see ``_document``).

Why: the Personal Data (Privacy) Ordinance's DPP3 (personal data used only for the purpose it
was collected for: the panel's review) and DPP4 (its security): a report sent to a
broadcaster or attached to a decision letter needs the findings, not the people.

Pseudonyms are given in the order the values first appear in the run's manifests, so the
same inputs give the same report; with a key (``--redact-key``) they are given in the order
of a keyed hash of each value, so that nobody can tell from a pseudonym where its person
stands in the manifest. A value gets one pseudonym for the whole run, in every format.

In free text a person's name is found as the whole name: an English name as whole words
(``Tse Ka Lok`` in ``Tse Ka Lok's consent``, not inside ``Tse Ka Loke``), a Chinese name
as the exact string when it has two or more characters (a one-character name would match
inside ordinary words, so it is not searched for in free text; the name itself is still
replaced wherever it is a value). Ids, emails and file names are found as whole tokens.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePath
from typing import Any, Iterable, Iterator

from .reading.yaml_loader import LoadError
from .report import strict_json
from .report.model import DocumentResult, Finding, Report, Waiver
from .report.output_file import output_file

PERSON_COLLECTIONS = ("people",)
ID_PREFIX = {"people": "p", "ai_uses": "ai", "consents": "c", "compensation": "pay", "credits": "cr",
             "disclosures": "d", "training_data": "td"}
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
FILE_KEYS = ("ref", "file", "path", "filename", "file_name")
_CJK = re.compile("[\u3400-\u9fff\uf900-\ufaff]")
# A token: what an id, email or file name is made of (no full stop at its end).
_TOKEN = re.compile(r"[A-Za-z0-9_%+@/-](?:[A-Za-z0-9_.%+@/-]*[A-Za-z0-9_%+@/-])?")
_TOKEN_CHAR = re.compile(r"[A-Za-z0-9_%+@/-]")
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass
class _Found:
    """The personal values of a run, by kind, in the order they first appear (dicts as
    ordered sets: a 5,000-use manifest has tens of thousands of ids)."""

    names: dict[tuple[str, ...], None] = field(default_factory=dict)  # a person's name in each language
    ids: dict[tuple[str, str], None] = field(default_factory=dict)  # (prefix, id)
    emails: dict[str, None] = field(default_factory=dict)
    files: dict[str, None] = field(default_factory=dict)
    extras: dict[str, None] = field(default_factory=dict)

    def add(self, kind: str, value: Any) -> None:
        if value:
            getattr(self, kind).setdefault(value, None)


class Redactor:
    """Replaces every personal value of a run by its pseudonym, in any text, in one pass.

    Values that are one token (ids, emails, file names) are looked up token by token; values
    of several words (names) by their first token, then compared whole; Chinese names are
    replaced as exact strings. Linear in the text, whatever the number of values."""

    def __init__(self, found: _Found, key: str | None):
        order = (lambda values: sorted(values, key=lambda v: _keyed(key, repr(v)))) if key else list
        self.pseudonyms: dict[str, str] = {}
        for number, variants in enumerate(order(found.names)):
            for name in variants:
                self.pseudonyms.setdefault(name, f"Person {_letters(number)}")
        counters: dict[str, int] = {}
        for prefix, record_id in order(found.ids):
            if record_id not in self.pseudonyms:
                counters[prefix] = counters.get(prefix, 0) + 1
                self.pseudonyms[record_id] = f"{prefix}-{counters[prefix]}"
        for number, email in enumerate(order(found.emails), 1):
            self.pseudonyms.setdefault(email, f"email-{number}@redacted.invalid")
        for number, name in enumerate(order(found.files), 1):
            self.pseudonyms.setdefault(name, f"file-{number}{PurePath(name).suffix[:8]}")
        for number, value in enumerate(order(found.extras), 1):
            self.pseudonyms.setdefault(value, f"x-value-{number}")
        self._chinese = sorted((v for v in self.pseudonyms if _CJK.search(v) and len(v) >= 2), key=lambda v: -len(v))
        self._phrases: dict[str, list[str]] = {}
        for value in sorted(self.pseudonyms, key=lambda v: -len(v)):
            first = _TOKEN.match(value)
            if first is not None and not _CJK.search(value) and first.group() != value:
                self._phrases.setdefault(first.group(), []).append(value)

    def __call__(self, text: str) -> str:
        if not isinstance(text, str) or not self.pseudonyms:
            return text
        if _CJK.search(text):
            for value in self._chinese:
                if value in text:
                    text = text.replace(value, self.pseudonyms[value])
        return self._latin(text)

    def _latin(self, text: str) -> str:
        parts, done = [], 0
        for token in _TOKEN.finditer(text):
            start = token.start()
            if start < done or (start and text[start - 1] == "."):
                continue  # inside a value already replaced, or the tail of a longer token
            end = next((start + len(phrase) for phrase in self._phrases.get(token.group(), ())
                        if text.startswith(phrase, start) and not _continues(text, start + len(phrase))), None)
            if end is None and token.group() in self.pseudonyms:
                end = token.end()
            if end is not None:
                parts += [text[done:start], self.pseudonyms[text[start:end]]]
                done = end
        return "".join(parts) + text[done:] if parts else text

    def mapping(self) -> dict[str, list[str]]:
        """Pseudonym -> originals (a person's name in each language), for the redaction map
        file (never for the report)."""
        originals: dict[str, list[str]] = {}
        for original, pseudonym in self.pseudonyms.items():
            originals.setdefault(pseudonym, []).append(original)
        return originals


def _continues(text: str, end: int) -> bool:
    """Whether a word or token goes on at ``end`` (a full stop only when a word follows it)."""
    if end >= len(text):
        return False
    following = text[end]
    return bool(_TOKEN_CHAR.match(following)) or (following == "." and bool(_TOKEN_CHAR.match(text[end + 1:end + 2])))


def _keyed(key: str, value: str) -> str:
    return hmac.new(key.encode("utf-8"), value.encode("utf-8", "surrogateescape"), hashlib.sha256).hexdigest()


def _letters(number: int) -> str:
    """A, B, ..., Z, AA, AB, ..."""
    letters = ""
    number += 1
    while number:
        number, rest = divmod(number - 1, len(_LETTERS))
        letters = _LETTERS[rest] + letters
    return letters


# ----------------------------------------------------------------------------- what is personal

def find_personal(documents: Iterable[Any]) -> _Found:
    """The personal values of the run's documents' data (manifests and reviewers' waivers files)."""
    found = _Found()
    for data in documents:
        if isinstance(data, dict):
            _manifest(data, found)
    return found


def _manifest(data: dict, found: _Found) -> None:
    production = data.get("production")
    if isinstance(production, dict):
        if isinstance(production.get("id"), str):
            found.add("ids", ("production", production["id"]))
        contact = production.get("compliance_contact")
        if isinstance(contact, dict):
            _names(contact.get("name"), found)
    for collection, records in data.items():
        if not isinstance(records, list):
            continue
        for record in records:
            if not isinstance(record, dict):
                continue
            if isinstance(record.get("id"), str):
                found.add("ids", (ID_PREFIX.get(collection, collection), record["id"]))
            if collection in PERSON_COLLECTIONS:
                _names(record.get("name"), found)
            if collection == "waivers":
                _names(record.get("approved_by"), found)
    for key, value, parent_key in _leaves(data):
        if EMAIL.fullmatch(value):
            found.add("emails", value)
        elif parent_key in FILE_KEYS:
            found.add("files", value)
        if key.startswith("x-"):
            found.add("extras", value)


def _names(value: Any, found: _Found) -> None:
    """One person's name: a text, or a text in each language."""
    variants = (value,) if isinstance(value, str) else \
        tuple(text for text in value.values() if isinstance(text, str)) if isinstance(value, dict) else ()
    found.add("names", tuple(dict.fromkeys(text for text in variants if text)))


def _leaves(node: Any, key: str = "", parent: str = "", extra: str = "") -> Iterator[tuple[str, str, str]]:
    """(the nearest ``x-`` key above or the key, string value, its key) of every string in the data."""
    if isinstance(node, dict):
        for child_key, child in node.items():
            child_key = str(child_key)
            inherited = extra or (child_key if child_key.startswith("x-") else "")
            yield from _leaves(child, child_key, child_key, inherited)
    elif isinstance(node, list):
        for child in node:
            yield from _leaves(child, key, parent, extra)
    elif isinstance(node, str):
        yield (extra or key), node, parent


# ----------------------------------------------------------------------------- the report

def redact_report(report: Report, redactor: Redactor, paths: bool) -> Report:
    """The report with every text through ``redactor`` (and each folder renamed when ``paths``)."""
    path_of = _path_pseudonyms([result.path for result in report.documents]) if paths else {}
    results = [_document(result, redactor, path_of) for result in report.results]
    waiver_files = [_document(result, redactor, path_of) for result in report.waiver_files]
    return replace(report, results=results, waiver_files=waiver_files,
                   redaction=Redaction(redactor, {new: old for old, new in path_of.items()}))


@dataclass(frozen=True)
class Redaction:
    """What a report needs to know of its redaction: the redactor (for its map of pseudonyms)
    and where each renamed file really is. (No format quotes a manifest's lines in a redacted
    report: a line is YAML as written, where a name can hide from the redactor.)"""

    redact: Redactor
    real_paths: dict[str, str]

    def write_map(self, path: Path) -> None:
        """Pseudonym -> original as JSON, readable by its owner only (mode 0600), written
        whole or not at all, as reports are."""
        mapping = {**self.redact.mapping(), **{new: [old] for new, old in self.real_paths.items()}}
        with output_file(path, private=True) as stream:
            strict_json.dump(dict(sorted(mapping.items())), stream)


def _path_pseudonyms(paths: list[str]) -> dict[str, str]:
    folders: dict[str, str] = {}
    renamed = {}
    for path in paths:
        pure = PurePath(path)
        folder = str(pure.parent)
        folders.setdefault(folder, f"folder-{len(folders) + 1}")
        renamed[path] = f"{folders[folder]}/{pure.name}"
    return renamed


def _document(result: DocumentResult, redact: Redactor, path_of: dict[str, str]) -> DocumentResult:
    # No quoted source lines: a line is YAML as written, where a name may be spelled with
    # escapes or folded over lines that no search for the name would find.
    changes: dict[str, Any] = {"path": path_of.get(result.path, result.path),
                               "findings": [_finding(f, redact) for f in result.findings], "source": {}}
    if result.error is not None:
        error = result.error
        changes["error"] = LoadError(changes["path"], redact(error.message), error.line, error.column)
    if result.kind == "manifest" and result.production is not None:
        changes["production"] = {key: _deep(value, redact) for key, value in result.production.items()}
        changes["record_ids"] = [redact(i) for i in result.record_ids]
    if result.kind == "manifest" and result.evidence is not None:
        changes["evidence"] = _deep(result.evidence, redact)
    return replace(result, **changes)


def _deep(value: Any, redact: Redactor) -> Any:
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, dict):
        return {key: _deep(item, redact) for key, item in value.items()}
    if isinstance(value, list):
        return [_deep(item, redact) for item in value]
    return value


def _finding(finding: Finding, redact: Redactor) -> Finding:
    return replace(finding, message=_deep(finding.message, redact), fix=_deep(finding.fix, redact),
                   target=redact(finding.target) if finding.target else finding.target,
                   pointer=redact(finding.pointer), records=tuple(redact(r) for r in finding.records),
                   waiver=_waiver(finding.waiver, redact), claim=_waiver(finding.claim, redact))


def _waiver(waiver: Waiver | None, redact: Redactor) -> Waiver | None:
    if waiver is None:
        return None
    return replace(waiver, reason=_deep(waiver.reason, redact),
                   approved_by=redact(waiver.approved_by) if waiver.approved_by else waiver.approved_by,
                   key=redact(waiver.key) if waiver.key else waiver.key)
