"""The bundle runs PyInstaller's run-time hooks for PySide6, inspect and pkgutil when their module
is first imported, not at every start: the wiring in the spec, and the deferral itself (here
with stand-in hooks; the slow bundle test runs the real ones, window included)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
HOOKS = REPO / "packaging" / "hooks"
DEFERRED = HOOKS / "rthooks" / "pyi_rth_visitdesk_deferred.py"


def test_the_three_hooks_are_ours_and_theirs_ship_unchanged() -> None:
    import PyInstaller

    listed = ast.literal_eval((HOOKS / "rthooks.dat").read_text(encoding="utf-8"))
    assert listed == {name: [DEFERRED.name] for name in ("PySide6", "inspect", "pkgutil")}
    spec = (REPO / "packaging" / "visitdesk.spec").read_text(encoding="utf-8")
    assert "hookspath=[str(HOOKS)]" in spec and '"_pyi_rth_utils.qt"' in spec
    theirs = Path(PyInstaller.__file__).parent / "hooks" / "rthooks"
    for name in ("pyi_rth_pyside6.py", "pyi_rth_inspect.py", "pyi_rth_pkgutil.py"):
        assert f'"{name}"' in spec and (theirs / name).is_file()
        assert f'"{name}"' in DEFERRED.read_text(encoding="utf-8")


PROBE = """
import sys
sys._MEIPASS = {folder!r}
import inspect  # imported before the hooks run (as by PyInstaller's own start): its runs at once
exec(compile(open({hook!r}).read(), "hook", "exec"), {{"__name__": "__main__"}})
exec(compile(open({hook!r}).read(), "hook", "exec"), {{"__name__": "__main__"}})  # twice: once
ran = sys.ran = getattr(sys, "ran", [])
print("before", sorted(ran))
import pkgutil
print("pkgutil", sorted(sys.ran), pkgutil.__name__)
print("finders", sum(type(f).__name__ == "DeferredHooks" for f in sys.meta_path))
"""

STAND_IN = """
import sys
module = sys.modules[{name!r}]  # the module is there, its own code run, before its hook
assert hasattr(module, {attribute!r})
sys.ran = getattr(sys, "ran", []) + [{name!r}]
"""


def test_each_hook_runs_once_right_after_its_module_is_imported(tmp_path: Path) -> None:
    folder = tmp_path / "visitdesk_rthooks"
    folder.mkdir()
    for name, attribute in (("pkgutil", "iter_modules"), ("inspect", "getsourcefile")):
        (folder / f"pyi_rth_{name}.py").write_text(
            STAND_IN.format(name=name, attribute=attribute), encoding="utf-8"
        )
    (folder / "pyi_rth_pyside6.py").write_text("raise SystemExit('never imported')\n")
    probe = PROBE.format(folder=str(tmp_path), hook=str(DEFERRED))
    done = subprocess.run(
        [sys.executable, "-I", "-S", "-c", probe], capture_output=True, text=True, check=True
    )
    assert done.stdout.splitlines() == [
        "before ['inspect']",
        "pkgutil ['inspect', 'pkgutil'] pkgutil",
        "finders 1",  # PySide6's still waits
    ]
