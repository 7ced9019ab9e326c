"""An answer as a few lines of plain text, for showing earlier answers beside a later prompt."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .model import Kind, Pack, Prompt
from .traject import ACTION_FIELDS, PEOPLE_FIELDS, is_empty


def summarize(pack: Pack, prompt: Prompt, value: Any, words: Callable[..., str]) -> list[str]:
    """Plain lines describing an answer; [] when there is none."""
    if is_empty(value):
        return []
    match prompt.kind:
        case Kind.LONG_TEXT | Kind.SHORT_TEXT | Kind.DATE:
            return str(value).split("\n")
        case Kind.LIST:
            return [f"• {item}" for item in value]
        case Kind.SINGLE_CHOICE | Kind.MULTIPLE_CHOICE:
            labels = {option.id: option.label for option in prompt.options}
            chosen = [value.get("choice")] if prompt.kind is Kind.SINGLE_CHOICE else value.get("choices", [])
            lines = [f"• {labels.get(choice, choice)}" for choice in chosen if choice]
            if value.get("other"):
                lines.append(f"• {value['other']}")
            return lines
        case Kind.SCALE:
            lines = []
            for scale_id, rating in value.items():
                scale = pack.scale(scale_id)
                then = f"{rating['then']} → " if "then" in rating else ""
                lines.append(f"• {scale.label if scale else scale_id}: {then}{rating.get('now', '?')}")
            return lines
        case Kind.PATHS:
            lines = []
            for item in value:
                path = pack.path(item.get("path", ""))
                name = path.name if path else item.get("path", "")
                lines.append(f"• {name}" + (f": {item['reason']}" if item.get("reason") else ""))
            return lines
        case Kind.ACTIONS | Kind.PEOPLE:
            fields = ACTION_FIELDS if prompt.kind is Kind.ACTIONS else PEOPLE_FIELDS
            kind = prompt.kind.value
            lines = []
            for row in value:
                parts = [row.get(fields[0], "")]
                parts += [f"{words(f'{kind}_{field}')} {row[field]}" for field in fields[1:] if row.get(field)]
                lines.append("• " + " · ".join(p for p in parts if p))
            return lines
    return [str(value)]
