"""``--format html``: a self-contained page, its contents, its safety with hostile values, the
same bytes for the same input, and ``--lang both`` (HTML only). What a browser does with the
page is tested in test_html_browser.py."""

import html
import re
from html.parser import HTMLParser

import pytest

from conftest import EXAMPLES, MINIMAL, ROOT, TODAY, hkai, hkai_exact, hkai_json

HOSTILE_VALUES = {
    "script": "<script>window.__hkaiPwned = 1</script>",
    "style": "</style><style>body{display:none}</style>",
    "url": "javascript:window.__hkaiPwned=3",
    "markup": '<img src=x onerror="window.__hkaiPwned = 2">',
}


def hostile_manifest(tmp_path, long_text: str = "") -> str:
    """A manifest whose title, company, jurisdictions and an unknown key carry markup, a
    ``javascript:`` URL, ``</style>``, a bidi override, controls and (optionally) a long text."""
    text = f"""\
manifest_version: 1
production:
  id: demo
  title: {{en: "{HOSTILE_VALUES['script']}", zh: "{HOSTILE_VALUES['style']}\u202eevil"}}
  type: feature_film
  company: '{HOSTILE_VALUES['markup']}{long_text}'
  jurisdictions: ["{HOSTILE_VALUES['url']}", "HK\\x1b[31m\\u200b"]
  release_date: 2026-05-01
  ai_use_level: none
  "{HOSTILE_VALUES['script']}": '<a href="{HOSTILE_VALUES['url']}">click</a>'
"""
    path = tmp_path / "hostile" / "manifest.yaml"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    return str(path)


