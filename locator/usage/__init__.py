"""Record and Review: uses of safe spaces logged without personal data."""
