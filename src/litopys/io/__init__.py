"""Readers: bytes on disk become Documents (decoding, header, date, language)."""
