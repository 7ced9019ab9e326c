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

from .domain import builtin
from .domain.export import render, roadmap_filename, write_error_code, write_error_message, write_new_file
from .domain.loader import load_pack
from .domain.locations import data_dir
from .domain.lookup import close_names, matching
from .domain.messages import message
from .domain.model import Pack
from .domain.problems import printable
from .domain.storage import DamagedTraject, StorageError, Store, TrajectSummary

EXIT_OK, EXIT_INPUT = 0, 1
FORMAT_OF_SUFFIX = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
"""The format a file name asks for; `--format` is needed only for other names."""


_DAMAGE_NL = {
    "empty": "het bestand is leeg",
    "not_utf8": "er staan onleesbare tekens in",
    "not_toml": "de opbouw van het bestand klopt niet",
    "bad_data": "er ontbreken gegevens",
    "newer_version": "het is gemaakt met een nieuwere versie van loopbaan",
    "too_deep": "een antwoord is dieper genest dan loopbaan ooit schrijft",
    "unreadable": "het bestand kan niet worden geopend",
    "link": "het is een koppeling (symbolische link) naar een ander bestand; loopbaan leest niet via koppelingen",
}


def _say(lang: str, key: str, **values: object) -> str:
    """A command-line message; values are made printable, so no file name can steer the terminal."""
    return message(f"cli_{key}", lang, **{name: printable(str(value)) for name, value in values.items()})


def _damage(lang: str, code: str | None, reason: str | None) -> str:
    """Why a traject file cannot be used, in the user's language."""
    if lang != "en" and code in _DAMAGE_NL:
        return _DAMAGE_NL[code]
    return reason or code or "?"


def _either(lang: str, names: list[str]) -> str:
    """'A', 'B' or 'C', each name made printable."""
    quoted = [f"'{printable(name)}'" for name in names]
    if len(quoted) == 1:
        return quoted[0]
    return f"{', '.join(quoted[:-1])} {_say(lang, 'or')} {quoted[-1]}"


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
            print(_say(args.lang, "internal", error=f"{type(error).__name__}: {error}"), file=sys.stderr)
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
    """A traject's pack: a built-in language ("nl", "en") or a folder."""
    return builtin.pack_folder(pack) if pack in ("nl", "en") else Path(pack).expanduser()


def _when(moment: datetime, lang: str) -> str:
    local = moment.astimezone()
    return local.strftime("%Y-%m-%d %H:%M" if lang == "en" else "%d-%m-%Y %H:%M")


def _columns(rows: list[list[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows
    ]


def _table(summaries: list[TrajectSummary], lang: str, content: str | None) -> str:
    """The trajecten as aligned columns (name, profile, progress, last edited, id), under a heading."""
    label = _profile_labels(content)
    rows = [_say(lang, "list_head").split("|")]
    for summary in summaries:
        if summary.problem_code == "link":
            rows.append([summary.id, "-", "-", _say(lang, "list_link", target=summary.link_target or "?"), summary.id])
        elif summary.problem:
            state = _say(lang, "list_damaged", reason=_damage(lang, summary.problem_code, summary.problem))
            rows.append([printable(summary.name), "-", "-", state, summary.id])
        elif summary.unchecked:
            rows.append([summary.id, "-", "-", _say(lang, "list_unchecked"), summary.id])
        else:
            done = (
                "-"
                if summary.total is None
                else _say(lang, "list_progress", answered=summary.answered, total=summary.total)
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
        if error.code in ("folder_is_file", "folder_is_special"):
            print(_say(lang, error.code, folder=store.folder), file=sys.stderr)
        else:
            print(_say(lang, "folder_error", folder=store.folder, reason=error.detail), file=sys.stderr)
        return EXIT_INPUT
    if not summaries:
        print(_say(lang, "list_empty", folder=store.folder))
        return EXIT_OK
    print(_say(lang, "list_title", folder=store.folder))
    print()
    print(_table(summaries, lang, getattr(args, "content", None)))
    print()
    print(_say(lang, "list_export"))
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


@_guarded
def export_roadmap(args: argparse.Namespace) -> int:
    """Write a traject's roadmap (md or html) to --out or a safe name here; never overwrite without --force."""
    lang = args.lang
    store = Store(data_dir(args.data_dir).absolute())

    def fail(key: str, **values: object) -> int:
        print(_say(lang, key, **values), file=sys.stderr)
        return EXIT_INPUT

    out, into_folder = _out_path(args.out)
    named = FORMAT_OF_SUFFIX.get(out.suffix.lower()) if out is not None and not into_folder else None
    if out is not None and args.format and named and named != args.format:
        return fail(
            "format_mismatch",
            name=out.name,
            suffix=out.suffix,
            format=args.format,
            fixed=out.with_suffix(f".{args.format}").name,
        )
    fmt = args.format or named or "md"

    try:
        summaries = store.summaries()
    except StorageError as error:
        return fail("folder_error", folder=store.folder, reason=error.detail)
    found = matching(summaries, args.traject)
    if not found:
        fail("unknown", name=args.traject, folder=store.folder)
        names = close_names(summaries, args.traject)
        if names:
            print(_say(lang, "did_you_mean", names=_either(lang, names)), file=sys.stderr)
        return EXIT_INPUT
    if len(found) > 1:
        print(_say(lang, "several", count=len(found), name=args.traject), file=sys.stderr)
        print(file=sys.stderr)
        print(_table(found, lang, getattr(args, "content", None)), file=sys.stderr)
        print(file=sys.stderr)
        return fail("several_hint", id=found[0].id)
    summary = found[0]
    if summary.problem:
        return fail(
            "damaged", name=summary.name, reason=_damage(lang, summary.problem_code, summary.problem), path=summary.path
        )
    try:
        traject = store.load(summary.id)
    except FileNotFoundError:
        return fail("unknown", name=args.traject, folder=store.folder)
    except DamagedTraject as error:
        code = fail("damaged", name=summary.name, reason=_damage(lang, error.code, error.reason), path=error.path)
        if error.backup:
            print(_say(lang, "backup", path=error.backup), file=sys.stderr)
        return code

    folder = Path(args.content).expanduser() if getattr(args, "content", None) else _pack_folder(traject.pack)
    result = load_pack(folder)
    if result.pack is None:
        for problem in result.problems:
            print(problem.render(lang), file=sys.stderr)
        return fail("pack_problems", folder=folder)
    pack = result.pack
    if pack.profile(traject.profile) is None:
        return fail("profile_unknown", profile=traject.profile, pack=pack.info.name)

    text = render(
        pack, traject, fmt, include_empty=args.include_empty, include_private=getattr(args, "include_private", False)
    )
    if out is None:
        return _to_stdout(text)
    if into_folder:
        out = out / roadmap_filename(traject, ext=fmt)
    try:
        write_new_file(out, text, overwrite=getattr(args, "force", False))
    except OSError as error:
        print(write_error_message(error, out, lang), file=sys.stderr)
        if write_error_code(error) == "exists":
            print(_say(lang, "exists_hint"), file=sys.stderr)
        return EXIT_INPUT
    print(_say(lang, "written", path=out.absolute()))
    return EXIT_OK
