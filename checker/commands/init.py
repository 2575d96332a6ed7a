"""``hkai init``: write a commented starter manifest for a production.

The starter is valid against the manifest format from the start. Every value only the
producer can supply holds a ``TODO`` placeholder (the checker reports each one as an
``info`` finding until it is replaced), and every fact only the producer can confirm (a
consent was informed, an amount was agreed, an assessment was done) is left unconfirmed,
so that the checker keeps reporting it until it is set. Nothing is ever overwritten.

The templates live here as text, not as package data: ``checker.commands`` treats every
module as a subcommand, and the wheel ships this package already.
"""

from __future__ import annotations

import argparse
import datetime
import re
import shlex
import textwrap
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ..reading.discovery import MANIFEST_NAMES
from ..evaluation.levels import KIND_MINIMUM_LEVEL
from ..report.model import EXIT_OK
from ..reading.schema import MANIFEST_SCHEMA, load_schema
from . import LANG_ENV, LANGS, fail, language

LEVELS = ("low", "medium", "high")
MANIFEST_FILE = MANIFEST_NAMES[0]
DEFAULT_SLUG = "my-production"
TODO = re.compile(r"\bTODO\b")
COMMENT_COLUMN = 34  # where comments beside values start
MAX_LINE = 100


def register(commands: argparse._SubParsersAction) -> None:
    init = commands.add_parser(
        "init", help="write a commented starter manifest.yaml for a production",
        description="Write DIR/manifest.yaml: a commented starter manifest for a production at the given AI-use "
                    "level, valid from the start, with TODO placeholders where only you can fill in the facts. "
                    "An existing manifest is never overwritten.")
    init.add_argument("directory", nargs="?", default=".", metavar="DIR",
                      help="the production's folder, created if missing (default: the current folder)")
    init.add_argument("--level", required=True, choices=LEVELS,
                      help="the production's AI-use level: low (e.g. accent correction), medium (de-ageing, "
                           "replicas, voice clones), high (synthetic performers, generated footage)")
    init.add_argument("--lang", choices=LANGS,
                      help=f"language of the comments and placeholders (default: ${LANG_ENV}, else en)")
    init.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    try:
        lang = language(args.lang)
    except ValueError as error:
        return fail(str(error))
    directory = Path(args.directory)
    for name in MANIFEST_NAMES:
        existing = directory / name
        if existing.exists() or existing.is_symlink():
            return fail(f"{existing} already exists; hkai init never overwrites a manifest "
                        f"(edit it, or choose another folder)")
    if directory.exists() and not directory.is_dir():
        return fail(f"{directory} exists and is not a folder")
    today = datetime.date.today()
    command_dir = shlex.quote(args.directory)
    text = render(args.level, lang, slug_for(directory), today, command_dir)
    path = directory / MANIFEST_FILE
    try:
        directory.mkdir(parents=True, exist_ok=True)
        with open(path, "x", encoding="utf-8", newline="\n") as stream:  # "x": never overwrite, even in a race
            stream.write(text)
    except FileExistsError:
        return fail(f"{path} already exists; hkai init never overwrites a manifest")
    except OSError as error:
        return fail(f"cannot write {path}: {error.strerror or error}")
    count = count_placeholders(yaml.safe_load(text))
    print(DONE[lang].format(path=path, level=args.level, count=count, dir=command_dir))
    return EXIT_OK


def slug_for(directory: Path) -> str:
    """A production id from the folder's name, or a generic one."""
    name = directory.resolve().name.lower()
    slug = re.sub(r"[^a-z0-9._-]+", "-", name).strip("-._")[:60].rstrip("-._")
    return slug if re.fullmatch(r"[a-z0-9][a-z0-9._-]*", slug or "") else DEFAULT_SLUG


def count_placeholders(node: Any) -> int:
    """How many text values (a bilingual text counts once) still hold a TODO placeholder."""
    if isinstance(node, str):
        return 1 if TODO.search(node) else 0
    if isinstance(node, dict) and node and set(node) <= set(LANGS) and all(isinstance(v, str) for v in node.values()):
        return 1 if any(TODO.search(v) for v in node.values()) else 0
    if isinstance(node, dict):
        return sum(count_placeholders(value) for value in node.values())
    if isinstance(node, list):
        return sum(count_placeholders(item) for item in node)
    return 0


