"""Tasks for the real-process tests; ``PROBE_DIR`` (environment) is where they leave marks."""

from __future__ import annotations

import os
import time
from pathlib import Path

from django_tasks import task

BLOCK_LIMIT_SECONDS = 120  # never outlive a test run, even if nobody kills the worker


@task()
def block_until_released() -> str:
    """Block (writing ``blocking`` with the worker's pid) until ``release`` exists in PROBE_DIR.

    It stands for a long task in the middle of which a worker is killed.
    """
    probe = Path(os.environ["PROBE_DIR"])
    release = probe / "release"
    if release.exists():
        return "released"
    (probe / "blocking").write_text(str(os.getpid()))
    deadline = time.monotonic() + BLOCK_LIMIT_SECONDS
    while time.monotonic() < deadline and not release.exists():
        time.sleep(0.1)
    return "released"
