"""Actor recognition (matcher), resolution at the document's date (resolver), office
phrases joined to their state (compose), and references resolved from context (coref)."""
