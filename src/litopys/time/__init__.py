"""Time expressions found in the text and resolved against the publication date."""
