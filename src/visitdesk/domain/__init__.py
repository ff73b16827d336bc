"""The data model and the pure rules of protocol work. No Qt, no I/O."""
