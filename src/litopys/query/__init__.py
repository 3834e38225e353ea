"""Read the store: one set of queries behind the CLI, the REST API and the web pages."""
