"""The registry of periodic jobs: every app adds its own in ``AppConfig.ready``.

WHY a registry in the lowest layer: the scheduler (``core/scheduler.py``, run by
``manage.py run_scheduler``) must know every periodic job without importing the apps that own
them, so ``sources`` (feed polling), ``search`` ("Don't Miss" refresh) and whatever comes later
each add one line here and the scheduler stays unchanged.

A job is a django-tasks ``Task`` taking no arguments plus how often it should run; the scheduler
only enqueues it, a ``db_worker`` runs it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django_tasks.base import Task

IntervalSource = timedelta | Callable[[], timedelta]


@dataclass(frozen=True)
class PeriodicJob:
    """One registered job; ``interval`` may be a callable so settings are read at each tick."""

    name: str
    task: Task
    interval_source: IntervalSource
    description: str = ""

    @property
    def interval(self) -> timedelta:
        source = self.interval_source
        value = source() if callable(source) else source
        # Never more often than once a second: a zero interval would enqueue on every tick.
        return max(value, timedelta(seconds=1))


_registry: dict[str, PeriodicJob] = {}


def register_periodic_job(
    name: str, interval: IntervalSource, task: Task, *, description: str = ""
) -> PeriodicJob:
    """Add (or, for the same task, replace) a periodic job; returns it.

    Registering another task under a name already taken is a programming error: two apps
    would silently share one schedule and one "last run" record.
    """
    if len(name) > 100:
        raise ValueError(f"periodic job name longer than 100 characters: {name!r}")
    existing = _registry.get(name)
    if existing is not None and existing.task.module_path != task.module_path:
        raise ValueError(
            f"periodic job {name!r} is already registered for {existing.task.module_path}"
        )
    job = PeriodicJob(name=name, task=task, interval_source=interval, description=description)
    _registry[name] = job
    return job


def unregister_periodic_job(name: str) -> None:
    """Remove a job (tests; an app that turns a job off by setting)."""
    _registry.pop(name, None)


def periodic_jobs() -> list[PeriodicJob]:
    """Every registered job, in name order (a stable order for ticks and reports)."""
    return [_registry[name] for name in sorted(_registry)]


def seconds_setting(name: str) -> Callable[[], timedelta]:
    """An interval read from a Django setting (seconds; its default is in settings/base.py)
    at each use, so ``settings`` overrides apply."""

    def interval() -> timedelta:
        from django.conf import settings

        return timedelta(seconds=float(getattr(settings, name)))

    return interval
