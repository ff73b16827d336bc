"""Write a new migration by comparing the models with the schema (a developer's tool).

Usage: python -m visitdesk.store.revision "what changed"
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from sqlalchemy import create_engine

from visitdesk.store import migrate


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    from alembic import command
    from alembic.script import ScriptDirectory

    config = migrate.alembic_config()
    # The revision id already holds the slug: `0003_press_release_topic.py`, not twice over.
    config.set_main_option("file_template", "%%(rev)s")
    head = ScriptDirectory.from_config(config).get_current_head()
    number = int((head or "0000").split("_", 1)[0]) + 1
    slug = "_".join(argv[0].lower().split())[:40]
    with tempfile.TemporaryDirectory() as folder:
        engine = create_engine(f"sqlite:///{Path(folder) / 'scratch.sqlite3'}")
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            command.revision(
                config, message=argv[0], autogenerate=True, rev_id=f"{number:04d}_{slug}"
            )
        engine.dispose()
    print("Now set SCHEMA_HEAD in visitdesk/store/migrate.py and add a fixture database.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
