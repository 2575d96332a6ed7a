"""The rule language: operators, missing values, compile-time errors and indexed joins."""

import pytest

from checker.language.compiler import Names, RuleCompileError, compile_check, compile_condition
from checker.language.grammar import OPERATORS
from checker.language.runtime import MISSING, Bound, Context

ROOTS = Names(frozenset({"people", "consents", "production"}))


def holds(condition, data):
    roots = {name: Bound(data.get(name, MISSING), f"/{name}") for name in ROOTS.roots}
    return compile_condition(condition, ROOTS, "").holds(roots, Context(roots))


@pytest.mark.parametrize("operator, value, operand, expected", [
    ("present", "x", True, True), ("present", "", True, False), ("present", [], False, True),
    ("present", MISSING, False, True), ("equals", True, 1, False), ("equals", "a", "a", True),
    ("not_equals", MISSING, True, True), ("in", "b", ["a", "b"], True), ("not_in", MISSING, ["a"], True),
    ("contains", ["a", "b"], "b", True), ("contains", "abc", "b", False),
    ("contains_any", ["a"], ["b", "a"], True), ("contains_all", ["a"], ["a", "b"], False),
    ("matches", {"en": "x", "zh": "角色"}, None, True), ("mentions", "Nine Heavens ep. 1", {"en": "nine heavens"}, True),
    ("mentions", "for any media", "ia", False), ("mentions", "《九重天上》第一集", {"en": "x", "zh": "九重天上"}, True),
    ("min_words", "one two three", 3, True), ("min_words", "one two", 3, False),
    # Two Chinese characters count as one word; a mixed text adds both counts.
    ("min_words", "柯煒林的角色", 3, True), ("min_words", "柯煒林的角色", 4, False),
    ("min_words", "Ko Wai Lam 的角色", 4, True), ("min_words", "Ko Wai Lam 的角色", 5, False),
    ("max_length", "abcd", 3, False), ("at_least", "medium", "low", True), ("at_least", "low", "high", False),
    ("greater_than", 0, 0, False), ("greater_than", "10", 0, False), ("at_most", MISSING, 3, False),
    ("before", "2025-01-01", "2025-01-02", True), ("on_or_before", "2025-01-02", "2025-01-02", True),
    ("after", "2025-01-01", MISSING, False), ("on_or_after", "not a date", "2025-01-01", False),
])
def test_operators(operator, value, operand, expected):
    if operator == "matches":
        import re
        operand = re.compile("角色")
    assert OPERATORS[operator].test(value, operand) is expected


def test_paths_collect_fields_across_lists_and_read_operands():
    data = {"production": {"id": "demo", "tools": [{"name": "A"}, {"name": "B"}]}}
    assert holds({"production.tools.name": {"contains_all": ["A", "B"]}}, data)
    assert holds({"production.id": {"equals": "$production.id"}}, data)
    assert not holds({"production.nothing.deeper": {"present": True}}, data)


def test_logic_and_quantifiers():
    data = {"people": [{"id": "a", "minor": True}, {"id": "b"}, {"id": "b"}]}
    assert holds({"exists": {"from": "people", "as": "p", "where": {"p.minor": {"equals": True}}}}, data)
    assert holds({"count": {"from": "people", "as": "p", "where": {"p.id": {"equals": "b"}}, "at_least": 2,
                            "at_most": 2}}, data)
    assert holds({"not": {"any": [{"production.id": {"present": True}}, {"people.id": {"contains": "z"}}]}}, data)
    assert holds([{"all": [{"production": {"present": False}}]}, {"people": {"present": True}}], data)


@pytest.mark.parametrize("condition, message", [
    ({"nobody.id": {"equals": 1}}, "unknown name 'nobody'"),
    ({"people": {"resembles": 1}}, "unknown operator 'resembles'"),
    ({"production.id": {"matches": "(unclosed"}}, "cannot be used"),
    ({"production.id": {"matches": "(a)\\1"}}, "no backreferences"),
    ({"production.id": {"matches": "^(?=a)a"}}, "or lookarounds"),
    ({"exists": {"from": "people", "as": "production"}}, "is a section name"),
    ({"a.b": {"equals": 1}, "c.d": {"equals": 2}}, "exactly one key"),
])
def test_compile_errors_say_what_is_wrong(condition, message):
    with pytest.raises(RuleCompileError, match=message):
        compile_condition(condition, ROOTS, "")


