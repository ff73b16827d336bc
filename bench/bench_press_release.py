"""The press release against the way offices make one today: Word, then LibreOffice to PDF.

Run: `.venv/bin/python bench/bench_press_release.py [--runs N]`. Prints figures; asserts nothing.

Side by side, in one run and interleaved (so both see the same load on a shared machine):
- VisitDesk: a new process running `visitdesk press-release REF -o FILE.pdf`, the whole of it
  (start, open the store, draft, register, write the PDF), on the example visit;
- LibreOffice: `soffice --headless --convert-to pdf` of a one-page .docx of the same release
  (VisitDesk's own Word export), with a profile made once beforehand, as on an office PC.

Both with Python's bytecode cache (as an installed VisitDesk runs) and with
PYTHONDONTWRITEBYTECODE=1 (as this environment sets it: every start also compiles). Then the
build alone, first and warm, inside one process. Without LibreOffice it says so and prints the
rest.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from html import escape
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import Figure, Runs, bytecode_env, run_once

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO.parent / "shared" / "examples" / "sipo-2017.visit.json"
if not EXAMPLE.exists():
    EXAMPLE = REPO / "tests" / "fixtures" / "sipo-2017.visit.json"
REF = "sipo-2017-03"
RATIO_GOAL = 0.3  # issues 11 and 15: at most 0.3x LibreOffice's time
BUILD_GOAL_S = 0.5  # issue 2


def build_once(data_dir: Path, out: Path) -> float:
    from visitdesk import files
    from visitdesk.documents.press_release_pdf import press_release_pdf
    from visitdesk.documents.release_content import release_content
    from visitdesk.services.press_release.record import office_of, prepare_release
    from visitdesk.services.visits import load_visit
    from visitdesk.store.database import Store

    start = time.perf_counter()
    store = Store.open(data_dir=data_dir)
    with store.transaction() as session:
        visit = load_visit(session, REF)
        release = prepare_release(session, visit).release
        files.write_bytes(out, press_release_pdf(release_content(release, office_of(session))))
    store.close()
    return time.perf_counter() - start


def _libreoffice(folder: Path) -> list[str] | None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    profile = (folder / "lo-profile").as_uri()
    return [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]


def example_store(folder: Path) -> Path:
    """A store in `folder` holding the example visit; its folder."""
    from visitdesk.services.exchange.importer import import_file
    from visitdesk.store.database import Store

    data_dir = folder / "data"
    store = Store.open(data_dir=data_dir)
    import_file(store, EXAMPLE)
    store.close()
    return data_dir


def _without_release(data_dir: Path, folder: Path) -> Path:
    """A copy of the store whose visit has no release yet (the first printing numbers one)."""
    import sqlite3

    pristine = folder / "no-release"
    pristine.mkdir()
    shutil.copy(data_dir / "visitdesk.sqlite3", pristine / "visitdesk.sqlite3")
    connection = sqlite3.connect(pristine / "visitdesk.sqlite3")
    with connection:
        connection.execute("DELETE FROM press_release")
    connection.close()
    return pristine


def process_figures(
    folder: Path, data_dir: Path, runs: int, cached: dict[str, str]
) -> list[Figure]:
    """The release as a whole process (bytecode cached as in `cached`, and compiled at every
    start), against LibreOffice's .docx -> PDF of the same one-page release, interleaved.

    Two cases: the release printed again (`visitdesk press-release REF -o FILE.pdf` once more:
    drafted afresh, found unchanged, nothing to store: the fast path over plain records), and
    the first printing of a visit's release (numbered in the register and stored: the ordinary
    way, through SQLAlchemy), each run on a fresh copy of a store without it.
    """
    out, docx = folder / "pr.pdf", folder / "pr.docx"
    release = [sys.executable, "-m", "visitdesk", "--data-dir", str(data_dir), "press-release", REF]
    compiled = bytecode_env(False, folder / "no-pycache", cached)
    run_once([*release, "-o", str(docx)], cached)
    office = _libreoffice(folder)
    lo_command = [*office, "--outdir", str(folder / "lo"), str(docx)] if office else None
    if lo_command:
        run_once(lo_command)  # makes the profile, as the first start on a PC does
    run_once([*release, "-o", str(out)], cached)  # fills the bytecode cache and the font cache
    pristine = _without_release(data_dir, folder)
    fresh = folder / "fresh"
    new = [sys.executable, "-m", "visitdesk", "--data-dir", str(fresh), "press-release", REF]
    times = {"cached": Runs(), "compiled": Runs(), "new": Runs(), "lo": Runs()}
    for _ in range(runs):
        times["cached"].add(*run_once([*release, "-o", str(out)], cached)[:2])
        times["compiled"].add(*run_once([*release, "-o", str(out)], compiled)[:2])
        shutil.rmtree(fresh, ignore_errors=True)
        shutil.copytree(pristine, fresh)
        seconds, peak, said = run_once([*new, "-o", str(out)], cached)
        if "(new, drafted)" not in said:
            raise RuntimeError(f"the first printing did not number a new release: {said}")
        times["new"].add(seconds, peak)
        if lo_command:
            times["lo"].add(*run_once(lo_command)[:2])
    lo = times["lo"] if lo_command else None
    baseline = "LibreOffice .docx -> PDF" if lo else "LibreOffice (not installed: no soffice)"
    figures = [
        Figure(
            f"press release printed again (drafted, unchanged), whole process, {how}",
            times[key],
            baseline=baseline,
            base=lo,
            max_ratio=RATIO_GOAL,
            note="no SQLAlchemy: plain records, nothing to store",
        )
        for key, how in (("cached", "bytecode cached"), ("compiled", "no bytecode"))
    ]
    figures.append(
        Figure(
            "press release first printed (numbered, stored), whole process, bytecode cached",
            times["new"],
            baseline=baseline,
            base=lo,
            note="the ordinary way (SQLAlchemy): no goal of its own",
        )
    )
    return figures


def build_figures(data_dir: Path, out: Path, runs: int) -> list[Figure]:
    """The build alone in this process: first (fonts loaded) and warm, against a bare reportlab
    build of a page of the same text."""
    first = Runs()
    first.add(build_once(data_dir, out))
    warm = Runs()
    for _ in range(runs):
        warm.add(build_once(data_dir, out))
    text = _release_text(data_dir)
    bare = Runs()
    for _ in range(runs):
        bare.add(bare_reportlab(text, out.with_name("bare.pdf")))
    return [
        Figure("press release build, first in a process", first, max_value=BUILD_GOAL_S),
        Figure(
            "press release build, warm",
            warm,
            baseline="bare reportlab, same text",
            base=bare,
            max_value=BUILD_GOAL_S,
        ),
    ]


def _release_text(data_dir: Path) -> list[str]:
    """The paragraphs of the example's release, as the bare build sets them."""
    from visitdesk.services.press_release.record import prepare_release
    from visitdesk.services.visits import load_visit
    from visitdesk.store.database import Store

    store = Store.open(data_dir=data_dir)
    with store.session() as session:
        release = prepare_release(session, load_visit(session, REF)).release
        parts = [release.headline, release.lead_quote, release.lead_quote_attribution]
        text = [*(p or "" for p in parts), *(release.body or "").split("\n")]
        session.rollback()  # the bare build registers nothing
    store.close()
    return [t for t in text if t.strip()]


def bare_reportlab(paragraphs: list[str], out: Path) -> float:
    """Seconds reportlab takes to set `paragraphs` on A4 in its own Times, nothing else."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    start = time.perf_counter()
    style = getSampleStyleSheet()["BodyText"]
    story = [Paragraph(escape(p), style) for p in paragraphs]
    SimpleDocTemplate(str(out), pagesize=A4).build(story)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each, interleaved")
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        data_dir = example_store(folder)
        cached = bytecode_env(True, folder / "pycache")
        figures = process_figures(folder, data_dir, runs, cached)
        figures += build_figures(data_dir, folder / "pr.pdf", 10)
    for figure in figures:
        print(figure.line())


if __name__ == "__main__":
    main()
