"""A check's own `fix` fills its placeholders from the records it found, as a message does;
a placeholder naming nothing the check binds stops the pack from loading."""

from conftest import MINIMAL, hkai, hkai_json

PACK = """\
name: fix-demo
version: 1.0.0
description: A check with its own fix.
"""
RULES = """\
rules:
  - id: HSE-001
    principle: disclosure
    severity: warning
    levels: all
    title: {en: Every use has a description, zh: 每項應用均有說明}
    rationale: {en: Reviewers read it., zh: 審閱者會閱讀。}
    message: {en: "AI use {use.id} has no description", zh: "人工智能應用 {use.id} 沒有說明"}
    fix: {en: Describe the use., zh: 說明該應用。}
    source: house
    check:
      for_each: {use: ai_uses}
      require:
        use.description: {present: true}
      fix: {en: "Add `description:` to AI use {use.id} ({use.kind}).", zh: "在人工智能應用 {use.id}（{use.kind}）加上 `description:`。"}
"""


def _pack(tmp_path, rules: str):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "pack.yaml").write_text(PACK, encoding="utf-8")
    (pack / "house.yaml").write_text(rules, encoding="utf-8")
    manifest = tmp_path / "manifest.yaml"
    manifest.write_text(MINIMAL.replace("ai_use_level: none", "ai_use_level: low")
                        + "ai_uses: [{id: u-1, kind: cleanup, level: low}]\n", encoding="utf-8")
    return pack, manifest


def test_a_check_fix_names_the_records_found(tmp_path):
    pack, manifest = _pack(tmp_path, RULES)
    fixes = {}
    for lang in ("en", "zh"):
        code, report = hkai_json("--lang", lang, "--rules", str(pack), "--select", "HSE-001", str(manifest))
        [finding] = report["manifests"][0]["findings"]
        fixes[lang] = finding["fix"]
    assert fixes == {"en": "Add `description:` to AI use u-1 (cleanup).", "zh": "在人工智能應用 u-1（cleanup）加上 `description:`。"}


def test_a_check_fix_placeholder_must_name_a_bound_record(tmp_path):
    pack, manifest = _pack(tmp_path, RULES.replace("({use.kind})", "({person.name})"))
    result = hkai("check", "--rules", str(pack), str(manifest))
    assert result.returncode == 2 and "person" in result.stderr and "Traceback" not in result.stderr
