"""Seeded, deterministic generator of realistic manifest-v1 manifests at any size.

The production it describes is a long animated series made shot by shot with AI: each
AI use is one shot (or one post-production pass over a shot), so a manifest with 5,000
uses is a season of about 25 episodes. Around the uses it builds what a real manifest
has: the cast and crew (about one person for every three uses), one consent per person
whose likeness or voice is used, payments per person and episode, the public and
performer disclosures of each episode, training data, and the credit list.

Proportions (of AI uses): about 45 % low (colour grading, clean-up, accent correction,
subtitles...), 45 % medium (performance generation, de-ageing, face and voice
replacement, dubbing...), 10 % high (generated footage and music, synthetic performers).
A few violations are mixed in on purpose, so a run exercises the failing paths too:

- about 1 % of the medium and high uses add a background performer who never signed a
  consent (CON-001);
- one dangling reference per 2,000 uses, at least one (INT-001);
- one voice clone paid by buyout (CMP-003) and one consent not recorded as informed
  (CON-005);
- one use per 2,500 uses, at least one, that no disclosure covers (DIS-001, DIS-004).

Shapes (``--shape``) change one proportion of the same production, to check that speed does
not depend on the generator's habits; each still gives a schema-valid manifest:

- ``default``: as above;
- ``credited``: every person is credited, in a few long credits (performers, everyone else);
- ``subjects``: many training-data subjects: each block of episodes has a capture set listing
  everyone who appears in it, and one person in five is a scan volunteer;
- ``texts``: long shared texts: every use, consent and disclosure text carries the same paragraph
  (about 800 characters in English, 300 in Chinese; about three times the default's file size).

The same size, seed and shape always give byte-identical output: only ``random.Random(seed)``
decides, no set or hash order is ever iterated, and the YAML is written with PyYAML's
C emitter without anchors or aliases.

    python benchmarks/generate.py --uses 5000 --seed 1 -o /tmp/m.yaml
    python benchmarks/generate.py --uses 5000 --shape credited -o /tmp/credited.yaml
"""

from __future__ import annotations

import argparse
import datetime
import random
import sys
from pathlib import Path

import yaml

try:
    from yaml import CSafeDumper as _BaseDumper
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeDumper as _BaseDumper

USES_PER_EPISODE = 200


class _Dumper(_BaseDumper):
    """Never writes anchors and aliases, even for objects used twice."""

    def ignore_aliases(self, data):  # noqa: D401 - PyYAML hook
        return True


