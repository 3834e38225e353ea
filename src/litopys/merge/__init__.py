"""Merging reports of the same event: within one document (here) and across documents (store)."""
