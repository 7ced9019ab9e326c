"""Content packs: the model (pack, steps, prompts, paths, scales), reading and checking a pack's
TOML files, and the built-in packs."""
