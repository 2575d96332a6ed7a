import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "projects"
TODAY = "2026-11-25"

MINIMAL = """\
manifest_version: 1
production:
  id: demo
  title: {en: Demo, zh: 示範}
  type: feature_film
  release_date: 2026-05-01
  ai_use_level: none
"""


def hkai(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the real command line, as a user would."""
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    full_env.pop("HKAI_LANG", None) if env is None or "HKAI_LANG" not in env else None
    return subprocess.run([sys.executable, "-m", "checker", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, env=full_env, timeout=120)


def hkai_json(*args: str, **kwargs) -> tuple[int, dict]:
    result = hkai("check", "--format", "json", "--today", TODAY, *args, **kwargs)
    assert result.stdout, result.stderr
    return result.returncode, json.loads(result.stdout)


def strict_json(text: str):
    """Parse ``text`` as RFC 8259 JSON: no NaN, Infinity or -Infinity."""
    def refuse(constant):
        raise ValueError(f"not JSON: {constant}")
    return json.loads(text, parse_constant=refuse)


def run_bytes(*args, cwd=ROOT):
    """Run hkai and keep its output as bytes, to see exactly what reaches a terminal."""
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("HKAI_LANG", None)
    return subprocess.run([sys.executable, "-m", "checker", *args], capture_output=True, env=env,
                          timeout=120, cwd=cwd)


def unwrapped(text: str) -> str:
    """A report's text with its line wrapping undone (the terminal report wraps at 80 columns when piped)."""
    return " ".join(text.split())


def hkai_exact(*args, cwd=ROOT):
    """Run hkai; its output decoded as strict UTF-8 with nothing translated (``text=True``
    would turn a carriage return into a newline and hide it)."""
    result = run_bytes(*args, cwd=cwd)
    result.stdout, result.stderr = result.stdout.decode("utf-8"), result.stderr.decode("utf-8")
    return result


# What must never reach a terminal as itself: escape, carriage return, bell, bidi override,
# zero-width space and joiner, word joiner, byte-order mark.
RAW_CONTROLS = ("\x1b", "\r", "\x07", "\u202e", "\u200b", "\u200d", "\u2060", "\ufeff")


def assert_no_raw_controls(*streams: str) -> None:
    for stream in streams:
        found = [repr(character) for character in RAW_CONTROLS if character in stream]
        assert not found, f"raw {', '.join(found)} in {stream[:2000]!r}"


@pytest.fixture
def write_manifest(tmp_path):
    def write(text: str, name: str = "manifest.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path
    return write
