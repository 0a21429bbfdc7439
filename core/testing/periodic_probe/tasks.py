"""Tasks for the real-process tests; ``PROBE_DIR`` (environment) is where they leave marks."""

from __future__ import annotations

import os
import time
from pathlib import Path

from django_tasks import task

BLOCK_LIMIT_SECONDS = 120  # never outlive a test run, even if nobody kills the worker


@task()
def block_first_run() -> str:
    """First run (per PROBE_DIR): write ``blocking`` and wait to be killed; later runs return."""
    probe = Path(os.environ["PROBE_DIR"])
    marker = probe / "blocking"
    if marker.exists():
        (probe / "resumed").touch()
        return "resumed"
    marker.write_text(str(os.getpid()))
    deadline = time.monotonic() + BLOCK_LIMIT_SECONDS
    while time.monotonic() < deadline and not (probe / "release").exists():
        time.sleep(0.1)
    return "released"
