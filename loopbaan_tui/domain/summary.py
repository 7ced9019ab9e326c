"""An answer as a few lines of plain text, for showing earlier answers beside a later prompt.

Any value is summarised without error: a traject file may have been edited by hand, or the
prompt's kind may have changed in the pack since the answer was given. What does not fit the
kind is shown as plain text rather than hidden.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .balance import VERDICT_WORDS, change, score
from .dates import format_date, recognize_date
from .model import Kind, Pack, Prompt
from .traject import ACTION_FIELDS, PEOPLE_FIELDS, is_empty


def summarize(pack: Pack, prompt: Prompt, value: Any, words: Callable[..., str]) -> list[str]:
    """Plain lines describing an answer; [] when there is none."""
    if is_empty(value):
        return []
    match prompt.kind:
        case Kind.LIST if isinstance(value, list):
            return [f"• {_plain(item)}" for item in value if not is_empty(item)]
        case Kind.SINGLE_CHOICE | Kind.MULTIPLE_CHOICE if isinstance(value, dict):
            labels = {option.id: option.label for option in prompt.options}
            chosen = value.get("choice") if prompt.kind is Kind.SINGLE_CHOICE else value.get("choices")
            chosen = chosen if isinstance(chosen, list) else [chosen]
            lines = [
                f"• {labels.get(choice, _plain(choice))}" if isinstance(choice, str) else f"• {_plain(choice)}"
                for choice in chosen
                if not is_empty(choice)
            ]
            if not is_empty(value.get("other")):
                lines.append(f"• {_plain(value['other'])}")
            return lines
        case Kind.SCALE if isinstance(value, dict):
            lines = []
            for scale_id, rating in value.items():
                scale = pack.scale(scale_id)
                name = scale.label if scale else _plain(scale_id)
                if isinstance(rating, dict):
                    then = f"{_plain(rating['then'])} → " if "then" in rating else ""
                    found = change(scale, score(rating.get("then")), score(rating.get("now"))) if scale else None
                    key = VERDICT_WORDS.get(found.verdict) if found else None
                    verdict = f" · {words(key)}" if key else ""  # "2 → 4 · slechter"
                    lines.append(f"• {name}: {then}{_plain(rating.get('now', '?'))}{verdict}")
                else:
                    lines.append(f"• {name}: {_plain(rating)}")
            return lines
        case Kind.PATHS if isinstance(value, list):
            lines = []
            for item in value:
                if not isinstance(item, dict):
                    lines.append(f"• {_plain(item)}")
                    continue
                path_id = item.get("path", "")
                path = pack.path(path_id) if isinstance(path_id, str) else None
                name = path.name if path else _plain(path_id)
                reason = item.get("reason")
                lines.append(f"• {name}" + (f": {_plain(reason)}" if not is_empty(reason) else ""))
            return lines
        case Kind.ACTIONS | Kind.PEOPLE if isinstance(value, list):
            fields = ACTION_FIELDS if prompt.kind is Kind.ACTIONS else PEOPLE_FIELDS
            kind = prompt.kind.value
            lines = []
            for row in value:
                if not isinstance(row, dict):
                    lines.append(f"• {_plain(row)}")
                    continue
                parts = [_plain(row.get(fields[0], ""))]
                parts += [
                    f"{words(f'{kind}_{field}')} {_field(pack, field, row[field])}"
                    for field in fields[1:]
                    if not is_empty(row.get(field))
                ]
                lines.append("• " + " · ".join(p for p in parts if p))
            return lines
        case Kind.DATE if isinstance(value, str):
            return _when(pack, value).split("\n")
    return _plain(value).split("\n")


def _field(pack: Pack, field: str, value: Any) -> str:
    """A field of an actions or people row; an action's 'when' in words when it is a date."""
    return _when(pack, value) if field == "when" else _plain(value)


def _when(pack: Pack, value: Any) -> str:
    """A date in words in the pack's language when the whole text is one; anything else as typed."""
    found = recognize_date(value)
    return format_date(found, pack.info.language) if found else _plain(value)


def _plain(value: Any) -> str:
    """Text as it is; anything else (from a hand-edited file) in a readable plain form."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return ", ".join(_plain(item) for item in value if not is_empty(item))
    if isinstance(value, dict):
        return ", ".join(f"{_plain(k)}: {_plain(v)}" for k, v in value.items() if not is_empty(v))
    return str(value)
