"""Event extraction: patterns (data) → triggers → arguments → negation → dates."""
