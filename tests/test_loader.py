"""The YAML loader: positions, scalar typing, and every way a file can be unreadable."""

import time

import pytest

from checker.reading.yaml_loader import LoadError, load_file, load_text


def test_every_node_has_its_line_and_column():
    document = load_text("production:\n  id: demo\nai_uses:\n  - id: a\n    subjects: [p-a, p-b]\n")
    assert document.positions["/production/id"] == (2, 3)
    assert document.positions["/ai_uses/0"] == (4, 5)
    assert document.positions["/ai_uses/0/subjects/1"] == (5, 21)
    assert document.locate("/ai_uses/0/missing/field") == (4, 5)


def test_pointer_tokens_are_escaped():
    document = load_text("a/b: {c~d: 1}\n")
    assert document.positions["/a~1b/c~0d"] == (1, 7)


def test_dates_stay_as_written_whether_quoted_or_not():
    document = load_text("a: 2025-03-01\nb: '2025-03-01'\n")
    assert document.data == {"a": "2025-03-01", "b": "2025-03-01"}


def test_only_true_and_false_are_booleans():
    document = load_text("jurisdictions: [NO, yes, off]\nflag: true\nother: False\n")
    assert document.data == {"jurisdictions": ["NO", "yes", "off"], "flag": True, "other": False}


def test_numbers_and_null():
    assert load_text("a: 12\nb: 1.5\nc: null\nd: ~\n").data == {"a": 12, "b": 1.5, "c": None, "d": None}


def test_duplicate_keys_are_recorded_with_both_lines():
    document = load_text("consent:\n  revoked_on: 2025-01-01\n  revoked_on: null\n")
    (duplicate,) = document.duplicate_keys
    assert (duplicate.pointer, duplicate.line, duplicate.first_line) == ("/consent/revoked_on", 3, 2)


@pytest.mark.parametrize("source", [
    "a: !!python/object/apply:os.system ['echo hacked']\n",
    "a: !custom value\n",
    "a: !!binary aGVsbG8=\n",
])
def test_tags_outside_the_core_schema_are_refused(source):
    with pytest.raises(LoadError) as raised:
        load_text(source, "m.yaml")
    assert raised.value.line == 1 and "not allowed" in raised.value.message


def test_broken_yaml_names_the_line():
    with pytest.raises(LoadError) as raised:
        load_text("production:\n  title: 'unclosed\n", "m.yaml")
    assert str(raised.value).startswith("m.yaml:3:")


def test_alias_expansion_is_bounded():
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    with pytest.raises(LoadError, match="aliases expand"):
        load_text("\n".join(lines) + "\n", "bomb.yaml")


def test_deep_nesting_is_refused():
    with pytest.raises(LoadError, match="nesting"):
        load_text("a: " + "[" * 500 + "]" * 500 + "\n", "deep.yaml")


@pytest.mark.parametrize("content, message", [
    (b"\xff\xfea\x00:\x00", "UTF-16"),
    (b"a: 1\nb: \x00\n", "NUL"),
    (b"a: caf\xe9\n", "invalid UTF-8"),
])
def test_undecodable_files_are_refused_with_a_position(tmp_path, content, message):
    path = tmp_path / "manifest.yaml"
    path.write_bytes(content)
    with pytest.raises(LoadError, match=message):
        load_file(path)


def test_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "manifest.yaml"
    path.write_bytes(b"\xef\xbb\xbfa: 1\n")
    assert load_file(path).data == {"a": 1}


def test_size_limit(tmp_path):
    path = tmp_path / "manifest.yaml"
    path.write_text("a: " + "x" * 100 + "\n")
    with pytest.raises(LoadError, match="larger than the limit"):
        load_file(path, max_bytes=50)


def test_a_directory_is_not_a_file(tmp_path):
    with pytest.raises(LoadError, match="directory"):
        load_file(tmp_path)


def test_plain_scalars_follow_yaml_1_2():
    document = load_text("a: hello\nb: .5\nc: ~\nd: +1\ne: 0x1A\nf: yes\ng: 2025-01-01\nh: ''\n"
                         "i: 010\nj: 1:30\nk: 1_000\nl: 1e3\nm: 0o17\nn: -.inf\no: True\np: null\nq: 12abc\n")
    assert document.data == {"a": "hello", "b": 0.5, "c": None, "d": 1, "e": 26, "f": "yes", "g": "2025-01-01",
                             "h": "", "i": 10, "j": "1:30", "k": "1_000", "l": 1000.0, "m": 15, "n": float("-inf"),
                             "o": True, "p": None, "q": "12abc"}


