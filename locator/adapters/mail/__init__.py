"""Mail leaving the service: to files, the console or an SMTP server."""
