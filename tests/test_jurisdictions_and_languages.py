"""Jurisdictions and language tags as the law reads them: the pack's named values (country
tables with their sources), the language operators, and the rules that read them, through
the real `hkai` command."""

import json
import subprocess
import sys

import pytest
from conftest import ROOT, TODAY, hkai, hkai_json
from test_named_selections import line_of, load_error, make_pack, rule

from checker.language import language_tags
from checker.language.grammar import OPERATORS
from checker.packs.loading import load_pack

PACK = load_pack()
ENGLISH = language_tags.prepare(PACK.values["english"])
TRADITIONAL = language_tags.prepare(PACK.values["traditional_chinese"])


# --- the pack's tables -------------------------------------------------------------------


def test_the_eu_table_lists_every_member_state_and_the_eea_and_says_where_it_comes_from():
    members = {"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
               "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"}
    assert len(members) == 27
    assert set(PACK.values["eu_ai_act_jurisdictions"]) == {"EU", "EL", "IS", "LI", "NO", *members}
    assert set(PACK.values["prc_labelling_jurisdictions"]) == {"CN"}


def _manifest(write_manifest, jurisdictions: str, kind: str = "generated_footage") -> str:
    return str(write_manifest(
        "manifest_version: 1\nproduction: {id: demo, title: Demo, type: short_drama, "
        f"jurisdictions: [{jurisdictions}], release_date: 2026-05-01, ai_use_level: high}}\n"
        f"ai_uses:\n  - {{id: footage, kind: {kind}}}\n"
        "disclosures:\n  - {id: d-credits, audience: public, channel: end_credits, languages: [en, zh-HK], "
        "covers: [footage]}\n"))


def _findings(report: dict, rule_id: str) -> list[dict]:
    return [f for m in report["manifests"] for f in m["findings"] if f["rule"] == rule_id]


@pytest.mark.parametrize("jurisdictions", ["FR", "HK, DE", "EL", "NO", "EU"])
def test_release_in_any_member_or_eea_state_brings_the_eu_duties(write_manifest, jurisdictions):
    code, report = hkai_json(_manifest(write_manifest, jurisdictions))
    (finding,) = _findings(report, "DIS-010")
    assert code == 1 and finding["path"] == "/ai_uses/0" and finding["target"] == "footage"
    assert "release in the EU, the EEA or mainland China requires" in finding["message"]
    assert f"(jurisdictions: {jurisdictions})" in finding["message"]
    assert not _findings(report, "DIS-011")  # the explicit label is mainland China's


@pytest.mark.parametrize("jurisdictions", ["HK", "MO", "TW", "HK, MO, TW", "CH", "GB"])
def test_hong_kong_macao_and_taiwan_are_not_mainland_china(write_manifest, jurisdictions):
    _, report = hkai_json(_manifest(write_manifest, jurisdictions))
    assert not _findings(report, "DIS-010") and not _findings(report, "DIS-011")


def test_mainland_china_brings_both_labels(write_manifest):
    _, report = hkai_json(_manifest(write_manifest, "HK, CN"))
    assert [f["path"] for f in _findings(report, "DIS-010")] == ["/ai_uses/0"]
    assert [f["path"] for f in _findings(report, "DIS-011")] == ["/ai_uses/0"]


def test_rules_show_names_the_table_a_rule_reads():
    out = " ".join(hkai("rules", "show", "DIS-010").stdout.split())
    assert "contains any of EU, AT, BE" in out and "(the pack's value `eu_ai_act_jurisdictions`)" in out
    out = " ".join(hkai("rules", "show", "DIS-003", "--lang", "zh").stdout.split())
    assert "以 Hant 文字書寫的 cmn 或 yue 或 zh 語言標籤（zh 視作 zh-Hant-HK）" in out


# --- named values in a pack --------------------------------------------------------------


VALUES = ("values:\n  nordic:\n    source: Nordic Council\n    value: [DK, FI, IS, NO, SE]\n"
          "  cantonese:\n    source: BCP 47\n    value: {language: yue}\n")