def test_explicit_number_tags_and_alias_keys():
    assert load_text("a: !!int '12'\nb: !!float 2\nc: !!str 12\n").data == {"a": 12, "b": 2.0, "c": "12"}
    with pytest.raises(LoadError, match="alias cannot be a mapping key"):
        load_text("a: &k key\n*k : 2\n", "m.yaml")


@pytest.mark.parametrize("written, text", [("! 12", "12"), ("! true", "true"), ("! null", "null"),
                                           ("! 1.5", "1.5"), ("! 0x1F", "0x1F"), ("! ~", "~")])
def test_the_non_specific_tag_makes_a_plain_value_text(written, text):
    """YAML: a node tagged ``!`` is a string, whatever it looks like."""
    assert load_text(f"- {written}\n").data == [text]
    assert load_text(f"key: {written}\n").data == {"key": text}


# Constructs libyaml (the parser) reads differently from YAML, found by measuring the loader
# against the official YAML test suite: each is refused where it is, never misread.
@pytest.mark.parametrize("source, position, message", [
    ("a: &id:1 x\n", (1, 7), "the anchor name &id is followed by ':'"),
    ("a: [&id?1 x]\n", (1, 8), "the anchor name &id is followed by '?'"),
    ("a: &x y\nb: *x:z\n", (2, 6), "the alias name *x is followed by ':'"),
    ("a: &x y\nb: [*x?z]\n", (2, 7), "the alias name *x is followed by '?'"),
    ("a: !!str &id:1 x\n", (1, 13), "the anchor name &id is followed by ':'"),
    ("a: [?x]\n", (1, 5), "'?x' inside [ ] or { }: YAML reads it as the text '?x', this parser as the key 'x'"),
    ("a: {?x: 1}\n", (1, 5), "'?x' inside [ ] or { }"),
    ("a: [b,\n  ?c]\n", (2, 3), "'?c' inside [ ] or { }"),
    ("a: [-]\n", (1, 5), "a lone '-' inside [ ] or { } is not valid YAML"),
    ("a: {b: -}\n", (1, 8), "a lone '-' inside [ ] or { }"),
    ('a: "x"# note\n', (1, 7), "a comment needs a space before its '#'"),
    ("a: [x, y]#note\n", (1, 10), "a comment needs a space before its '#'"),
    ("a: [x,#note\n  y]\n", (1, 7), "a comment needs a space before its '#'"),
    ("a: |#note\n  x\n", (1, 5), "a comment needs a space before its '#'"),
    ("a: |\n  x\n   ", (3, 1), "the file ends in a line of spaces with no line break, inside the block text "
                               "that starts on line 1"),
    ("- |+\n   ", (2, 1), "the file ends in a line of spaces with no line break"),
])
def test_constructs_the_parser_misreads_are_refused_where_they_are(source, position, message):
    with pytest.raises(LoadError) as raised:
        load_text(source, "m.yaml")
    assert (raised.value.line, raised.value.column) == position
    assert message in raised.value.message


@pytest.mark.parametrize("source, data", [
    ("a: &p-a_1 x\nb: *p-a_1\nc: [&q y, *q]\nd: {k: *q}\ne: [&r]\n",
     {"a": "x", "b": "x", "c": ["y", "y"], "d": {"k": "y"}, "e": [None]}),
    ("a: ?x\nb: [a?b, '?c', \"?d\"]\nc: {? k : v}\nd: [x, # ?y\n  z]\n",
     {"a": "?x", "b": ["a?b", "?c", "?d"], "c": {"k": "v"}, "d": ["x", "z"]}),
    ("-: a\nb: [-1, -x, '-', -: c]\n", {"-": "a", "b": [-1, "-x", "-", {"-": "c"}]}),
    ("a: b#c\nd: 'e#f'\n# \"x\"#y\ng: \"C#\" # \"h\"#i\nu: https://x.org/a#b\nl: [1]\n",
     {"a": "b#c", "d": "e#f", "g": "C#", "u": "https://x.org/a#b", "l": [1]}),
    ("%YAML 1.2\n---\na: 1 # a comment\n", {"a": 1}),
    ("a: |\n  x\n   \n", {"a": "x\n \n"}),
    ("a: b\n   ", {"a": "b"}),
    ("a: |+\n  x\n  ", {"a": "x\n"}),
])
def test_lookalikes_of_those_constructs_still_load(source, data):
    assert load_text(source).data == data


def test_the_second_reading_stays_linear_on_a_text_full_of_candidates():
    """Each candidate of the second reading is judged once: a file made of them loads in a
    time of the order of its first reading (about a second here), not of its square."""
    text = "a:\n" + "- '#t' # \"x\"#y\n" * 100_000 + '# "x"#' * 500_000 + "\nb: [? x, c]\n"
    start = time.perf_counter()
    assert load_text(text).data["b"] == [{"x": None}, "c"]
    assert time.perf_counter() - start < 30
