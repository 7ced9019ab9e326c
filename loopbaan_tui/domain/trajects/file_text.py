"""The traject file's text kept between saves, so that a save formats only what changed.

A traject file is one `tomli_w.dumps` of the whole document (traject_file.document), and stays so:
this module builds the very same text from pieces that tomli_w itself makes, and keeps the pieces
of what did not change since the last save: each closed check-in (a `CheckIn` is never changed
again) and each answer of the current check-in. Nothing here formats a key or a value; it only
joins tomli_w's own output the way tomli_w joins it:

- the file is the top tables (`schema`, `private`, `[traject]`) and then, for every check-in,
  an empty line and its `[[checkin]]` table: that is how tomli_w writes an array of tables as soon
  as one of them does not fit on one line (`_expanded`); when every check-in is small enough to go
  inline, the whole document is simply dumped (it is small then).
- a `[[checkin]]` table is its header, its own keys (date, pack), an empty line, and its answers:
  `[checkin.answers]` with the plain answers one per line, then each answer that is a table (a
  scale, a list of rows) as its own table, an empty line before each but a first one with no plain
  answers before it.

One exception to "nothing is formatted here": a text answer's value (`toml_string`), which tomli_w
formats in a Python loop over every character (a 10,000-word answer: ~5 ms holding the GIL on the
save thread, each save while the user types). Here it is the same text from a few C-speed `replace`
calls; its key and ` = ` still come from tomli_w.

`self_check()` proves the joining right on a document that has every shape (once, lazily, before
the first incremental text); when it fails (another tomli_w writes otherwise), every save dumps the
whole document as before. tests/test_file_text.py proves it on random trajecten, byte for byte.
"""

from __future__ import annotations

import copy
import re
import threading
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import tomli_w

from .checkins import CheckIn, CheckInInfo
from .traject import Traject
from .traject_file import HEADER, Converter, checkin_meta, document, dump, head_document

if TYPE_CHECKING:
    from ..kinds.base import Stored

_WIDTH = 100
"""tomli_w puts a table inline in an array only when its line is at most this long (and has no line break)."""


def _dumps(data: Mapping[str, Any]) -> str:
    return tomli_w.dumps(data, multiline_strings=True)


def _prefix(whole: Mapping[str, Any], tail: Mapping[str, Any]) -> str:
    """What tomli_w writes before `tail`'s own text when `tail` sits where `whole` puts it."""
    text, end = _dumps(whole), _dumps(tail)
    if not text.endswith(end):
        raise ValueError("tomli_w writes nested tables otherwise")
    return text.removesuffix(end)


_PROBE = {"probe": "\n"}  # a multi-line text: a table holding it never goes inline
AOT_HEADER = _prefix({"checkin": [_PROBE]}, _PROBE)
"""`[[checkin]]` and its line end, as tomli_w writes it."""
ANSWERS_HEADER = _prefix({"checkin": {"answers": _PROBE}}, _PROBE)
"""`[checkin.answers]` and its line end, as tomli_w writes it."""
GAP = _prefix({"a": 1, "b": {}}, {"b": {}}).removeprefix(_dumps({"a": 1}))
"""The empty line tomli_w writes between tables."""


class _Piece:
    """One answer's text in its check-in: a plain `key = value` line, or a table of its own."""

    __slots__ = ("key", "table", "text", "value")

    def __init__(self, key: str, value: Any, text: str, table: bool) -> None:
        self.key, self.value, self.text, self.table = key, value, text, table


_ESCAPES = {"\b": "\\b", "\n": "\\n", "\f": "\\f", "\r": "\\r"}
"""tomli_w's short escapes of control characters (the quote and the backslash are replaced first)."""
_CONTROLS = re.compile("[\x00-\x08\x0a-\x1f\x7f]")
"""What tomli_w escapes in a string besides the quote and the backslash: the ASCII controls but the tab."""
_CONTROLS_MULTILINE = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
"""The same in a multi-line string, which keeps its line ends."""


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _ESCAPES.get(char) or "\\u" + hex(ord(char))[2:].rjust(4, "0")


def toml_string(text: str) -> str:
    """`text` as tomli_w writes it with `multiline_strings=True` (its `format_string`), character for
    character (self_check and tests/test_file_text.py prove it), at C speed: a multi-line string
    when it holds a line end (\\r\\n written as \\n), the quote and the backslash escaped, and the
    controls that remain (text is cleaned where it enters: nearly never) by a regex."""
    multiline = "\n" in text
    if multiline:
        text = text.replace("\r\n", "\n")
    body = text.replace("\\", "\\\\").replace('"', '\\"')
    controls = _CONTROLS_MULTILINE if multiline else _CONTROLS
    if controls.search(body):
        body = controls.sub(_escape, body)
    return f'"""\n{body}"""' if multiline else f'"{body}"'


