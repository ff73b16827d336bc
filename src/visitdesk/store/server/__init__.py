"""The shared office on PostgreSQL: the server's own trail, roles and backups."""
