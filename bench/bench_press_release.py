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
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO.parent / "shared" / "examples" / "sipo-2017.visit.json"
if not EXAMPLE.exists():
    EXAMPLE = REPO / "tests" / "fixtures" / "sipo-2017.visit.json"
REF = "sipo-2017-03"


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


def _timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    return time.perf_counter() - start


def _environment(bytecode: bool, pycache: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if bytecode:
        env["PYTHONPYCACHEPREFIX"] = str(pycache)  # a cache of its own, kept between runs
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env.pop("PYTHONPYCACHEPREFIX", None)
    return env


def _libreoffice(folder: Path) -> list[str] | None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    profile = (folder / "lo-profile").as_uri()
    return [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each, interleaved")
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        data_dir = folder / "data"
        out = folder / "pr.pdf"
        docx = folder / "pr.docx"
        from visitdesk.services.exchange.importer import import_file
        from visitdesk.store.database import Store

        store = Store.open(data_dir=data_dir)
        import_file(store, EXAMPLE)
        store.close()
        command = [sys.executable, "-m", "visitdesk", "--data-dir", str(data_dir)]
        release = [*command, "press-release", REF]
        plain = _environment(bytecode=False, pycache=folder / "pycache")
        subprocess.run([*release, "-o", str(docx)], check=True, capture_output=True, env=plain)
        office = _libreoffice(folder)
        lo_command = [*office, "--outdir", str(folder / "lo"), str(docx)] if office else None
        if lo_command:
            _timed(lo_command, plain)  # makes the profile, as the first start on a PC does
        cached = _environment(bytecode=True, pycache=folder / "pycache")
        _timed([*release, "-o", str(out)], cached)  # fills the bytecode cache
        times: dict[str, list[float]] = {"cached": [], "compiled": [], "lo": []}
        for _ in range(runs):
            times["cached"].append(_timed([*release, "-o", str(out)], cached))
            times["compiled"].append(_timed([*release, "-o", str(out)], plain))
            if lo_command:
                times["lo"].append(_timed(lo_command, plain))
        visits = statistics.median(_timed([*command, "visits"], cached) for _ in range(3))
        first = build_once(data_dir, out)
        warm = [build_once(data_dir, out) for _ in range(10)]
        size = out.stat().st_size
    median = {k: statistics.median(v) for k, v in times.items() if v}
    print(f"press release PDF of the example visit ({size:,} bytes), medians of {runs} runs")
    print(f"  visitdesk press-release, bytecode cached:      {median['cached']:.3f} s")
    print(f"  visitdesk press-release, PYTHONDONTWRITEBYTECODE=1: {median['compiled']:.3f} s")
    if "lo" in median:
        lo = median["lo"]
        print(f"  LibreOffice .docx -> PDF (one page):           {lo:.3f} s")
        print(f"  ratio, bytecode cached:                        {median['cached'] / lo:.2f}x")
        print(f"  ratio, PYTHONDONTWRITEBYTECODE=1:              {median['compiled'] / lo:.2f}x")
    else:
        print("  LibreOffice is not installed (no soffice): no ratio. On Debian:")
        print("  apt-get install -y libreoffice-writer-nogui")
    print(f"  for scale, cold `visitdesk visits` (cached):   {visits:.3f} s")
    print(f"  first build in this process (fonts loaded):    {first:.3f} s")
    print(f"  warm build, median of 10:                      {statistics.median(warm):.3f} s")


if __name__ == "__main__":
    main()
