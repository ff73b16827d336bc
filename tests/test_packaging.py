"""Packaging: the installer files agree with each other, and the built app runs.

The fast tests read the spec, the .desktop entry, the Inno Setup script and the icons; the slow
one builds the Linux one-folder app with `packaging/build.py` and uses it as an officer would.
"""

from __future__ import annotations

import configparser
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType
from typing import cast

import pytest
from PIL import Image
from pypdf import PdfReader

from tests.conftest import EXAMPLE
from visitdesk import __version__

REPO = Path(__file__).resolve().parents[1]
PACKAGING = REPO / "packaging"
ICONS = REPO / "resources" / "icons"


def load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def program_names() -> dict[str, bool]:
    """The programs the spec builds → whether each has a console."""
    spec = (PACKAGING / "visitdesk.spec").read_text(encoding="utf-8")
    found = re.findall(r'program\(\w+, "([\w-]+)", console=(True|False)\)', spec)
    return {name: console == "True" for name, console in found}


def missing_commands(help_text: str) -> list[str]:
    """The source's commands that a program's `--help` does not list."""
    smoke = load(PACKAGING / "smoke_test.py")
    return [c for c in smoke.expected_commands() if f" {c} " not in f" {help_text} "]


def test_a_command_missing_from_a_bundle_fails_the_check() -> None:
    from visitdesk.cli import build_parser

    full = build_parser().format_help()
    assert missing_commands(full) == []
    assert "ics" in load(PACKAGING / "smoke_test.py").expected_commands()
    assert missing_commands(full.replace(" ics ", " ")) == ["ics"]


def test_the_spec_builds_a_console_and_a_windowed_program_from_existing_launchers() -> None:
    assert program_names() == {"visitdesk": True, "visitdesk-gui": False}
    spec = (PACKAGING / "visitdesk.spec").read_text(encoding="utf-8")
    for launcher in re.findall(r'analysis\("([\w.]+)"\)', spec):
        assert (PACKAGING / "launchers" / launcher).is_file()


def test_the_desktop_entry_starts_the_window_and_opens_visit_files() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(PACKAGING / "linux" / "visitdesk.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Terminal"] == "false"
    program, argument = desktop["Exec"].split()
    assert program in program_names() and not program_names()[program]
    assert argument == "%f"
    assert desktop["Icon"] == "visitdesk"
    mime = ET.parse(PACKAGING / "linux" / "visitdesk-mime.xml").getroot()
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    mime_type = mime.find("m:mime-type", ns)
    assert mime_type is not None
    assert desktop["MimeType"] == f"{mime_type.get('type')};"
    assert [g.get("pattern") for g in mime_type.findall("m:glob", ns)] == ["*.visit.json"]
    validator = shutil.which("desktop-file-validate")
    if validator:
        done = subprocess.run([validator, str(PACKAGING / "linux" / "visitdesk.desktop")])
        assert done.returncode == 0


def test_the_windows_installer_script_names_what_the_build_makes() -> None:
    iss = (PACKAGING / "windows" / "visitdesk.iss").read_text(encoding="utf-8")
    defines = dict(re.findall(r'#define (\w+) "([^"]*)"', iss))
    assert defines["AppExe"] == "visitdesk-gui.exe"
    assert defines["AppExe"].removesuffix(".exe") in program_names()
    windows = PACKAGING / "windows"
    bundle = (windows / defines["Bundle"].replace("\\", "/")).resolve()
    assert bundle == (PACKAGING / "dist" / "visitdesk").resolve()
    icon = re.search(r"^SetupIconFile=(.+)$", iss, re.M)
    assert icon is not None and (windows / icon.group(1).replace("\\", "/")).is_file()
    assert re.search(
        r"^Name: \"\{autoprograms\}\\\{#AppName\}\"; Filename: \"\{app\}\\\{#AppExe\}\"", iss, re.M
    )
    assert '"""{app}\\{#AppExe}"" ""%1"""' in iss  # the opened file is passed on
    assert "ChangesAssociations=yes" in iss
    build = load(PACKAGING / "build.py")
    assert "{#AppName}-{#AppVersion}-setup" in iss
    assert build.PYINSTALLER_PIN in (REPO / "pyproject.toml").read_text(encoding="utf-8")


