"""Where the records live: engine and sessions, migrations, backups. No Qt."""
