"""Importing premises: files checked row by row, and the demo data."""