class _Page(HTMLParser):
    """The tags, attributes and visible text of a page."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self._in_style = False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if not self._in_style:
            self.text.append(data)

    def count(self, tag: str, cls: str | None = None) -> int:
        return sum(1 for name, attrs in self.tags
                   if name == tag and (cls is None or cls in (attrs.get("class") or "").split()))


def html_of(*args: str, cwd=ROOT) -> str:
    result = hkai_exact("check", "--format", "html", "--today", TODAY, *args, cwd=cwd)
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def test_the_page_loads_nothing_and_runs_nothing():
    page = html_of(str(EXAMPLES))
    parsed = _Page(page)
    assert parsed.count("script") == 0 and parsed.count("link") == 0 and parsed.count("img") == 0
    assert not re.search(r"(?i)\b(src|href)\s*=\s*\"(?!#)", page)  # every link is inside the page
    assert "http://" not in page and "https://" not in page and "@import" not in page and "url(" not in page
    (csp,) = [attrs["content"] for tag, attrs in parsed.tags
              if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy"]
    assert "default-src 'none'" in csp and "script-src 'none'" in csp and "'unsafe-inline'" not in csp


def test_hostile_values_are_visible_text_and_never_markup(tmp_path):
    long_text = "長" * 100_000
    page = html_of(hostile_manifest(tmp_path, long_text))
    parsed = _Page(page)
    assert parsed.count("script") == 0 and parsed.count("img") == 0 and parsed.count("style") == 1
    assert [attrs for tag, attrs in parsed.tags if tag == "a" and not attrs.get("href", "").startswith("#")] == []
    text = "".join(parsed.text)
    for value in HOSTILE_VALUES.values():
        assert value in text  # shown as it is written, as text
    assert "\\u202eevil" in text and "HK\\u001b[31m\\u200b" in text  # controls and bidi made visible
    assert "\u202e" not in page and "\x1b" not in page and "\u200b" not in page
    assert long_text in text  # the company, whole


def test_the_same_input_gives_the_same_bytes():
    first = hkai_exact("check", "--format", "html", "--lang", "both", "--today", TODAY, str(EXAMPLES))
    second = hkai_exact("check", "--format", "html", "--lang", "both", "--today", TODAY, str(EXAMPLES))
    assert first.stdout == second.stdout and len(first.stdout) > 10_000


def test_a_production_page_has_its_facts_summary_scorecard_and_findings():
    example = EXAMPLES / "dragon-returns-resurrection" / "manifest.yaml"
    page = html_of(str(example))
    text = html.unescape(re.sub(r"<[^>]+>", "", page))
    for fact in ("The Dragon Returns", "龍再臨", "Lion Rock Legends Film Co Ltd", "2026-08-28", "HK, CN",
                 "Most serious findings", "Principle scorecard", "Consent", "Fix:", "Why:", "Source:",
                 "hkai-guideline", "Checked against the date", TODAY):
        assert fact in text, fact
    # each finding has its location and the manifest's lines, the finding's marked and numbered
    assert re.search(r"<code class=\"location\">[^<]*manifest.yaml:74:5</code>", page)
    assert re.search(r"<mark><span class=\"no\">▶74</span>", page)
    assert re.search(r"Rules digest \(SHA-256\).*?<code>[0-9a-f]{64}</code>", text.replace("\n", " ")) or \
        re.search(r"<code>[0-9a-f]{64}</code>", page)


def test_the_finding_counts_equal_the_json_reports():
    _, report = hkai_json(str(EXAMPLES))
    page = html_of(str(EXAMPLES))
    sections = re.findall(r'<section class="production" id="(doc-\d+)"[^>]*data-findings="(\d+)">(.*?)</section>\n'
                          r'(?=<section class="production"|</main>)', page, re.S)
    assert [int(n) for _, n, _ in sections] == [len(m["findings"]) for m in report["manifests"]]
    for (_, total, body), manifest in zip(sections, report["manifests"]):
        shown = body.count('<article class="finding')
        hidden = sum(int(n) for n in re.findall(r'data-hidden="(\d+)"', body))
        baselined = sum(1 for f in manifest["findings"] if f["baselined"] and not f["waived"])
        assert shown + hidden + baselined == int(total)


def test_a_manifest_of_many_findings_shows_fifty_of_a_rule_and_says_how_many_it_hides(tmp_path):
    unknown = "".join(f"  x_unknown_{n}: 1\n" for n in range(120))
    path = tmp_path / "manifest.yaml"
    path.write_text(MINIMAL.replace("  ai_use_level: none\n", "  ai_use_level: none\n" + unknown), encoding="utf-8")
    _, report = hkai_json(str(path))
    total = len(report["manifests"][0]["findings"])
    page = html_of(str(path))
    assert page.count('<article class="finding') == 50
    (hidden,) = re.findall(r'data-hidden="(\d+)">(?:<[^>]+>)*… and ([\d,]+) more SCHEMA findings', page)
    assert int(hidden[0]) == total - 50 == int(hidden[1].replace(",", ""))


def test_waived_findings_show_reason_approver_and_expiry():
    example = EXAMPLES / "neon-idol-music-video" / "manifest.yaml"
    _, report = hkai_json(str(example))
    (waived,) = [f for m in report["manifests"] for f in m["findings"] if f["waived"]]
    page = html.unescape(html_of(str(example)))
    section = page[page.index('<section class="waived">'):]
    assert waived["rule"] in section and waived["waiver"]["reason"] in section
    for value in (waived["waiver"]["approved_by"], waived["waiver"]["expires_on"]):
        assert value is None or value in section


def test_a_folder_gets_a_cover_table_worst_first_linking_to_each_production():
    _, report = hkai_json(str(EXAMPLES))
    page = html_of(str(EXAMPLES))
    cover = page[page.index("<nav"):page.index("</nav>")]
    rows = re.findall(r'<tr><th scope="row"><a href="#(doc-\d+)">([^<]+)</a>', cover)
    assert len(rows) == len(report["manifests"])
    errors = {m["production"]: sum(f["severity"] == "error" and not f["waived"] for f in m["findings"])
              for m in report["manifests"]}
    shown = [errors[production] for _, production in rows]
    assert shown == sorted(shown, reverse=True)
    for anchor, _ in rows:
        assert f'<section class="production" id="{anchor}"' in page


def test_lang_both_gives_every_text_in_both_languages_with_lang_attributes():
    page = html_of("--lang", "both", str(EXAMPLES / "dragon-returns-resurrection"))
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert '<span lang="en">Summary</span><span lang="zh-Hant-HK">摘要</span>' in page
    columns = re.findall(r'<div class="cols">\n<div lang="en">.*?</div>\n<div lang="zh-Hant-HK">.*?</div>', page, re.S)
    assert len(columns) == page.count('<article class="finding')
    zh = html_of("--lang", "zh", str(EXAMPLES / "dragon-returns-resurrection"))
    assert zh.startswith('<!DOCTYPE html>\n<html lang="zh-Hant-HK">') and '<span lang="zh-Hant-HK">摘要</span>' in zh
    assert zh.count('lang="en"') == 1  # the production's English title, and nothing else


@pytest.mark.parametrize("form", ["rich", "json", "sarif", "junit", "github", "markdown"])
def test_other_formats_refuse_lang_both_with_a_clear_message(form):
    result = hkai("check", "--format", form, "--lang", "both", str(EXAMPLES))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (f"hkai: error: lang: 'both' is only for --format html; {form} is in one language: "
                             f"choose en or zh, or write {form} in a separate run (command line)\n")


def test_lang_both_with_html_and_another_format_names_the_other(tmp_path):
    result = hkai("check", "--format", "html", "--output", str(tmp_path / "r.html"), "--format", "json",
                  "--lang", "both", str(EXAMPLES))
    assert result.returncode == 2
    assert "json is in one language" in result.stderr
    assert not (tmp_path / "r.html").exists()


def test_lang_both_from_a_config_file_is_refused_for_the_default_format(tmp_path):
    (tmp_path / "hkai.toml").write_text('lang = "both"\n')
    (tmp_path / "manifest.yaml").write_text(MINIMAL)
    result = hkai("check", ".", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("hkai: error: lang: 'both' is only for --format html; rich is in one language")
    assert str(tmp_path / "hkai.toml") in result.stderr
    (tmp_path / "hkai.toml").write_text('lang = "both"\nformat = "html"\n')
    result = hkai("check", ".", "--today", TODAY, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert '<span lang="zh-Hant-HK">摘要</span>' in result.stdout


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_text_colours_meet_wcag_aa_contrast_on_every_background_of_the_page():
    css = (ROOT / "checker" / "report" / "templates" / "report.css").read_text(encoding="utf-8")
    colours = dict(re.findall(r"--([a-z]+): (#[0-9a-f]{6})", css))
    backgrounds = ["#ffffff", colours["panel"], "#fff3b0"]  # the page, panels and tables' heads, a marked line
    for name in ("text", "muted", "error", "warning", "info", "pass"):
        for background in backgrounds:
            lighter, darker = sorted((_luminance(colours[name]), _luminance(background)), reverse=True)
            assert (lighter + 0.05) / (darker + 0.05) >= 4.5, (name, background)


def test_a_reviewers_waivers_file_and_claimed_waivers_are_shown(tmp_path):
    from test_review import MANIFEST, WAIVERS

    (tmp_path / "manifest.yaml").write_text(MANIFEST)
    (tmp_path / "waivers.yaml").write_text(WAIVERS)
    args = (str(tmp_path / "manifest.yaml"), "--waivers", str(tmp_path / "waivers.yaml"), "--trusted-waivers-only")
    _, report = hkai_json(*args)
    page = html.unescape(html_of(*args))
    sections = re.findall(r'<section class="production" id="doc-\d+"[^>]*data-findings="(\d+)">', page)
    assert [int(n) for n in sections] == [len(m["findings"]) for m in report["manifests"] + report["waivers_files"]]
    waivers_part = page[page.index('id="doc-2-h"'):]
    assert waivers_part.startswith('id="doc-2-h"><span class="bi"><span lang="en">Reviewer waivers file</span>')
    assert "NOPE-001" in waivers_part
    claimed = page[page.index('id="doc-1-h"'):page.index('id="doc-2-h"')]
    assert "Waiver claimed by the manifest, not accepted: </span>We think English is enough" in claimed
    assert "Waived by a reviewer: </span>Press release for an overseas festival only." in claimed


def test_a_manifest_that_does_not_match_the_format_still_gets_its_page(tmp_path):
    text = MINIMAL.replace("ai_use_level: none", "ai_use_level: [high]\n  company: [1, 2]\n  jurisdictions: {a: b}")
    (tmp_path / "manifest.yaml").write_text(text)
    result = hkai_exact("check", "--format", "html", "--today", TODAY, str(tmp_path / "manifest.yaml"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "The manifest does not match the manifest format" in result.stdout
    assert "<dd>[1, 2]</dd>" in result.stdout
    assert "[&#39;high&#39;]" not in result.stdout  # a level that is not text is not declared; SCHEMA says so


def test_every_corpus_manifest_gets_a_page_or_a_located_error():
    corpus = sorted((ROOT / "tests" / "corpus" / "manifests").glob("*.yaml"))
    result = hkai_exact("check", "--format", "html", "--lang", "both", "--today", TODAY, *map(str, corpus))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stdout.count('<section class="production"') == len(corpus)


EVIDENCE = MINIMAL + """\
people: [{id: p-a, name: Chan}, {id: p-b, name: Lee}, {id: p-c, name: Ho}, {id: p-d, name: Yip}]
consents:
  - {id: c-a, person: p-a, given_by: self, signed_on: 2026-01-05, covers: [voice_clone],
     document: {ref: contracts/c-a.pdf, sha256: DIGEST}}
  - {id: c-b, person: p-b, given_by: self, signed_on: 2026-01-05, covers: [voice_clone],
     document: {ref: contracts/c-b.pdf, sha256: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa}}
  - {id: c-c, person: p-c, given_by: self, signed_on: 2026-01-05, covers: [voice_clone],
     document: {ref: contracts/nowhere.pdf}}
  - {id: c-d, person: p-d, given_by: self, signed_on: 2026-01-05, covers: [voice_clone],
     document: {ref: ../outside.pdf}}
