"""Table models over the plain row tuples the services return, and the search proxy."""
