"""The example trajecten shipped with the app: one believable person per built-in profile and language.

They live beside the built-in packs, as `content/examples/<language>/<profile>.toml` (in a wheel:
`loopbaan_tui/content/examples/...`), in the ordinary traject file format (docs/data-format.md).
The start screen can show one ("bekijk een voorbeeld"); the golden roadmap tests write them out.
"""

from __future__ import annotations

from pathlib import Path

from ..trajects.traject import Traject
from ..trajects.traject_file import from_toml
from . import builtin


class ExampleMissing(LookupError):
    """There is no example for this language and profile (or its file cannot be read)."""

    def __init__(self, language: str, profile: str, reason: str = "") -> None:
        super().__init__(
            f"no example traject for language {language!r} and profile {profile!r}" + (f": {reason}" if reason else "")
        )
        self.language = language
        self.profile = profile


def examples_folder() -> Path:
    """The folder with one subfolder of examples per language."""
    return builtin.content_root() / "examples"


def example_path(language: str, profile: str) -> Path:
    """Where the example for a language and profile is (whether or not it exists)."""
    return examples_folder() / language / f"{profile}.toml"


def example_profiles(language: str) -> tuple[str, ...]:
    """The profiles that have an example in this language, sorted."""
    folder = examples_folder() / language
    if not folder.is_dir():
        return ()
    return tuple(sorted(path.stem for path in folder.glob("*.toml") if path.is_file()))


def load_example(language: str, profile: str) -> Traject:
    """The example traject for a built-in pack's language ("nl", "en") and profile; ExampleMissing if none."""
    if "/" in profile or "\\" in profile or profile.startswith(".") or "/" in language or language.startswith("."):
        raise ExampleMissing(language, profile, "not a language or profile id")
    path = example_path(language, profile)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise ExampleMissing(language, profile, error.strerror or str(error)) from error
    try:
        return from_toml(text)
    except ValueError as error:
        raise ExampleMissing(language, profile, str(error)) from error
