from visitdesk.cli import main

raise SystemExit(main())
