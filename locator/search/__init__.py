"""Finding safe spaces: the query, the index, the service behind the API."""