def test_indexed_join_finds_the_same_records_as_a_scan():
    # `c.person: {equals: ...}` is looked up in an index on `person`; behind a `not`, the
    # same test cannot be, and every record is scanned. Both must find what Python finds.
    consents = [{"id": f"c{i}", "person": f"p{i % 7}", "covers": ["x"] if i % 2 else []} for i in range(50)]
    data = {"consents": consents}
    for person in (f"p{i}" for i in range(8)):
        expected = sum(1 for c in consents if c["person"] == person and "x" in c["covers"])
        for where in ([{"c.person": {"equals": person}}, {"c.covers": {"contains": "x"}}],
                      [{"not": {"c.person": {"not_equals": person}}}, {"c.covers": {"contains_any": ["x"]}}]):
            condition = {"count": {"from": "consents", "as": "c", "where": where,
                                   "at_least": expected, "at_most": expected}}
            assert holds(condition, data), (person, where)
        assert expected or person == "p7"  # the data has matches to find, and one person without


def test_the_narrowest_index_bucket_finds_what_a_scan_finds():
    # A person with a payment per AI use, and a few uses with payments from two people: the
    # join on the AI use narrows most, the join on the person least.
    payments = [{"id": f"pay{i}", "person": f"p{i % 2}", "for": [f"u{i // 3}", f"u{i // 5}"]} for i in range(60)]
    data = {"consents": payments}
    for person in ("p0", "p1", "p9"):
        for use in ("u0", "u3", "u11", "u99"):
            expected = sum(1 for p in payments if p["person"] == person and use in p["for"])
            indexed = [{"c.person": {"equals": person}}, {"c.for": {"contains": use}}]
            scanned = [{"not": {"c.person": {"not_equals": person}}}, {"any": [{"c.for": {"contains": use}}]}]
            for where in (indexed, scanned):
                condition = {"count": {"from": "consents", "as": "c", "where": where,
                                       "at_least": expected, "at_most": expected}}
                assert holds(condition, data), (person, use, where)


def test_a_first_selection_that_reads_findings_is_never_shared_between_checks():
    names = Names(frozenset({"checker", "people"}))
    reads_findings = {"for_each": {"f": {"from": "checker.findings"}}, "require": {"f.rule": {"present": True}}}
    reads_people = {"for_each": {"p": "people"}, "require": {"p.id": {"present": True}}}
    assert compile_check(reads_findings, names, "", {"en": "m"}, "").first_key is None
    assert compile_check(reads_people, names, "", {"en": "m"}, "").first_key is not None


def test_a_record_compared_with_itself_is_not_used_as_an_index_key():
    data = {"people": [{"id": "a", "name": "a"}, {"id": "b", "name": "c"}]}
    condition = {"count": {"from": "people", "as": "p", "where": {"p.id": {"equals": "$p.name"}}, "at_least": 1,
                           "at_most": 1}}
    assert holds(condition, data)


def test_a_repeated_list_element_counts_its_record_once():
    data = {"consents": [{"id": "c", "covers": ["training", "training"]}]}
    condition = {"count": {"from": "consents", "as": "c", "where": {"c.covers": {"contains": "training"}},
                           "at_most": 1, "at_least": 1}}
    assert holds(condition, data)


def test_a_test_an_index_lookup_answered_is_not_run_again_on_its_bucket(monkeypatch):
    # CRD-002's join: one credit names every person. Looking up each person in the index on
    # `people` answers `contains`; testing it again would scan the long list once per
    # person (quadratic in the manifest).
    calls = []
    contains = OPERATORS["contains"]
    monkeypatch.setitem(OPERATORS, "contains", contains._replace(
        test=lambda value, item: calls.append(item) or contains.test(value, item)))
    people = [f"p{i}" for i in range(200)]
    data = {"consents": [{"id": "everyone", "covers": people}, {"id": "one", "covers": "p3"}]}
    for person in (*people, "nobody"):
        expected = 0 if person == "nobody" else 1
        condition = {"count": {"from": "consents", "as": "c", "where": {"c.covers": {"contains": person}},
                               "at_least": expected, "at_most": expected}}
        assert holds(condition, data), person
    assert calls == []


def test_an_equals_lookup_does_not_let_a_list_holding_the_key_pass():
    data = {"consents": [{"id": "a", "person": ["p1", "p2"]}, {"id": "b", "person": "p1"}]}
    condition = {"count": {"from": "consents", "as": "c", "where": {"c.person": {"equals": "p1"}},
                           "at_least": 1, "at_most": 1}}
    assert holds(condition, data)
