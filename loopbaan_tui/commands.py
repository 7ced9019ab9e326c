"""`loopbaan list` and `loopbaan export`: the trajecten and their roadmaps without a screen.

Exit codes as in cli.py: 0 success, 1 the user's input is wrong (with a message on stderr).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .domain.content import builtin
from .domain.content.loader import load_pack
from .domain.content.model import Pack
from .domain.content.problems import printable
from .domain.roadmap.export import render, roadmap_filename, write_error_code, write_error_message, write_new_file
from .domain.trajects.locations import data_dir
from .domain.trajects.lookup import close_names, matching
from .domain.trajects.storage import DamagedTraject, StorageError, Store, TrajectSummary
from .domain.trajects.traject import Traject
from .domain.words.dates import format_date
from .domain.words.messages import message

if TYPE_CHECKING:
    from .domain.trajects.due import Deadline  # imported when used: icalendar takes a while

EXIT_OK, EXIT_INPUT = 0, 1
FORMAT_OF_SUFFIX = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
"""The format a file name asks for; `--format` is needed only for other names."""


_DAMAGE = {
    "empty": "cli_damage_empty",
    "not_utf8": "cli_damage_not_utf8",
    "not_toml": "cli_damage_not_toml",
    "bad_data": "cli_damage_bad_data",
    "newer_version": "cli_damage_newer_version",
    "too_deep": "cli_damage_too_deep",
    "unreadable": "cli_damage_unreadable",
    "link": "cli_damage_link",
}
"""A damaged traject's problem code, to the words for it (which may repeat the storage's own reason)."""
_FOLDER_PROBLEM = {"folder_is_file": "cli_folder_is_file", "folder_is_special": "cli_folder_is_special"}
"""A data folder that is no folder: the words for it by StorageError code."""


def _say(lang: str, key: str, **values: object) -> str:
    """A command-line message; values are made printable, so no file name can steer the terminal."""
    return message(key, lang, **{name: printable(str(value)) for name, value in values.items()})


def _damage(lang: str, code: str | None, reason: str | None) -> str:
    """Why a traject file cannot be used, in the user's language."""
    said = reason or code or "?"
    return message(_DAMAGE[code], lang, reason=said) if code in _DAMAGE else said


def _either(lang: str, names: list[str]) -> str:
    """'A', 'B' or 'C', each name made printable."""
    quoted = [f"'{printable(name)}'" for name in names]
    if len(quoted) == 1:
        return quoted[0]
    return f"{', '.join(quoted[:-1])} {_say(lang, 'cli_or')} {quoted[-1]}"


def _kind_console() -> None:
    """A console that cannot show a letter gets a "?", never a crash."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


def _guarded(command: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Run a command so that a bug of ours ends in a message, never a traceback."""

    def run(args: argparse.Namespace) -> int:
        _kind_console()
        try:
            return command(args)
        except KeyboardInterrupt:
            raise
        except Exception as error:  # the last line of defence for people without Python
            print(_say(args.lang, "cli_internal", error=f"{type(error).__name__}: {error}"), file=sys.stderr)
            return EXIT_INPUT

    run.__doc__ = command.__doc__
    return run


def _profile_labels(content: str | None) -> Callable[[TrajectSummary], str]:
    """A profile's label for a listed traject, loading each pack once; the id when it cannot be found.

    With --content that pack's labels come first, then the traject's own pack's.
    """
    packs: dict[str, Pack | None] = {}
    chosen = load_pack(Path(content).expanduser()).pack if content else None

    def label(summary: TrajectSummary) -> str:
        if summary.pack not in packs:
            packs[summary.pack] = load_pack(_pack_folder(summary.pack)).pack if summary.pack else None
        for pack in (chosen, packs[summary.pack]):
            profile = pack.profile(summary.profile) if pack else None
            if profile:
                return profile.label
        return summary.profile

    return label


def _pack_folder(pack: str) -> Path:
    """A traject's pack: a built-in language ("nl", "en", ...) or a folder."""
    return builtin.pack_folder(pack) if pack in builtin.LANGUAGES else Path(pack).expanduser()


def _when(moment: datetime, lang: str) -> str:
    return moment.astimezone().strftime(message("cli_list_when", lang))


