"""The originality check on the task queue: a revision was saved, measure it off the request."""

from __future__ import annotations

from django_tasks import task

from .guard import run_check


@task()
def check_originality_task(revision_id: int) -> dict:
    check = run_check(revision_id)
    if check is None:
        return {"revision": revision_id, "checked": False}
    return {"revision": revision_id, "checked": True, "status": check.status, "share": check.share}
