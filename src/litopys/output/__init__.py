"""Records for people and programs: JSON lines, one JSON document, a Rich table."""
