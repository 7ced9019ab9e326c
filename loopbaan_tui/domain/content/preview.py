"""A pack as one profile sees it: every step and prompt written out, to review with colleagues or print.

Each prompt with its label, kind, help, example and choices (options, scales, career paths), whether
it is a core prompt or required, and which earlier answers it recalls. Conditions come from a hook
(`ConditionWords`): it says, per prompt or option, whether this profile can see it and on what
condition, in words; the default, `conditions_in_words`, reads each `show_if` (condition_words.py),
and `no_conditions` shows everything the profile filter lets through, always.
The document's words are the pack's `preview_*` UI strings; the HTML is the roadmap's page (`roadmap_html`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..roadmap.markdown import escape_inline, flat_line, heading, text_block
from . import builtin
from .condition_words import describe, for_profile, possible_for
from .model import Kind, Option, Pack, Prompt, Route, Section


@dataclass(frozen=True, slots=True)
class Condition:
    """Whether a prompt (or one option of it) can be seen by a profile, and on what condition ("" = always)."""

    shown: bool = True
    words: str = ""


ALWAYS = Condition()

ConditionWords = Callable[[Pack, Prompt, Option | None, str], Condition]
"""The hook for conditions: (pack, prompt, option or None for the prompt itself, profile) to a Condition."""


def no_conditions(pack: Pack, prompt: Prompt, option: Option | None, profile: str) -> Condition:
    """The hook for a pack without conditions: everything is shown, always."""
    return ALWAYS


def conditions_in_words(pack: Pack, prompt: Prompt, option: Option | None, profile: str) -> Condition:
    """The hook that reads `show_if`: hidden when this profile can never meet it, else its words."""
    condition = option.show_if if option else prompt.show_if
    if condition is None:
        return ALWAYS
    if not possible_for(pack, condition, profile):
        return Condition(shown=False)
    return Condition(words=describe(pack, for_profile(pack, condition, profile)))


_KIND_WORDS = {
    Kind.LONG_TEXT: "preview_kind_long_text",
    Kind.SHORT_TEXT: "preview_kind_short_text",
    Kind.LIST: "preview_kind_list",
    Kind.SCALE: "preview_kind_scale",
    Kind.SINGLE_CHOICE: "preview_kind_single_choice",
    Kind.MULTIPLE_CHOICE: "preview_kind_multiple_choice",
    Kind.PATHS: "preview_kind_paths",
    Kind.ACTIONS: "preview_kind_actions",
    Kind.PEOPLE: "preview_kind_people",
    Kind.DATE: "preview_kind_date",
    Kind.RANKING: "preview_kind_ranking",
    Kind.SORT: "preview_kind_sort",
}
"""Each kind in the course leader's words."""