def piece(key: str, value: Any) -> _Piece:
    """The text tomli_w writes for one answer inside `[checkin.answers]`."""
    if type(value) is str:  # the key as tomli_w writes it (`key = ""`), the text as it would (toml_string)
        return _Piece(key, value, _dumps({key: ""}).removesuffix('""\n') + toml_string(value) + "\n", False)
    if not isinstance(value, Mapping):
        line = _dumps({key: value})
        if not line.startswith("["):  # a plain line; a table's text starts with its header
            return _Piece(key, value, line, False)
    return _Piece(key, value, _dumps({"checkin": {"answers": {key: value}}}), True)


def _answers_text(pieces: list[_Piece]) -> str:
    lines = [p.text for p in pieces if not p.table]
    tables = [p.text for p in pieces if p.table]
    parts = [ANSWERS_HEADER, *lines] if lines or not tables else []
    for number, text in enumerate(tables):
        parts += [GAP, text] if lines or number else [text]
    return "".join(parts)


def _wide(meta_table: dict[str, Any], meta: str, pieces: list[_Piece]) -> bool:
    """Whether tomli_w writes this check-in as a `[[checkin]]` table rather than inline in one line.

    Its inline form holds each of its plain lines (without the line end) as it is: a value over
    several lines, or more than `_WIDTH` characters of them, settles it. Else tomli_w is asked
    (the check-in is small then)."""
    lines = [p.text for p in pieces if not p.table]
    if meta.count("\n") > len(meta_table) or any(line.count("\n") > 1 for line in lines):
        return True
    if len(meta) + sum(map(len, lines)) > _WIDTH + len(lines) + len(meta_table):
        return True
    table = {**meta_table, "answers": {p.key: p.value for p in pieces}}
    return _dumps({"checkin": [table]}).startswith("[")


class _Chunk:
    """A check-in's `[[checkin]]` text, and whether it makes tomli_w write the array as tables."""

    __slots__ = ("checkin", "info", "text", "wide")

    def __init__(self, checkin: CheckIn | None, info: CheckInInfo, text: str, wide: bool) -> None:
        self.checkin, self.info, self.text, self.wide = checkin, info, text, wide


def _same(a: Any, b: Any) -> bool:
    """Equal and of the same types all the way down, keys in the same order (1 == True, but not as TOML)."""
    if a is b:
        return True
    if type(a) is not type(b):
        return False
    if isinstance(a, list):
        return len(a) == len(b) and all(map(_same, a, b))
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(v, b[k]) for k, v in a.items())
    return bool(a == b)


