"""What the service talks to outside itself: the database and the mail server."""
