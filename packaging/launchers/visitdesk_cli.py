"""The console program of the bundle: `visitdesk COMMAND ...`, the same as the installed one."""

from visitdesk.cli import main

raise SystemExit(main())
