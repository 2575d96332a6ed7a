"""The HTML report in a real browser: headless Chromium (Debian's ``chromium`` package), driven
by Playwright for Python with ``executable_path`` (Playwright's own browsers are never used).

Without a browser (or Playwright, or pdftotext for the printing test) these tests skip and
say why; where ``CI`` is set they fail instead, so that CI can never pass without them.
``$HKAI_CHROMIUM`` names another Chromium; ``$HKAI_ARTEFACTS`` a folder for the screenshots
(default: a folder under pytest's temporary folder, printed in the test's output).
"""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import EXAMPLES, TODAY, hkai, hkai_json
from test_html_report import hostile_manifest

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def unavailable(reason: str):
    """Skip with ``reason``, or fail with it in CI: a browser test that did not run there is a failure."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set: the browser tests must run)", pytrace=False)
    pytest.skip(reason)


def chromium_path() -> str | None:
    named = os.environ.get("HKAI_CHROMIUM")
    if named:
        return named if os.path.exists(named) else None
    return next((found for name in CHROMIUM_NAMES if (found := shutil.which(name))), None)


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        unavailable("Playwright for Python is not installed (pip install -e '.[test]')")
    executable = chromium_path()
    if executable is None:
        unavailable("no Chromium found (apt-get install chromium fonts-noto-cjk, or set $HKAI_CHROMIUM)")
    with sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        except Error as error:
            unavailable(f"Chromium at {executable} does not start: {str(error).splitlines()[0]}")
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def artefacts(tmp_path_factory):
    folder = os.environ.get("HKAI_ARTEFACTS")
    path = Path(folder) if folder else tmp_path_factory.mktemp("browser-artefacts")
    path.mkdir(parents=True, exist_ok=True)
    return path


def write_report(path, *args: str) -> str:
    result = hkai("check", "--format", "html", "--output", str(path), "--today", TODAY, *args)
    assert result.returncode in (0, 1), result.stderr
    return path.as_uri()


class Visit:
    """A page opened in a fresh context, with every request and console message it made."""

    def __init__(self, browser, url: str, **context):
        self.context = browser.new_context(**context)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.console: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", lambda message: self.console.append(f"{message.type}: {message.text}"))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.goto(url, wait_until="load")
        self.url = url

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.context.close()


def test_no_console_message_and_no_request_but_the_page_itself(browser, tmp_path):
    url = write_report(tmp_path / "report.html", "--lang", "both", str(EXAMPLES))
    with Visit(browser, url) as visit:
        assert visit.page.locator("section.production").count() == len(list(EXAMPLES.glob("*/manifest.yaml")))
        assert visit.console == [] and visit.errors == []  # a blocked stylesheet would be a console error
        assert visit.requests == [url]
        # the stylesheet applied: the CSP allows the page's own by its hash
        assert visit.page.eval_on_selector("h1", "e => getComputedStyle(e).fontSize") == "25.6px"  # 1.6rem


def test_a_script_in_a_manifest_never_runs_and_shows_as_text(browser, tmp_path):
    url = write_report(tmp_path / "report.html", "--lang", "both", hostile_manifest(tmp_path))
    with Visit(browser, url) as visit:
        page = visit.page
        assert page.evaluate("typeof window.__hkaiPwned") == "undefined"
        assert page.evaluate("document.querySelectorAll('script, img, iframe, object, embed').length") == 0
        assert page.evaluate("[...document.links].every(a => a.getAttribute('href').startsWith('#'))")
        text = page.inner_text("body")
        assert "<script>window.__hkaiPwned = 1</script>" in text
        assert '<img src=x onerror="window.__hkaiPwned = 2">' in text
        assert "</style><style>body{display:none}</style>" in text
        assert visit.console == [] and visit.errors == [] and visit.requests == [url]


def test_the_counts_shown_equal_the_json_reports(browser, tmp_path):
    _, report = hkai_json(str(EXAMPLES))
    url = write_report(tmp_path / "report.html", str(EXAMPLES))
    with Visit(browser, url) as visit:
        shown = visit.page.evaluate("""() => [...document.querySelectorAll('section.production')].map(s => ({
            total: Number(s.dataset.findings),
            shown: s.querySelectorAll('article.finding').length,
            hidden: [...s.querySelectorAll('[data-hidden]')].reduce((n, e) => n + Number(e.dataset.hidden), 0),
            summary: s.querySelector('.summary p').innerText}))""")
    assert len(shown) == len(report["manifests"])
    for section, manifest in zip(shown, report["manifests"]):
        findings = manifest["findings"]
        assert section["total"] == len(findings)
        assert section["shown"] + section["hidden"] == len([f for f in findings if not f["baselined"] or f["waived"]])
        counting = [f for f in findings if not f["waived"] and not f["baselined"]]
        errors = sum(f["severity"] == "error" for f in counting)
        warnings = sum(f["severity"] == "warning" for f in counting)
        assert f"{errors} errors, {warnings} warnings" in section["summary"]


GLYPHS = "合規檢查報告"
NO_GLYPH = "\U0010fffd"  # a private-use code point no font draws: the browser's empty box


@pytest.mark.parametrize("lang", ["zh", "both"])
def test_chinese_renders_as_glyphs_not_empty_boxes(browser, tmp_path, lang):
    url = write_report(tmp_path / "report.html", "--lang", lang, str(EXAMPLES / "nine-heavens-animation"))
    with Visit(browser, url) as visit:
        # each character drawn in the font the page gives its Chinese text, as pixels
        drawings = visit.page.evaluate("""([glyphs, missing]) => {
            const font = getComputedStyle(document.querySelector('h1 [lang="zh-Hant-HK"]')).font;
            const draw = text => {
                const canvas = document.createElement('canvas');
                canvas.width = canvas.height = 64;
                const context = canvas.getContext('2d');
                context.font = font.replace(/\\d+(\\.\\d+)?px/, '40px');
                context.fillText(text, 4, 48);
                return Array.from(context.getImageData(0, 0, 64, 64).data.filter((_, i) => i % 4 === 3)).join(',');
            };
            return {glyphs: [...glyphs].map(draw), missing: draw(missing)};
        }""", [GLYPHS, NO_GLYPH])
        blank = ",".join(["0"] * 64 * 64)
        assert all(drawing != blank for drawing in drawings["glyphs"])
        assert len(set(drawings["glyphs"])) == len(GLYPHS)  # empty boxes would all look alike
        assert drawings["missing"] not in drawings["glyphs"]
        assert "九重天上" in visit.page.inner_text("h2")


def test_printed_to_pdf_each_production_starts_a_page(browser, tmp_path):
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        unavailable("pdftotext is not installed (apt-get install poppler-utils)")
    url = write_report(tmp_path / "report.html", "--lang", "both", str(EXAMPLES))
    with Visit(browser, url) as visit:
        titles = visit.page.eval_on_selector_all("section.production > h2", "hs => hs.map(h => h.innerText)")
        visit.page.pdf(path=str(tmp_path / "report.pdf"), format="A4", print_background=True)
    text = subprocess.run([pdftotext, "-layout", str(tmp_path / "report.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    pages = [page.strip() for page in text.split("\f") if page.strip()]
    firsts = [_words(page.splitlines()[0]) for page in pages]
    assert [_words(title) for title in titles] == [first for first in firsts if first in map(_words, titles)]
    # after the cover, a production's title is on one page only: it starts exactly one page
    productions = pages[firsts.index(_words(titles[0])):]
    assert all(sum(_words(title) in _words(page) for page in productions) == 1 for title in titles)
    assert re.search(r"\b1 / \d+\b", pages[0])  # page numbers in the page margin


def _words(text: str) -> str:
    return " ".join(text.split())


def test_keyboard_reaches_the_skip_link_and_every_production(browser, tmp_path):
    url = write_report(tmp_path / "report.html", str(EXAMPLES))
    with Visit(browser, url) as visit:
        page = visit.page
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "skip"
        reached = []
        for _ in range(7):
            page.keyboard.press("Tab")
            reached.append(page.evaluate("document.activeElement.getAttribute('href')"))
        assert sorted(reached) == sorted(f"#doc-{n}" for n in range(1, 8))
        page.keyboard.press("Enter")
        assert page.evaluate("location.hash") == reached[-1]


def test_the_page_reads_the_same_with_javascript_disabled(browser, tmp_path):
    url = write_report(tmp_path / "report.html", "--lang", "both", str(EXAMPLES))
    with Visit(browser, url) as enabled, Visit(browser, url, java_script_enabled=False) as disabled:
        assert disabled.page.inner_text("main") == enabled.page.inner_text("main")
        assert disabled.page.locator("article.finding").count() > 0


def test_screenshots_of_every_example_production(browser, tmp_path, artefacts):
    """Artefacts for people to look at; the README's screenshot is one of these (see the README)."""
    written = []
    for manifest in sorted(EXAMPLES.glob("*/manifest.yaml")):
        name = manifest.parent.name
        url = write_report(tmp_path / f"{name}.html", "--lang", "both", str(manifest))
        with Visit(browser, url, viewport={"width": 1280, "height": 900}) as visit:
            visit.page.screenshot(path=str(artefacts / f"{name}.png"), full_page=True)
            assert visit.console == [] and visit.requests == [url]
        written.append(artefacts / f"{name}.png")
    print(f"screenshots in {artefacts}")
    assert all(path.stat().st_size > 20_000 for path in written)
