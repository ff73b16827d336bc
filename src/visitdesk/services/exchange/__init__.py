"""The `visitdesk/1` exchange format: reading, checking, importing and exporting visits."""

FORMAT = "visitdesk/1"