# Kinds by level, with their weights within the level, and what each needs.
LOW_KINDS = [  # kind, weight, subjects (min, max), within_script
    ("colour_grading", 30, (0, 0), True),
    ("cleanup", 20, (0, 0), True),
    ("accent_correction", 18, (1, 1), True),
    ("voice_enhancement", 12, (1, 1), True),
    ("translation_subtitles", 10, (0, 0), None),
    ("restoration", 5, (0, 0), True),
    ("likeness_touch_up", 5, (1, 1), None),  # kind `other` at level low, disclosed to performers
]
MEDIUM_KINDS = [
    ("performance_generation", 40, (1, 2)),
    ("dubbing_voice_synthesis", 15, (1, 1)),
    ("face_replacement", 12, (1, 1)),
    ("de_ageing", 10, (1, 1)),
    ("voice_clone", 10, (1, 1)),
    ("likeness_alteration", 8, (1, 1)),
    ("digital_replica", 5, (1, 1)),
]
HIGH_KINDS = [
    ("generated_footage", 55, (0, 0)),
    ("generated_music", 20, (0, 0)),
    ("synthetic_performer", 20, (0, 0)),
    ("virtual_idol", 5, (0, 0)),
]
ABBREV = {
    "colour_grading": "grade", "cleanup": "clean", "accent_correction": "accent",
    "voice_enhancement": "venh", "translation_subtitles": "subs", "restoration": "resto",
    "other": "touch", "performance_generation": "anim", "dubbing_voice_synthesis": "dub",
    "face_replacement": "face", "de_ageing": "deage", "voice_clone": "vclone",
    "likeness_alteration": "likeness", "digital_replica": "replica", "generated_footage": "genfoot",
    "generated_music": "genmusic", "synthetic_performer": "synth", "virtual_idol": "idol",
}
PHRASES = {
    "colour_grading": "automatic shot-to-shot colour matching, checked by the grading lead",
    "cleanup": "AI removal of rig wires and tracking markers",
    "accent_correction": "pronunciation of two Cantonese lines smoothed, delivery unchanged",
    "voice_enhancement": "dialogue denoised and levelled by a speech-enhancement model",
    "translation_subtitles": "machine-translated English subtitles, revised by a translator",
    "restoration": "archive plate upscaled and repaired",
    "other": "AI touch-up of make-up continuity on the performer's face",
    "performance_generation": "video model output corrected by motion capture of the cast",
    "dubbing_voice_synthesis": "Mandarin dub synthesised from the actor's own recorded voice",
    "face_replacement": "stunt double's face replaced with the actor's",
    "de_ageing": "the actor de-aged by about thirty years for a flashback",
    "voice_clone": "pick-up line spoken by a licensed clone of the actor's voice",
    "likeness_alteration": "the actor's likeness aged for the epilogue",
    "digital_replica": "digital replica of the actor in a crowd shot",
    "generated_footage": "background plate generated from a storyboard frame",
    "generated_music": "cue generated by a music model, arranged by the composer",
    "synthetic_performer": "a synthetic extra with dialogue, generated from scratch",
    "virtual_idol": "cameo of the studio's virtual idol",
}
PHRASES_ZH = {
    "performance_generation": "由影像模型生成，再以演員動態捕捉修正",
    "generated_footage": "按分鏡生成的背景畫面",
    "colour_grading": "自動調色，由調色主任覆核",
}
TOOLS = {  # kind -> (name, vendor, version)
    "colour_grading": ("HueMatch Grade", "HueMatch Software", "11"),
    "cleanup": ("PlateScrub", "Kowloon Pixel Works", "4.2"),
    "accent_correction": ("ToneTrue", "Harbour Audio AI", "3.0"),
    "voice_enhancement": ("ClearLine", "Harbour Audio AI", "5.1"),
    "translation_subtitles": ("SubWeave", "Lingua Bridge Ltd", "2024.2"),
    "restoration": ("Archivist Restore", "Silverscreen Labs", "7"),
    "other": ("FaceKeep", "Kowloon Pixel Works", "1.3"),
    "performance_generation": ("Lumen Motion Video", "Lumen Motion Ltd", "2.1"),
    "dubbing_voice_synthesis": ("PolyDub", "Lingua Bridge Ltd", "6"),
    "face_replacement": ("SwapCraft Pro", "Mirrorline AI", "8.4"),
    "de_ageing": ("TimeLift", "Mirrorline AI", "3.2"),
    "voice_clone": ("EchoVoice", "Harbour Audio AI", "2.0"),
    "likeness_alteration": ("TimeLift", "Mirrorline AI", "3.2"),
    "digital_replica": ("Doppel Studio", "Mirrorline AI", "1.9"),
    "generated_footage": ("Vista Gen Video", "Vista Gen AI", "2"),
    "generated_music": ("Cadenza Compose", "Cadenza Audio", "4"),
    "synthetic_performer": ("Lumen Persona", "Lumen Motion Ltd", "1.2"),
    "virtual_idol": ("Lumen Persona", "Lumen Motion Ltd", "1.2"),
}
VENDOR_DATA = {  # vendor -> training data id
    "Lumen Motion Ltd": "td-vendor-lumen", "Mirrorline AI": "td-vendor-mirrorline",
    "Harbour Audio AI": "td-vendor-harbour-audio", "Lingua Bridge Ltd": "td-vendor-lingua",
    "Vista Gen AI": "td-vendor-vista", "Cadenza Audio": "td-vendor-cadenza",
}
SURNAMES = [("Chan", "陳"), ("Wong", "黃"), ("Lee", "李"), ("Cheung", "張"), ("Lau", "劉"), ("Ho", "何"),
            ("Ng", "吳"), ("Leung", "梁"), ("Lam", "林"), ("Tsang", "曾"), ("Yip", "葉"), ("Fung", "馮"),
            ("Tse", "謝"), ("Kwok", "郭"), ("Mak", "麥"), ("Chow", "周"), ("Lo", "羅"), ("Yeung", "楊"),
            ("Tang", "鄧"), ("Ma", "馬"), ("Choi", "蔡"), ("Law", "羅"), ("Siu", "蕭"), ("Tam", "譚")]