def test_the_icon_exists_at_every_size_a_desktop_asks_for() -> None:
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        with Image.open(ICONS / f"visitdesk-{size}.png") as image:
            assert image.size == (size, size) and image.mode == "RGBA"
            # Transparent corners, an opaque middle: a rounded tile, not a blank square.
            assert image.getpixel((0, 0))[3] < 16  # type: ignore[index]
            assert image.getpixel((size // 2, size // 2))[3] == 255  # type: ignore[index]
    with Image.open(ICONS / "visitdesk.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    svg = ET.parse(ICONS / "visitdesk.svg").getroot()
    assert svg.get("viewBox") == "0 0 256 256"


def test_opening_a_visit_file_with_the_window_program_imports_it(tmp_path: Path) -> None:
    from visitdesk.services.visits import list_visits
    from visitdesk.store.database import Store

    example = EXAMPLE
    gui = load(PACKAGING / "launchers" / "visitdesk_gui.py")
    data = tmp_path / "data"
    shot = tmp_path / "window.png"
    assert gui.run(["--data-dir", str(data), "--screenshot", str(shot), str(example)]) == 0
    assert shot.stat().st_size > 0
    store = Store.open(data_dir=data)
    with store.session() as session:
        assert [v.ref for v in list_visits(session)] == ["sipo-2017-03"]
    store.close()


@pytest.mark.slow
def test_the_linux_bundle_builds_and_does_an_officers_work_offscreen(tmp_path: Path) -> None:
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, str(PACKAGING / "build.py")], capture_output=True, text=True, cwd=REPO
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    print(f"\nbuild: {time.monotonic() - started:.1f} s; {done.stdout.strip()}")
    app = PACKAGING / "dist" / "visitdesk"
    archive = PACKAGING / "dist" / f"visitdesk-{__version__}-linux-x86_64.tar.gz"
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
    assert {"visitdesk/visitdesk", "visitdesk/visitdesk-gui", "visitdesk/install.sh"} <= names
    assert "visitdesk/share/applications/visitdesk.desktop" in names

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "VISITDESK_DATA_DIR": str(tmp_path)}
    # The bundle must not lean on the source tree or the virtualenv.
    env.pop("PYTHONPATH", None)
    env["PATH"] = "/usr/bin:/bin"

    def visitdesk(*args: str, program: str = "visitdesk") -> str:
        run = subprocess.run(
            [str(app / program), *args], capture_output=True, text=True, env=env, cwd=tmp_path
        )
        assert run.returncode == 0, f"{args}: {run.stdout}{run.stderr}"
        return run.stdout

    example = EXAMPLE
    assert "Imported visit sipo-2017-03" in visitdesk("import", str(example))
    assert "sipo-2017-03" in visitdesk("visits")
    assert "Wrote 4 events" in visitdesk("ics", "sipo-2017-03", "-o", "visit.ics")
    visitdesk("export-list", "sipo-2017-03", "--list", "delegation", "-o", "delegation.xlsx")
    assert (tmp_path / "delegation.xlsx").stat().st_size > 0
    commands = visitdesk("--help")
    # A command PyInstaller left out is a broken build, never a skip.
    assert missing_commands(commands) == []
    for args in (
        ("press-release", "sipo-2017-03", "-o", "press-release.pdf"),
        ("briefing-pack", "sipo-2017-03", "-o", "briefing-pack.pdf"),
    ):
        visitdesk(*args)
        pdf = tmp_path / args[-1]
        assert "IPO" in "".join(page.extract_text() for page in PdfReader(pdf).pages)
    visitdesk("--visit", "sipo-2017-03", "--screenshot", "window.png", program="visitdesk-gui")
    with Image.open(tmp_path / "window.png") as shot:
        assert shot.size[0] >= 800
        # One band, so the extrema are two numbers (Pillow's types allow for many bands).
        darkest, lightest = cast(tuple[int, int], shot.convert("L").getextrema())
        assert lightest - darkest > 100  # a drawn window, not a blank
