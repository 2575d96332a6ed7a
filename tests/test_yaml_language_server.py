"""yaml-language-server, the YAML engine of VS Code's YAML extension and of many other
editors, checks what `hkai init` writes as a user's editor would: it follows the starter's
modeline to the schema written beside it, and flags the TODO placeholders (and a mistake)
on their lines, with the schema's words; a real production's manifest, given the same
modeline, gets nothing.

The server is an npm package (``yaml-language-server``, pinned in ``.ci/run``). It is found
at ``$HKAI_YAML_LANGUAGE_SERVER`` or as ``yaml-language-server`` on the PATH. Without it
these tests skip and say why; where ``CI`` is set they fail instead, so that CI can never
pass without them. The tests speak the Language Server Protocol to it (JSON-RPC over its
standard input and output), with the online schema store off: nothing is fetched.
"""

import json
import os
import queue
import shutil
import subprocess
import threading
import time

import jsonschema
import pytest
import yaml

from conftest import EXAMPLES, hkai

from test_init_schema import MANIFEST_SCHEMA as SCHEMA_FILE, TextDates

SETTINGS = {"yaml": {"validate": True, "schemaStore": {"enable": False}, "format": {"enable": False}}}
TIMEOUT = 30    # seconds for any one answer; a healthy server needs well under one


class LanguageServer:
    """A minimal Language Server Protocol client of one yaml-language-server process."""

    def __init__(self, command: str, log):
        self.log = log
        with log.open("wb") as errors:
            self.process = subprocess.Popen([command, "--stdio"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                            stderr=errors)
        self.messages: queue.Queue = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def start(self, root) -> None:
        """The handshake of an editor opening the folder ``root``, then its settings."""
        root_uri = root.as_uri()
        self.request("initialize", {
            "processId": os.getpid(), "rootUri": root_uri,
            "workspaceFolders": [{"uri": root_uri, "name": root.name}],
            "capabilities": {"workspace": {"configuration": True},
                             "textDocument": {"publishDiagnostics": {}}}})
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": SETTINGS})

    def _read(self) -> None:
        """Put each message the server sends on the queue; None when its output ends."""
        stream = self.process.stdout
        try:
            while True:
                headers = {}
                while (line := stream.readline().decode("ascii").strip()):
                    name, _, value = line.partition(":")
                    headers[name.strip().lower()] = value.strip()
                if not headers:
                    break
                self.messages.put(json.loads(stream.read(int(headers["content-length"])).decode("utf-8")))
        finally:
            self.messages.put(None)

    def _send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        try:
            self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            self.process.stdin.flush()
        except OSError as error:
            self._fail(f"stopped reading ({error})")

    def notify(self, method: str, params: dict | None) -> None:
        self._send({"method": method, "params": params})

    def request(self, method: str, params: dict | None):
        self.next_id += 1
        self._send({"id": self.next_id, "method": method, "params": params})
        return self._wait(lambda message: message.get("id") == self.next_id and "method" not in message)["result"]

    def diagnostics_of(self, path) -> list:
        """Open ``path`` as an editor does and return the diagnostics the server publishes for it."""
        uri = path.as_uri()
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "yaml", "version": 1, "text": path.read_text(encoding="utf-8")}})
        published = self._wait(lambda message: message.get("method") == "textDocument/publishDiagnostics"
                               and message["params"]["uri"] == uri)
        self.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        return published["params"]["diagnostics"]

    def _wait(self, wanted) -> dict:
        """The first message ``wanted`` accepts, answering the server's own requests meanwhile."""
        deadline = time.monotonic() + TIMEOUT
        while True:
            try:
                message = self.messages.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                self._fail(f"gave no answer within {TIMEOUT} s")
            if message is None:
                self._fail(f"stopped (exit code {self.process.poll()})")
            if wanted(message):
                return message
            if "id" in message and "method" in message:
                self._send({"id": message["id"], "result": self._answer(message)})

    def _fail(self, what: str) -> None:
        said = self.log.read_text(encoding="utf-8", errors="replace")[-2000:]
        pytest.fail(f"yaml-language-server {what}; it said:\n{said}", pytrace=False)

    @staticmethod
    def _answer(request: dict):
        """The client's answer to a request of the server: its settings when asked, else nothing."""
        if request["method"] == "workspace/configuration":
            return [SETTINGS.get(item.get("section", ""), None) for item in request["params"]["items"]]
        return None

    def stop(self) -> None:
        try:
            if self.process.poll() is None:
                self.request("shutdown", None)
                self.notify("exit", None)
                self.process.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired, pytest.fail.Exception):
            pass
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()


@pytest.fixture(scope="module")
def language_server(tmp_path_factory):
    command = os.environ.get("HKAI_YAML_LANGUAGE_SERVER") or shutil.which("yaml-language-server")
    if not command:
        reason = ("yaml-language-server is not installed (npm install yaml-language-server@1.25.0, then set "
                  "HKAI_YAML_LANGUAGE_SERVER to node_modules/.bin/yaml-language-server)")
        if os.environ.get("CI"):
            pytest.fail(f"{reason} (CI is set: the yaml-language-server test must run)", pytrace=False)
        pytest.skip(reason)
    root = tmp_path_factory.mktemp("editor")
    language_server = LanguageServer(command, root / "yaml-language-server.log")
    try:
        language_server.start(root)
        yield language_server
    finally:
        language_server.stop()