GIVEN = [("Ka", "家"), ("Wai", "偉"), ("Man", "文"), ("Hoi", "凱"), ("Yan", "欣"), ("Chi", "志"),
         ("Wing", "詠"), ("Kei", "琪"), ("Lok", "樂"), ("Ming", "明"), ("Siu", "小"), ("Tung", "彤"),
         ("Yuet", "月"), ("Sum", "心"), ("Hei", "希"), ("Chun", "俊"), ("Mei", "美"), ("Ling", "玲"),
         ("Kit", "傑"), ("Fai", "輝"), ("Shan", "珊"), ("Yee", "儀"), ("Ho", "浩"), ("Tsz", "梓")]
TITLES = [("Jade Harbour Chronicles", "翡翠港紀事"), ("Nine Dragons Rising", "九龍騰飛"),
          ("The Lantern Keepers", "守燈人"), ("Typhoon Signal Ten", "十號風球")]
SYNTHETIC_NAMES = [{"en": "Ah Ming (synthetic)", "zh": "阿明(合成角色)"},
                   {"en": "Street vendor (synthetic)", "zh": "小販(合成角色)"},
                   {"en": "Harbour police officer (synthetic)", "zh": "水警(合成角色)"}]
SHAPES = ("default", "credited", "subjects", "texts")
PROCESS_EN = (  # the long text shared by the records of the `texts` shape
    "Made under the studio's AI production protocol: every generated or altered frame is traced to "
    "the tool, the model version and the prompt or reference that produced it; the source plates, "
    "the performers' capture sessions and any licensed material are logged with their licences; a "
    "named supervisor compares the result with the approved storyboard and the performer's consented "
    "scope before it is locked; anything outside that scope is discarded, not stored; the edit "
    "decision list records which shots carry AI work, so that the public, the performers and the "
    "distributor can be told accurately; and the raw outputs, prompts and intermediate files are "
    "kept on the studio's own servers for the retention period in the consent, then deleted, with "
    "the deletion logged. Questions go to the compliance contact named in this manifest.")
PROCESS_ZH = (
    "按本公司人工智能製作守則製作：每一格生成或修改的畫面，均可追溯至所用工具、模型版本及生成時的提示或參考素材；"
    "原始畫面、演員動態捕捉及任何授權素材均連同授權條款記錄在案；由指定主管對照已批核的分鏡及演員同意的範圍覆核，"
    "方可定稿；超出範圍的內容一律刪除，不予保存；剪接清單註明哪些鏡頭經人工智能處理，以便如實告知公眾、演員及發行商；"
    "原始輸出、提示及中間檔案存放於本公司伺服器，保存至同意書所訂期限後刪除，並記錄刪除。查詢請聯絡本清單所列的合規聯絡人。")
MONEY_KINDS = ("performance_generation", "dubbing_voice_synthesis", "face_replacement", "de_ageing",
               "voice_clone", "likeness_alteration", "digital_replica")


def _day(start: datetime.date, rng: random.Random, span_days: int) -> datetime.date:
    return start + datetime.timedelta(days=rng.randrange(span_days))


def _pick_weighted(rng: random.Random, table: list[tuple]) -> tuple:
    return rng.choices(table, weights=[row[1] for row in table])[0]


def _long(text: str) -> str:
    return f"{text} {PROCESS_EN}"


