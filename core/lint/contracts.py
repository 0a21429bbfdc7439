"""An import-linter contract: no app imports another app's private modules or names.

WHY: import-linter's layers contract keeps imports pointing down, but an app can still reach
into a lower app's internals (``from sources.ingest import _store``, ``sources.management.
commands._ingest_output``), which ties it to code the owner means to change freely. A leading
underscore is this project's (and Python's) mark for "not part of the app's interface".
import-linter's own contracts cannot express it: their module wildcards match whole segments
only (``**._*`` is not a valid expression), and no contract looks at imported names.

Configured in pyproject.toml (``[[tool.importlinter.contracts]]`` with
``type = "no_private_imports"``). Imports within one top-level package are never checked.
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import grimp
from importlinter import Contract, ContractCheck, fields, output


@dataclass(frozen=True, order=True)
class PrivateImport:
    importer: str
    imported: str
    line_number: int
    names: tuple[str, ...]  # the private names (a private module's own name included)

    def describe(self) -> str:
        return (
            f"{self.importer}:{self.line_number} imports {', '.join(self.names)} "
            f"from {self.imported}"
        )


def is_private(name: str) -> bool:
    """`_name` is private; dunders (``__init__``, ``__version__``) and ``_`` alone are not."""
    return name.startswith("_") and not name.startswith("__") and name != "_"


def private_imports(graph: grimp.ImportGraph, packages: list[str]) -> list[PrivateImport]:
    """Every import from one of `packages` of a private module or name of another of them."""
    found = []
    for importer in sorted(graph.modules):
        source = importer.split(".")[0]
        if source not in packages:
            continue
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            target = imported.split(".")[0]
            if target == source or target not in packages:
                continue
            private_segments = tuple(part for part in imported.split(".") if is_private(part))
            for detail in graph.get_import_details(importer=importer, imported=imported):
                line = detail["line_number"]
                names = private_segments or imported_private_names(importer, line)
                if names:
                    found.append(PrivateImport(importer, imported, line, names))
    return found


def imported_private_names(module: str, line_number: int) -> tuple[str, ...]:
    """Private names in the ``from … import …`` statement starting at `line_number`.

    Read from the module's syntax tree: grimp records only an import's first line, which for a
    parenthesised import holds no name at all.
    """
    for node in _import_nodes(module):
        if node.lineno == line_number:
            return tuple(alias.name for alias in node.names if is_private(alias.name))
    return ()


@cache
def _import_nodes(module: str) -> tuple[ast.ImportFrom, ...]:
    path = module_path(module)
    if path is None:
        return ()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return tuple(node for node in ast.walk(tree) if isinstance(node, ast.ImportFrom))


def module_path(module: str) -> Path | None:
    """The source file of `module`, found on sys.path without importing anything.

    (importlib's find_spec imports the parent packages, which for Django apps means models.)
    """
    parts = module.split(".")
    for entry in sys.path:
        base = Path(entry or ".").joinpath(*parts)
        for candidate in (base.with_suffix(".py"), base / "__init__.py"):
            if candidate.is_file():
                return candidate
    return None


class NoPrivateImportsContract(Contract):
    """No package in `packages` imports a private module or name of another one."""

    type_name = "no_private_imports"

    packages = fields.ListField(subfield=fields.StringField())

    def check(self, graph: grimp.ImportGraph, verbose: bool) -> ContractCheck:
        packages: list[str] = self.packages  # type: ignore[assignment]
        found = private_imports(graph, packages)
        return ContractCheck(kept=not found, metadata={"private_imports": found})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for private in check.metadata["private_imports"]:
            output.print_error(private.describe(), bold=False)
        output.new_line()
        output.print(
            "Make what is needed public in the app that owns it (drop the underscore, "
            "or offer a function, signal or registry), or move the caller into that app."
        )
