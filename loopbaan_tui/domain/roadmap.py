"""The roadmap: a pack and a traject written out as a Markdown document a person reads.

The document, in order: a title with the traject's name and the date; who wrote it, at which school
or course, and for whom (the `byline` prompts, wherever they stand); the profile; how I got
here (the roadmap step's first prompt, when it is text); one section per competency with
its question and the answers that stay in the step (text, lists, choices, dates, scales not asked
then-and-now); the work-joy balance (every `scale` prompt asked then and now) as a chart; my
career paths (`paths`); where I am going (the roadmap step's other prompts); actions (`actions`);
network (`people`); the next check-in (the roadmap step's `date` prompts); and, on request, the
open questions. Every answer appears exactly once, in the pack's order; sections with nothing
in them are left out. The document's own words come from the pack's UI strings (`doc_*` keys in ui.toml; a pack
without them gets the built-in pack's).

How the user's text is kept as typed is `markdown.py`'s job; dates are read and written by `dates.py`,
the balance chart is `balance.py`'s.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from . import balance
from .dates import format_date, recognize_date
from .markdown import cell, escape_inline, flat_line, heading, list_item, table, text_block
from .model import Kind, Pack, Prompt, Section
from .traject import ACTION_FIELDS, PEOPLE_FIELDS, Traject, clean_value, is_empty

TEXT_KINDS = frozenset({Kind.LONG_TEXT, Kind.SHORT_TEXT, Kind.LIST})
"""Kinds that can open the document as "how I got here"."""

GATHERED_KINDS = (Kind.SCALE, Kind.PATHS, Kind.ACTIONS, Kind.PEOPLE)
"""Kinds gathered from every step into a section of their own (scales only when asked then and now)."""


def gathered(prompt: Prompt) -> Kind | None:
    """The kind of section a prompt's answer is gathered into, or None when it stays in its own step."""
    if prompt.kind is Kind.SCALE:
        return Kind.SCALE if prompt.then_now else None
    return prompt.kind if prompt.kind in GATHERED_KINDS else None


def word(pack: Pack, key: str, **values: object) -> str:
    """A document word (`doc_*` key) from the pack's UI strings."""
    return pack.text(key, **values)


def readable_date(pack: Pack, value: date, *, weekday: bool = True) -> str:
    """A date in words in the pack's language: "vrijdag 6 maart 2026", or "6 maart 2026"."""
    return format_date(value, pack.info.language, weekday=weekday)


def _strings(value: Any) -> list[str]:
    """Every text inside a value of an unexpected shape, so no words are lost."""
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, Mapping):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _strings(v)]
    return [] if value is None or isinstance(value, bool) else [str(value)]


def _rows(value: Any, fields: Sequence[str]) -> list[dict[str, str]]:
    """The rows of an actions or people answer, each field as text."""
    items = value if isinstance(value, list) else [value]
    rows = []
    for item in items:
        if isinstance(item, Mapping):
            row = {f: "\n".join(_strings(item.get(f))) for f in fields}
        else:
            row = {f: "" for f in fields} | {fields[0]: "\n".join(_strings(item))}
        if any(v.strip() for v in row.values()):
            rows.append(row)
    return rows


@dataclass(frozen=True, slots=True)
class _Shown:
    """A prompt with its answer, written out."""

    section: Section
    prompt: Prompt
    text: str


