"""The `litopys` command. Thin: every command calls the stages, the store and the queries;
one module per group of commands."""

from litopys.cli import extract, lexicon, query, serve, store  # noqa: F401  (each registers its commands)
from litopys.cli.app import app

__all__ = ["app", "main"]


def main() -> None:  # pragma: no cover
    app()
