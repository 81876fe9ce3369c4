"""Projects and their taxonomies in the public API, reads and draft writes."""
