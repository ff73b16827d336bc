"""Use cases over a session: what the CLI and the window both do. No Qt, no reportlab."""
