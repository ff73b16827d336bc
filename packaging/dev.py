"""The developer commands: start VisitDesk, run the whole check, or print every benchmark.

    python3 packaging/dev.py run [visitdesk arguments...]
    python3 packaging/dev.py test [--full] [-- pytest arguments...]
    python3 packaging/dev.py bench [--quick] [--runs N]

Each sets up what it needs by itself and is quick when that is already done: the system libraries
Qt needs (Debian/Ubuntu only), a virtual environment in `.venv`, and the package installed in it.
Standard library only, so that it runs with whatever Python 3.11+ a fresh machine has.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
STAMP = VENV / "visitdesk-installed.sha256"
EXTRAS = "test,postgresql"
POSTGRESQL_URL_ENV = "VISITDESK_TEST_POSTGRESQL_URL"

# From shared/notes/platform-findings.md: what Qt 6.12 needs on a bare Debian.
QT_OFFSCREEN_LIBS = [
    "libgl1", "libegl1", "libglib2.0-0", "libfontconfig1", "libfreetype6",
    "libdbus-1-3", "libx11-6", "libxkbcommon0",
]  # fmt: skip
QT_XCB_LIBS = [
    "libx11-xcb1", "libxcb1", "libxcb-cursor0", "libxcb-icccm4", "libxcb-image0",
    "libxcb-keysyms1", "libxcb-randr0", "libxcb-render0", "libxcb-render-util0", "libxcb-shape0",
    "libxcb-shm0", "libxcb-sync1", "libxcb-util1", "libxcb-xfixes0", "libxcb-xkb1",
    "libxkbcommon-x11-0",
]  # fmt: skip
# Qt lists real printers only through CUPS; officers print from the window.
PRINTING_LIBS = ["libcups2"]
PDF_TOOLS = ["poppler-utils"]  # pdftoppm/pdftotext, for tests that look at the PDFs made
# PyInstaller reads shared libraries' dependencies with objdump; the slow test builds the bundle.
BUNDLE_TOOLS = ["binutils"]


class SetupError(Exception):
    """Something the developer has to do by hand; the message says what."""


def say(message: str) -> None:
    print(message, flush=True)


def is_windows() -> bool:
    return os.name == "nt"


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def is_debian() -> bool:
    return (
        Path("/etc/debian_version").exists()
        and shutil.which("dpkg-query") is not None
        and shutil.which("apt-get") is not None
    )


def venv_python() -> Path:
    if is_windows():
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


# --- system packages (Debian/Ubuntu) ---------------------------------------------------------


def installed_packages() -> set[str]:
    """Names of installed packages and of what they provide.

    Ubuntu 24.04 and Debian 13 renamed many libraries (`libglib2.0-0t64`); the new package
    provides the old name, so counting provided names keeps the check true and the step idle.
    """
    out = subprocess.run(
        ["dpkg-query", "-W", "-f=${db:Status-Abbrev}\t${Package}\t${Provides}\n"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    names: set[str] = set()
    for line in out.splitlines():
        status, _, rest = line.partition("\t")
        if not status.startswith("ii"):
            continue
        package, _, provides = rest.partition("\t")
        names.add(package)
        names.update(p.split()[0] for p in provides.split(",") if p.strip())
    return names


def apt_install(packages: Sequence[str], why: str) -> None:
    say(f"Installing {why}: {' '.join(packages)}…")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    for command in (
        ["apt-get", "update", "-q"],
        ["apt-get", "install", "-y", "-q", "--no-install-recommends", *packages],
    ):
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-15:])
            raise SetupError(f"`{' '.join(command)}` failed:\n{tail}")


def ensure_system_packages(packages: Sequence[str], why: str) -> None:
    if not is_debian():
        return  # other systems: Qt's wheels bring what Windows and macOS need
    missing = [p for p in packages if p not in installed_packages()]
    if not missing:
        return
    if not is_root():
        raise SetupError(
            f"VisitDesk needs {why} that this system lacks. Install them with:\n"
            f"sudo apt-get install -y {' '.join(missing)}\n"
            "then run the same command again."
        )
    apt_install(missing, why)


def needs_pdf_tools() -> bool:
    """Only install poppler when some test calls it: a fresh machine is set up faster."""
    for path in (ROOT / "tests").rglob("*.py"):
        text = path.read_text(encoding="utf-8", errors="replace")
        if "pdftoppm" in text or "pdftotext" in text:
            return True
    return False


def base_python() -> tuple[Path, str]:
    """The folder and `X.Y` version of the Python that .venv is (or will be) made from."""
    config = VENV / "pyvenv.cfg"
    if config.exists():
        values = dict(
            (key.strip(), value.strip())
            for key, _, value in (
                line.partition("=") for line in config.read_text(encoding="utf-8").splitlines()
            )
        )
        if "home" in values and values.get("version", "").count(".") >= 1:
            return Path(values["home"]), ".".join(values["version"].split(".")[:2])
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    return Path(sys.executable).resolve().parent, version


def system_packages(command: str, full: bool = False) -> list[str]:
    packages = list(QT_OFFSCREEN_LIBS)
    if command == "run" and (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        packages += QT_XCB_LIBS + PRINTING_LIBS
    if command == "test" and needs_pdf_tools():
        packages += PDF_TOOLS
    if command == "test" and full and (ROOT / "packaging" / "build.py").exists():
        packages += BUNDLE_TOOLS
        # PyInstaller bundles libpython, which Debian's own Python keeps in a package apart.
        home, version = base_python()
        if home in (Path("/usr/bin"), Path("/bin")):
            packages.append(f"libpython{version}")
    # Debian's own Python leaves out ensurepip, without which `venv` cannot make .venv.
    if not venv_python().exists() and importlib.util.find_spec("ensurepip") is None:
        packages.append(f"python{sys.version_info.major}.{sys.version_info.minor}-venv")
    return packages


# --- virtual environment and package ----------------------------------------------------------


def install_fingerprint() -> str:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes())
    digest.update(EXTRAS.encode())
    return digest.hexdigest()


def ensure_venv() -> Path:
    python = venv_python()
    if not python.exists():
        say("Setting up the virtual environment in .venv…")
        done = subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=False)
        if done.returncode != 0 or not python.exists():
            raise SetupError(f"Could not create the virtual environment {VENV}.")
    fingerprint = install_fingerprint()
    if STAMP.exists() and STAMP.read_text(encoding="ascii").strip() == fingerprint:
        return python
    say("Installing VisitDesk and its Python packages into .venv (the first time takes minutes)…")
    command = [str(python), "-m", "pip", "install", "-q", "-e", f".[{EXTRAS}]"]
    if subprocess.run(command, cwd=ROOT, check=False).returncode != 0:
        raise SetupError("Installing the Python packages failed (pip's message is above).")
    STAMP.write_text(fingerprint + "\n", encoding="ascii")
    return python


def set_up(command: str, full: bool = False) -> Path:
    ensure_system_packages(system_packages(command, full), "system packages")
    return ensure_venv()


# --- a throwaway PostgreSQL cluster for `test --full` -----------------------------------------


def postgresql_bin() -> Path | None:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    # Debian keeps the server programs off PATH, one folder per major version.
    candidates = [p.parent for p in Path("/usr/lib/postgresql").glob("*/bin/pg_ctl")]
    candidates.sort(key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0)
    return candidates[-1] if candidates else None


@contextmanager
def services_kept_still() -> Iterator[None]:
    """Debian's postgresql package starts a server of its own; a test run does not want it."""
    policy = Path("/usr/sbin/policy-rc.d")
    if policy.exists():
        yield
        return
    policy.write_text("#!/bin/sh\nexit 101\n", encoding="ascii")
    policy.chmod(0o755)
    try:
        yield
    finally:
        policy.unlink(missing_ok=True)


