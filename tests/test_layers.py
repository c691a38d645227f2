"""The import graph of `services/` points down its layers (docs/architecture.md): the core
(`services.platform`) imports no other package of `services`, operations import only the core,
products never import the composition root (`services.app`). The arrows that still run up are
listed here; the list may only shrink."""

from __future__ import annotations

import ast

from services.platform.settings import REPO_ROOT

RANK = {"platform": 0, "operations": 1, "app": 3, "demo": 3}  # every other package of services/ is a product: 2
STILL_UP = {
    ("services.platform.migrations.env", "services.chatops"),  # Alembic needs every table
    ("services.platform.migrations.env", "services.evaluation"),
    ("services.platform.migrations.env", "services.pipelines"),
    ("services.platform.migrations.env", "services.reports"),
    ("services.platform.migrations.env", "services.strategies"),
}


def _package(module: str) -> str:
    return module.split(".")[1]


def _imports() -> set[tuple[str, str]]:
    """(importing module, imported package) for every import between packages of services/."""
    found = set()
    for path in (REPO_ROOT / "services").rglob("*.py"):
        if "versions" in path.parts:
            continue
        module = ".".join(path.relative_to(REPO_ROOT).with_suffix("").parts).removesuffix(".__init__")
        for node in ast.walk(ast.parse(path.read_text())):
            names = [node.module] if isinstance(node, ast.ImportFrom) and node.module else [a.name for a in getattr(node, "names", [])] if isinstance(node, ast.Import) else []
            for name in names:
                if name.startswith("services.") and name.count(".") >= 1 and _package(name) != _package(module):
                    found.add((module, ".".join(name.split(".")[:2])))
    return found


def test_no_import_runs_up_the_layers_but_the_listed_ones() -> None:
    up = {(module, target) for module, target in _imports() if RANK.get(_package(target), 2) > RANK.get(_package(module), 2)}
    assert up == STILL_UP, f"new: {sorted(up - STILL_UP)}; gone (remove from STILL_UP): {sorted(STILL_UP - up)}"