class _Writer:
    """Writes one roadmap; see the module docstring for the order of the sections."""

    def __init__(self, pack: Pack, traject: Traject, include_empty: bool, include_private: bool, today: date) -> None:
        self.pack = pack
        self.traject = traject
        self.include_empty = include_empty
        self.include_private = include_private
        self.today = today
        self.open: list[tuple[Section, Prompt]] = []

    def w(self, key: str, **values: object) -> str:
        """A word of the document, escaped for inline use."""
        return escape_inline(word(self.pack, key, **values))

    def shown(self, section: Section) -> list[_Shown]:
        """This profile's prompts of a step that have a visible answer, written; notes the open ones."""
        result = []
        for prompt in section.prompts_for(self.traject.profile):
            if prompt.id in self.traject.private and not self.include_private:
                continue
            value = clean_value(self.traject.answer(prompt.id))
            text = "" if is_empty(value) else self.answer(prompt, value)
            if text.strip():
                result.append(_Shown(section, prompt, text))
            else:
                self.open.append((section, prompt))
        return result

    def document(self) -> str:
        """The whole roadmap, sections in the order of the module docstring."""
        pack, traject = self.pack, self.traject
        per_step = {section.id: self.shown(section) for section in pack.sections}
        byline = {s.prompt.byline: s for shown in per_step.values() for s in shown if s.prompt.byline}
        per_step = {key: [s for s in shown if not s.prompt.byline] for key, shown in per_step.items()}
        road = per_step.get(pack.roadmap.id, []) if pack.roadmap else []
        origin: list[_Shown] = []
        if pack.roadmap:
            first = [p for p in pack.roadmap.prompts_for(traject.profile) if not p.byline][:1]
            if first and first[0].kind in TEXT_KINDS:
                origin = [s for s in road if s.prompt is first[0]]
        together = {
            kind: [s for shown in per_step.values() for s in shown if gathered(s.prompt) is kind]
            for kind in GATHERED_KINDS
        }
        checkin = [s for s in road if s.prompt.kind is Kind.DATE]
        ahead = [s for s in road if s not in origin and s not in checkin and gathered(s.prompt) is None]

        profile = pack.profile(traject.profile)
        title = word(
            pack,
            "doc_title",
            name=traject.name.strip() or traject.id,
            date=readable_date(pack, self.today, weekday=False),
        )
        blocks = [
            heading(1, title),
            self.byline(byline),
            f"**{self.w('doc_profile')}:** {escape_inline(profile.label if profile else traject.profile)}",
            text_block(word(pack, "doc_intro")),
        ]
        blocks += self.section(word(pack, "doc_origin"), origin)
        for section in pack.competencies:
            own = [s for s in per_step[section.id] if gathered(s.prompt) is None]
            if own:
                blocks += [heading(2, section.question), f"*{flat_line(section.name)}*"]
                for shown in own:
                    blocks += [heading(3, shown.prompt.label), shown.text]
        blocks += self.section(word(pack, "doc_balance"), together[Kind.SCALE], self.balance_note)
        blocks += self.section(word(pack, "doc_paths"), together[Kind.PATHS])
        blocks += self.section(word(pack, "doc_ahead"), ahead)
        blocks += self.section(word(pack, "doc_actions"), together[Kind.ACTIONS])
        blocks += self.section(word(pack, "doc_network"), together[Kind.PEOPLE])
        blocks += self.section(word(pack, "doc_checkin"), checkin)
        if self.include_empty and self.open:
            blocks += [
                heading(2, word(pack, "doc_open")),
                "\n".join(
                    f"- {flat_line(prompt.label)} *({flat_line(section.question)})*" for section, prompt in self.open
                ),
            ]
        return "\n\n".join(block for block in blocks if block) + "\n"

    def byline(self, shown: Mapping[str | None, _Shown]) -> str:
        """ "Geschreven door Sanne (pabo Inholland) voor Marieke": whichever of the three were answered."""
        value = {
            role: " ".join(" ".join(_strings(self.traject.answer(s.prompt.id))).split()) for role, s in shown.items()
        }
        name, school, reader = value.get("name"), value.get("school"), value.get("reader")
        line = word(self.pack, "doc_byline_by", name=name) if name else ""
        if school:
            line = f"{line} ({school})" if line else school
        if reader:
            addressed = word(self.pack, "doc_byline_for", reader=reader)
            if name:
                line = f"{line} {addressed}"
            elif line:
                line = f"{line}, {addressed}"
            else:  # "voor Marieke" opens the line: "Voor Marieke", unless the template starts with the name
                starts_with_word = not self.pack.text("doc_byline_for").startswith("{")
                line = addressed[:1].upper() + addressed[1:] if starts_with_word else addressed
        return flat_line(line)

    def section(self, title: str, shown: list[_Shown], note: Callable[[list[_Shown]], str] | None = None) -> list[str]:
        """An H2 gathering answers (after an optional note); each under its prompt's label when there are several."""
        if not shown:
            return []
        blocks = [heading(2, title), note(shown) if note else ""]
        for item in shown:
            if len(shown) > 1:
                blocks.append(heading(3, item.prompt.label))
            blocks.append(item.text)
        return blocks

    def answer(self, prompt: Prompt, value: Any) -> str:
        """One answer, written the way its kind reads best."""
        kind = prompt.kind
        try:
            if kind in (Kind.LONG_TEXT, Kind.SHORT_TEXT) and isinstance(value, str):
                return text_block(value)
            if kind is Kind.LIST and isinstance(value, list):
                return "\n".join(list_item(item) for item in _strings(value))
            if kind is Kind.DATE and isinstance(value, str):
                when = recognize_date(value)  # an ISO date as stored; as typed in files from before dates were checked
                return escape_inline(readable_date(self.pack, when)) if when else text_block(value)
            if kind is Kind.SINGLE_CHOICE and isinstance(value, Mapping):
                return self.single_choice(prompt, value)
            if kind is Kind.MULTIPLE_CHOICE and isinstance(value, Mapping):
                return self.multiple_choice(prompt, value)
            if kind is Kind.SCALE and isinstance(value, Mapping):
                return balance.chart(self.pack, prompt, value)
            if kind is Kind.PATHS and isinstance(value, list):
                return self.paths(value)
            if kind is Kind.ACTIONS:
                return self.actions(value)
            if kind is Kind.PEOPLE:
                return self.people(value)
        except (TypeError, ValueError, AttributeError):
            pass
        return "\n\n".join(text_block(s) for s in _strings(value))  # an unexpected shape: keep the words

    def option(self, prompt: Prompt, option_id: object) -> str:
        """An option's label; its id when the pack no longer has it."""
        label = next((o.label for o in prompt.options if o.id == option_id), None)
        return label if label is not None else str(option_id)

    def other(self, value: Mapping[str, Any]) -> str:
        """The "other" text of a choice answer, or ""."""
        other = value.get("other")
        return other if isinstance(other, str) and other.strip() else ""

    def single_choice(self, prompt: Prompt, value: Mapping[str, Any]) -> str:
        blocks = []
        if value.get("choice"):
            blocks.append(text_block(self.option(prompt, value["choice"])))
        if other := self.other(value):
            blocks.append(text_block(other, lead=self.w("doc_other") + ": "))
        return "\n\n".join(blocks)

    def multiple_choice(self, prompt: Prompt, value: Mapping[str, Any]) -> str:
        choices = value.get("choices") or []
        items = [list_item(self.option(prompt, c)) for c in (choices if isinstance(choices, list) else [choices])]
        if other := self.other(value):
            items.append(list_item(other, lead=self.w("doc_other") + ": "))
        return "\n".join(items)

    def balance_note(self, shown: list[_Shown]) -> str:
        if not any(s.prompt.then_now for s in shown):
            return ""
        return "*" + flat_line(word(self.pack, "doc_balance_note")) + "*"

    def paths(self, value: list[Any]) -> str:
        items = []
        for item in value:
            if isinstance(item, Mapping):
                path_id, reason = item.get("path"), item.get("reason")
            else:
                path_id, reason = item, None
            path = self.pack.path(str(path_id)) if path_id else None
            name = path.name if path else str(path_id or "")
            lead = f"**{escape_inline(name)}**" if name.strip() else ""
            reason = "\n".join(_strings(reason))
            if reason and lead:
                items.append(list_item(reason, lead=lead + " — "))
            elif lead or reason:
                items.append(list_item(reason) if reason else "- " + lead)
        return "\n".join(items)

    def actions(self, value: Any) -> str:
        rows = _rows(value, ACTION_FIELDS)
        header = [self.w(f"doc_action_{f}") for f in ACTION_FIELDS]
        cells = [[cell(self.when(r[f]) if f == "when" else r[f]) for f in ACTION_FIELDS] for r in rows]
        return table(header, cells) if rows else ""

    def when(self, text: str) -> str:
        """An action's 'when': in words when the whole text is a date, else as typed ("voor de kerst")."""
        found = recognize_date(text)
        return readable_date(self.pack, found) if found else text

    def people(self, value: Any) -> str:
        rows = _rows(value, PEOPLE_FIELDS)
        header = [self.w(f"doc_people_{f}") for f in PEOPLE_FIELDS]
        return table(header, [[cell(r[f]) for f in PEOPLE_FIELDS] for r in rows]) if rows else ""


def build_markdown(
    pack: Pack,
    traject: Traject,
    *,
    include_empty: bool = False,
    include_private: bool = False,
    today: date | None = None,
) -> str:
    """The roadmap as CommonMark (with GFM tables): private and empty answers left out unless asked."""
    return _Writer(pack, traject, include_empty, include_private, today or date.today()).document()
