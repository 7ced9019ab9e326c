"""Which UI word (a key of ui.toml) the screens show for a code the domain hands them.

Literal maps, so that a test can check every key statically (tests/test_ui_words.py)."""

from __future__ import annotations

STORAGE_WORDS = {
    "unwritable": "storage_unwritable",
    "disk_full": "storage_disk_full",
    "folder_missing": "storage_folder_missing",
    "folder_is_file": "storage_folder_is_file",
    "folder_is_special": "storage_folder_is_special",
    "link": "storage_link",
    "trash_link": "storage_trash_link",
    "other": "storage_other",
}
"""A StorageError's code, to what the screen says about it."""

DAMAGE_WORDS = {
    "empty": "damaged_empty",
    "not_utf8": "damaged_not_utf8",
    "not_toml": "damaged_not_toml",
    "bad_data": "damaged_bad_data",
    "newer_version": "damaged_newer_version",
    "too_deep": "damaged_too_deep",
    "unreadable": "damaged_unreadable",
}
"""A DamagedTraject's code, to the reason the screen gives."""


def storage_word(code: str) -> str:
    """The UI word for a StorageError's code ("storage_other" for one this map does not know)."""
    return STORAGE_WORDS.get(code, "storage_other")


def damage_word(code: str) -> str:
    """The UI word for why a traject file cannot be used ("damaged_unreadable" for an unknown code)."""
    return DAMAGE_WORDS.get(code, "damaged_unreadable")