MANIFEST_SCHEMA = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
FROM_THE_SCHEMA = f"yaml-schema: {MANIFEST_SCHEMA['title']}"   # the source the server names
MODELINE = "# yaml-language-server: $schema=manifest.schema.json\n"


def _line_of(node, path) -> int:
    """The (0-based) line of the YAML node at a JSON path, as the document's text has it."""
    for step in path:
        if isinstance(node, yaml.MappingNode):
            node = next(value for key, value in node.value if key.value == step)
        else:
            node = node.value[step]
    return node.start_mark.line


def _schema_error_lines(text: str) -> set:
    """The lines where the schema, applied by the jsonschema library, refuses a value."""
    validator_class = jsonschema.validators.validator_for(MANIFEST_SCHEMA)
    validator = validator_class(MANIFEST_SCHEMA, format_checker=validator_class.FORMAT_CHECKER)
    tree = yaml.compose(text, Loader=TextDates)
    return {_line_of(tree, error.absolute_path) for error in validator.iter_errors(yaml.load(text, Loader=TextDates))}


def _flagged(diagnostics: list, text: str) -> dict:
    """Each line the server flags, with the text under its marks and their messages."""
    lines, flagged = text.splitlines(), {}
    for diagnostic in diagnostics:
        start, end = diagnostic["range"]["start"], diagnostic["range"]["end"]
        assert start["line"] == end["line"], diagnostic
        marked = lines[start["line"]][start["character"]:end["character"]]
        flagged.setdefault(start["line"], []).append((marked, diagnostic["message"]))
    return flagged


def _starter(tmp_path, lang="en"):
    result = hkai("init", str(tmp_path / "film"), "--level", "medium", "--lang", lang)
    assert result.returncode == 0, result.stderr
    return tmp_path / "film" / "manifest.yaml"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_editor_follows_the_modeline_and_flags_exactly_the_placeholders_the_schema_refuses(language_server, tmp_path, lang):
    starter = _starter(tmp_path, lang)
    text = starter.read_text(encoding="utf-8")
    diagnostics = language_server.diagnostics_of(starter)

    flagged = _flagged(diagnostics, text)
    assert set(flagged) == _schema_error_lines(text)
    assert len(flagged) >= 10
    assert all(marked == "TODO" for marks in flagged.values() for marked, _ in marks), flagged
    assert {(d["severity"], d["source"]) for d in diagnostics} == {(1, FROM_THE_SCHEMA)}
    release_date = next(number for number, line in enumerate(text.splitlines()) if "release_date: TODO" in line)
    assert ("TODO", "String is not a RFC3339 date.") in flagged[release_date]

    # without its modeline, the same text is checked against nothing: the modeline brings the schema
    unpointed = starter.with_name("unpointed.yaml")
    unpointed.write_text(text.removeprefix(MODELINE), encoding="utf-8")
    assert language_server.diagnostics_of(unpointed) == []


PRODUCTION = MANIFEST_SCHEMA["$defs"]["Production"]["properties"]
MISTAKES = {
    "a level that is not one": (("ai_use_level: medium", "ai_use_level: extreme"), "Value is not accepted. Valid values: "
                                + ", ".join(f'"{level}"' for level in PRODUCTION["ai_use_level"]["enum"]) + "."),
    "one place for a list": (("jurisdictions: [HK]", "jurisdictions: HK"), 'Incorrect type. Expected "array".'),
    "a place that is no code": (("jurisdictions: [HK]", "jurisdictions: [Hong Kong]"),
                                f'String does not match the pattern of "{PRODUCTION["jurisdictions"]["items"]["pattern"]}".'),
}


@pytest.mark.parametrize("mistake, expected", MISTAKES.values(), ids=MISTAKES.keys())
def test_a_mistake_in_the_starter_is_flagged_on_its_line_with_the_schema_s_words(language_server, tmp_path, mistake, expected):
    starter = _starter(tmp_path)
    text = starter.read_text(encoding="utf-8").replace(*mistake, 1)
    starter.write_text(text, encoding="utf-8")
    wrong_line = next(number for number, line in enumerate(text.splitlines()) if mistake[1] in line)

    flagged = _flagged(language_server.diagnostics_of(starter), text)
    assert [message for marked, message in flagged[wrong_line]] == [expected]
    assert set(flagged) == _schema_error_lines(text)
    assert all(marked == "TODO" for number, marks in flagged.items() if number != wrong_line for marked, _ in marks)


@pytest.mark.parametrize("production", sorted(path.name for path in EXAMPLES.iterdir() if (path / "manifest.yaml").is_file()))
def test_a_filled_in_manifest_pointed_at_the_schema_has_nothing_flagged(language_server, tmp_path, production):
    shutil.copyfile(SCHEMA_FILE, tmp_path / "manifest.schema.json")
    manifest = tmp_path / "manifest.yaml"
    text = MODELINE + (EXAMPLES / production / "manifest.yaml").read_text(encoding="utf-8")
    manifest.write_text(text, encoding="utf-8")
    assert language_server.diagnostics_of(manifest) == []

    # the schema was read, not missed: one key it does not allow, and that line is flagged
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text(text + "budget: 1000000\n", encoding="utf-8")
    (diagnostic,) = language_server.diagnostics_of(wrong)
    assert diagnostic["range"]["start"]["line"] == len(text.splitlines())
    assert diagnostic["message"] == "Property budget is not allowed."
