"""What loopbaan says: the catalogue of words per language, command-line and check messages, dates in words."""
