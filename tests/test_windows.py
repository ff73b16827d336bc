"""What can be checked here of the Windows build and of Windows habits in the code.

The installer itself is built and run by .github/workflows/windows.yml on a Windows runner;
these tests read its script, and run the path and file code as Windows would see it.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path, PureWindowsPath

import pytest

from visitdesk.cli import main
from visitdesk.store.backup import backup_sqlite
from visitdesk.store.location import DATABASE_FILE, resolve_url, sqlite_file
from visitdesk.ui.visit_documents import _safe_name

REPO = Path(__file__).resolve().parents[1]
ISS = REPO / "packaging" / "windows" / "visitdesk.iss"
WORKFLOW = REPO / ".github" / "workflows" / "windows.yml"
SRC = REPO / "src" / "visitdesk"


def _section(name: str) -> list[str]:
    text = ISS.read_text(encoding="utf-8")
    match = re.search(rf"^\[{name}\]\n(.*?)(?=^\[|\Z)", text, re.M | re.S)
    assert match is not None, f"no [{name}] section"
    return [line for line in match.group(1).splitlines() if line and not line.startswith(";")]


def _entry(line: str) -> dict[str, str]:
    fields = {}
    for part in re.findall(r'(\w+): ("(?:[^"]|"")*"|[^;]+)', line):
        key, value = part
        fields[key] = value.strip().strip('"')
    return fields


def test_an_upgrade_clears_the_older_bundle_before_copying_the_new_one() -> None:
    deleted = [_entry(line) for line in _section("InstallDelete")]
    targets = {(d["Type"], d["Name"]) for d in deleted}
    # PyInstaller 6 puts every library in _internal: a stale Qt DLL there would be loaded.
    assert ("filesandordirs", "{app}\\_internal") in targets
    assert ("files", "{app}\\{#AppExe}") in targets
    # Only the installer's own folder is cleared, never the officers' data.
    assert all(d["Name"].startswith("{app}\\") for d in deleted)


def test_every_registry_entry_is_removed_on_uninstall() -> None:
    entries = [_entry(line) for line in _section("Registry")]
    assert entries, "the script writes no registry entries: the test would prove nothing"
    removed_keys = {e["Subkey"] for e in entries if "uninsdeletekey" in e.get("Flags", "")}
    for entry in entries:
        key = entry["Subkey"]
        flags = entry.get("Flags", "")
        ancestors = [key[: m.start()] for m in re.finditer(r"\\", key)] + [key]
        assert "uninsdeletevalue" in flags or any(a in removed_keys for a in ancestors), (
            f"{key} ({entry.get('ValueName')}) stays in the registry after uninstall"
        )
    # .json itself belongs to the program already set for it: only our value goes.
    json_keys = [e for e in entries if e["Subkey"].startswith("Software\\Classes\\.json")]
    assert all("uninsdeletevalue" in e["Flags"] for e in json_keys)


def test_the_workflow_builds_installs_smoke_tests_and_uninstalls_on_windows() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "runs-on: windows-latest" in text
    assert "python-version: '3.11'" in text
    for step in (
        "packaging/build.py",
        "choco install innosetup",
        "/VERYSILENT",
        "packaging/smoke_test.py",
        "unins000.exe",
        "HKCU:\\Software\\Classes\\VisitDesk.Visit",
    ):
        assert step in text, step


def test_nothing_is_written_beside_the_program_at_run_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, example_path: Path
) -> None:
    """Program Files is read-only to an officer: records go to the user's data folder."""
    install = tmp_path / "Program Files" / "VisitDesk"
    install.mkdir(parents=True)
    monkeypatch.chdir(install)
    monkeypatch.delenv("VISITDESK_DATA_DIR")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / "data"))
    package_files = {p for p in SRC.rglob("*") if p.is_file()}
    assert main(["import", str(example_path)]) == 0
    assert main(["ics", "sipo-2017-03", "-o", str(tmp_path / "out.ics")]) == 0
    assert list(install.iterdir()) == []
    assert {p for p in SRC.rglob("*") if p.is_file()} == package_files
    assert (tmp_path / "home" / "data" / "VisitDesk" / DATABASE_FILE).is_file()


def test_a_windows_data_folder_names_its_database_file() -> None:
    folder = PureWindowsPath(r"C:\Users\Ana María\AppData\Local\VisitDesk")
    url = resolve_url(data_dir=str(folder))
    found = sqlite_file(url)
    assert found is not None
    assert PureWindowsPath(str(found)) == folder / DATABASE_FILE


def _valid_windows_name(name: str) -> bool:
    path = PureWindowsPath(name)
    return (
        path.name == name
        and not re.search(r'[<>:"/\\|?*\x00-\x1f]', name)
        and not name.endswith((" ", "."))
        and not path.is_reserved()
    )


@pytest.mark.parametrize(
    "text",
    [
        "sipo-2017-03",
        "visit: 22/3 <draft>",
        'He "Zhimin" | SIPO?',
        "con",
        "aux.2017",
        "ends with a dot.",
        "tab\tand\nnewline",
        "北京 访问",
    ],
)
def test_the_file_names_the_window_suggests_are_valid_on_windows(text: str) -> None:
    name = _safe_name(text) + ".ics"
    assert _valid_windows_name(name), name


def test_a_backup_file_name_is_valid_on_windows(tmp_path: Path) -> None:
    database = tmp_path / DATABASE_FILE
    import sqlite3

    sqlite3.connect(database).close()
    backup = backup_sqlite(database, reason="before-upgrade-from-0003_press_release_topic")
    assert _valid_windows_name(backup.name), backup.name


def test_every_text_file_is_opened_with_an_explicit_encoding() -> None:
    """Windows' default encoding is the ANSI code page (cp1252, cp932): never rely on it."""
    unspecified = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            keywords = {k.arg for k in node.keywords}
            if "encoding" in keywords:
                continue
            func = node.func
            literal = [a.value for a in node.args if isinstance(a, ast.Constant)]
            mode = next((m for m in literal if isinstance(m, str)), "r")
            text_mode = "b" not in mode
            builtin_open = isinstance(func, ast.Name) and func.id == "open"
            path_open = (
                isinstance(func, ast.Attribute)
                and func.attr == "open"
                and bool(literal)
                and isinstance(literal[0], str)
            )
            path_text = isinstance(func, ast.Attribute) and func.attr in (
                "read_text",
                "write_text",
            )
            if ((builtin_open or path_open) and text_mode) or path_text:
                unspecified.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert unspecified == []