@cache
def choices() -> dict[str, str]:
    """The allowed values the comments list, read from the manifest schema and the
    guideline's levels, so that the comments never drift from what the checker accepts."""
    defs = load_schema(MANIFEST_SCHEMA)["$defs"]

    def enum(record: str, field: str) -> str:
        node = defs[record]["properties"][field]
        return " | ".join(node.get("items", node)["enum"])

    kinds = {level: " | ".join(kind for kind, minimum in KIND_MINIMUM_LEVEL.items()
                               if minimum == level and kind != "other") for level in LEVELS}
    return {
        "type_choices": enum("Production", "type"), "distribution_choices": enum("Production", "distribution"),
        "level_choices": enum("Production", "ai_use_level"), "role_choices": enum("Person", "roles"),
        "channel_choices": enum("Disclosure", "channel"), "audience_choices": enum("Disclosure", "audience"),
        "source_choices": enum("TrainingData", "source"),
        **{f"{level}_kinds": names for level, names in kinds.items()},
    }


def _shift(date: datetime.date, years: int) -> datetime.date:
    return date.replace(year=date.year + years, day=1)


def render(level: str, lang: str, slug: str, today: datetime.date, command_dir: str = ".") -> str:
    """The starter manifest's text for ``level``, commented in ``lang``."""
    release = _shift(today, 1)
    values = {
        "level": level, "slug": slug, "today": today.isoformat(), "release": release.isoformat(),
        "delete_by": _shift(release, 1).isoformat(), "dir": command_dir,
        **{name: text.replace("{slug}", slug) for name, text in PLACEHOLDERS[lang].items()},
        **choices(),
    }
    template = "".join(TEMPLATES[level])
    comments = COMMENTS[lang]
    lines = []
    for line in template.splitlines():
        line = re.sub(r"\{\{(\w+)\}\}", lambda m: values[m.group(1)], line)
        block = re.fullmatch(r"( *)#@([\w.]+)", line)
        if block:
            indent, key = block.groups()
            text = comments[key].format(**values).strip("\n")
            lines.extend(_comment_lines(indent, text))
            continue
        inline = re.search(r"#@([\w.]+)$", line)
        if inline:
            code, comment = line[: inline.start()].rstrip(), comments[inline.group(1)].format(**values)
            padded = code.ljust(max(COMMENT_COLUMN, len(code) + 2))
            if _width(padded) + _width(comment) + 2 <= MAX_LINE:
                line = f"{padded}# {comment}"
            else:  # too long to sit beside the value: above it
                lines.extend(_comment_lines(" " * (len(code) - len(code.lstrip())), comment))
                line = code
        lines.append(line.rstrip())
    return "\n".join(lines) + "\n"


def _comment_lines(indent: str, text: str) -> list[str]:
    """``text`` as comment lines at ``indent``, long lines wrapped (lists of values after a ``|``)."""
    width = MAX_LINE - len(indent) - 2
    lines = []
    for part in text.splitlines():
        if _width(part) <= width:
            pieces = [part]
        elif " | " in part:
            pieces = [""]
            for token in part.split(" | "):
                joined = f"{pieces[-1]} | {token}" if pieces[-1] else token
                if pieces[-1] and _width(joined) > width - 2:
                    pieces[-1] += " |"
                    pieces.append(token)
                else:
                    pieces[-1] = joined
        else:
            pieces = textwrap.wrap(part, width=width, break_on_hyphens=False, break_long_words=False,
                                   subsequent_indent="  " if part.startswith("- ") else "")
        lines.extend(f"{indent}# {piece}".rstrip() for piece in pieces)
    return lines


