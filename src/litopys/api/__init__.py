"""The REST API under /api: read-only routes, and the token-guarded ingest route."""
