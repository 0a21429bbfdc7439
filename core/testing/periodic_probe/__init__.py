"""A test-only app for the real-process scheduler tests (``core/testing/process_settings.py``).

It registers one more periodic job, ``probe.block``, whose first run blocks until its worker is
killed, so a test can SIGKILL a worker in the middle of a task and watch what happens next.
"""
