"""Dialogs, each imported only when first opened so that start-up stays fast."""