def _width(text: str) -> int:
    """Columns ``text`` takes in a terminal: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


DONE = {
    "en": ("Wrote {path}: a {level}-level starter manifest with {count} TODO placeholders.\n"
           "Replace each TODO, delete what does not apply, and confirm the facts left unconfirmed; "
           "the checker lists what is left:\n"
           "  hkai check {dir}"),
    "zh": ("已寫入 {path}：{level} 級別的範本清單，含 {count} 個 TODO 佔位字。\n"
           "請逐一取代 TODO、刪除不適用的部分，並確認尚未確認的事項；檢查工具會列出尚待處理的項目：\n"
           "  hkai check {dir}"),
}

# Values the producer replaces. Bilingual fields get both languages whatever --lang is.
PLACEHOLDERS = {
    "en": {
        "company": '"TODO: production company"',
        "contact_name": '"TODO: name"',
        "description_low": '"TODO: what the AI does to whose lines, in which scenes; what stays unchanged"',
        "description_deage": '"TODO: whose face is de-aged, by how much, in which scenes"',
        "description_footage": '"TODO: which shots are generated, from what prompts or material"',
        "description_synthetic": '"TODO: the synthetic performer, how it is designed, what it does on screen"',
        "tool": '"TODO: tool name"',
        "vendor": '"TODO: vendor"',
        "tool_footage": '"TODO: video model name"',
        "tool_synthetic": '"TODO: synthetic performer tool name"',
        "intended_use": (">-\n"
                         "      TODO: the specific use agreed to, e.g. AI de-ageing of their face in the role of\n"
                         "      ... in the flashback scenes of {slug} and its trailers, for cinema and\n"
                         "      streaming release."),
        "consent_doc": '"TODO: where the signed consent form is kept, e.g. contracts/c-lead.pdf"',
        "td_own": '"TODO: what footage or recordings of whom, shot when and why"',
        "td_vendor": '"TODO: the vendor model, and what the vendor says it was trained on"',
    },
    "zh": {
        "company": '"TODO：製作公司"',
        "contact_name": '"TODO：姓名"',
        "description_low": '"TODO：人工智能對誰的對白做了甚麼、用於哪些場景；哪些部分保持不變"',
        "description_deage": '"TODO：誰的面容被減齡、減多少年、用於哪些場景"',
        "description_footage": '"TODO：哪些鏡頭由人工智能生成、根據甚麼提示或素材"',
        "description_synthetic": '"TODO：合成演員是誰、如何設計、在片中做甚麼"',
        "tool": '"TODO：工具名稱"',
        "vendor": '"TODO：供應商"',
        "tool_footage": '"TODO：影像生成模型名稱"',
        "tool_synthetic": '"TODO：合成演員工具名稱"',
        "intended_use": (">-\n      TODO：具體說明所同意的用途，例如：以人工智能為其在《{slug}》回憶場景中飾演的角色減齡，\n"
                         "      用於影院及串流發行的正片及預告片。"),
        "consent_doc": '"TODO：已簽署同意書的存放位置，例如 contracts/c-lead.pdf"',
        "td_own": '"TODO：誰的哪些片段或錄音、何時為何拍攝"',
        "td_vendor": '"TODO：供應商模型名稱，以及供應商所述的訓練來源"',
    },
}


# --- the templates ------------------------------------------------------------------------
# `#@key` alone on a line is a block comment, at the end of a line an inline comment (the
# texts are in COMMENTS, per language); `{{name}}` is a value.

_HEADER = """\
#@header

manifest_version: 1

"""

_PRODUCTION = """\
#@production
production:
  id: {{slug}}                    #@production.id
  title: {en: "TODO: English title", zh: "TODO：中文片名"}
  type: feature_film              #@production.type
  company: {{company}}
  jurisdictions: [HK]             #@production.jurisdictions
  release_date: {{release}}         #@production.release_date
  distribution: [cinema, streaming]   #@production.distribution
  ai_use_level: {{level}}            #@production.ai_use_level
  compliance_contact:             #@production.compliance_contact
    name: {{contact_name}}
    email: TODO@example.invalid
"""

_PIA_OPTIONAL = """\
  #@production.pia_optional
  # privacy_impact_assessment: {done_on: YYYY-MM-DD}

"""

_PIA_ADVISED = """\
  #@production.pia_advised
  # privacy_impact_assessment: {done_on: YYYY-MM-DD}

"""

_PEOPLE = """\
#@people
people:
  - id: p-lead
    name: {en: "TODO: performer's name", zh: "TODO：演員姓名"}
    roles: [performer]            #@people.roles
    union_member: false           #@people.union_member
    minor: false                  #@people.minor
    deceased: false               #@people.deceased
  - id: p-director
    name: {en: "TODO: director's name", zh: "TODO：導演姓名"}
    roles: [director]             #@people.reviewer

"""

_USES_HEAD = """\
#@ai_uses
ai_uses:
"""

_USE_LOW = """\
  - id: ai-accent
    kind: accent_correction       #@ai_uses.kind_low
    level: low
    description: {{description_low}}
    tools: [{name: {{tool}}, vendor: {{vendor}}}]   #@ai_uses.tools
    subjects: [p-lead]            #@ai_uses.subjects
    scope: {scenes: [], lines: 0}   #@ai_uses.scope
    #@ai_uses.refs
    consent_refs: []
    compensation_refs: []
    training_data_refs: [td-vendor]
    disclosure_refs: [d-performers, d-end-credits]
    human_oversight: {reviewer: p-director}   #@ai_uses.human_oversight
    #@ai_uses.within_script
    # within_script: true
