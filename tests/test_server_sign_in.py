"""Signing in to the office's server (ui/sign_in_dialog.py, for the lead to wire in): the
password typed once, kept in the OS keyring when the officer asks, and never asked again."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import keyring
import pytest
from keyring.backend import KeyringBackend
from sqlalchemy.engine import make_url

from visitdesk.app.sign_in import SERVICE, server_of
from visitdesk.ui.sign_in_dialog import SignInDialog, forget_kept, sign_in, url_after

URL = "postgresql+psycopg://akhan@dbserver:5433/visitdesk"


class MemoryKeyring(KeyringBackend):
    priority = 1
    kept: dict[tuple[str, str], str]

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.kept.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    memory = MemoryKeyring()  # type: ignore[no-untyped-call]
    memory.kept = {}
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(before)


def test_a_url_with_a_password_or_a_file_needs_no_sign_in() -> None:
    with_password = "postgresql+psycopg://akhan:pw@dbserver/visitdesk"
    assert sign_in(with_password) == with_password
    assert sign_in(None) is None
    assert sign_in("sqlite:////tmp/x.sqlite3") == "sqlite:////tmp/x.sqlite3"


def test_the_typed_password_is_kept_when_asked_and_used_next_time(
    qtbot: Any, memory_keyring: MemoryKeyring
) -> None:
    server = server_of(URL)
    assert server is not None
    dialog = SignInDialog(server)
    qtbot.addWidget(dialog)
    assert dialog.login.text() == "akhan"
    assert dialog.password.echoMode() == dialog.password.EchoMode.Password
    qtbot.keyClicks(dialog.password, "p@ss w")
    dialog.password.insert("örd")  # QtTest types ASCII only
    dialog.remember.setChecked(True)
    url = url_after(dialog, server)
    assert url is not None
    assert make_url(url).password == "p@ss wörd"
    assert memory_keyring.kept == {(SERVICE, "akhan@dbserver:5433/visitdesk"): "p@ss wörd"}

    # The next start: the kept password, no dialog.
    again = sign_in(URL)
    assert again is not None and make_url(again).password == "p@ss wörd"

    # The server refused it (changed by IT): forgotten, and asked for again.
    forget_kept(URL)
    assert memory_keyring.kept == {}


def test_a_refusal_is_shown_in_the_dialog_as_plain_text(qtbot: Any) -> None:
    server = server_of(URL)
    assert server is not None
    said = 'password authentication failed for user "akhan" <b>'
    dialog = SignInDialog(server, said)
    qtbot.addWidget(dialog)
    assert dialog.message.text() == said
    assert not dialog.message.isHidden()
