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


@pytest.fixture
def write_manifest(tmp_path):
    def write(text: str, name: str = "manifest.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path
    return write
