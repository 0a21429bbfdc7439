"""Access to the shared, read-only test corpora in ../shared/data.

The data sits beside the repository (CI has it, a user's fresh clone does not), so tests that
need it call `shared_data_dir()` which skips the test with a clear message when it is absent.
The texts are copyrighted fixtures: read them in place, never copy them into the repository.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]


def shared_data_root() -> Path:
    """Where the shared corpora live; NEWSDESK_SHARED_DATA overrides the default ../shared/data."""
    override = os.environ.get("NEWSDESK_SHARED_DATA")
    return Path(override) if override else REPO_ROOT.parent / "shared" / "data"


def shared_data_dir(*parts: str) -> Path:
    """Path to a folder or file under shared/data, or skip the calling test when it is missing."""
    path = shared_data_root().joinpath(*parts)
    if not path.exists():
        pytest.skip(
            f"shared test data not found at {path}: clone next to ../shared or set "
            "NEWSDESK_SHARED_DATA to run this test"
        )
    return path
