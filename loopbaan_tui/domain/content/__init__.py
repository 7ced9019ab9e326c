"""Content packs: the model (pack, steps, prompts, paths, scales), reading and checking a pack's TOML files, the built-in packs."""