"""

_USE_DEAGE = """\
  - id: ai-de-ageing
    kind: de_ageing               #@ai_uses.kind_medium
    level: medium
    description: {{description_deage}}
    tools: [{name: {{tool}}, vendor: {{vendor}}}]   #@ai_uses.tools
    subjects: [p-lead]            #@ai_uses.subjects
    scope: {scenes: [], runtime_minutes: 0}   #@ai_uses.scope
    #@ai_uses.refs
    consent_refs: [c-lead]
    compensation_refs: [pay-lead]
    training_data_refs: [td-own-footage]
    disclosure_refs: {{deage_disclosures}}
    human_oversight: {reviewer: p-director}   #@ai_uses.human_oversight
"""

_USES_HIGH = """\
  - id: ai-generated-footage
    kind: generated_footage       #@ai_uses.kind_high
    level: high
    description: {{description_footage}}
    tools: [{name: {{tool_footage}}, vendor: {{vendor}}}]
    subjects: []                  #@ai_uses.subjects_none
    scope: {scenes: [], runtime_minutes: 0}
    training_data_refs: [td-vendor]
    disclosure_refs: [d-on-screen, d-promo, d-end-credits, d-c2pa]
    human_oversight: {reviewer: p-director}
  - id: ai-synthetic-performer
    kind: synthetic_performer
    level: high
    description: {{description_synthetic}}
    tools: [{name: {{tool_synthetic}}, vendor: {{vendor}}}]
    subjects: []                  #@ai_uses.subjects_none
    scope: {scenes: [], runtime_minutes: 0}
    training_data_refs: [td-vendor]
    disclosure_refs: [d-on-screen, d-promo, d-end-credits, d-c2pa]
    human_oversight: {reviewer: p-director}
    #@ai_uses.resembles
    # resembles: [p-id]
    #@ai_uses.union_notice
    # union_notice_on: YYYY-MM-DD
"""

_CONSENTS_NONE = """\
#@consents_low
consents: []

"""

_CONSENTS = """\
#@consents
consents:
  - id: c-lead
    person: p-lead
    given_by: self                #@consents.given_by
    signed_on: {{today}}            #@consents.signed_on
    expires_on: null              #@consents.expires_on
    covers: [de_ageing, training]   #@consents.covers
    intended_use: {{intended_use}}
    #@consents.attest
    separate_from_other_terms: false
    informed: false
    revoked_on: null
    document: {ref: {{consent_doc}}}

"""

_COMPENSATION_NONE = """\
#@compensation_low
compensation: []

"""

_COMPENSATION = """\
#@compensation
compensation:
  - id: pay-lead
    person: p-lead
    for: [ai-de-ageing]
    basis: per_use                #@compensation.basis
    amount: {value: 0, currency: HKD}   #@compensation.amount
    agreed_on: {{today}}

"""

_CREDITS_LOW = """\
#@credits
credits:
  - role: performer
    people: [p-lead]
  - role: director
    people: [p-director]
  - role: ai_tools                #@credits.ai_tools
    tools: [{{tool}}]

"""

_CREDITS_MEDIUM = _CREDITS_LOW

_CREDITS_HIGH = """\
#@credits
credits:
  - role: performer
    people: [p-lead]
  - role: director
    people: [p-director]
  - role: synthetic_performer     #@credits.synthetic
    names: [{en: "TODO: the synthetic performer's name", zh: "TODO：合成演員名稱"}]
  - role: ai_tools                #@credits.ai_tools
    tools: [{{tool}}, {{tool_footage}}, {{tool_synthetic}}]

"""

_DISCLOSURES_LOW = """\
#@disclosures
disclosures:
  - id: d-performers
    audience: performers          #@disclosures.audience
    channel: contract_notice      #@disclosures.channel
    languages: [zh-Hant, en]
    text:
      en: "TODO: what is changed in the performer's lines and why"
      zh: "TODO：演員對白有何改動及原因"
    covers: [ai-accent]
  - id: d-end-credits             #@disclosures.optional_public
    audience: public
    channel: end_credits
    languages: [zh-Hant, en]
    text:
      en: "TODO: e.g. Some dialogue was accent-corrected with AI."
      zh: "TODO：例如：部分對白經人工智能修正口音。"
    covers: [ai-accent]

"""

# The notice to the performer whose likeness is de-aged, in the medium and high starters.
_LIKENESS_NOTICE = """\
  - id: d-performers              #@disclosures.performers
    audience: performers
    channel: contract_notice
    languages: [zh-Hant, en]
    text:
      en: "TODO: how the performer's likeness is used, stored and deleted"
      zh: "TODO：演員肖像的使用、儲存及刪除安排"
    covers: [ai-de-ageing]

