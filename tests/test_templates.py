from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from reporter.errors import TemplateError
from reporter.templates import TEMPLATE_FILES, checkout_dir, default_dir, find_template, init_templates
from tests.conftest import ROOT, write


def test_defaults_found_from_the_checkout():
    assert checkout_dir() == ROOT / "templates"
    assert find_template("schema.toml").parent == default_dir()
    for name in TEMPLATE_FILES:
        assert (ROOT / "templates" / name).is_file(), f"templates/{name} is missing"


def test_override_is_per_file(tmp_path):
    write(tmp_path / "posts.txt", "科长\n")
    assert find_template("posts.txt", tmp_path) == tmp_path / "posts.txt"
    assert find_template("schema.toml", tmp_path) == default_dir() / "schema.toml"


def test_environment_variable_selects_a_folder(tmp_path, monkeypatch):
    write(tmp_path / "schema.toml", "version = 1\n")
    monkeypatch.setenv("REPORTER_TEMPLATES", str(tmp_path))
    assert find_template("schema.toml") == tmp_path / "schema.toml"
    other = tmp_path / "cli"
    write(other / "schema.toml", "version = 1\n")
    assert find_template("schema.toml", other) == other / "schema.toml"  # --templates wins


def test_working_directory_is_never_searched(tmp_path, monkeypatch):
    write(tmp_path / "templates" / "schema.toml", "broken = [")
    monkeypatch.chdir(tmp_path)
    assert find_template("schema.toml") == default_dir() / "schema.toml"


def test_missing_override_folder_is_an_error(tmp_path):
    with pytest.raises(TemplateError) as info:
        find_template("schema.toml", tmp_path / "nope")
    assert "nope" in str(info.value)


def test_init_copies_and_keeps_existing(tmp_path):
    write(tmp_path / "schema.toml", "# mine\n")
    written = init_templates(tmp_path)
    assert (tmp_path / "schema.toml").read_text(encoding="utf-8") == "# mine\n"
    assert tmp_path / "posts.txt" in written
    init_templates(tmp_path, force=True)
    assert (tmp_path / "schema.toml").read_text(encoding="utf-8") != "# mine\n"


def test_defaults_found_from_an_installed_wheel(tmp_path):
    """Build the wheel, unpack it as site-packages would hold it, and load the schema from it."""
    wheel_dir = tmp_path / "wheel"
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheel_dir),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stderr
    wheel = next(wheel_dir.glob("reporter-*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        assert "reporter/_templates/schema.toml" in names
        assert "reporter/_templates/posts.txt" in names
        site = tmp_path / "site"
        zf.extractall(site)
    code = (
        "import reporter.templates as t, reporter.schema as s; "
        "print(t.default_dir()); print(len(s.load_schema().fields))"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    folder, count = out.stdout.split()
    assert Path(folder) == site / "reporter" / "_templates"
    assert int(count) == 13
