pytest_plugins = ["core.testing.fixtures", "core.testing.browser"]
