"""The custom import-linter contract (core/lint/contracts.py) on a package tree of its own."""

import textwrap

import grimp
import pytest

from core.lint.contracts import (
    NoPrivateImportsContract,
    is_private,
    module_path,
    private_imports,
)

FILES = {
    "low/__init__.py": "",
    "low/_internal.py": "def helper(): pass\n",
    "low/api.py": "def public(): pass\n_hidden = 1\n",
    "low/own.py": "from ._internal import helper\nfrom .api import _hidden\n",
    "high/__init__.py": "",
    "high/ok.py": "from low.api import public\nfrom low import api\n",
    "high/module.py": "from low._internal import helper\n",
    "high/name.py": "from low.api import (\n    public,\n    _hidden,\n)\n",
}


@pytest.fixture
def graph(tmp_path, monkeypatch):
    for name, text in FILES.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    monkeypatch.syspath_prepend(str(tmp_path))
    return grimp.build_graph("low", "high", cache_dir=None)


def test_private_modules_and_names_of_another_package_are_found(graph):
    found = {(p.importer, p.imported, p.names) for p in private_imports(graph, ["low", "high"])}
    assert found == {
        ("high.module", "low._internal", ("_internal",)),
        # A parenthesised import: grimp records only its first line, the tree has the names.
        ("high.name", "low.api", ("_hidden",)),
    }


def test_a_package_may_use_its_own_private_modules(graph):
    assert not [p for p in private_imports(graph, ["low", "high"]) if p.importer.startswith("low")]


def test_packages_outside_the_list_are_not_checked(graph):
    assert private_imports(graph, ["low"]) == []


def test_the_contract_reports_broken_and_kept(graph):
    broken = NoPrivateImportsContract("t", {}, {"packages": ["low", "high"]}).check(graph, False)
    assert not broken.kept
    assert len(broken.metadata["private_imports"]) == 2
    kept = NoPrivateImportsContract("t", {}, {"packages": ["low"]}).check(graph, False)
    assert kept.kept


def test_what_counts_as_private():
    assert is_private("_store")
    assert not is_private("__init__")
    assert not is_private("__version__")
    assert not is_private("_")
    assert not is_private("public")


def test_module_paths_are_found_without_importing(graph, tmp_path):
    assert module_path("high.module") == tmp_path / "high" / "module.py"
    assert module_path("low") == tmp_path / "low" / "__init__.py"
    assert module_path("low.missing") is None