"""


def test_evidence_status_is_shown_when_it_was_verified(tmp_path):
    import hashlib
    (tmp_path / "contracts").mkdir()
    for name in ("c-a.pdf", "c-b.pdf"):
        (tmp_path / "contracts" / name).write_bytes(b"%PDF signed consent")
    digest = hashlib.sha256(b"%PDF signed consent").hexdigest()
    manifest = tmp_path / "manifest.yaml"
    manifest.write_text(EVIDENCE.replace("DIGEST", digest), encoding="utf-8")
    page = hkai_exact("check", "--format", "html", "--today", TODAY, "--verify-evidence", str(manifest)).stdout
    table = page[page.index('<table class="scorecard evidence">'):page.index("</table>", page.index('class="scorecard evidence"'))]
    rows = [row for row in table.split("<tr")[2:]]
    assert [row.split("<code>")[1].split("</code>")[0] for row in rows] == ["c-a", "c-b", "c-c", "c-d"]
    assert 'class="evidence-ok"' in rows[0] and ">yes<" in rows[0]
    assert ">no: the file differs from the one recorded<" in rows[1]
    assert 'class="evidence-missing"' in rows[2] and ">no digest recorded<" in rows[2]
    assert 'class="evidence-outside"' in rows[3]
    # not verified: no evidence section at all; in Chinese, the words are Chinese
    assert "Consent documents" not in hkai_exact("check", "--format", "html", "--today", TODAY, str(manifest)).stdout
    zh = hkai_exact("check", "--format", "html", "--lang", "zh", "--today", TODAY, "--verify-evidence", str(manifest))
    assert "同意書文件（--verify-evidence）" in zh.stdout and ">找不到<" in zh.stdout
    # with --redact the file names are pseudonyms like every other file name
    redacted = hkai_exact("check", "--format", "html", "--today", TODAY, "--verify-evidence", "--redact", str(manifest))
    assert "c-a.pdf" not in redacted.stdout and "nowhere.pdf" not in redacted.stdout


def test_field_names_in_a_fix_are_code_and_markup_in_it_stays_text(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "house.yaml").write_text("""\
rules:
  - id: HSE-001
    principle: integrity
    severity: error
    levels: all
    title: {en: A rule, zh: 規則}
    rationale: {en: "Set `a<b>` first.", zh: "先設定 `a<b>`。"}
    message: {en: "production {production.id} has an id", zh: "製作 {production.id} 有編號"}
    fix: {en: "Set `production.title`, never <script>`x`</script> or ``.", zh: "設定 `production.title`。"}
    source: test
    check:
      require:
        production.id: {present: false}
