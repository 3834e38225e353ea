"""The web pages of `litopys serve` and the app that serves them with the API (see app.create_app)."""
