"""A plain start of the app is read without argparse (cli.quick_args); it must read exactly what argparse
reads, and leave everything else (commands, help, mistakes, abbreviations) to argparse."""

from __future__ import annotations

import argparse
from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from loopbaan_tui.cli import AppArgs, build_parser, quick_args

TOKENS = (
    "--data-dir",
    "--content",
    "--lang",
    "--plain",
    "--watch",
    "--data-dir=",
    "--lang=en",
    "--content=a b",
    "--data",
    "--plain=1",
    "nl",
    "en",
    "xx",
    "-x",
    "--",
    "list",
    "",
    "map",
    "--help",
    "--version",
)


@cache
def _parser() -> argparse.ArgumentParser:
    return build_parser("nl")


def _argparse(argv: list[str]) -> AppArgs | None:
    try:
        args = _parser().parse_args(argv)
    except SystemExit:
        return None
    if args.command is not None:
        return None
    return AppArgs(args.content, args.data_dir, args.lang, args.plain, args.watch)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=5))
def test_what_the_quick_path_reads_argparse_reads_the_same(argv: list[str]) -> None:
    quick = quick_args(argv)
    if quick is not None:
        assert quick == _argparse(argv)


def test_the_usual_starts_take_the_quick_path_and_the_rest_does_not() -> None:
    assert quick_args([]) == AppArgs()
    assert quick_args(["--data-dir", "/tmp/x", "--lang=en", "--watch"]) == AppArgs(
        data_dir="/tmp/x", lang="en", watch=True
    )
    assert quick_args(["--content", "pack", "--plain"]) == AppArgs(content="pack", plain=True)
    for argv in (
        ["list"],
        ["--help"],
        ["--version"],
        ["--lang", "xx"],
        ["--data", "x"],
        ["--data-dir"],
        ["--data-dir", "-x"],
        ["--plain=1"],
        ["--", "x"],
    ):
        assert quick_args(argv) is None, argv
