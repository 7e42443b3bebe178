from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = (
    Path(__file__).resolve().parent / "data"
)  # fixtures written for the project (seed.txt as GBK and as Word)
GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/*.json from this run")


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def docx_fixtures(tmp_path_factory) -> dict[str, Path]:
    from tests.support.docx_fixtures import write_all

    return write_all(tmp_path_factory.mktemp("docx-fixtures"))


@pytest.fixture(scope="session")
def schema():
    from reporter.schema import load_schema

    return load_schema()


@pytest.fixture(autouse=True)
def _no_user_templates(monkeypatch):
    monkeypatch.delenv("REPORTER_TEMPLATES", raising=False)


@pytest.fixture
def golden(request):
    """golden(name, data): compare data with tests/golden/<name>.json (rewrite with --update-golden)."""
    update = request.config.getoption("--update-golden")

    def check(name: str, data) -> None:
        path = GOLDEN / f"{name}.json"
        text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        if update or not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            if not update:
                pytest.fail(f"golden file {path.name} was missing and has been written; review and commit it")
            return
        expected = json.loads(path.read_text(encoding="utf-8"))
        assert json.loads(text) == expected, (
            f"differs from golden/{name}.json (pytest --update-golden to accept)"
        )

    return check


def write(path: Path, data: bytes | str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode(encoding)
    path.write_bytes(data)
    return path


os.environ.setdefault("PYTHONHASHSEED", "0")
