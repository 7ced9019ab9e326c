"""Checks of the career paths' signals against the prompts they name: each signal points at an option of a
choice prompt or at a scale of a scale prompt that exists, with a weight and a direction in range."""

from __future__ import annotations

from collections.abc import Mapping

from .model import DIRECTIONS, MAX_WEIGHT, Kind, Option, Signal
from .pack_files import PATHS_FILE, STEP_FILES, PackFile
from .pack_prompts import Step
from .pack_schema import Fields, Item, entry_position, entry_where
from .suggest import suggestion

SIGNAL_KINDS = (Kind.SINGLE_CHOICE, Kind.MULTIPLE_CHOICE, Kind.SCALE)
"""The kinds of prompt whose answers can point towards a path."""


def check_signals(paths: list[Item], steps: Mapping[str, Step], broken: set[str]) -> None:
    """Every signal of every path names a known prompt of a kind that can signal, and one of its options or
    scales. Not checked when a step file could not be read (its prompts are unknown)."""
    if broken.intersection((*STEP_FILES, PATHS_FILE)):
        return
    prompts = {p["id"]: p for _, prompts in steps.values() for _, _, p in prompts if "id" in p}
    for file, index, path in paths:
        for number, signal in enumerate(path.get("signals", ())):
            _Check(file, index, number, signal).run(prompts)


class _Check:
    """One signal: reports each problem at the signal's own inline table."""

    def __init__(self, file: PackFile, index: int, number: int, signal: Signal) -> None:
        self.file, self.index, self.number, self.signal = file, index, number, signal
        self.where = entry_where("path", index, "signals", number)

    def report(self, code: str, **values: object) -> None:
        position = entry_position(self.file, "path", self.index, "signals", self.number)
        self.file.report_at(code, position, where=self.where, **values)

    def run(self, prompts: Mapping[str, Fields]) -> None:
        signal = self.signal
        if not 1 <= signal.weight <= MAX_WEIGHT:
            self.report("signal_weight", weight=signal.weight, maximum=MAX_WEIGHT)
        if signal.direction not in DIRECTIONS:
            self.report("signal_direction", value=signal.direction, suggestion=suggestion(signal.direction, DIRECTIONS))
        prompt = prompts.get(signal.prompt)
        if prompt is None:
            known = sorted(i for i, p in prompts.items() if p.get("kind") in SIGNAL_KINDS)
            self.report("signal_prompt_unknown", ref=signal.prompt, suggestion=suggestion(signal.prompt, known))
        elif prompt.get("kind") not in SIGNAL_KINDS:
            self.report("signal_prompt_kind", ref=signal.prompt, kind=str(prompt.get("kind", "?")))
        elif prompt["kind"] is Kind.SCALE:
            self._scale(tuple(prompt.get("scales", ())))
        else:
            self._option(tuple(prompt.get("options", ())))

    def _scale(self, scales: tuple[str, ...]) -> None:
        signal = self.signal
        if signal.option or not signal.scale:
            self.report("signal_wants_scale", ref=signal.prompt, choices=", ".join(scales) or "-")
        elif signal.scale not in scales:
            self._unknown(signal.scale, "scale", scales)

    def _option(self, options: tuple[Option, ...]) -> None:
        signal = self.signal
        ids = tuple(o.id for o in options)
        if signal.scale or not signal.option:
            self.report("signal_wants_option", ref=signal.prompt, choices=", ".join(ids) or "-")
        elif signal.option not in ids:
            self._unknown(signal.option, "option", ids)

    def _unknown(self, value: str, key: str, known: tuple[str, ...]) -> None:
        self.report(
            "signal_ref_unknown",
            ref=value,
            key=key,
            prompt=self.signal.prompt,
            suggestion=suggestion(value, known),
            choices=", ".join(known) or "-",
        )