""", encoding="utf-8")
    manifest = tmp_path / "manifest.yaml"
    manifest.write_text(MINIMAL, encoding="utf-8")
    page = hkai_exact("check", "--format", "html", "--today", TODAY, "--rules", str(pack), str(manifest)).stdout
    assert "Set <code>production.title</code>, never &lt;script&gt;<code>x</code>&lt;/script&gt; or ``." in page
    assert "Set <code>a&lt;b&gt;</code> first." in page and "<script>" not in page


def _quotes(page: str) -> dict[str, list[tuple[str, str]]]:
    """Each quote of the page by its location: (line number as shown, text) of its lines."""
    return {location: [(number.strip(), html.unescape(text)) for number, text in
                       re.findall(r'<span class="no">([^<]*)</span>([^<]*)</(?:span|mark)>', body)]
            for location, body in re.findall(r'<pre class="quote" aria-label="([^"]+)">(.*?)</pre>', page, re.S)}


def test_a_findings_quote_is_its_line_marked_between_two_lines_each_side(tmp_path):
    text = (EXAMPLES / "dragon-returns-resurrection" / "manifest.yaml").read_text(encoding="utf-8")
    (tmp_path / "manifest.yaml").write_text(text, encoding="utf-8")
    lines = text.splitlines()
    for others in ([], ["--format", "json"], ["--format", "rich"]):  # whatever the other formats of the run
        result = hkai("check", "--today", TODAY, "--format", "html", "--output", "report.html", *others,
                      "manifest.yaml", cwd=tmp_path)
        assert result.returncode == 1, result.stderr
        quote = _quotes((tmp_path / "report.html").read_text(encoding="utf-8"))["manifest.yaml:74:5"]
        assert quote == [(str(n) if n != 74 else "▶74", lines[n - 1]) for n in range(72, 77)], others


def test_a_long_quoted_line_says_how_much_is_left_out(tmp_path):
    long_title = "x" * 5000
    (tmp_path / "manifest.yaml").write_text(MINIMAL.replace("ai_use_level: none", f"ai_use_level: {long_title}"),
                                            encoding="utf-8")
    page = hkai("check", "--today", TODAY, "--format", "html", "manifest.yaml", cwd=tmp_path).stdout
    (quote,) = [lines for location, lines in _quotes(page).items() if location.startswith("manifest.yaml:")]
    (marked,) = [text for number, text in quote if number.startswith("▶")]
    assert marked.endswith(" … (+4,716)") and len(marked) < 400
