"""Every command has help with an example, and README shows it (sqlite-utils' documentation tests)."""

from __future__ import annotations

import pytest
from typer.main import get_command

from reporter.cli import app
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
# the user documentation: README and docs/*.md (a command documented in docs/ until README links it)
USER_DOCS = README + "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").glob("*.md")))


def _commands():
    root = get_command(app)
    for name, cmd in root.commands.items():
        if hasattr(cmd, "commands"):
            for sub_name, sub in cmd.commands.items():
                yield f"{name} {sub_name}", sub
        else:
            yield name, cmd


@pytest.mark.parametrize("name,cmd", list(_commands()), ids=lambda x: x if isinstance(x, str) else "")
def test_command_has_example_and_is_in_readme(name, cmd):
    assert "Example: reporter " in (cmd.help or ""), f"`reporter {name}` help lacks an 'Example:' line"
    assert f"reporter {name}" in USER_DOCS, f"README (or docs/*.md) does not show `reporter {name}`"


def test_readme_starts_with_the_two_setup_commands():
    head = README[:800]
    assert "pip install -e . && reporter run seeds -o output" in head
    assert 'pip install -e ".[test]" && python -m pytest' in head


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'pip install -q -e ".[test]"' in ci and "pytest" in ci


def test_command_reference_is_generated_from_the_help_pages():
    from reporter.cli.reference import reference

    committed = (ROOT / "docs" / "命令参考.md").read_text(encoding="utf-8")
    assert committed == reference(), "run: python -m reporter.cli.reference > docs/命令参考.md"
