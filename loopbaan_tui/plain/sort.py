"""Answering a sort prompt: each line of the earlier answers it shows, put in a group by number."""

from __future__ import annotations

from ..domain import kinds
from ..domain.kinds.sort import Group, SortAnswer
from .question import Question


def ask_sort(question: Question) -> None:
    """The groups by number, then each line in turn: the number of its group, 0 for none, an empty line
    to leave it where it is. Saved after every line."""
    console, prompt = question.console, question.prompt
    kind = kinds.SORT
    items = kind.items(question.pack, prompt, question.answers())
    if not items:
        console.tell("plain_sort_empty")
        return
    value = kind.read(prompt, question.current())
    placed = {item: value.group_of(item) for item in items}
    groups = prompt.options
    question.listed([option.label for option in groups])
    console.tell("plain_sort", high=len(groups))
    for item in items:

        def again(item: str = item) -> None:
            group = placed[item]
            now = kind.label(prompt, group) if group else console.words("plain_sort_none")
            console.tell("plain_sort_item", item=item, now=now, high=len(groups))

        again()
        number = console.number(0, len(groups), again)
        if number is None:
            continue
        placed[item] = groups[number - 1].id if number else None
        question.save(kind.write(_with(value, placed)))


def _with(value: SortAnswer, placed: dict[str, str | None]) -> SortAnswer:
    """The answer with the lines asked about in their groups; lines no longer shown stay where they were."""
    kept = {g.id: [i for i in g.items if i not in placed] for g in value.groups}
    for item, group in placed.items():
        if group is not None:
            kept.setdefault(group, []).append(item)
    return SortAnswer(groups=tuple(Group(g, tuple(items)) for g, items in kept.items() if items), stray=value.stray)
