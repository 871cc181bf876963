"""The shape rules of docs/architecture.md that import-linter cannot check.

Each rule has a list of the places that still break it (issue 13's debt). The list may only shrink: a test
fails when a listed place no longer breaks the rule, so the entry must go.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "fieldapp"
MAX_LINES = 450

# file → its length today; to split (issue 13).
TOO_LONG: dict[str, int] = {}

# (importing module, imported private name) still to be made public or moved (issue 13).
PRIVATE_IMPORTS: set[tuple[str, str]] = set()

# front-end modules that still reach the database directly (issue 13).
DIRECT_DATA_ACCESS: set[str] = set()


def sources() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def test_no_module_is_longer_than_450_lines() -> None:
    long = {rel(p): n for p in sources() if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    grown = {f: n for f, n in long.items() if f not in TOO_LONG or n > TOO_LONG[f]}
    assert not grown, f"over {MAX_LINES} lines (split the module): {grown}"
    fixed = set(TOO_LONG) - set(long)
    assert not fixed, f"now short enough, remove from TOO_LONG: {sorted(fixed)}"


def private_imports(path: Path) -> set[tuple[str, str]]:
    """Private names (one leading underscore) this module takes from another fieldapp module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = module_name(path)
    found: set[tuple[str, str]] = set()
    modules: dict[str, str] = {}  # local alias → fieldapp module
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("fieldapp"):
            for alias in node.names:
                target = f"{node.module}.{alias.name}"
                modules[alias.asname or alias.name] = target
                if alias.name.startswith("_") and not alias.name.startswith("__") and node.module != here:
                    found.add((here, f"{node.module}.{alias.name}"))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("fieldapp"):
                    modules[alias.asname or alias.name.split(".")[0]] = alias.name
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in modules
                and node.attr.startswith("_") and not node.attr.startswith("__")):
            owner = modules[node.value.id]
            if owner != here and (PACKAGE.parent / (owner.replace(".", "/") + ".py")).exists():
                found.add((here, f"{owner}.{node.attr}"))
    return found


def test_no_module_uses_another_modules_private_names() -> None:
    found = set().union(*(private_imports(p) for p in sources()))
    new = found - PRIVATE_IMPORTS
    assert not new, f"private names used across modules (make them public or move them): {sorted(new)}"
    gone = PRIVATE_IMPORTS - found
    assert not gone, f"no longer used, remove from PRIVATE_IMPORTS: {sorted(gone)}"


# A backup file's extension (fieldapp-….sqlite3, *.sqlite3) names a file, not the database module.
DATA_ACCESS = re.compile(r"\bstore\.|\.execute\(|(?<!\.)\bsqlite3?\b|\.query\(|\.scalar\(")


def front_end_sources() -> list[Path]:
    return [p for p in sources() if rel(p).startswith(("fieldapp/ui/", "fieldapp/cli/", "fieldapp/server/"))]


def test_front_ends_never_touch_the_database() -> None:
    touching = {rel(p) for p in front_end_sources() if DATA_ACCESS.search(p.read_text(encoding="utf-8"))}
    new = touching - DIRECT_DATA_ACCESS
    assert not new, f"front ends must call a service instead of reading or writing the store: {sorted(new)}"
    gone = DIRECT_DATA_ACCESS - touching
    assert not gone, f"no longer touching the store, remove from DIRECT_DATA_ACCESS: {sorted(gone)}"


@pytest.mark.parametrize("path", sources(), ids=rel)
def test_every_module_says_what_it_is_for(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    if tree.body:
        assert ast.get_docstring(tree), f"{rel(path)} has no module docstring"
