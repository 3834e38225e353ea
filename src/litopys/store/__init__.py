"""The database: SQLAlchemy models and a repository that writes documents idempotently."""
