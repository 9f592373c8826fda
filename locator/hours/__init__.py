"""Opening hours: parsing, open now, bank holidays."""
