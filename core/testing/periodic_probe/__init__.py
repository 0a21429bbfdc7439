"""A test-only app for the real-process scheduler tests (``newsdesk.settings.processtest.py``).

It registers one more periodic job, ``probe.block``, that blocks until the test releases it,
so a test can SIGKILL a worker in the middle of a task and watch what happens next.
"""