class FileText:
    """The text of one traject's file, kept between its saves (a Store holds one per traject and
    uses it under its lock). `text` returns exactly `traject_file.to_toml`'s text."""

    def __init__(self) -> None:
        self._closed: dict[int, _Chunk] = {}  # id(CheckIn) -> its text (the CheckIn is kept in it)
        self._answers: dict[str, _Piece] = {}  # the current check-in's answers, by prompt id
        self.closed_region: str | None = None
        """The text of the closed check-ins in the last text made (None when the document was dumped whole)."""
        self.cached_digest: str | None = None
        """The digest of the closed check-ins' text in their cache when last written or read (earlier_cache.py)."""
        self.cached_for: tuple[int, ...] = ()
        """The closed check-ins (their ids) that cache was last found to hold."""

    def text(self, traject: Traject, extra: Mapping[str, Any] | None) -> str:
        """The file's text; ValueError (naming the prompt, never the answer) as `to_toml`."""
        answers = traject.answers
        plain_extra = not extra or set(extra) <= {"traject"}
        if not (plain_extra and isinstance(answers, Mapping) and works()):
            self.closed_region = None
            return dump(document(traject, extra, lenient=False))
        return self.joined(traject, answers, extra)

    def joined(self, traject: Traject, answers: Mapping[str, Stored], extra: Mapping[str, Any] | None) -> str:
        """`text` trusting the joining without the self-check (tests prove it with this)."""
        convert = Converter(lenient=False)
        chunks = [self._closed_chunk(c, convert) for c in traject.earlier]
        chunks.append(self._current_chunk(traject.current, answers, convert))
        self._closed = {id(c.checkin): c for c in chunks[:-1] if c is not None and c.checkin is not None}
        made = [c for c in chunks if c is not None]
        if len(made) < len(chunks) or not any(c.wide for c in made):
            # a check-in with keys of a newer version, or every one small enough to go inline
            self.closed_region = None
            return dump(document(traject, extra, lenient=False))
        self.closed_region = "".join(GAP + c.text for c in made[:-1])
        return HEADER + _dumps(head_document(traject, extra, convert)) + self.closed_region + GAP + made[-1].text

    def closed_texts(self, earlier: list[CheckIn]) -> list[tuple[str, bool]] | None:
        """Each closed check-in's text in the last text made, and whether it is written as a table;
        None when that text did not hold them all so."""
        chunks = [self._closed.get(id(c)) for c in earlier]
        if self.closed_region is None or any(
            c is None or c.checkin is not e for c, e in zip(chunks, earlier, strict=True)
        ):
            return None
        return [(c.text, c.wide) for c in chunks if c is not None]

    def seed(self, earlier: list[CheckIn], texts: list[tuple[str, bool]]) -> None:
        """Take these closed check-ins' texts as made (by `closed_texts`, when their file was written):
        the first save after opening then formats none of them again."""
        for checkin, (text, wide) in zip(earlier, texts, strict=True):
            self._closed[id(checkin)] = _Chunk(checkin, copy.deepcopy(checkin.info), text, wide)

    def _closed_chunk(self, checkin: CheckIn, convert: Converter) -> _Chunk | None:
        known = self._closed.get(id(checkin))
        if known is not None and known.checkin is checkin and known.info == checkin.info:
            return known
        chunk = _chunk(checkin.info, [piece(k, v) for k, v in convert.answers(checkin.answers).items()], convert)
        if chunk is not None:
            chunk.checkin, chunk.info = checkin, copy.deepcopy(checkin.info)  # a copy: a change to it shows
        return chunk

    def _current_chunk(self, info: CheckInInfo, answers: Mapping[str, Stored], convert: Converter) -> _Chunk | None:
        """The current check-in's text; each answer converted and compared only when it is not the very
        text its kept piece was made of (a snapshot shares the texts that did not change: a save after
        one key converted and compared all 1,000 answers of a large traject again)."""
        pieces, kept = [], {}
        known_pieces = self._answers
        for key, raw in answers.items():
            known = known_pieces.get(key) if type(key) is str else None
            if known is None or type(raw) is not str or known.value is not raw:
                converted = convert.answers({key: raw})  # one at a time: the same checks, in the same order
                if not converted:
                    continue  # None: no answer
                ((key, value),) = converted.items()
                if known is None or not _same(known.value, value):
                    known = piece(key, value)
            pieces.append(known)
            kept[key] = known
        self._answers = kept
        return _chunk(info, pieces, convert)


def _chunk(info: CheckInInfo, pieces: list[_Piece], convert: Converter) -> _Chunk | None:
    """A check-in's `[[checkin]]` text from its answers' pieces; None for one holding keys of a newer version."""
    if info.extra:
        return None
    meta_table = checkin_meta(info, convert)
    meta = _dumps(meta_table)
    return _Chunk(None, info, AOT_HEADER + meta + GAP + _answers_text(pieces), _wide(meta_table, meta, pieces))


_checked: bool | None = None
_checking = threading.Lock()


def works() -> bool:
    """Whether joining pieces gives tomli_w's own text here (checked once, on a document of every shape)."""
    global _checked
    with _checking:
        if _checked is None:
            _checked = self_check()
        return _checked


def self_check() -> bool:
    """Join the pieces of a traject with every shape this module handles and compare with one dump."""
    when = datetime(2026, 1, 1, tzinfo=UTC)
    answers: dict[str, Stored] = {
        "tekst": 'een\nlange "zin"',
        "kort": "kort",
        "getal": 3,
        "lijst": ["a", "b"],
        "schaal": {"toen": 2, "nu": 4},
        "rijen": [{"wat": "lang\nverhaal", "wanneer": "morgen"}, {"wat": "kort"}],
        "kleine rijen": [{"a": "b"}],
        "sleutel met spatie": "x",
        "tekens": "".join(map(chr, range(128))) + "\r\n\u00e9\u00a0\u200b\U0001f600 \\u",
        "op een regel": "".join(chr(c) for c in range(128) if c != 10) + '"""\\"',
    }
    traject = Traject("zelftest", "Zelftest", "student", "nl", created=when, updated=when, answers=dict(answers))
    traject.earlier.append(CheckIn(CheckInInfo(when, "nl", "1")))  # a small one among large ones
    traject.earlier.append(CheckIn(CheckInInfo(when, "nl", "1", revisit=("tekst",)), answers))
    try:
        return FileText().joined(traject, traject.answers, None) == dump(document(traject, None, lenient=False))
    except (ValueError, TypeError):
        return False
