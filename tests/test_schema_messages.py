"""Format problems in a producer's words: one finding per wrong value, missing field or
unknown field, in English and Chinese, never jsonschema's words, each fix naming the
field's entry in the field reference."""

import pytest

from checker.text import LANGUAGES
from conftest import MINIMAL, hkai_json

# jsonschema's and Python's words, which a producer must never read
FORBIDDEN = ("^", "$", "\\d", "'type'", "is not valid under", "does not match", "is not a 'date'",
             "is a required property", "Additional properties", "None", "is not one of [", "[a-z", "(?!")


def _manifest(**production_fields: str) -> str:
    fields = {"id": "demo", "title": "Demo", "type": "feature_film", "release_date": "2026-05-01",
              "ai_use_level": "none", **production_fields}
    return "manifest_version: 1\nproduction:\n" + "".join(f"  {key}: {value}\n" for key, value in fields.items())


# class -> (manifest, pointer, field reference entry, {lang: words the message says})
CASES = {
    "date with slashes": (_manifest(release_date='"2027/04/12"'), "/production/release_date",
                          "production.release_date",
                          {"en": "dates are written YYYY-MM-DD, for example 2027-04-12", "zh": "日期須寫成 YYYY-MM-DD"}),
    "date in words": (_manifest(release_date="12 April 2027"), "/production/release_date", "production.release_date",
                      {"en": "dates are written YYYY-MM-DD", "zh": "日期須寫成 YYYY-MM-DD"}),
    "day-first date": (_manifest(release_date="05/10/2026"), "/production/release_date", "production.release_date",
                       {"en": "dates are written YYYY-MM-DD", "zh": "日期須寫成 YYYY-MM-DD"}),
    "no such day": (_manifest(release_date="2026-02-30"), "/production/release_date", "production.release_date",
                    {"en": "a day the calendar does not have: dates are written YYYY-MM-DD",
                     "zh": "並非日曆上存在的日子：日期須寫成 YYYY-MM-DD"}),
    "date as a number": (_manifest(release_date="20260501"), "/production/release_date", "production.release_date",
                         {"en": "is 20260501: dates are written", "zh": "日期須寫成"}),
    "date left empty": (_manifest(release_date=""), "/production/release_date", "production.release_date",
                        {"en": "has no value: dates are written", "zh": "沒有填寫：日期須寫成"}),
    "date or nothing": (MINIMAL + "consents: [{id: c, person: p, given_by: self, signed_on: 2025-01-01, covers: [],"
                        " expires_on: 5}]\n", "/consents/0/expires_on", "consents.expires_on",
                        {"en": "`expires_on` is 5: dates are written", "zh": "日期須寫成"}),
    "id": (_manifest(id='"Demo Film"'), "/production/id", "production.id",
           {"en": "ids are written in lower-case letters", "zh": "id 只可使用小寫英文字母"}),
    "id too long": (_manifest(id="a" * 201), "/production/id", "production.id",
                    {"en": "`id` must be at most 200 characters long", "zh": "最多只可有 200 個字元"}),
    "email": (_manifest(compliance_contact="{email: nobody}"), "/production/compliance_contact/email",
              "production.compliance_contact.email", {"en": "an email address", "zh": "電郵地址"}),
    "country code": (_manifest(jurisdictions="[hk]"), "/production/jurisdictions/0", "production.jurisdictions",
                     {"en": "An entry of `jurisdictions` is \"hk\": a country or territory is written as its "
                            "two-letter ISO 3166 code", "zh": "兩個大寫字母的 ISO 3166 代碼"}),
    "digest": (MINIMAL + "consents: [{id: c, person: p, given_by: self, signed_on: 2025-01-01, covers: [],"
               " document: {ref: c.pdf, sha256: abc}}]\n", "/consents/0/document/sha256", "consents.document.sha256",
               {"en": "64 hexadecimal digits", "zh": "64 個十六進位數字"}),
    "type": (MINIMAL + "people: 5\n", "/people", "people", {"en": "`people` must be a list, not 5", "zh": "須為列表"}),
    "true or false": (MINIMAL + "people: [{id: p, name: X, minor: yes}]\n", "/people/0/minor", "people.minor",
                      {"en": "`minor` must be true or false, not \"yes\"", "zh": "true 或 false"}),
    "enum": (MINIMAL + "people: [{id: p, name: X, roles: [actor]}]\n", "/people/0/roles/0", "people.roles",
             {"en": "\"actor\", which is not one of its values (did you mean `voice_actor`?): performer",
              "zh": "不是可用的值（是否想寫 `voice_actor`？）"}),
    "enum left empty": (_manifest(type=""), "/production/type", "production.type",
                        {"en": "`type` has no value: it must be one of feature_film", "zh": "沒有填寫"}),
    "const": (MINIMAL.replace("manifest_version: 1", "manifest_version: 2"), "/manifest_version", "manifest_version",
              {"en": "`manifest_version` must be 1, not 2", "zh": "須為 1"}),
    "required": (_manifest().replace("  title: Demo\n", ""), "/production", "production.title",
                 {"en": "`title` is missing from `production`; it is required", "zh": "`production` 部分缺少必填的 `title`"}),
    "required by kind": (MINIMAL + "ai_uses: [{id: u, kind: other}]\n", "/ai_uses/0", "ai_uses.level",
                         {"en": "`level` is missing from this entry of `ai_uses`", "zh": "`ai_uses` 的這一項缺少必填的 `level`"}),
    "unknown field": (MINIMAL + "peple: []\n", "/peple", "manifest",
                      {"en": "`peple` is not a field of the manifest (did you mean `people`?)",
                       "zh": "清單沒有 `peple` 這個欄位（是否想寫 `people`？）"}),
    "unknown language of a text": (_manifest(title="{en: A, fr: B}"), "/production/title/fr", "production.title",
                                   {"en": "`fr` is not a field of `title`", "zh": "`title` 部分沒有 `fr` 這個欄位"}),
    "text of the wrong type": (_manifest(title="42"), "/production/title", "production.title",
                               {"en": "text is written as a plain string, or as {en: ..., zh: ...}", "zh": "文字可寫成"}),
    "empty text": (_manifest(company="''"), "/production/company", "production.company",
                   {"en": "`company` is empty: write a value", "zh": "是空白的"}),
    "empty bilingual text": (_manifest(title="{}"), "/production/title", "production.title",
                             {"en": "`title` is empty", "zh": "是空白的"}),
    "minimum": (MINIMAL + "compensation: [{id: c, person: p, for: [], basis: none, amount: {value: -5}}]\n",
                "/compensation/0/amount/value", "compensation.amount.value",
                {"en": "`value` is -5: it must be 0 or more", "zh": "須為 0 或以上"}),
    "not a mapping": ("- a\n", "", "manifest", {"en": "The manifest must be a mapping of fields, not a list",
                                               "zh": "清單須為一組欄位"}),
    "duplicate key": (MINIMAL + "people: []\npeople: []\n", "/people", "people",
                      {"en": "`people` is written twice in the same place (also on line 8)", "zh": "寫了兩次"}),
    "empty manifest": ("# nothing yet\n", "", "manifest", {"en": "The manifest is empty", "zh": "清單是空的"}),
}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("case", list(CASES))
def test_each_format_problem_is_one_finding_in_plain_words(write_manifest, case, lang):
    text, pointer, field, words = CASES[case]
    # Without INT-006, which stands in for an empty text as a placeholder left in (test_draft.py)
    code, report = hkai_json("--lang", lang, "--ignore", "INT-006", str(write_manifest(text)))
    findings = report["manifests"][0]["findings"]
    assert code == 1
    assert [(f["rule"], f["path"]) for f in findings] == [("SCHEMA", pointer)], findings
    message, fix = findings[0]["message"], findings[0]["fix"]
    assert words[lang] in message
    assert not [token for token in FORBIDDEN if token in message], message
    assert f"`{field}`" in fix and "hkai schema --doc" in fix


def test_a_wrong_date_among_other_problems_is_still_one_finding(write_manifest):
    path = write_manifest(_manifest(release_date='"2027/04/12"', company="''"))
    _, report = hkai_json(str(path))
    paths = [f["path"] for f in report["manifests"][0]["findings"]]
    assert sorted(paths) == ["/production/company", "/production/release_date"]


def test_a_long_value_is_shortened_in_the_message(write_manifest):
    path = write_manifest(_manifest(release_date="x" * 500))
    _, report = hkai_json(str(path))
    assert "x" * 58 + "…" in report["manifests"][0]["findings"][0]["message"]
