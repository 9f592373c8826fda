"""The service's own rules and facts, with no web framework or database: one source of truth."""