"""

_DISCLOSURES_MEDIUM = """\
#@disclosures
disclosures:
  - id: d-end-credits
    audience: public              #@disclosures.audience
    channel: end_credits          #@disclosures.channel
    languages: [zh-Hant, en]
    text:
      en: "TODO: e.g. The younger face of ... was created with AI, with their consent."
      zh: "TODO：例如：……的年輕面容經其同意以人工智能製作。"
    covers: [ai-de-ageing]
  - id: d-c2pa                    #@disclosures.c2pa
    audience: public
    channel: content_credentials
    covers: [ai-de-ageing]
    digital_source_type: compositeWithTrainedAlgorithmicMedia
""" + _LIKENESS_NOTICE

_DISCLOSURES_HIGH = """\
#@disclosures
disclosures:
  - id: d-on-screen               #@disclosures.on_screen
    audience: public
    channel: on_screen_label      #@disclosures.channel
    languages: [zh-Hant, en]
    text:
      en: "TODO: e.g. AI-generated scenes and performer"
      zh: "TODO：例如：人工智能生成場景及演員"
    covers: [ai-de-ageing, ai-generated-footage, ai-synthetic-performer]
  - id: d-promo                   #@disclosures.promo
    audience: public
    channel: promo_materials
    languages: [zh-Hant, en]
    text:
      en: "TODO: e.g. Made with generative AI."
      zh: "TODO：例如：以生成式人工智能製作。"
    covers: [ai-generated-footage, ai-synthetic-performer]
  - id: d-end-credits
    audience: public
    channel: end_credits
    languages: [zh-Hant, en]
    text:
      en: "TODO: which scenes and performers were generated or altered with AI"
      zh: "TODO：哪些場景及演員以人工智能生成或改動"
    covers: [ai-de-ageing, ai-generated-footage, ai-synthetic-performer]
  - id: d-c2pa                    #@disclosures.c2pa
    audience: public
    channel: content_credentials
    covers: [ai-de-ageing, ai-generated-footage, ai-synthetic-performer]
    digital_source_type: trainedAlgorithmicMedia
""" + _LIKENESS_NOTICE

_TRAINING_OWN = """\
  - id: td-own-footage
    description: {{td_own}}
    source: own_footage           #@training_data.source
    license: null                 #@training_data.license
    contains_personal_data: true
    subjects: [p-lead]
    consent_refs: [c-lead]
    retention: {delete_by: {{delete_by}}}   #@training_data.retention
"""

_TRAINING_VENDOR = """\
  - id: td-vendor                 #@training_data.vendor
    description: {{td_vendor}}
    source: vendor_model
    license: null
    contains_personal_data: false
    subjects: []
    consent_refs: []
"""

_WRITERS_AND_WAIVERS = """\

#@writers_room
writers_room:
  ai_material_given_to_writers: false
  disclosed_to_writers: null      #@writers_room.disclosed
  writers_required_to_use_ai: false   #@writers_room.required

#@waivers
# waivers:
#   - rule: DIS-003
#     target: d-end-credits
#     reason: ...
#     approved_by: ...
#     approved_on: YYYY-MM-DD
#     expires_on: YYYY-MM-DD
"""

_TRAINING_HEAD = "#@training_data\ntraining_data:\n"

TEMPLATES = {
    "low": (_HEADER, _PRODUCTION, _PIA_OPTIONAL, _PEOPLE, _USES_HEAD, _USE_LOW, "\n", _CONSENTS_NONE,
            _COMPENSATION_NONE, _CREDITS_LOW, _DISCLOSURES_LOW, _TRAINING_HEAD, _TRAINING_VENDOR,
            _WRITERS_AND_WAIVERS),
    "medium": (_HEADER, _PRODUCTION, _PIA_ADVISED, _PEOPLE, _USES_HEAD,
               _USE_DEAGE.replace("{{deage_disclosures}}", "[d-end-credits, d-c2pa, d-performers]"), "\n",
               _CONSENTS, _COMPENSATION, _CREDITS_MEDIUM, _DISCLOSURES_MEDIUM, _TRAINING_HEAD, _TRAINING_OWN,
               _WRITERS_AND_WAIVERS),
    "high": (_HEADER, _PRODUCTION, _PIA_ADVISED, _PEOPLE, _USES_HEAD,
             _USE_DEAGE.replace("{{deage_disclosures}}", "[d-on-screen, d-end-credits, d-c2pa, d-performers]"),
             _USES_HIGH, "\n", _CONSENTS, _COMPENSATION, _CREDITS_HIGH, _DISCLOSURES_HIGH, _TRAINING_HEAD,
             _TRAINING_OWN, _TRAINING_VENDOR, _WRITERS_AND_WAIVERS),
}

# --- the comments ---------------------------------------------------------------------------

COMMENTS: dict[str, dict[str, str]] = {
    "en": {
        "header": """\
