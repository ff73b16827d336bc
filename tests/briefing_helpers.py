"""Building packs of made-up visits (`briefing_visits`) and reading them back as an officer
would: the text of each page, and where words sit on a page."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from visitdesk.cli import main


def import_document(data_dir: Path, document: dict[str, Any], name: str) -> None:
    source = data_dir.parent / f"{name}.visit.json"
    source.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    assert main(["--data-dir", str(data_dir), "import", str(source)]) == 0


def build_pack(data_dir: Path, visit: str, out: Path, *extra: str) -> Path:
    assert main(["--data-dir", str(data_dir), "briefing-pack", visit, "-o", str(out), *extra]) == 0
    return out


def page_texts(path: Path) -> list[str]:
    return [flat(page.extract_text() or "") for page in PdfReader(path).pages]


def flat(text: str) -> str:
    return " ".join(text.split())


def strings_in(value: Any, mark: str) -> list[str]:
    """Every string of a JSON value that contains `mark`."""
    if isinstance(value, str):
        return [value] if mark in value else []
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings_in(v, mark)]
    if isinstance(value, list):
        return [s for v in value for s in strings_in(v, mark)]
    return []


def word_boxes(path: Path, page: int) -> list[tuple[str, float, float]]:
    """(word, x of its centre, y of its top) of every word on page `page` (1-based), as
    poppler's pdftotext places them."""
    html = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>'
    return [
        (word, (float(x0) + float(x1)) / 2, float(y0))
        for x0, y0, x1, word in re.findall(pattern, html)
    ]
