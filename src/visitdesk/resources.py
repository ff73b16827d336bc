"""Find the files VisitDesk ships (fonts, icons, the exchange schema) wherever it runs.

Three layouts exist: the source tree (`resources/` beside `src/`), an installed wheel (the same
folder packed as `visitdesk/resources`), and a PyInstaller bundle (`resources/` under the
bundle's root). Everything that needs a shipped file asks this one function.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resources_root() -> Path:
    here = Path(__file__).resolve().parent
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources")
    candidates += [here / "resources", here.parent.parent / "resources"]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        "VisitDesk's resources folder is missing; looked in: "
        + ", ".join(str(c) for c in candidates)
        + ". Reinstall VisitDesk."
    )


def resource_path(*parts: str) -> Path:
    """The path of a shipped file, e.g. `resource_path("fonts", "NotoSerif-Regular.ttf")`."""
    path = resources_root().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"VisitDesk is missing its file {path}. Reinstall VisitDesk.")
    return path
