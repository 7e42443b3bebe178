"""The pipeline stages do not import each other, and only the CLI knows about typer (import-linter's
contracts, checked with the standard library's ast so the suite needs no extra tool)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "reporter"
STAGES = ("readers", "extractor", "writers")


def _imports(path: Path) -> set[str]:
    """Absolute module names a file imports (relative imports resolved against the package)."""
    module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
    if module.endswith(".__init__"):
        module = module[: -len(".__init__")]
        package = module
    else:
        package = module.rsplit(".", 1)[0]
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            names.add(target)
            names.update(f"{target}.{alias.name}" for alias in node.names)
    return names


@pytest.mark.parametrize("stage", STAGES)
def test_stages_do_not_import_each_other(stage):
    others = [f"reporter.{s}" for s in STAGES if s != stage]
    for path in (PACKAGE / stage).rglob("*.py"):
        for name in _imports(path):
            assert not any(name == o or name.startswith(o + ".") for o in others), f"{path}: imports {name}"


def test_only_the_cli_knows_typer():
    for path in PACKAGE.rglob("*.py"):
        if "cli" in path.relative_to(PACKAGE).parts or path.name == "__main__.py":  # the command line
            continue
        for name in _imports(path):
            assert not (name == "typer" or name.startswith("typer.")), f"{path}: imports {name}"
            assert not name.startswith("reporter.cli"), f"{path}: imports {name}"


def test_no_module_is_over_600_lines() -> None:
    """A module that grows past 600 lines is split by topic (docs/开发.md), not left to grow."""
    long = {
        str(p.relative_to(ROOT)): n
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 600
    }
    assert not long, f"modules over 600 lines: {long}"