class _Writer:
    """Writes one preview: a title, then per step its question, intro and prompts."""

    def __init__(self, pack: Pack, profile: str, route: Route, conditions: ConditionWords) -> None:
        self.pack = pack
        self.profile = profile
        self.route = route
        self.conditions = conditions

    def w(self, key: str, **values: object) -> str:
        """A word of the document, escaped for inline use."""
        return escape_inline(self.pack.text(key, **values))

    def document(self) -> str:
        pack = self.pack
        profile = pack.profile(self.profile)
        label = profile.label if profile else self.profile
        blocks = [
            heading(1, pack.text("preview_title", pack=pack.info.name, profile=label)),
            text_block(pack.info.description),
            text_block(pack.text("preview_intro", profile=label, version=pack.info.version)),
        ]
        for number, section in enumerate(pack.sections, start=1):
            blocks += self.section(number, section)
        return "\n\n".join(block for block in blocks if block) + "\n"

    def section(self, number: int, section: Section) -> list[str]:
        blocks = [
            heading(2, self.pack.text("preview_step", number=number, question=section.question)),
            f"*{flat_line(section.name)}*",
            text_block(section.intro),
        ]
        shown = section.prompts_for(self.profile, self.route)
        written = [block for prompt in shown for block in self.prompt(prompt)]
        return blocks + (written or [f"*{self.w('preview_no_prompts')}*"])

    def prompt(self, prompt: Prompt) -> list[str]:
        condition = self.conditions(self.pack, prompt, None, self.profile)
        if not condition.shown:
            return []
        facts = [self.w(_KIND_WORDS[prompt.kind])]
        if prompt.core and self.pack.has_short_route:
            facts.append(self.w("preview_core"))
        if prompt.required:
            facts.append(self.w("preview_required"))
        lines = [f"- **{self.w('preview_kind')}:** {', '.join(facts)}"]
        if condition.words:
            lines.append(f"- **{self.w('preview_shown_if')}:** {flat_line(condition.words)}")
        recalled = [self.pack.prompt(i) for i in prompt.recall]
        if recalled:
            labels = "; ".join(flat_line(p.label) for p in recalled if p)
            lines.append(f"- **{self.w('preview_recall')}:** {labels}")
        blocks = [heading(3, prompt.label), "\n".join(lines), text_block(prompt.help)]
        if prompt.example:
            blocks.append(text_block(prompt.example, lead=f"*{self.w('preview_example')}:* "))
        return [*blocks, self.choices(prompt)]

    def choices(self, prompt: Prompt) -> str:
        """The options, scales or career paths a prompt offers, as a list under its word."""
        if prompt.kind is Kind.SCALE:
            return self.scales(prompt)
        if prompt.kind is Kind.PATHS:
            paths = [
                p for p in self.pack.paths if p.for_profile(self.profile) and (not prompt.paths or p.id in prompt.paths)
            ]
            return self.labelled_list("preview_paths", [flat_line(p.name) for p in paths])
        items = []
        for option in prompt.options:
            condition = self.conditions(self.pack, prompt, option, self.profile)
            if condition.shown:
                items.append(flat_line(option.label) + self.option_condition(condition))
        if prompt.allow_other:
            items.append(f"*{self.w('preview_other')}*")
        return self.labelled_list("preview_choices", items)

    def option_condition(self, condition: Condition) -> str:
        """ " *(alleen als: ...)*" after an option shown on a condition; "" for one shown always."""
        if not condition.words:
            return ""
        return f" *({self.w('preview_shown_if').lower()}: {flat_line(condition.words)})*"

    def scales(self, prompt: Prompt) -> str:
        items = []
        for scale_id in prompt.scales:
            scale = self.pack.scale(scale_id)
            if scale:
                ends = self.pack.text(
                    "preview_scale_ends", low=scale.low, high=scale.high, min=scale.min, max=scale.max
                )
                items.append(f"{flat_line(scale.label)} ({flat_line(ends)})")
        title = self.labelled_list("preview_scales", items)
        return f"{title}\n\n*{self.w('preview_then_now')}*" if title and prompt.then_now else title

    def labelled_list(self, key: str, items: list[str]) -> str:
        if not items:
            return ""
        return f"**{self.w(key)}:**\n\n" + "\n".join(f"- {item}" for item in items)


def build_preview(
    pack: Pack, profile: str, *, route: Route = "full", conditions: ConditionWords = conditions_in_words
) -> str:
    """The preview as CommonMark: what `profile` sees of `pack`, step by step (`route`: all or core prompts)."""
    return _Writer(pack, profile, route, conditions).document()


def preview_html(
    pack: Pack, profile: str, *, route: Route = "full", conditions: ConditionWords = conditions_in_words
) -> str:
    """The preview (see `build_preview`) as one self-contained HTML page to print."""
    from ..roadmap.roadmap_html import render_html

    markdown = build_preview(pack, profile, route=route, conditions=conditions)
    return render_html(markdown, lang=builtin.language_or_default(pack.info.language))


def render_preview(pack: Pack, profile: str, fmt: str, *, conditions: ConditionWords = conditions_in_words) -> str:
    """The preview in a format: "md" or "html"."""
    if fmt == "html":
        return preview_html(pack, profile, conditions=conditions)
    return build_preview(pack, profile, conditions=conditions)