def ensure_postgresql() -> Path | None:
    found = postgresql_bin()
    if found is not None:
        return found
    if not is_debian() or not is_root():
        how = "sudo apt-get install -y postgresql" if is_debian() else "install PostgreSQL"
        say(f"PostgreSQL is not installed ({how} to have it): its test will be skipped.")
        return None
    with services_kept_still():
        apt_install(["postgresql"], "PostgreSQL for its test")
    return postgresql_bin()


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def run_quiet(command: Sequence[str], what: str, log: Path | None = None) -> None:
    done = subprocess.run(
        command, stdin=subprocess.DEVNULL, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        detail = (done.stdout + done.stderr).strip()
        if log is not None and log.exists():
            detail += "\n" + log.read_text(encoding="utf-8", errors="replace")
        tail = "\n".join(detail.splitlines()[-15:])
        raise SetupError(f"Could not {what}:\n{tail}")


@contextmanager
def throwaway_postgresql(bin_dir: Path) -> Iterator[str]:
    """A cluster of its own in a temporary folder, on a free port of localhost, removed after."""
    as_user: list[str] = []
    if is_root():
        # PostgreSQL refuses to run as root.
        if shutil.which("runuser") is None:
            raise SetupError("Running as root without `runuser`: cannot start PostgreSQL.")
        as_user = ["runuser", "-u", "postgres", "--"]
    folder = Path(tempfile.mkdtemp(prefix="visitdesk-pg-", dir="/tmp" if is_root() else None))
    data, log, port = folder / "data", folder / "server.log", free_port()
    if is_root():
        shutil.chown(folder, user="postgres")
    say(f"Starting a throwaway PostgreSQL on 127.0.0.1:{port}…")
    pg_ctl = [*as_user, str(bin_dir / "pg_ctl"), "-D", str(data)]
    options = f"-p {port} -c listen_addresses=127.0.0.1 -c fsync=off"
    if not is_windows():
        options += f' -k "{folder}"'  # its socket stays in its own folder
    started = False
    try:
        initdb = [*as_user, str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres"]
        run_quiet([*initdb, "-A", "trust", "-E", "UTF8", "--no-locale", "-N"], "create it")
        run_quiet([*pg_ctl, "-l", str(log), "-w", "-t", "60", "-o", options, "start"], "start", log)
        started = True
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        if started:
            subprocess.run(
                [*pg_ctl, "-m", "immediate", "-w", "stop"], capture_output=True, check=False
            )
        shutil.rmtree(folder, ignore_errors=True)


# --- the commands -------------------------------------------------------------------------------


def has_test_files() -> bool:
    tests = ROOT / "tests"
    return any(tests.rglob("test_*.py")) or any(tests.rglob("*_test.py"))


def run_pytest(python: Path, full: bool, extra: Sequence[str], env: dict[str, str]) -> bool:
    command = [str(python), "-m", "pytest", *([] if full else ["-m", "not slow"]), *extra]
    code = subprocess.run(command, cwd=ROOT, env=env, check=False).returncode
    if code == 5 and not has_test_files():
        say("There are no tests yet.")
        return True
    return code == 0


# import-linter's command, run by the venv's Python (its script's name differs on Windows).
LINT_IMPORTS = (
    "import sys; from importlinter.cli import lint_imports_command; "
    "sys.exit(lint_imports_command())"
)


STRESS = ROOT / "bench" / "stress_server.py"


def run_stress(python: Path, url: str, env: dict[str, str]) -> bool:
    """A brief run of the shared-office stress script: its figures, and no edit lost."""
    if not STRESS.exists():
        return True
    say("== bench/stress_server.py (3 officers, 3 s: figures only)")
    command = [str(python), str(STRESS), "--database-url", url, "--officers", "3", "--seconds", "3"]
    return subprocess.run(command, cwd=ROOT, env=env, check=False).returncode == 0


def test(full: bool, extra: Sequence[str]) -> int:
    python = set_up("test", full)
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    failed = []
    for name, args in (
        ("ruff check", ["-m", "ruff", "check"]),
        ("ruff format --check", ["-m", "ruff", "format", "--check"]),
        ("mypy", ["-m", "mypy"]),
        # The layers' rules (pyproject.toml): ui/ and commands/ import only the app layer.
        ("import contracts", ["-c", LINT_IMPORTS]),
    ):
        say(f"== {name}")
        if subprocess.run([str(python), *args], cwd=ROOT, check=False).returncode != 0:
            failed.append(name)
    say("== pytest" + (" (all tests, PostgreSQL included)" if full else " (without slow tests)"))
    if full and not env.get(POSTGRESQL_URL_ENV):
        bin_dir = ensure_postgresql()
        if bin_dir is not None:
            with throwaway_postgresql(bin_dir) as url:
                env[POSTGRESQL_URL_ENV] = url
                passed = run_pytest(python, full, extra, env)
                if not run_stress(python, url, env):
                    failed.append("stress_server (an edit lost, or the trail short)")
        else:
            passed = run_pytest(python, full, extra, env)
    else:
        passed = run_pytest(python, full, extra, env)
    if not passed:
        failed.append("pytest")
    if full:
        # The figures go to the log, where a change that doubles one is seen; a figure never
        # fails the run (no timed assertions), only a benchmark that cannot run at all does.
        say("== bench --quick")
        if bench(["--quick"], python) != 0:
            failed.append("bench --quick")
    if failed:
        say(f"Failed: {', '.join(failed)}.")
        return 1
    return 0


def bench(args: Sequence[str], python: Path | None = None) -> int:
    """bench/run_all.py: every benchmark, one table."""
    python = python or set_up("test")
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    command = [str(python), str(ROOT / "bench" / "run_all.py"), *args]
    return subprocess.run(command, cwd=ROOT, env=env, check=False).returncode


def run(args: Sequence[str]) -> int:
    python = set_up("run")
    return subprocess.run([str(python), "-m", "visitdesk", *args], cwd=ROOT, check=False).returncode


USAGE = """usage:
  python3 packaging/dev.py run [visitdesk arguments...]     start VisitDesk
  python3 packaging/dev.py test [--full] [-- pytest args]   ruff, mypy and the tests
      --full also runs the slow tests, the PostgreSQL test and bench --quick
  python3 packaging/dev.py bench [--quick] [--runs N]       every benchmark, one table"""


def main(argv: Sequence[str]) -> int:
    # Run by whatever python3 the machine has, which may be older than the package allows.
    if sys.version_info < (3, 11):  # noqa: UP036
        say("VisitDesk needs Python 3.11 or newer; this is " + sys.version.split()[0] + ".")
        return 2
    if hasattr(signal, "SIGTERM"):
        # A stopped CI job still stops the throwaway database and removes its folder.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    if not argv or argv[0] not in ("run", "test", "bench"):
        say(USAGE)
        return 2
    command, rest = argv[0], list(argv[1:])
    try:
        if command == "run":
            return run(rest)
        if command == "bench":
            return bench(rest)
        split = rest.index("--") if "--" in rest else len(rest)
        options, pytest_args = rest[:split], rest[split + 1 :]
        if any(option != "--full" for option in options):
            say(USAGE)
            return 2
        return test("--full" in options, pytest_args)
    except SetupError as exc:
        say(str(exc))
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
