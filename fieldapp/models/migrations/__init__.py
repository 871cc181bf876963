"""The shipped migration steps, by version range (the list, in order, is models/schema.py)."""
