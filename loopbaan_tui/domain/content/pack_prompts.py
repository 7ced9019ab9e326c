"""A step file (`kan.toml` ... `roadmap.toml`): its [step] table and its [[prompt]]s, with the keys of each kind."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from ..kinds import KINDS
from ..words.messages import Piece
from .model import Kind
from .pack_files import PackFile
from .pack_schema import PROMPT_SPEC, STEP_SPEC, Fields, Item, TableAt, check_fields, items, tables, where
from .suggest import suggestion

KIND_KEYS: Mapping[Kind, frozenset[str]] = {Kind(k.id): k.pack_keys for k in KINDS.values() if k.pack_keys}
"""The kind-specific prompt keys, each kind's own (`PromptKind.pack_keys`)."""
KIND_ONLY_KEYS = frozenset().union(*KIND_KEYS.values())

Step = tuple[Fields | None, list[Item]]
"""A step file's [step] table (None when it has none) and its prompts."""


_STEP_CHANGES = {key: dataclasses.replace(spec, required=False) for key, spec in STEP_SPEC.items()}
"""A step file of a pack that extends another changes only the [step] keys it gives, if any."""


def read_step(file: PackFile, name: str, extending: bool = False) -> Step:
    """The [step] table and the [[prompt]]s of one step file, checked."""
    found = tables(file, "step", array=False)
    step = None
    spec = _STEP_CHANGES if extending else STEP_SPEC
    if found:
        step = check_fields(TableAt(file, "step", 0, Piece.of("in_table", table="step")), found[0][1], spec)
    elif "step" not in file.data and not extending:
        file.report("table_missing", table="step")
    prompts = []
    listed = file.data.get("prompt")
    raw = dict(enumerate(listed)) if isinstance(listed, list) else {}
    for file_, index, clean in items(file, name, "prompt", PROMPT_SPEC, minimum=0 if extending else 1):
        prompts.append((file_, index, _prompt(file_, index, clean, raw.get(index, {}))))
    return step, prompts


def _prompt(file: PackFile, index: int, clean: Fields, raw: Mapping[str, object]) -> Fields:
    """A prompt's kind, and the keys that only some kinds take."""
    at = where("prompt", index, clean)
    if "kind" not in clean:
        return clean
    try:
        kind = Kind(clean["kind"])
    except ValueError:
        choices = PROMPT_SPEC["kind"].choices
        file.report(
            "kind_unknown",
            "prompt",
            index,
            "kind",
            kind=clean["kind"],
            where=at,
            suggestion=suggestion(clean["kind"], choices),
            choices=", ".join(choices),
        )
        del clean["kind"]
        return clean
    for key in sorted(raw.keys() & KIND_ONLY_KEYS - KIND_KEYS.get(kind, frozenset())):
        file.report("key_not_for_kind", "prompt", index, key, key=key, kind=kind.value, where=at)
        clean.pop(key, None)
    # The kind's own checks (too few options or scales); a value of the wrong type has been reported already.
    for problem in KINDS[kind].check(raw):
        file.report("too_few", "prompt", index, problem.key, key=problem.key, minimum=problem.minimum, where=at)
    clean["kind"] = kind
    return clean