def test_a_pack_names_values_and_reads_its_bases_values(tmp_path, write_manifest):
    check = ("for_each: {use: {selection: uses_at_rule_levels}}\n"
             "where:\n  any:\n    - production.jurisdictions: {contains_any: $values.nordic}\n"
             "    - production.jurisdictions: {contains_any: $values.prc_labelling_jurisdictions}\n"
             "require: {use.union_notice_on: {present: true}}")
    pack = make_pack(tmp_path / "house", {"values.yaml": VALUES, "house.yaml": "rules:\n" + rule("HSE-001", check)})
    for jurisdictions, found in [("SE", 1), ("CN", 1), ("DE", 0)]:
        _, report = hkai_json("--rules", str(pack), _manifest(write_manifest, jurisdictions))
        assert len(_findings(report, "HSE-001")) == found, jurisdictions


@pytest.mark.parametrize("files, file, at, problem", [
    ({"a.yaml": VALUES, "b.yaml": "values:\n  nordic: {source: again, value: [DK]}\n"},
     "b.yaml", "nordic:", "value 'nordic' is already named in "),
    ({"a.yaml": "values:\n  english: {source: mine, value: {language: en}}\n"},
     "a.yaml", "english:", "value 'english' is already named in the pack it extends"),
    ({"a.yaml": "values:\n  nordic: {value: [DK]}\n"}, "a.yaml", "nordic:", "'source' is required"),
    ({"a.yaml": "rules:\n" + rule("HSE-001", "require: {production.jurisdictions: {contains_any: $values.nordc}}")},
     "a.yaml", "contains_any:", "$values.nordc is not a value the pack names (values:); known: "),
    ({"a.yaml": "rules:\n" + rule("HSE-001", "require: {production.id: {in_language: {language: en, scrpt: Latn}}}")},
     "a.yaml", "in_language:", "expected languages (BCP 47 language subtags), optionally a script"),
    ({"a.yaml": "rules:\n" + rule("HSE-001", "require: {production.id: {in_language: {language: english}}}")},
     "a.yaml", "in_language:", "'english' is not a BCP 47 language tag"),
    ({"a.yaml": "rules:\n" + rule("HSE-001", "require: {production.id: {in_language: {language: zh-HK}}}")},
     "a.yaml", "in_language:", "'zh-HK' is not a language code"),
    ({"a.yaml": "rules:\n" + rule("HSE-001", "require: {production.id: {in_language: {language: zh, script: Hnat}}}")},
     "a.yaml", "in_language:", "script 'Hnat' is not an ISO 15924 script code"),
    ({"a.yaml": "rules:\n" + rule("HSE-001", "require: {production.id: {contains_language: $production.id}}")},
     "a.yaml", "contains_language:", "the operand of contains_language is known when the rule is compiled"),
    ({"a.yaml": VALUES.replace("{language: yue}", "{languages: yue}") + "rules:\n"
      + rule("HSE-001", "require: {production.id: {in_language: $values.cantonese}}")},
     "a.yaml", "in_language:", "in_language: the operand is a mapping with `language`"),
    ({"a.yaml": VALUES.replace("{language: yue}", "{language: yue, scrpt: Hant}") + "rules:\n"
      + rule("HSE-001", "require: {production.id: {in_language: $values.cantonese}}")},
     "a.yaml", "in_language:", "in_language: unknown key 'scrpt' in the operand; expected: language, script, implied"),
])
def test_a_wrong_value_or_language_operand_is_a_located_error(tmp_path, files, file, at, problem):
    pack = make_pack(tmp_path / "house", files)
    error = load_error(pack)
    assert error.path == str(pack / file) and error.line == line_of(pack / file, at), str(error)
    assert problem in error.message, error.message


# --- language tags -----------------------------------------------------------------------


@pytest.mark.parametrize("tag", ["en", "en-HK", "EN", "en-gb"])
def test_english_tags(tag):
    assert language_tags.written_in(tag, ENGLISH) and not language_tags.written_in(tag, TRADITIONAL)


@pytest.mark.parametrize("tag", ["zh", "zh-Hant", "zh-HK", "zh-MO", "zh-TW", "yue", "yue-Hant-HK", "ZH", "zh-hant-hk",
                                 "zh-yue", "zh-Hant-CN", "cmn-Hant-TW"])
def test_traditional_chinese_tags(tag):
    assert language_tags.written_in(tag, TRADITIONAL) and not language_tags.written_in(tag, ENGLISH)


@pytest.mark.parametrize("tag", ["zh-Hans", "zh-CN", "zh-SG", "ZH-cn", "yue-Hans", "cmn", "zh-Latn", "und-HK", "ja"])
def test_simplified_and_other_tags_are_not_traditional_chinese(tag):
    assert language_tags.is_language_tag(tag) and not language_tags.written_in(tag, TRADITIONAL)


