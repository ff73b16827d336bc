"""Signing in to the office's server: each officer's login and password, and the OS keyring.

A `--database-url`/`VISITDESK_DATABASE_URL` for PostgreSQL without a password asks for one
(the window's sign-in dialog, ui/sign_in_dialog.py); the officer may let the OS keep it
(Windows Credential Manager, macOS Keychain, the Secret Service on Linux, through `keyring`),
under the server, database and login, so the next start asks nothing. Where no keyring works
(a bare Linux session), remembering says so in a sentence and the password is asked each time.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from visitdesk.app.errors import RefusedError

SERVICE = "VisitDesk"


@dataclass(frozen=True)
class Server:
    """Where a sign-in goes: shown to the officer, and the keyring's account name."""

    url: str  # as given, password included if it had one
    host: str
    database: str
    login: str | None
    has_password: bool

    @property
    def account(self) -> str:
        return f"{self.login}@{self.host}/{self.database}"


def server_of(database_url: str | None) -> Server | None:
    """The server a URL names, or None when it is not PostgreSQL (nobody to sign in to)."""
    if not database_url:
        return None
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(database_url)
    except ArgumentError:
        return None
    if url.get_backend_name() != "postgresql":
        return None
    host = f"{url.host or 'localhost'}{f':{url.port}' if url.port else ''}"
    return Server(
        database_url, host, str(url.database or ""), url.username, url.password is not None
    )


def signed_in(server: Server, login: str, password: str) -> str:
    """The URL signed in as `login` with `password` (to give Desk.open)."""
    from sqlalchemy.engine import make_url

    login = login.strip()
    if not login:
        raise RefusedError("Type your login (the one IT gave you, e.g. “akhan”).")
    url = make_url(server.url).set(username=login, password=password)
    return url.render_as_string(hide_password=False)


def remembered(server: Server, login: str) -> str | None:
    """The password the OS keeps for this login on this server, if any."""
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:
        return None
    try:
        found: str | None = keyring.get_password(SERVICE, _account(server, login))
    except KeyringError:
        return None
    return found


def remember(server: Server, login: str, password: str) -> None:
    """Let the OS keep the password; RefusedError (a sentence) when it cannot."""
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError as exc:
        raise RefusedError(_NO_KEYRING) from exc
    try:
        keyring.set_password(SERVICE, _account(server, login), password)
    except KeyringError as exc:
        raise RefusedError(_NO_KEYRING) from exc


def forget(server: Server, login: str) -> None:
    """Drop a kept password (it was refused by the server, or the officer asked)."""
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:
        return
    with contextlib.suppress(KeyringError):  # nothing kept, or no keyring: nothing to forget
        keyring.delete_password(SERVICE, _account(server, login))


def _account(server: Server, login: str) -> str:
    return f"{login.strip()}@{server.host}/{server.database}"


_NO_KEYRING = (
    "This computer offers no password keyring to VisitDesk, so the password was not kept: "
    "you will be asked for it when VisitDesk starts."
)
