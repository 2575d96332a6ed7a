"""A rule message says that a value the manifest does not give is missing, in each
language, and the reports never show a symbol (or Python's None) in place of a value."""

import re

import pytest

from checker.text import LANGUAGES
from conftest import MINIMAL, hkai, hkai_json


def test_a_missing_value_is_said_to_be_missing_in_each_language(write_manifest):
    path = write_manifest(MINIMAL.replace("ai_use_level: none", "ai_use_level: medium") + """\
people: [{id: p-a, name: Chan Siu Ming, roles: [performer]}]
ai_uses: [{id: replica, kind: digital_replica, level: medium, subjects: [p-a]}]
compensation: [{id: pay-a, person: p-a, for: [replica], basis: per_use}]
""")
    messages = {}
    for lang in LANGUAGES:
        _, report = hkai_json("--lang", lang, "--select", "CMP-002", str(path))
        [finding] = report["manifests"][0]["findings"]
        messages[lang] = finding["message"]
    assert "amount (value not given) (currency not given)" in messages["en"]
    assert "金額為（未填寫 value）（未填寫 currency）；" in messages["zh"]  # no spaces beside the brackets
    assert not any("—" in message or "None" in message for message in messages.values())


@pytest.mark.parametrize("fmt", ["rich", "markdown"])
def test_a_level_that_could_not_be_derived_is_said_so(write_manifest, fmt):
    path = write_manifest("manifest_version: 1\nproduction: {id: demo}\n")
    english = hkai("check", "--format", fmt, str(path)).stdout
    chinese = hkai("check", "--format", fmt, "--lang", "zh", str(path)).stdout
    assert "declared not declared" in english and "derived not derived" in english
    assert "申報未有申報" in chinese and "推算未能推算" in chinese
    assert not re.search(r"(declared|derived|申報|推算) (\?|—|None)", english + chinese)


def test_a_production_without_title_or_id_is_not_called_none(write_manifest):
    path = write_manifest("- a list, not a manifest\n")
    english = hkai("check", str(path)).stdout.splitlines()
    chinese = hkai("check", "--lang", "zh", str(path)).stdout.splitlines()
    assert english[1] == "(no title or id given)" and chinese[1] == "（未填寫作品名稱及 id）"
    assert "None" not in english + chinese


HOUSE_RULE = """\
rules:
  - id: HSE-001
    principle: compensation
    severity: warning
    levels: all
    title: {en: Payments are named, zh: 報酬須列明}
    rationale: {en: Reviewers read them., zh: 審閱者會閱讀。}
    message: {en: "Payment {pay.id} pays {pay.amount}", zh: "報酬 {pay.id} 支付 {pay.amount}"}
    fix: {en: Check it., zh: 請核對。}
    source: house
    check:
      for_each: {pay: compensation}
      require:
        pay.basis: {equals: royalty}
"""


def test_a_mapping_is_shown_by_its_fields_and_an_absent_one_is_missing(tmp_path, write_manifest):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "pack.yaml").write_text("name: house\nversion: 1.0.0\ndescription: A house rule.\n", encoding="utf-8")
    (pack / "house.yaml").write_text(HOUSE_RULE, encoding="utf-8")
    path = write_manifest(MINIMAL + "people: [{id: p, name: P}]\ncompensation:\n"
                          "  - {id: c1, person: p, for: [], basis: none, amount: {value: 5, currency: HKD}}\n"
                          "  - {id: c2, person: p, for: [], basis: none}\n")
    _, report = hkai_json("--rules", str(pack), "--select", "HSE-001", str(path))
    messages = [finding["message"] for finding in report["manifests"][0]["findings"]]
    assert messages == ["Payment c1 pays value: 5, currency: HKD", "Payment c2 pays (amount not given)"]