@pytest.mark.parametrize("value", ["english", "zh_HK", "zh-Hnat", "xx", "en-", "", " en", "en HK", "en--US", 5, None,
                                   ["en"], {"en": "x"}, "\x00", "ｅｎ", "en\n", "-".join(["en"] + ["abcdefgh"] * 20000)])
def test_what_is_not_a_language_tag_is_no_language(value):
    assert not OPERATORS["language_tag"].test(value, True) and OPERATORS["language_tag"].test(value, False)
    assert not language_tags.written_in(value, ENGLISH) and not language_tags.written_in(value, TRADITIONAL)


def test_contains_language_reads_each_tag_of_a_list():
    contains = OPERATORS["contains_language"].test
    assert contains(["ja", "EN-hk"], ENGLISH) and not contains(["zh-CN", "zh_HK"], TRADITIONAL)
    assert not contains("en", ENGLISH) and not contains([], ENGLISH)


def test_a_tag_is_parsed_once_however_many_records_carry_it():
    language_tags.read.cache_clear()
    for _ in range(1000):
        language_tags.written_in("zh-MO", TRADITIONAL)
    assert language_tags.read.cache_info().misses == 1


def test_the_common_tags_are_read_exactly_as_langcodes_reads_them():
    for text, tag in language_tags.COMMON_TAGS.items():
        assert language_tags.read_by_langcodes(text) == tag, text


@pytest.mark.parametrize("languages, loads_langcodes", [("en, zh-HK", False), ("EN, zh-hk", True)])
def test_langcodes_is_loaded_only_for_a_tag_outside_the_common_ones(write_manifest, languages, loads_langcodes):
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "checker", "check", "--format", "json",
                             "--today", TODAY, _disclosure_manifest(write_manifest, languages)],
                            capture_output=True, text=True, cwd=ROOT, timeout=60)
    report = json.loads(result.stdout)
    assert result.returncode == 1 and not _findings(report, "DIS-003") and not _findings(report, "DIS-013")
    assert (" langcodes\n" in result.stderr) == loads_langcodes


def _disclosure_manifest(write_manifest, languages: str) -> str:
    return str(write_manifest(
        "manifest_version: 1\nproduction: {id: demo, title: Demo, type: feature_film, release_date: 2026-05-01, "
        "ai_use_level: medium}\nai_uses:\n  - {id: deage, kind: de_ageing}\ndisclosures:\n"
        f"  - id: d-credits\n    audience: public\n    channel: end_credits\n    languages: [{languages}]\n"
        "    covers: [deage]\n"))


def test_a_malformed_tag_is_an_error_located_at_the_tag(write_manifest):
    manifest = _disclosure_manifest(write_manifest, "en, zh-HK, zh_TW")
    code, report = hkai_json(manifest)
    (finding,) = _findings(report, "DIS-013")
    assert code == 1 and finding["severity"] == "error"
    assert (finding["path"], finding["line"], finding["target"]) == ("/disclosures/0/languages/2", 9, "d-credits")
    assert finding["message"] == "Disclosure d-credits lists the language zh_TW, which is not a BCP 47 language tag"
    assert not _findings(report, "DIS-003")  # en and zh-HK are there
    out = " ".join(hkai("check", "--lang", "zh", manifest).stdout.split())
    assert "披露 d-credits 所列語言 zh_TW 不是 BCP 47 語言標籤" in out


@pytest.mark.parametrize("languages, bilingual", [
    ("EN, zh", True), ("en-HK, yue-Hant-HK", True), ("en, zh-MO", True), ("en, zh-TW", True),
    ("en, zh-Hans", False), ("en, zh-CN", False), ("en, zh-SG", False), ("zh-Hant, zh-HK", False),
])
def test_bilingual_notices_are_read_from_their_tags(write_manifest, languages, bilingual):
    _, report = hkai_json(_disclosure_manifest(write_manifest, languages))
    assert not _findings(report, "DIS-013")
    assert [f["path"] for f in _findings(report, "DIS-003")] == ([] if bilingual else ["/disclosures/0"])


def test_a_hostile_tag_is_a_finding_not_a_traceback(write_manifest):
    tag = "-".join(["en"] + ["abcdefgh"] * 5000)
    result = hkai("check", "--format", "json", _disclosure_manifest(write_manifest, f"en, zh-HK, {tag}"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert '"rule": "DIS-013"' in result.stdout and '"/disclosures/0/languages/2"' in result.stdout
