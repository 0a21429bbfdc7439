"""Helpers shared by the test suites of every app (fixtures data, fake servers, factories)."""
