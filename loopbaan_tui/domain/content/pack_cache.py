"""The built-in pack, read and checked once and then kept ready in the user's cache folder.

Reading and checking a pack's ten TOML files is most of what loopbaan does before its first screen;
a pack checked before comes back from the cache in about a millisecond, without importing the loader.
A cached pack is used only while its stamp still matches: loopbaan's version, the Python, and the
size and modification time of every file it was made from (the pack's own files, every built-in
pack's top-level files, among them the reference UI words, and the code of `domain/content` and
`domain/kinds`). Anything else (another stamp, a broken or foreign file, a cache that cannot be
read or written) means the pack is read from its folder as before; the cache never raises.
"""

from __future__ import annotations

import contextlib
import copyreg
import dataclasses
import io
import os
import pickle
import sys
import zlib
from collections.abc import Callable
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import IO, Any

from ... import __version__
from . import builtin
from .model import Pack
from .problems import Problem

CACHE_ENV = "LOOPBAAN_CACHE_DIR"
"""A folder to keep the cache in instead of the platform's cache folder."""
SCHEMA = 2
_CODE = (Path(__file__).parent, Path(__file__).parent.parent / "kinds")
"""The code a cached pack's objects come from: a change there makes every cached pack stale."""
_ALLOWED = ("loopbaan_tui.domain.content.", "pathlib")
"""The only modules a cached pack may name (a cache file naming anything else is not loaded)."""


def cache_folder() -> Path:
    """$LOOPBAAN_CACHE_DIR, else the platform's cache folder for loopbaan."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV]).expanduser()
    from platformdirs import user_cache_path

    return user_cache_path("loopbaan", appauthor=False)


def builtin_pack(language: str) -> Pack | tuple[Problem, ...]:
    """The built-in pack of `language`, from the cache when it is fresh, else read, checked and cached.
    Each installation (each folder the pack is in) has its own file, so two never replace each other's."""
    folder = builtin.pack_folder(language)
    where = zlib.crc32(str(folder.resolve()).encode("utf-8", "surrogateescape"))
    return cached_pack(folder, cache_folder() / f"pack-{language}-{where:08x}.pickle")


def cached_pack(folder: Path, cache: Path) -> Pack | tuple[Problem, ...]:
    """The pack in `folder` (or its problems), kept in the file `cache` between runs."""
    stamp = _stamp(folder)
    if stamp is not None and (pack := _read(cache, stamp)) is not None:
        return pack
    from .loader import load_pack

    result = load_pack(folder)
    if result.pack is None:
        return result.problems
    if stamp is not None:
        _write(cache, stamp, result.pack)
    return result.pack


def _stamp(folder: Path) -> tuple[object, ...] | None:
    """What a cached pack was made from; None when it cannot be told (then nothing is cached)."""
    folders = [folder, *(builtin.content_root() / language for language in builtin.languages()), *_CODE]
    files: list[tuple[str, int, int]] = []
    try:
        for place in dict.fromkeys(folder.resolve() for folder in folders):
            with os.scandir(place) as entries:
                for entry in entries:
                    if entry.is_file():
                        info = entry.stat()
                        files.append((entry.path, info.st_size, info.st_mtime_ns))
    except OSError:
        return None
    return (SCHEMA, __version__, sys.version, str(folder.resolve()), tuple(sorted(files)))


def _proxy(items: dict[str, Any]) -> MappingProxyType[str, Any]:
    return MappingProxyType(items)


@cache
def _setters(kind: type) -> tuple[Callable[[object, object], None], ...]:
    """How each field of a slotted dataclass is set, in field order (its slots' own setters:
    no `__setattr__`, so frozen classes too)."""
    return tuple(getattr(kind, field.name).__set__ for field in dataclasses.fields(kind))


def _build(kind: type, values: tuple[object, ...]) -> object:
    """A slotted dataclass object with these field values, as it was pickled (no `__init__`).
    A cached built-in pack loads in ~2 ms this way, ~5 ms through dataclasses' own `__setstate__`."""
    made: object = object.__new__(kind)
    for setter, value in zip(_setters(kind), values, strict=True):
        setter(made, value)
    return made


class _Pickler(pickle.Pickler):
    """Pickles a pack: its read-only mappings (MappingProxyType) as the dicts they show, its slotted
    dataclasses as their field values (`_build`)."""

    def __init__(self, file: IO[bytes]) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.dispatch_table = {**copyreg.dispatch_table, MappingProxyType: _reduce_proxy}

    def reducer_override(self, obj: object) -> tuple[Callable[..., object], tuple[object, ...]]:
        kind = type(obj)
        if not (dataclasses.is_dataclass(kind) and "__slots__" in kind.__dict__):
            return NotImplemented  # type: ignore[no-any-return]  # typeshed types NotImplemented as Any
        return _build, (kind, tuple(getattr(obj, field.name) for field in dataclasses.fields(kind)))


def _reduce_proxy(proxy: MappingProxyType[str, Any]) -> tuple[Callable[..., object], tuple[object, ...]]:
    return _proxy, (dict(proxy),)


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if not module.startswith(_ALLOWED):
            raise pickle.UnpicklingError(f"{module}.{name} is not part of a pack")
        return super().find_class(module, name)


def _read(cache: Path, stamp: tuple[object, ...]) -> Pack | None:
    """The cached pack, if the file is ours (not writable by others) and its stamp is `stamp`."""
    found = read_stamped(cache, stamp, _Unpickler)
    return found if isinstance(found, Pack) else None


def _write(cache: Path, stamp: tuple[object, ...], pack: Pack) -> None:
    """Keep the pack for the next run (see `write_stamped`)."""
    write_stamped(cache, stamp, pack, _Pickler)


def read_stamped(cache: Path, stamp: tuple[object, ...], unpickler: type[pickle.Unpickler]) -> object:
    """What `write_stamped` kept in `cache` under `stamp`, read with `unpickler` (which limits what the
    file may name); None when the file is missing, unreadable, broken, another stamp's, or not ours (owned
    by another user or writable by others). Never raises."""
    try:
        with open(cache, "rb") as handle:
            info = os.fstat(handle.fileno())
            if hasattr(os, "getuid") and (info.st_uid != os.getuid() or info.st_mode & 0o022):
                return None
            found = unpickler(handle).load()
    except Exception:  # missing, unreadable, broken, from another version: the caller makes it anew
        return None
    if not (isinstance(found, tuple) and len(found) == 2 and found[0] == stamp):
        return None
    return found[1]


def write_stamped(
    cache: Path, stamp: tuple[object, ...], value: object, pickler: Callable[[IO[bytes]], pickle.Pickler]
) -> None:
    """Keep `value` under `stamp` for the next run: written whole or not at all (a temporary file, then
    renamed), owner-only (file 0600, folder 0700); a cache that cannot be written is left as it is."""
    temp = cache.with_name(f".{cache.name}.{os.getpid()}.tmp")
    try:
        buffer = io.BytesIO()
        pickler(buffer).dump((stamp, value))
        cache.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        with open(temp, "wb", opener=lambda path, flags: os.open(path, flags, 0o600)) as handle:
            handle.write(buffer.getvalue())
        os.replace(temp, cache)
    except Exception:  # a cache: a run that cannot keep it makes it again next time
        with contextlib.suppress(OSError):
            temp.unlink()
