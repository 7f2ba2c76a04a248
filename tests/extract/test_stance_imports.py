"""The stance package has no import cycle, hidden or not: each module imports on its own in a fresh
interpreter (its package's ``__init__`` not run first, so that the module's own imports decide the order),
and no module is on a cycle of the package's imports, the function-level ones counted (issue 26)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest
import quotegraph.extract.stance as stance_package

PACKAGE = "quotegraph.extract.stance"
FOLDER = Path(stance_package.__file__).parent
MODULES = sorted(p.stem for p in FOLDER.glob("*.py") if p.stem != "__init__")
ALONE = f"""
import importlib.util, sys, types
spec = importlib.util.find_spec({PACKAGE!r})
package = types.ModuleType({PACKAGE!r})
package.__path__ = list(spec.submodule_search_locations)
sys.modules[{PACKAGE!r}] = package
import importlib
importlib.import_module(sys.argv[1])
"""


def _imports(module: str) -> set[str]:
    """The package's modules that ``module`` imports anywhere in its code (functions included)."""
    tree = ast.parse((FOLDER / f"{module}.py").read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
        elif isinstance(node, ast.ImportFrom) and node.level:
            base = ".".join(PACKAGE.split(".")[: len(PACKAGE.split(".")) - node.level + 1])
            full = f"{base}.{node.module}" if node.module else base
            names = [full, *(f"{full}.{a.name}" for a in node.names)]
        else:
            continue
        out |= {n.removeprefix(PACKAGE + ".") for n in names if n.startswith(PACKAGE + ".")}
    return out & set(MODULES)


def _cycle_through(start: str) -> list[str] | None:
    """An import path from ``start`` back to itself, or None."""
    graph = {m: _imports(m) for m in MODULES}
    stack = [(start, [start])]
    seen: set[str] = set()
    while stack:
        here, path = stack.pop()
        for nxt in sorted(graph[here]):
            if nxt == start:
                return [*path, start]
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, [*path, nxt]))
    return None


def test_stance_imports_the_modules_are_found():
    assert {"base", "llm", "nli", "registry", "rules", "shots", "topics"} <= set(MODULES)


@pytest.mark.parametrize("module", MODULES)
def test_stance_imports_no_module_is_on_a_cycle(module):
    assert _cycle_through(module) is None


@pytest.mark.slow
def test_stance_imports_each_module_alone_in_a_fresh_interpreter():
    runs = {
        m: subprocess.Popen(
            [sys.executable, "-c", ALONE, f"{PACKAGE}.{m}"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for m in MODULES
    }
    failed = {}
    for m, run in runs.items():
        _, err = run.communicate(timeout=120)
        if run.returncode:
            failed[m] = err.strip().splitlines()[-1]
    assert not failed
