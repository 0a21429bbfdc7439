"""Progress bars for long-running management commands, one look for all of them.

Commands show progress with rich (brief: "long-running commands show progress and a summary");
this keeps the columns in one place so every command's bar reads the same.
"""

from __future__ import annotations

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn


def progress_bar(console: Console) -> Progress:
    """A description, a bar, done/total and the time remaining, written to `console`."""
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
    )
