"""One screen per concern."""
