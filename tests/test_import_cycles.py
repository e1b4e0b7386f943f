"""No import cycle in src/claimlint, type imports and imports inside functions included.

A cycle hidden behind ``if TYPE_CHECKING:`` or a lazy import still means two modules
each need the other to be understood; the stages (readers → language → knowledge →
judges → engine → run → formatters, commands) only work as a data flow if none exists.
Every ``import`` and ``from … import`` anywhere in a module counts; a package's
``__init__`` is a module of its own.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = "claimlint"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts)  # a package's __init__ keeps its "__init__" part: its own node


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted((SRC / PACKAGE).rglob("*.py"))}


def resolve(name: str, known: dict[str, Path]) -> str | None:
    """The module node ``name`` refers to: the module itself, or the package's __init__."""
    if name in known:
        return name
    if f"{name}.__init__" in known:
        return f"{name}.__init__"
    return None


def imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """Every claimlint module that ``name`` imports, wherever the statement stands."""
    package = name.rsplit(".", 1)[0] if not name.endswith(".__init__") else name.removesuffix(".__init__")
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                origin = ".".join([*base, *([node.module] if node.module else [])])
            else:
                origin = node.module or ""
            # "from pkg import module" imports that module; "from module import name" the module.
            targets = [f"{origin}.{alias.name}" if resolve(f"{origin}.{alias.name}", known) else origin for alias in node.names]
        else:
            continue
        for target in targets:
            if target == PACKAGE or target.startswith(PACKAGE + "."):
                node_name = resolve(target, known)
                if node_name is not None and node_name != name:
                    found.add(node_name)
    return found


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports(name, path, known) for name, path in known.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_the_cycle_finder_finds_a_cycle_through_type_imports(tmp_path):
    """The test below can fail: a type-only import closing a loop is reported."""
    package = tmp_path / "src" / PACKAGE
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from claimlint.b import B\n")
    (package / "b.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from claimlint import a\nB = 1\n")
    (package / "c.py").write_text("def f():\n    from . import a\n")
    known = {module_name_in(tmp_path / "src", p): p for p in sorted(package.rglob("*.py"))}
    edges = {name: imports(name, path, known) for name, path in known.items()}
    assert edges["claimlint.c"] == {"claimlint.a"}
    assert cycles(edges) == [["claimlint.a", "claimlint.b"]]


def module_name_in(src: Path, path: Path) -> str:
    return ".".join(path.relative_to(src).with_suffix("").parts)


def test_no_import_cycle_in_claimlint():
    found = cycles(graph())
    assert not found, "import cycles: " + "; ".join(" <-> ".join(c) for c in found)


def test_judges_never_import_the_engine():
    edges = graph()
    judges = [name for name in edges if name.startswith("claimlint.judges.")]
    assert judges
    assert not [name for name in judges if "claimlint.engine" in edges[name]]
