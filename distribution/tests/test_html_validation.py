"""Reader pages pass the Nu HTML Checker (vnu) with zero errors.

vnu is a Java program shipped in the `vnu-jar` npm package; install it with
`npm install --prefix var/node vnu-jar` (var/ is git-ignored) or point NEWSDESK_VNU_JAR at the jar.
Missing Java or vnu fails the test under CI (env CI set) and skips it elsewhere.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

INSTALL_HINT = "install it with: npm install --prefix var/node vnu-jar"
DEFAULT_JAR = Path(settings.BASE_DIR) / "var/node/node_modules/vnu-jar/build/dist/vnu.jar"


def unavailable(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"HTML validation cannot run under CI: {reason}")
    pytest.skip(f"HTML validation skipped: {reason}")


def vnu_command() -> list[str]:
    java = shutil.which("java")
    if java is None:
        unavailable("no `java` on PATH (Debian: apt-get install default-jre-headless)")
    jar = Path(os.environ.get("NEWSDESK_VNU_JAR", DEFAULT_JAR))
    if not jar.is_file():
        unavailable(f"vnu.jar not found at {jar}; {INSTALL_HINT}")
    return [java, "-Xss1024k", "-jar", str(jar)]


def run_vnu(command: list[str], files: list[Path]) -> list[dict]:
    """All messages vnu reports for the files (it prints its JSON report on stderr)."""
    result = subprocess.run(  # noqa: S603 - fixed argv: java, the jar and our own temp files
        [*command, "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    try:
        return json.loads(result.stderr)["messages"]
    except (json.JSONDecodeError, KeyError) as error:
        raise AssertionError(
            f"vnu gave no JSON report (exit {result.returncode}): {result.stderr[:2000]}"
        ) from error


def test_reader_pages_have_no_html_errors(client, newsroom, tmp_path):
    command = vnu_command()
    pages = {
        "home-en": "/en/",
        "home-ru": "/ru/",
        "section-en": "/en/world/",
        "section-ru": "/ru/world/",
        "article-en": newsroom["port_en"].url,
        "article-ru": newsroom["port_ru"].url,
        "article-no-image": newsroom["budget_en"].url,
        "tag-en": "/en/tags/transport/",
        "search-en": "/en/search/?q=port",
        "search-ru-empty": "/ru/search/",
    }
    files = []
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, (name, url, response.status_code)
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.content)
        files.append(path)

    messages = run_vnu(command, files)
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
    report = "\n".join(
        f"{Path(m.get('url', '')).name}:{m.get('lastLine', '?')}: {m.get('message')} "
        f"[{m.get('extract', '').strip()}]"
        for m in errors
    )
    assert not errors, f"vnu found {len(errors)} error(s):\n{report}"
    checked = {Path(m.get("url", "")).name for m in messages}
    assert checked <= {f.name for f in files}
