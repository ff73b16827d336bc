"""The views of the main window: visits, one visit, follow-ups."""
