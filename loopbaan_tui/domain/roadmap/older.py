"""Older answers: what a traject holds for prompts its pack no longer has (removed or renamed by the
course leader). They are never dropped: the app shows them read-only, and the roadmap takes them
in when the user asks (`include_older`). A removed prompt's kind is unknown, so its words are shown
as they were stored, one line per piece of text.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..content.model import Pack
from ..kinds import is_empty, strings
from ..trajects.traject import Traject
from .markdown import escape_inline, heading, list_item, text_block


@dataclass(frozen=True, slots=True)
class OlderAnswer:
    """An answer to a prompt the pack no longer has: the prompt's id and every text in the answer."""

    prompt_id: str
    texts: tuple[str, ...]
    private: bool = False


def older_answers(pack: Pack, traject: Traject) -> tuple[OlderAnswer, ...]:
    """The traject's answers to prompts `pack` does not have, in the order of the traject file."""
    return tuple(
        OlderAnswer(prompt_id, tuple(strings(value)), prompt_id in traject.private)
        for prompt_id, value in traject.answers.items()
        if pack.prompt(prompt_id) is None and not is_empty(value)
    )


def older_markdown(answer: OlderAnswer) -> str:
    """One older answer's words: a paragraph for a single text, a list for several."""
    if len(answer.texts) == 1:
        return text_block(answer.texts[0])
    return "\n".join(list_item(text) for text in answer.texts)


def older_section(pack: Pack, traject: Traject, *, include_private: bool = False) -> list[str]:
    """The roadmap's blocks for the older answers (a heading, a note, each under its prompt's id); [] for none."""
    shown = [a for a in older_answers(pack, traject) if include_private or not a.private]
    if not shown:
        return []
    blocks = [heading(2, pack.text("doc_older")), f"*{escape_inline(pack.text('doc_older_note'))}*"]
    for answer in shown:
        blocks += [heading(3, answer.prompt_id), older_markdown(answer)]
    return blocks