def build(uses: int, seed: int = 1, shape: str = "default") -> dict:
    """The manifest, as plain Python data (dicts, lists, str, int, bool, date)."""
    if uses < 1:
        raise ValueError("uses must be at least 1")
    if shape not in SHAPES:
        raise ValueError(f"shape must be one of {', '.join(SHAPES)}")
    rng = random.Random(f"hkai-bench:{seed}:{uses}")
    title_en, title_zh = rng.choice(TITLES)
    production_id = f"bench-s{seed}-u{uses}"
    release = datetime.date(2026, 3, 14)
    episodes = max(1, -(-uses // USES_PER_EPISODE))

    # --- people: about one for every three uses ------------------------------------
    n_people = max(12, round(uses / 3))
    people: list[dict] = []
    used_slugs: dict[str, int] = {}

    def new_person(roles: list[str], **flags) -> dict:
        surname = rng.choice(SURNAMES)
        given = rng.sample(GIVEN, 2)
        slug = f"{surname[0]}-{given[0][0]}{given[1][0]}".lower()
        used_slugs[slug] = used_slugs.get(slug, 0) + 1
        person_id = f"p-{slug}" if used_slugs[slug] == 1 else f"p-{slug}-{used_slugs[slug]}"
        person = {"id": person_id,
                  "name": {"en": f"{surname[0]} {given[0][0]} {given[1][0]}",
                           "zh": surname[1] + given[0][1] + given[1][1]},
                  "roles": roles}
        person.update(flags)
        people.append(person)
        return person

    leads_n = max(2, min(12, n_people // 40))
    directors = [new_person(["director", "producer"]) for _ in range(max(2, n_people // 300))]
    writers = [new_person(["writer"]) for _ in range(max(1, n_people // 400))]
    supervisors = [new_person(["vfx_artist", "crew"]) for _ in range(max(2, n_people // 150))]
    composers = [new_person(["composer"]) for _ in range(max(1, n_people // 800))]
    leads = [new_person(["performer", "mocap_performer", "voice_actor"], union_member=True, minor=False,
                        deceased=False) for _ in range(leads_n)]
    n_cast = max(4, int(n_people * 0.45)) - leads_n
    cast = []
    for i in range(n_cast):
        roll = rng.random()
        roles = (["performer"] if roll < 0.55 else ["voice_actor"] if roll < 0.8
                 else ["performer", "mocap_performer"])
        flags = {"union_member": rng.random() < 0.6, "minor": False, "deceased": False}
        if i % 500 == 250:  # now and then a late actor's likeness, with the estate's consent
            flags["deceased"] = True
        cast.append(new_person(roles, **flags))
    extras = [new_person(["performer"], union_member=False) for _ in range(max(1, n_people // 100))]
    data_subjects = [new_person(["data_subject"])
                     for _ in range(max(2, n_people // (5 if shape == "subjects" else 25)))]
    remaining = n_people - len(people)
    crew = [new_person([rng.choice(["animator", "animator", "vfx_artist", "crew"])])
            for _ in range(max(0, remaining))]
    reviewers = directors + supervisors

    # Who appears in shots: leads very often, the rest of the cast by a long tail.
    on_screen = leads + cast
    weights = [3.0] * len(leads) + [1.0 / (1 + i) ** 0.6 for i in range(len(cast))]

    # --- AI uses -----------------------------------------------------------------------
    ai_uses: list[dict] = []
    episode_of: dict[str, int] = {}
    person_kinds: dict[str, dict[str, None]] = {}  # person id -> kinds consented to (ordered)
    missing_consent: list[tuple[str, str]] = []  # (use id, person id) of the CON-001 violations
    shot = 0
    scene = 0
    for index in range(uses):
        episode = 1 + index * episodes // uses
        if index == 0 or episode != episode_of[ai_uses[-1]["id"]]:
            scene, shot = 0, 0
        if shot == 0 or rng.random() < 0.08:
            scene += 1
        shot += 1
        roll = rng.random()
        within_script = None
        if roll < 0.45:
            kind, _, (lo, hi), within_script = _pick_weighted(rng, LOW_KINDS)
            level = "low"
            if kind == "likeness_touch_up":
                kind = "other"
        elif roll < 0.90:
            kind, _, (lo, hi) = _pick_weighted(rng, MEDIUM_KINDS)
            level = "medium"
        else:
            kind, _, (lo, hi) = _pick_weighted(rng, HIGH_KINDS)
            level = "high"
        use_id = f"ep{episode:03d}-sc{scene:03d}-sh{shot:04d}-{ABBREV[kind]}"
        episode_of[use_id] = episode
        subjects: list[str] = []
        for _ in range(rng.randint(lo, hi)):
            person = rng.choices(on_screen, weights=weights)[0]
            if person["id"] not in subjects:
                subjects.append(person["id"])
        tool_name, vendor, version = TOOLS[kind]
        use = {"id": use_id, "kind": kind, "level": level}
        if kind in PHRASES_ZH and rng.random() < 0.5:
            use["description"] = {"en": f"Episode {episode}, scene {scene}, shot {shot}: {PHRASES[kind]}.",
                                  "zh": f"第{episode}集第{scene}場第{shot}鏡:{PHRASES_ZH[kind]}。"}
        else:
            use["description"] = f"Episode {episode}, scene {scene}, shot {shot}: {PHRASES[kind]}."
        use["tools"] = [{"name": tool_name, "vendor": vendor, "version": version}]
        use["subjects"] = subjects
        if kind == "synthetic_performer" and rng.random() < 0.2:
            use["resembles"] = [rng.choice(leads)["id"]]
        use["scope"] = {"episode": episode, "scene": scene, "shot": shot,
                        "frames": rng.randrange(24, 480)}
        if level != "low" and subjects and rng.random() < 0.01:
            extra = rng.choice(extras)["id"]  # a background performer nobody asked
            subjects.append(extra)
            missing_consent.append((use_id, extra))
        if within_script:
            use["within_script"] = True
        if kind == "synthetic_performer":
            use["union_notice_on"] = _day(datetime.date(2025, 1, 6), rng, 60)
        use["human_oversight"] = {"reviewer": rng.choice(reviewers)["id"],
                                  "reviewed_on": _day(datetime.date(2025, 6, 2), rng, 240)}
        if shape == "texts":
            use["description"] = {"en": _long(PHRASES[kind]), "zh": PROCESS_ZH}
        ai_uses.append(use)
        if level != "low" or kind not in ("other",):
            for person_id in subjects + use.get("resembles", []):
                if (use_id, person_id) not in missing_consent:
                    person_kinds.setdefault(person_id, {})[kind] = None

    # --- training data -------------------------------------------------------------------
    training_data: list[dict] = []
    vendors_used: dict[str, None] = {}
    for use in ai_uses:
        vendors_used[use["tools"][0]["vendor"]] = None
    for vendor in VENDOR_DATA:
        if vendor in vendors_used:
            training_data.append({
                "id": VENDOR_DATA[vendor],
                "description": f"{vendor}'s pre-trained base model; the vendor publishes a training-content summary.",
                "source": "vendor_model", "license": None, "contains_personal_data": False,
                "subjects": [], "consent_refs": []})
    mocap_sets = []
    blocks = max(1, episodes // 5)
    for block in range(blocks):
        first, last = block * episodes // blocks + 1, (block + 1) * episodes // blocks
        td_id = f"td-mocap-b{block + 1:02d}"
        subjects = [p["id"] for p in leads]
        if shape == "subjects":  # everyone who appears in the block's episodes
            subjects += _appearing(ai_uses, episode_of, first, last, people, set(subjects))
        for person_id in subjects:
            person_kinds.setdefault(person_id, {})["training"] = None
        training_data.append({
            "id": td_id,
            "description": f"Motion capture and rehearsal footage of the leads for episodes {first}-{last}.",
            "source": "own_footage", "license": None, "contains_personal_data": True,
            "subjects": subjects, "consent_refs": [f"c-{person_id}" for person_id in subjects],
            "retention": {"delete_by": datetime.date(2027, 12, 31)}, "paid_engagement": True})
        mocap_sets.append((first, last, td_id))
    crowd_subjects = [p["id"] for p in data_subjects]
    for person_id in crowd_subjects:
        person_kinds.setdefault(person_id, {})["training"] = None
    training_data.append({
        "id": "td-crowd-scans",
        "description": "Photogrammetry scans of paid crowd volunteers, used for background characters.",
        "source": "licensed", "license": "Crowd scan release agreement 2024-11",
        "contains_personal_data": True, "subjects": crowd_subjects,
        "consent_refs": [f"c-{person_id}" for person_id in crowd_subjects],
        "retention": {"delete_by": datetime.date(2027, 6, 30)}})
    training_data.append({
        "id": "td-score-library", "description": "Licensed library of the studio's earlier scores.",
        "source": "licensed", "license": "Jade Harbour Music catalogue licence 2025",
        "contains_personal_data": False, "subjects": [], "consent_refs": []})

    # --- consents: one per person whose likeness, voice or data is used ------------------
    consents: list[dict] = []
    for person in people:  # in people order, so the output is stable
        kinds = person_kinds.get(person["id"])
        if not kinds:
            continue
        covers = sorted(kinds)
        given_by = "estate" if person.get("deceased") else "self"
        consent = {
            "id": f"c-{person['id']}", "person": person["id"], "given_by": given_by,
            "signed_on": _day(datetime.date(2024, 9, 2), rng, 200),
            "expires_on": datetime.date(2030, 12, 31) if rng.random() < 0.7 else None,
            "covers": covers,
            "intended_use": (
                f"AI-assisted versions of {person['name']['en']}'s role in {title_en} ({title_zh}) "
                f"season one, its trailers and promotional clips, for broadcast and streaming release."
                if covers != ["training"] else
                f"Training of the background-character model of {title_en} ({title_zh}) on "
                f"{person['name']['en']}'s photogrammetry scan; no recognisable likeness is output."),
            "separate_from_other_terms": True, "informed": True, "revoked_on": None,
            "document": {"ref": f"contracts/consent-{person['id']}.pdf", "sha256": None}}
        if shape == "texts":
            consent["intended_use"] = _long(consent["intended_use"])
        consents.append(consent)
    consent_ids = {c["person"]: c["id"] for c in consents}
    cast_ids = {p["id"] for p in cast}
    uninformed = next((c for c in consents if c["person"] in cast_ids
                       and any(kind in MONEY_KINDS for kind in c["covers"])), None)
    if uninformed is not None:
        uninformed["informed"] = False  # a consent signed without the explanation (CON-005)

    # --- compensation: per person and episode, for the medium and high uses -----------------
    pay_for: dict[tuple[str, int], list[str]] = {}
    for use in ai_uses:
        if use["level"] == "low":
            continue
        for person_id in use["subjects"]:
            pay_for.setdefault((person_id, episode_of[use["id"]]), []).append(use["id"])
    compensation: list[dict] = []
    pay_ids: dict[tuple[str, int], str] = {}
    buyout_done = False
    for (person_id, episode), paid_uses in pay_for.items():
        pay_id = f"pay-{person_id[2:]}-ep{episode:03d}"
        pay_ids[(person_id, episode)] = pay_id
        basis = "per_use" if rng.random() < 0.7 else "session_fee"
        if not buyout_done and any(u.endswith("-vclone") for u in paid_uses):
            basis, buyout_done = "buyout", True  # a voice clone bought out (CMP-003)
        compensation.append({
            "id": pay_id, "person": person_id, "for": paid_uses, "basis": basis,
            "amount": {"value": 1500 * len(paid_uses) if basis == "per_use" else rng.choice([8000, 12000, 20000]),
                       "currency": "HKD"},
            "agreed_on": _day(datetime.date(2024, 9, 2), rng, 200)})

    for person_id in crowd_subjects:  # scan volunteers are paid a session fee
        compensation.append({
            "id": f"pay-{person_id[2:]}-scan", "person": person_id, "for": [], "basis": "session_fee",
            "amount": {"value": 2500, "currency": "HKD"}, "agreed_on": datetime.date(2024, 11, 4)})

    # --- disclosures: per episode --------------------------------------------------------
    disclosures: list[dict] = []
    undisclosed_every = 2500
    undisclosed = {ai_uses[min(len(ai_uses) - 1, i * undisclosed_every + undisclosed_every // 2)]["id"]
                   for i in range(max(1, uses // undisclosed_every))}
    for episode in range(1, episodes + 1):
        in_episode = [u for u in ai_uses if episode_of[u["id"]] == episode and u["id"] not in undisclosed]
        public = [u["id"] for u in in_episode]
        generated = [u["id"] for u in in_episode if u["level"] != "low"]
        high = [u["id"] for u in in_episode if u["level"] == "high"]
        altered = [u["id"] for u in in_episode if u["level"] == "low" and u["subjects"]
                   and not u.get("within_script")]
        tag = f"ep{episode:03d}"
        disclosures.append({
            "id": f"d-{tag}-credits", "audience": "public", "channel": "end_credits",
            "languages": ["zh-Hant", "en"],
            "text": {"en": f"Episode {episode} was made with generative AI tools; performances by its credited cast.",
                     "zh": f"第{episode}集以生成式人工智能工具製作;演出者見演員名單。"},
            "covers": public})
        if generated:
            disclosures.append({
                "id": f"d-{tag}-c2pa", "audience": "public", "channel": "content_credentials",
                "covers": generated, "digital_source_type": "trainedAlgorithmicMedia"})
        if high:
            disclosures.append({
                "id": f"d-{tag}-label", "audience": "public", "channel": "on_screen_label",
                "languages": ["zh-Hant", "en"], "text": {"en": "Contains AI-generated scenes", "zh": "含人工智能生成場景"},
                "covers": high})
        if altered:
            disclosures.append({
                "id": f"d-{tag}-performers", "audience": "performers", "channel": "contract_notice",
                "languages": ["zh-Hant", "en"],
                "text": {"en": "Which of your shots were touched up by AI, and how.",
                         "zh": "閣下哪些鏡頭經人工智能修飾及修飾方式。"},
                "covers": altered})
    high_uses = [u["id"] for u in ai_uses if u["level"] == "high" and u["id"] not in undisclosed]
    if high_uses:
        disclosures.append({
            "id": "d-promo", "audience": "public", "channel": "promo_materials", "languages": ["zh-Hant", "en"],
            "text": {"en": f"{title_en} is made with generative AI.", "zh": f"《{title_zh}》以生成式人工智能製作。"},
            "covers": high_uses[:20]})
    if shape == "texts":
        for disclosure in disclosures:
            if "text" in disclosure:
                disclosure["text"] = {"en": _long(disclosure["text"]["en"]), "zh": PROCESS_ZH}
    covering: dict[str, list[str]] = {}
    for disclosure in disclosures:
        for use_id in disclosure["covers"]:
            covering.setdefault(use_id, []).append(disclosure["id"])

    # --- the references on each use, then the deliberate dangling ones --------------------
    for use in ai_uses:
        episode = episode_of[use["id"]]
        subjects = use["subjects"]
        use["consent_refs"] = [consent_ids[s] for s in subjects + use.get("resembles", []) if s in consent_ids]
        use["compensation_refs"] = ([pay_ids[(s, episode)] for s in subjects if (s, episode) in pay_ids]
                                    if use["level"] != "low" else [])
        refs = []
        if use["level"] != "low":
            refs.append(VENDOR_DATA[use["tools"][0]["vendor"]])
            if use["kind"] == "performance_generation":
                refs.append(next(td for first, last, td in mocap_sets if first <= episode <= last))
            elif use["kind"] in ("generated_footage", "synthetic_performer"):
                refs.append("td-crowd-scans")
            elif use["kind"] == "generated_music":
                refs.append("td-score-library")
        use["training_data_refs"] = refs
        use["disclosure_refs"] = covering.get(use["id"], [])
        # keep the key order of the specification: refs before human_oversight and flags
        for key in ("within_script", "union_notice_on", "human_oversight"):
            if key in use:
                use[key] = use.pop(key)
    for i in range(max(1, uses // 2000)):
        use = ai_uses[(i * 2000 + 777) % len(ai_uses)]
        use["disclosure_refs"] = use["disclosure_refs"] + [f"d-ep{episodes + 1 + i:03d}-credits"]

    # --- credits ------------------------------------------------------------------------------
    used_people: dict[str, None] = {}
    for use in ai_uses:
        for person_id in use["subjects"]:
            used_people[person_id] = None
    credited = [p for p in people if p["id"] in used_people or p in leads]
    credits = [
        {"role": "screenplay", "people": [p["id"] for p in writers]},
        {"role": "director", "people": [p["id"] for p in directors]},
        {"role": "performer", "people": [p["id"] for p in credited if "performer" in p["roles"]]},
        {"role": "voice", "people": [p["id"] for p in credited if "voice_actor" in p["roles"]]},
        {"role": "mocap", "people": [p["id"] for p in credited if "mocap_performer" in p["roles"]]},
        {"role": "animation", "people": [p["id"] for p in crew if "animator" in p["roles"]]},
        {"role": "vfx", "people": [p["id"] for p in supervisors + crew if "vfx_artist" in p["roles"]]},
        {"role": "music", "people": [p["id"] for p in composers]},
        {"role": "ai_tools", "tools": sorted({u["tools"][0]["name"] for u in ai_uses})},
    ]
    if shape == "credited":  # everyone, in a few long credits
        performing = {"performer", "voice_actor", "mocap_performer"}
        credits = [credits[0], credits[1],
                   {"role": "performer", "people": [p["id"] for p in people if performing & set(p["roles"])]},
                   {"role": "other", "people": [p["id"] for p in people if not performing & set(p["roles"])]},
                   credits[-1]]
    if any(u["kind"] == "synthetic_performer" for u in ai_uses):
        credits.append({"role": "synthetic_performer", "names": SYNTHETIC_NAMES})
    credits = [c for c in credits if c.get("people", True)]

    levels = {u["level"] for u in ai_uses}
    declared = "high" if "high" in levels else "medium" if "medium" in levels else "low"
    production = {
        "id": production_id,
        "title": {"en": title_en, "zh": title_zh},
        "type": "tv_series",
        "company": "Jade Harbour Animation Ltd",
        "jurisdictions": ["HK"] if rng.random() < 0.6 else ["HK", "EU"],
        "release_date": release,
        "distribution": ["broadcast", "streaming"],
        "ai_use_level": declared,
        "compliance_contact": {"name": {"en": "Yip Hoi Ching", "zh": "葉凱晴"},
                               "email": "compliance@jadeharbour-animation.hk"},
        "privacy_impact_assessment": {"done_on": datetime.date(2024, 8, 15)},
        "funding": [{"programme": "AI-assisted animation support scheme (benchmark)",
                     "amount": {"value": 850000 + 1000 * episodes, "currency": "HKD"}}],
    }
    return {
        "manifest_version": 1,
        "production": production,
        "people": people,
        "ai_uses": ai_uses,
        "consents": consents,
        "compensation": compensation,
        "credits": credits,
        "disclosures": disclosures,
        "training_data": training_data,
        "writers_room": {"ai_material_given_to_writers": False, "disclosed_to_writers": None,
                         "writers_required_to_use_ai": False},
    }


def _appearing(ai_uses: list[dict], episode_of: dict[str, int], first: int, last: int,
               people: list[dict], already: set[str]) -> list[str]:
    """The subjects of the uses of episodes ``first`` to ``last``, in people order."""
    seen = {s for u in ai_uses if first <= episode_of[u["id"]] <= last for s in u["subjects"]}
    return [p["id"] for p in people if p["id"] in seen and p["id"] not in already]


def generate(uses: int, seed: int = 1, shape: str = "default") -> str:
    """The manifest as YAML text."""
    option = "" if shape == "default" else f" --shape {shape}"
    header = (f"# Generated by benchmarks/generate.py --uses {uses} --seed {seed}{option}: a benchmark manifest,\n"
              "# realistic in shape and proportions, with a few violations on purpose. Do not edit.\n")
    body = yaml.dump(build(uses, seed, shape), Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                     default_flow_style=None, width=100)
    return header + body


def write(uses: int, seed: int, path: Path, shape: str = "default") -> Path:
    """Write the manifest to ``path`` (atomically) and return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_bytes(generate(uses, seed, shape).encode("utf-8"))
    temporary.replace(path)
    return path


def cached(uses: int, seed: int, cache_dir: Path, shape: str = "default") -> Path:
    """The generated manifest for (uses, seed, shape) in ``cache_dir``, generating it when missing.

    The cache key includes a digest of this file, so changing the generator regenerates.
    """
    import hashlib
    digest = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:10]
    suffix = "" if shape == "default" else f"-{shape}"
    path = Path(cache_dir) / f"uses{uses}-seed{seed}{suffix}-{digest}" / "manifest.yaml"
    if not path.exists():
        write(uses, seed, path, shape)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate a realistic benchmark manifest (manifest-v1).")
    parser.add_argument("--uses", type=int, required=True, help="number of AI uses")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    parser.add_argument("--shape", choices=SHAPES, default="default",
                        help="what is unusually large: default, credited (every person credited), subjects (many "
                             "training-data subjects), texts (long shared texts); see the module's docstring")
    parser.add_argument("-o", "--output", type=Path, default=None, help="output file (default: standard output)")
    args = parser.parse_args(argv)
    if args.uses < 1:
        parser.error("--uses must be at least 1")
    if args.output is None:
        sys.stdout.buffer.write(generate(args.uses, args.seed, args.shape).encode("utf-8"))
    else:
        write(args.uses, args.seed, args.output, args.shape)
    return 0


if __name__ == "__main__":
    sys.exit(main())