hkai production manifest: a {level}-level starter written by `hkai init` on {today}.
It records each use of AI in the production, and the consents, payments, credits and
disclosures that go with it, for the Hong Kong code of conduct on AI in film and TV.

- Replace every TODO with the real text; `hkai check` reports each one left (info).
- Facts only you can confirm (a consent was informed, a fee was agreed, an assessment
  was done) are left unconfirmed on purpose: the checker reports them until you set them.
- Delete what does not apply, add a record for each further person, use or notice.
- Then run:  hkai check {dir}
Format: manifest-v1. `hkai schema --output manifest.schema.json` writes its JSON Schema,
for editors that check YAML as you type.""",
        "production": """\
The production as a whole. `ai_use_level` is your declaration: the checker derives the
level from `ai_uses` (the highest among them) and reports a declaration below it.""",
        "production.id": "short id used in reports: a-z, 0-9, '.', '_', '-'",
        "production.type": "{type_choices}",
        "production.jurisdictions": "where it is released: ISO country codes, or EU (EU and CN add labelling duties)",
        "production.release_date": "placeholder, a year ahead: set the planned first release",
        "production.compliance_contact": "who answers for this manifest",
        "production.distribution": "{distribution_choices}",
        "production.ai_use_level": "{level_choices}",
        "production.pia_optional": """\
Optional at low level: the date of a privacy impact assessment (PDPO), if one was done.""",
        "production.pia_advised": """\
Advised when AI uses involve people's likeness, voice or data (PDPO): record the date of
the privacy impact assessment once it is done. Until then the checker reminds you (DAT-006).""",
        "people": """\
Everyone whose work, likeness, voice or data is involved. Other sections point at a
person by `id`.""",
        "people.roles": "{role_choices}",
        "people.union_member": "a member of a performers' or writers' union or guild?",
        "people.minor": "under 18 when consenting? then a guardian gives consent",
        "people.deceased": "if true, consent comes from the estate",
        "people.reviewer": "signs off the AI output (human oversight)",
        "ai_uses": """\
