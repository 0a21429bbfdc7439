"""Test helpers for the articles app (importable by the tests of articles and every app above)."""
