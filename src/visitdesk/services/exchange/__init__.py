"""The `visitdesk/1` exchange format: reading, checking, importing and exporting visits."""

FORMAT = "visitdesk/1"
SCHEMA_FILE = "visitdesk-1.schema.json"


def schema_text() -> str:
    """The JSON Schema of the format, as shipped inside the package."""
    from importlib import resources

    return resources.files(__name__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