def _columns(rows: list[list[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows
    ]


def _table(summaries: list[TrajectSummary], lang: str, content: str | None) -> str:
    """The trajecten as aligned columns (name, profile, progress, last edited, id), under a heading."""
    label = _profile_labels(content)
    rows = [_say(lang, "cli_list_head").split("|")]
    for summary in summaries:
        if summary.problem_code == "link":
            rows.append(
                [summary.id, "-", "-", _say(lang, "cli_list_link", target=summary.link_target or "?"), summary.id]
            )
        elif summary.problem:
            state = _say(lang, "cli_list_damaged", reason=_damage(lang, summary.problem_code, summary.problem))
            rows.append([printable(summary.name), "-", "-", state, summary.id])
        elif summary.unchecked:
            rows.append([summary.id, "-", "-", _say(lang, "cli_list_unchecked"), summary.id])
        else:
            done = (
                "-"
                if summary.total is None
                else _say(lang, "cli_list_progress", answered=summary.answered, total=summary.total)
            )
            rows.append(
                [printable(summary.name), printable(label(summary)), done, _when(summary.updated, lang), summary.id]
            )
    return "\n".join(_columns(rows))


@_guarded
def list_trajecten(args: argparse.Namespace) -> int:
    """Print the trajecten in the data folder, newest first; damaged ones with their problem."""
    lang = args.lang
    store = Store(data_dir(args.data_dir).absolute())
    try:
        summaries = store.summaries()
    except StorageError as error:
        if error.code in _FOLDER_PROBLEM:
            print(_say(lang, _FOLDER_PROBLEM[error.code], folder=store.folder), file=sys.stderr)
        else:
            print(_say(lang, "cli_folder_error", folder=store.folder, reason=error.detail), file=sys.stderr)
        return EXIT_INPUT
    if not summaries:
        print(_say(lang, "cli_list_empty", folder=store.folder))
        return EXIT_OK
    print(_say(lang, "cli_list_title", folder=store.folder))
    print()
    print(_table(summaries, lang, getattr(args, "content", None)))
    print()
    print(_say(lang, "cli_list_export"))
    return EXIT_OK


def _out_path(out: str | None) -> tuple[Path | None, bool]:
    """Where --out points (None: standard output) and whether that is a folder to put the default name in."""
    if out == "-":
        return None, True
    if not out:
        return Path.cwd(), True
    path = Path(out).expanduser()
    try:
        is_folder = path.is_dir()
    except OSError:  # a name too long to look at, say; writing it gives the message
        is_folder = False
    return path, is_folder or out.endswith(("/", os.sep))


def _to_stdout(text: str) -> int:
    """Write the roadmap to standard output (`--out -`), for a pipe or a redirect."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:  # `| head` stopped reading: not an error of the person's
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return EXIT_OK


class _Stop(Exception):
    """A step of `export` found why it cannot go on and has said so on stderr."""


def _fail(lang: str, key: str, **values: object) -> _Stop:
    print(_say(lang, key, **values), file=sys.stderr)
    return _Stop(key)


def _export_target(args: argparse.Namespace) -> tuple[Path | None, bool, str]:
    """Where the roadmap goes (None: stdout), whether that is a folder, and the format."""
    out, into_folder = _out_path(args.out)
    named = FORMAT_OF_SUFFIX.get(out.suffix.lower()) if out is not None and not into_folder else None
    if out is not None and args.format and named and named != args.format:
        raise _fail(
            args.lang,
            "cli_format_mismatch",
            name=out.name,
            suffix=out.suffix,
            format=args.format,
            fixed=out.with_suffix(f".{args.format}").name,
        )
    return out, into_folder, args.format or named or "md"


def _one_summary(store: Store, args: argparse.Namespace) -> TrajectSummary:
    """The one traject the name or id points at, undamaged."""
    lang = args.lang
    try:
        summaries = store.summaries()
    except StorageError as error:
        raise _fail(lang, "cli_folder_error", folder=store.folder, reason=error.detail) from None
    found = matching(summaries, args.traject)
    if not found:
        stop = _fail(lang, "cli_unknown", name=args.traject, folder=store.folder)
        names = close_names(summaries, args.traject)
        if names:
            print(_say(lang, "cli_did_you_mean", names=_either(lang, names)), file=sys.stderr)
        raise stop
    if len(found) > 1:
        print(_say(lang, "cli_several", count=len(found), name=args.traject), file=sys.stderr)
        print(file=sys.stderr)
        print(_table(found, lang, getattr(args, "content", None)), file=sys.stderr)
        print(file=sys.stderr)
        raise _fail(lang, "cli_several_hint", id=found[0].id)
    summary = found[0]
    if summary.problem:
        raise _fail(
            lang,
            "cli_damaged",
            name=summary.name,
            reason=_damage(lang, summary.problem_code, summary.problem),
            path=summary.path,
        )
    return summary


def _load_traject(store: Store, args: argparse.Namespace) -> Traject:
    lang = args.lang
    summary = _one_summary(store, args)
    try:
        return store.load(summary.id)
    except FileNotFoundError:
        raise _fail(lang, "cli_unknown", name=args.traject, folder=store.folder) from None
    except DamagedTraject as error:
        stop = _fail(
            lang, "cli_damaged", name=summary.name, reason=_damage(lang, error.code, error.reason), path=error.path
        )
        if error.backup:
            print(_say(lang, "cli_backup", path=error.backup), file=sys.stderr)
        raise stop from None


def _export_pack(args: argparse.Namespace, traject: Traject) -> Pack:
    """The pack the traject was made with (or --content), with the traject's profile in it."""
    lang = args.lang
    folder = Path(args.content).expanduser() if getattr(args, "content", None) else _pack_folder(traject.pack)
    result = load_pack(folder)
    if result.pack is None:
        for problem in result.problems:
            print(problem.render(lang), file=sys.stderr)
        raise _fail(lang, "cli_pack_problems", folder=folder)
    if result.pack.profile(traject.profile) is None:
        raise _fail(lang, "cli_profile_unknown", profile=traject.profile, pack=result.pack.info.name)
    return result.pack


_WRITTEN = {"roadmap": "cli_written", "calendar": "cli_ics_written"}
"""What `_write_roadmap` says it wrote."""
_DUE_WORDS = {"overdue": "cli_due_overdue", "due": "cli_due_today", "soon": "cli_due_soon"}


def _write_roadmap(out: Path, text: str, args: argparse.Namespace, written: str = "roadmap") -> int:
    lang = args.lang
    try:
        write_new_file(out, text, overwrite=getattr(args, "force", False))
    except OSError as error:
        print(write_error_message(error, out, lang), file=sys.stderr)
        if write_error_code(error) == "exists":
            print(_say(lang, "cli_exists_hint"), file=sys.stderr)
        return EXIT_INPUT
    print(_say(lang, _WRITTEN[written], path=out.absolute()))
    return EXIT_OK


@_guarded
def export_roadmap(args: argparse.Namespace) -> int:
    """Write a traject's roadmap (md or html) to --out or a safe name here; never overwrite without --force."""
    store = Store(data_dir(args.data_dir).absolute())
    try:
        out, into_folder, fmt = _export_target(args)
        traject = _load_traject(store, args)
        pack = _export_pack(args, traject)
    except _Stop:
        return EXIT_INPUT
    text = render(
        pack,
        traject,
        fmt,
        include_empty=args.include_empty,
        include_private=getattr(args, "include_private", False),
        include_older=getattr(args, "include_older", False),
    )
    if out is None:
        return _to_stdout(text)
    if into_folder:
        out = out / roadmap_filename(traject, ext=fmt)
    return _write_roadmap(out, text, args)


@_guarded
def due(args: argparse.Namespace) -> int:
    """One line per traject whose check-in is due, soon or overdue (nothing when none); with --ics,
    every traject's next check-in and open action deadlines as a calendar file. Exit 0."""
    from datetime import date

    from .domain.trajects.due import calendar, due_state

    lang, store = args.lang, Store(data_dir(args.data_dir).absolute())
    today = date.today()
    found = _deadlines(store, everything=bool(args.ics))
    for item in found:
        state = due_state(item.day, today) if not item.what else None
        if state is not None:
            print(_say(lang, _DUE_WORDS[state], name=item.name, date=format_date(item.day, lang)))
    if args.ics:
        text = calendar(found, lambda name: _say(lang, "cli_due_event", name=name), datetime.now().astimezone()).decode(
            "utf-8"
        )
        return _write_roadmap(Path(args.ics).expanduser(), text, args, written="calendar")
    return EXIT_OK


def _deadlines(store: Store, *, everything: bool) -> list[Deadline]:
    """Every traject's next check-in, read from its summary when that holds it; `everything` also the
    open actions' deadlines (those need the whole file)."""
    from .domain.trajects.due import Deadline, deadlines

    found: list[Deadline] = []
    packs: dict[str, Pack | None] = {}
    for summary in store.summaries():
        if summary.problem is not None:
            continue  # `loopbaan list` tells about damaged files; this runs from a shell profile
        if summary.due_known and not everything:  # the summary holds the next check-in: no file to read
            if summary.due is not None:
                found.append(Deadline(summary.id, summary.name.strip() or summary.id, summary.due))
            continue
        try:
            traject = store.load(summary.id)
        except (OSError, DamagedTraject):
            continue
        if traject.pack not in packs:
            packs[traject.pack] = load_pack(_pack_folder(traject.pack)).pack
        pack = packs[traject.pack]
        if pack is not None:
            found += deadlines(pack, traject)
    return found
