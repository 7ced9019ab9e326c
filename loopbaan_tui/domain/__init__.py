"""The domain: content packs, trajecten, storage and the roadmap, free of any UI."""
