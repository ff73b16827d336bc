"""Signing in to the office's PostgreSQL server: login, password, and the OS keyring.

NOT WIRED YET: the lead calls `sign_in` in ui/app.py before opening the Desk, and again with
the server's refusal when the password was wrong:

    url, refused = args.database_url, ""
    while True:
        url_to_open = sign_in(args.database_url, refused=refused)
        if url_to_open is None:
            return 0  # the officer cancelled
        try:
            desk = Desk.open(url_to_open, args.data_dir, user=None)
            break
        except OpenError as exc:
            if not refused_sign_in(exc):
                raise
            forget_kept(args.database_url)
            refused = str(exc)

A URL with a password, or one that is not PostgreSQL's, passes through untouched.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from visitdesk.app import RefusedError
from visitdesk.app.sign_in import Server, forget, remember, remembered, server_of, signed_in


class SignInDialog(QDialog):
    def __init__(self, server: Server, refused: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.setWindowTitle("Sign in to the office's server")
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        where = QLabel(f"VisitDesk's records are on {server.host}, database {server.database}.")
        where.setTextFormat(Qt.TextFormat.PlainText)
        where.setWordWrap(True)
        layout.addWidget(where)
        self.message = QLabel(refused, self)
        self.message.setObjectName("signInMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setVisible(bool(refused))
        layout.addWidget(self.message)
        form = QFormLayout()
        self.login = QLineEdit(server.login or "", self)
        self.login.setObjectName("signInLogin")
        self.login.setAccessibleName("Login")
        self.password = QLineEdit(self)
        self.password.setObjectName("signInPassword")
        self.password.setAccessibleName("Password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow("Login:", self.login)
        form.addRow("Password:", self.password)
        layout.addLayout(form)
        self.remember = QCheckBox("Keep the password in this computer's keyring", self)
        self.remember.setObjectName("signInRemember")
        layout.addWidget(self.remember)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Sign in")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.password if server.login else self.login).setFocus()


def url_after(dialog: SignInDialog, server: Server, parent: QWidget | None = None) -> str | None:
    """The URL signed in as the accepted dialog says (keeping the password if asked)."""
    login, password = dialog.login.text().strip(), dialog.password.text()
    try:
        url = signed_in(server, login, password)
    except RefusedError as exc:
        QMessageBox.warning(parent, "Sign in", str(exc))
        return None
    if dialog.remember.isChecked():
        try:
            remember(server, login, password)
        except RefusedError as exc:
            QMessageBox.information(parent, "Sign in", str(exc))
    return url


def sign_in(
    database_url: str | None, parent: QWidget | None = None, refused: str = ""
) -> str | None:
    """The URL to open: as given, signed in with a kept password, or as the officer types it
    (None when they cancel)."""
    server = server_of(database_url)
    if server is None or server.has_password:
        return database_url
    if server.login and not refused:
        kept = remembered(server, server.login)
        if kept is not None:
            return signed_in(server, server.login, kept)
    while True:
        dialog = SignInDialog(server, refused, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        url = url_after(dialog, server, parent)
        if url is not None:
            return url


def refused_sign_in(exc: Exception) -> bool:
    """True when opening failed because the server refused the login or its password."""
    text = str(exc)
    return "password authentication failed" in text or "no password supplied" in text


def forget_kept(database_url: str | None) -> None:
    server = server_of(database_url)
    if server is not None and server.login:
        forget(server, server.login)
