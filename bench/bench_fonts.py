"""What each bundled font costs to register, and which fonts a press release registers.

Run: `.venv/bin/python bench/bench_fonts.py`. Prints figures; asserts nothing.
Each font is registered in a fresh process (the first text that needs it pays this once), both
parsed from its file (no font cache) and read from the font cache (`documents/font_cache.py`,
as every process after the first on a PC); the press release of the example visit is then
built in a fresh process and the fonts it registered are listed: an English release must
register only the serif fonts it draws.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import Figure, Runs

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO.parent / "shared" / "examples" / "sipo-2017.visit.json"
if not EXAMPLE.exists():
    EXAMPLE = REPO / "tests" / "fixtures" / "sipo-2017.visit.json"
RUNS = 3

_REGISTER = """
import sys
from visitdesk.documents import fonts
fonts.get_font(sys.argv[1])
print(fonts.registration_costs()[sys.argv[1]])
"""

_IMPORT = """
import sys
from visitdesk.cli import main
sys.exit(main(["--data-dir", sys.argv[1], "import", sys.argv[2]]))
"""

_RELEASE = """
import sys
from pathlib import Path
from visitdesk.documents import fonts
from visitdesk.documents.press_release_pdf import press_release_pdf
from visitdesk.documents.release_content import release_content
from visitdesk.services.press_release.record import office_of, prepare_release
from visitdesk.services.visits import load_visit
from visitdesk.store.database import Store

store = Store.open(data_dir=Path(sys.argv[1]))
with store.transaction() as session:
    release = prepare_release(session, load_visit(session, "sipo-2017-03")).release
    content = release_content(release, office_of(session))
    Path(sys.argv[2]).write_bytes(press_release_pdf(content))
for name, seconds in fonts.registration_costs().items():
    print(f"{name} {seconds * 1000:.1f}")
"""


def _run(code: str, *args: str, cache: str | None = None) -> str:
    env = dict(os.environ) if cache is None else dict(os.environ, VISITDESK_FONT_CACHE=cache)
    command = [sys.executable, "-c", code, *args]
    out = subprocess.run(command, capture_output=True, text=True, env=env)
    out.check_returncode()
    return out.stdout


def font_figures(folder: Path, runs: int = RUNS) -> list[Figure]:
    """Each bundled font's registration in a fresh process, and what an English release of
    the example registers (one figure per font, the time it cost)."""
    from visitdesk.documents import fonts

    figures = []
    cache = str(folder / "font-cache")
    for name in fonts._FILES:
        parsed, cached = Runs(), Runs()
        _run(_REGISTER, name, cache=cache)  # fills the cache
        for _ in range(runs):
            parsed.add(float(_run(_REGISTER, name, cache="off")))
            cached.add(float(_run(_REGISTER, name, cache=cache)))
        figures.append(
            Figure(
                f"register the font {name}, from the font cache",
                cached,
                unit="ms",
                baseline="parsed from its file",
                base=parsed,
            )
        )
    _run(_IMPORT, str(folder), str(EXAMPLE))
    registered = _run(_RELEASE, str(folder), str(folder / "release.pdf")).splitlines()
    for line in registered:
        name, milliseconds = line.rsplit(" ", 1)
        cost = Runs()
        cost.add(float(milliseconds) / 1000)
        figures.append(Figure(f"the example's release registers {name}", cost, unit="ms"))
    return figures


def main() -> None:
    from visitdesk.documents import fonts
    from visitdesk.resources import resource_path

    for name in fonts._FILES:
        size = resource_path("fonts", fonts.font_file(name)).stat().st_size / 1e6
        print(f"{name:26} {fonts.font_file(name):32} {size:5.2f} MB")
    with tempfile.TemporaryDirectory() as folder:
        for figure in font_figures(Path(folder)):
            print(figure.line())


if __name__ == "__main__":
    main()
