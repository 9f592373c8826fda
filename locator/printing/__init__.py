"""Printable PDFs: the window sticker and the staff card."""
