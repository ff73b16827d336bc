"""Fixtures shared by the whole suite: a store in a temporary folder, the example visit."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from visitdesk.app import Desk
from visitdesk.store.database import Store

# GUI tests run offscreen unless --onscreen is given (see pytest_addoption).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
# shared/ lies beside the checkout on a developer's machine and in CI; a verbatim copy in
# tests/fixtures stands in where it does not (a fresh clone elsewhere). test_example_copy keeps
# the two identical.
SHARED_EXAMPLE = REPO.parent / "shared" / "examples" / "sipo-2017.visit.json"
FIXTURE_EXAMPLE = REPO / "tests" / "fixtures" / "sipo-2017.visit.json"
EXAMPLE = SHARED_EXAMPLE if SHARED_EXAMPLE.exists() else FIXTURE_EXAMPLE


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--onscreen", action="store_true", help="show GUI tests in a real window")


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--onscreen"):
        os.environ["QT_QPA_PLATFORM"] = os.environ.get("VISITDESK_TEST_QPA", "xcb")


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test may touch the developer's real VisitDesk data."""
    monkeypatch.delenv("VISITDESK_DATABASE_URL", raising=False)
    monkeypatch.setenv("VISITDESK_DATA_DIR", str(tmp_path / "default-data"))


@pytest.fixture
def example_path() -> Path:
    if not EXAMPLE.exists():
        pytest.fail(f"the example visit is missing: {EXAMPLE}")
    return EXAMPLE


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    opened = Store.open(data_dir=data_dir)
    yield opened
    opened.close()


@pytest.fixture
def example_store(store: Store, example_path: Path) -> Store:
    from visitdesk.services.exchange.importer import import_file

    import_file(store, example_path)
    return store


@pytest.fixture
def two_desks(tmp_path: Path) -> Iterator[tuple[Desk, Desk, int]]:
    """Two officers (akhan, bmalik) on one folder holding the example visit, and its id."""
    first = Desk.open(data_dir=tmp_path / "records", user="akhan")
    first.exchange.import_file(FIXTURE_EXAMPLE)
    second = Desk.open(data_dir=tmp_path / "records", user="bmalik")
    yield first, second, first.visits.id_of("sipo-2017-03")
    first.close()
    second.close()