One record per distinct use of AI. Levels: low = AI adjusts real recorded material;
medium = AI output built from real people or footage; high = characters or works
generated from scratch. A use is never below its kind's minimum level.""",
        "ai_uses.kind_low": "low: {low_kinds}",
        "ai_uses.kind_medium": "medium: {medium_kinds}",
        "ai_uses.kind_high": "high: {high_kinds}",
        "ai_uses.tools": "list the same names in the ai_tools credit",
        "ai_uses.subjects": "people whose likeness, voice or performance is used or altered",
        "ai_uses.subjects_none": "wholly generated: no real person's likeness is used",
        "ai_uses.scope": "the episodes, scenes or runtime affected",
        "ai_uses.refs": "the ids of this use's consents, payments, training data and disclosures:",
        "ai_uses.human_oversight": "a named person signs off; add reviewed_on: YYYY-MM-DD once they have",
        "ai_uses.within_script": """\
If the corrected lines stay substantially as scripted and performed, say so (otherwise the
performer's consent or a notice to them is needed, as below):""",
        "ai_uses.resembles": """\
If the output imitates a real person's recognisable features, list them (they must consent):""",
        "ai_uses.union_notice": """\
Notify the performers' union or guild of a synthetic performer, then record the date
(until then the checker reminds you, DIS-012):""",
        "consents_low": """\
Consents: none needed for this low-level use, since the performer is told (d-performers).
A medium or high use needs one consent per person, covering each kind of use.""",
        "consents": """\
One record per consent document. It covers each kind of use (and `training` if the
person's data trains a model), is signed before the use and the release, describes a
specific intended use, and is informed and separate from other terms.""",
        "consents.given_by": "self | guardian (minors) | estate (deceased)",
        "consents.signed_on": "placeholder, today: set the date it was signed",
        "consents.expires_on": "optional; it must not expire before the release",
        "consents.covers": "kinds of AI use consented to, plus training",
        "consents.attest": """\
Left false on purpose: set each to true only once it is so (the person was told what
will be generated and how; the consent is its own document or clause). Until then the
checker reports this consent (CON-005).""",
        "compensation_low": """\
Payments for AI uses: none needed at low level. A medium or high use pays each person it
uses, per use or by royalty rather than buyout.""",
        "compensation": """\
One record per payment to a person for AI uses of their likeness, voice or performance.
The amount is 0 on purpose: the checker reports it (CMP-002) until you enter the agreed fee.""",
        "compensation.basis": "per_use | session_fee | royalty | buyout (discouraged for replicas) | none",
        "compensation.amount": "the agreed fee and its ISO currency code",
        "credits": """\
The public credit list. AI is credited only under `ai_tools`, never as a writer or
performer; the people behind AI uses are credited.""",
        "credits.ai_tools": "the tool names of ai_uses, exactly",
        "credits.synthetic": "a synthetic performer is credited by name, as such",
        "disclosures": """\
Notices to the public, performers, writers... Medium and high uses are disclosed to the
public in Traditional Chinese and English; generated output also carries machine-readable
content credentials (C2PA / IPTC digital source type).""",
        "disclosures.audience": "{audience_choices}",
        "disclosures.channel": "{channel_choices}",
        "disclosures.optional_public": "optional at low level, but good practice",
        "disclosures.on_screen": "high level: tell viewers as they watch, not only in the credits",
        "disclosures.promo": "trailers and posters disclose it too",
        "disclosures.c2pa": "machine-readable provenance embedded in the files",
        "disclosures.performers": "tells the performer what is done with their likeness",
        "training_data": """\
Data used to train, fine-tune or condition the models. Personal data needs its subjects'
consent (covers: training), a lawful source and a deletion date.""",
        "training_data.source": "{source_choices}",
        "training_data.license": "required when source is licensed",
        "training_data.retention": "placeholder, a year after release: when the personal data is deleted",
        "training_data.vendor": "the vendor's pre-trained model",
        "writers_room": """\
The writing side of the code: AI material given to writers is disclosed to them, and
writers are never required to use AI.""",
        "writers_room.disclosed": "must be true if AI material was given to writers",
        "writers_room.required": "must never be true",
        "waivers": """\
Exceptions granted by a reviewing body, if any: each waives one rule's findings on one
record until it expires. For example:""",
    },
    "zh": {
        "header": """\
hkai 製作清單：由 `hkai init` 於 {today} 產生的 {level} 級別範本。
本清單記錄製作中每項人工智能應用，以及相關的同意、報酬、鳴謝及披露，
以對照香港影視業人工智能操守守則。

- 請把每個 TODO 換成實際內容；`hkai check` 會逐一報告仍未取代的 TODO（info）。
- 只有你能確認的事實（同意是否知情、酬金是否已議定、評估是否已完成）刻意保留為未確認：
  在你填妥前，檢查工具會持續報告。
- 刪除不適用的部分；每多一位人員、一項應用或一則通告，便新增一項紀錄。
- 然後執行：  hkai check {dir}
格式：manifest-v1。`hkai schema --output manifest.schema.json` 會寫出其 JSON Schema，
供編輯器在輸入時即時檢查 YAML。""",
        "production": """\
整個製作的資料。`ai_use_level` 是你的申報：檢查工具會按 `ai_uses` 推算級別
（取其中最高者），申報低於推算結果即會報告。""",
        "production.id": "報告中使用的簡短 id：a-z、0-9、'.'、'_'、'-'",
        "production.type": "{type_choices}",
        "production.jurisdictions": "發行地區：ISO 國家代碼，或 EU（EU 及 CN 另有標識要求）",
        "production.release_date": "一年後的佔位日期：請改為預定首次發行日期",
        "production.compliance_contact": "負責解答本清單問題的人",
        "production.distribution": "{distribution_choices}",
        "production.ai_use_level": "{level_choices}",
        "production.pia_optional": """\
低級別屬選填：如曾進行私隱影響評估（《個人資料（私隱）條例》），填寫其日期。""",
        "production.pia_advised": """\
人工智能應用涉及他人肖像、聲音或資料時，建議進行私隱影響評估（《個人資料（私隱）條例》）：
完成後填寫日期。在此之前，檢查工具會提醒你（DAT-006）。""",
        "people": """\
所有作品、肖像、聲音或資料被使用的人。其他部分以 `id` 指向人員。""",
        "people.roles": "{role_choices}",
        "people.union_member": "是否演員或編劇工會／公會會員？",
        "people.minor": "給予同意時未滿 18 歲？如是，須由監護人同意",
        "people.deceased": "如為 true，須由遺產管理人同意",
        "people.reviewer": "負責審批人工智能成果（人手監督）",
        "ai_uses": """\
每項不同的人工智能應用各一項紀錄。級別：low＝人工智能調整真實錄製素材；
medium＝以真人或實拍素材製作的人工智能成果；high＝完全生成的角色或作品。
應用級別不會低於其類別的最低級別。""",
        "ai_uses.kind_low": "低：{low_kinds}",
        "ai_uses.kind_medium": "中：{medium_kinds}",
        "ai_uses.kind_high": "高：{high_kinds}",
        "ai_uses.tools": "在 ai_tools 鳴謝列出相同名稱",
        "ai_uses.subjects": "肖像、聲音或演出被使用或改動的人",
        "ai_uses.subjects_none": "完全生成：沒有使用真人肖像",
        "ai_uses.scope": "受影響的集數、場景或片長",
        "ai_uses.refs": "此應用的同意、報酬、訓練數據及披露紀錄的 id：",
        "ai_uses.human_oversight": "由指名人員審批；審批後加上 reviewed_on: YYYY-MM-DD",
        "ai_uses.within_script": """\
如修正後的對白大致維持劇本及原演出，可如此註明（否則須取得演員同意或向其發出通知，如下）：""",
        "ai_uses.resembles": """\
如成果模仿某真人的可辨認特徵，在此列出（須取得其同意）：""",
        "ai_uses.union_notice": """\
使用合成演員須通知演員工會或公會，通知後填寫日期（在此之前檢查工具會提醒你，DIS-012）：""",
        "consents_low": """\
同意：此低級別應用已通知演員（d-performers），毋須另備同意書。
中度或高度應用須為每人備有同意書，涵蓋每類應用。""",
        "consents": """\
每份同意文件各一項紀錄。同意須涵蓋每類應用（如其資料用於訓練模型，須包括 `training`），
在應用及發行前簽署，具體說明預定用途，並屬知情且與其他條款分開。""",
        "consents.given_by": "self | guardian（未成年人）| estate（已故者）",
        "consents.signed_on": "佔位日期（今日）：請改為簽署日期",
        "consents.expires_on": "選填；不得在發行前屆滿",
        "consents.covers": "所同意的人工智能應用類別，另加 training",
        "consents.attest": """\
刻意設為 false：確屬實後才逐項改為 true（當事人已獲告知將生成甚麼及如何生成；
同意以獨立文件或條款給予）。在此之前，檢查工具會報告此同意紀錄（CON-005）。""",
        "compensation_low": """\
人工智能應用的報酬：低級別毋須另付。中度或高度應用須向每位被使用的人付酬，
宜按次或以版稅計算，而非一次性買斷。""",
        "compensation": """\
每筆就人工智能使用其肖像、聲音或演出而支付予某人的報酬各一項紀錄。
金額刻意設為 0：在你填上議定酬金前，檢查工具會報告（CMP-002）。""",
        "compensation.basis": "per_use | session_fee | royalty | buyout（複製人不宜買斷）| none",
        "compensation.amount": "議定酬金及 ISO 貨幣代碼",
        "credits": """\
公開鳴謝名單。人工智能只可列於 `ai_tools`，絕不列為編劇或演員；
人工智能應用背後的真人須獲鳴謝。""",
        "credits.ai_tools": "與 ai_uses 的工具名稱完全相同",
        "credits.synthetic": "合成演員以其名稱鳴謝，並註明為合成演員",
        "disclosures": """\
向公眾、演員、編劇等發出的通告。中度及高度應用須以繁體中文及英文向公眾披露；
生成內容另須附機器可讀的內容憑證（C2PA／IPTC 數碼來源類型）。""",
        "disclosures.audience": "{audience_choices}",
        "disclosures.channel": "{channel_choices}",
        "disclosures.optional_public": "低級別屬選填，但屬良好做法",
        "disclosures.on_screen": "高級別：在觀看時告知觀眾，不只在片尾交代",
        "disclosures.promo": "預告片及海報亦須披露",
        "disclosures.c2pa": "嵌入檔案的機器可讀來源資料",
        "disclosures.performers": "告知演員其肖像的用途",
        "training_data": """\
用於訓練、微調或引導模型的數據。個人資料須取得當事人同意（covers: training）、
來源合法，並訂有刪除日期。""",
        "training_data.source": "{source_choices}",
        "training_data.license": "來源為 licensed 時必須填寫",
        "training_data.retention": "佔位日期（發行後一年）：刪除個人資料的日期",
        "training_data.vendor": "供應商的預訓練模型",
        "writers_room": """\
守則中與編劇相關的部分：交給編劇的人工智能材料須向其披露，且絕不可要求編劇使用人工智能。""",
        "writers_room.disclosed": "如曾把人工智能材料交給編劇，必須為 true",
        "writers_room.required": "絕不可為 true",
        "waivers": """\
審核機構批出的例外（如有）：每項豁免在屆滿前免除某規則對某紀錄的報告。例如：""",
    },
}
