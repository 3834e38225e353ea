"""The database: SQLAlchemy models, Alembic migrations, idempotent batched writes with near-duplicate links and cross-article event merging."""
