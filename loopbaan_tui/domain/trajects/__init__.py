"""A person's traject and its files: answers, cleaning text, the file format, the store, locks, backups, recovery, the bin, autosave."""
