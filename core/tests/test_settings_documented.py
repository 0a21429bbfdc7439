"""Every NEWSDESK_* name the code reads is defined once in settings/base.py and documented.

WHY: an operator learns what can be set from docs/deployment.md, and a default written in two
places (a module's `getattr(settings, NAME, default)` and base.py) drifts. This reads the source
rather than importing it, so a name used only on a rare path is found too.
"""

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BASE = REPO / "newsdesk" / "settings" / "base.py"
DOC = REPO / "docs" / "deployment.md"
SKIP_DIRS = {".venv", ".git", "var", "node_modules", "migrations", "__pycache__"}

NAME = r"NEWSDESK_[A-Z0-9_]+"
ANY_NAME = re.compile(rf"\b({NAME})\b")
# Ways code reads a Django setting: settings.NAME, getattr(settings, "NAME"...), a setting
# name handed to a helper that reads it (core.scheduling.seconds_setting), test overrides.
SETTING_READS = [
    re.compile(rf"settings\.({NAME})\b"),
    re.compile(rf"getattr\(\s*settings\s*,\s*[\"']({NAME})[\"']"),
    re.compile(rf"seconds_setting\(\s*[\"']({NAME})[\"']"),
    re.compile(rf"override_settings\([^)]*\b({NAME})\s*="),
]
SECOND_DEFAULT = re.compile(rf"getattr\(\s*settings\s*,\s*[\"']{NAME}[\"']\s*,")


def python_sources():
    for path in REPO.rglob("*.py"):
        relative = path.relative_to(REPO)
        if SKIP_DIRS.intersection(relative.parts) or path == Path(__file__).resolve():
            continue
        yield relative, path.read_text(encoding="utf-8")


def names_read() -> tuple[set[str], set[str]]:
    """(every NEWSDESK_* name in the code, those read as Django settings)."""
    every, as_settings = set(), set()
    for _relative, text in python_sources():
        # A name ending in "_" is a prefix in prose ("NEWSDESK_HTTP_*"), not a name.
        every |= {name for name in ANY_NAME.findall(text) if not name.endswith("_")}
        for pattern in SETTING_READS:
            as_settings |= set(pattern.findall(text))
    return every, as_settings


def test_the_scan_finds_the_settings_we_know():
    every, as_settings = names_read()
    assert {"NEWSDESK_FRAGMENT_TTL", "NEWSDESK_SEARCH_RATE_LIMIT"} <= as_settings
    assert "NEWSDESK_SHARED_DATA" in every - as_settings  # an environment variable of the tests


def test_every_name_read_is_documented_in_deployment_md():
    every, _ = names_read()
    documented = set(re.findall(rf"`({NAME})`", DOC.read_text(encoding="utf-8")))
    assert sorted(every - documented) == []


def test_every_setting_read_is_defined_in_base_py():
    _, as_settings = names_read()
    defined = set(re.findall(rf"^({NAME})\s*=", BASE.read_text(encoding="utf-8"), re.MULTILINE))
    assert sorted(as_settings - defined) == []


def test_no_module_repeats_a_default():
    repeated = [
        str(relative)
        for relative, text in python_sources()
        if SECOND_DEFAULT.search(text) and relative.parts[0] != "newsdesk"
    ]
    assert repeated == []
