"""Mechanics shared by every endpoint of the public API: `core` (errors, expansions,
conditional GET, the base viewset) and `defaults` (classes named in settings)."""
