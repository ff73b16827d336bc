"""The example visit kept in tests/fixtures is the shared one, byte for byte."""

from __future__ import annotations

import pytest

from tests.conftest import FIXTURE_EXAMPLE, SHARED_EXAMPLE


def test_fixture_copy_of_the_example_is_identical_to_the_shared_one() -> None:
    if not SHARED_EXAMPLE.exists():
        pytest.skip(f"{SHARED_EXAMPLE} is not beside this checkout")
    assert FIXTURE_EXAMPLE.read_bytes() == SHARED_EXAMPLE.read_bytes()
