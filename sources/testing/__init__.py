"""Test helpers for the sources app (importable by the tests of sources and every app above)."""
