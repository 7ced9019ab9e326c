"""The roadmap: a pack and a traject written out as a Markdown document a person reads.

The document, in order: a title with the traject's name and the date; who wrote it, at which school
or course, and for whom (the `byline` prompts, wherever they stand); the profile; how I got
here (the roadmap step's first prompt, when it is text); one section per competency with
its question and the answers that stay in the step (text, lists, choices, dates, scales not asked
then-and-now); the work-joy balance (every `scale` prompt asked then and now) as a chart; my
career paths (`paths`); where I am going (the roadmap step's other prompts); actions (`actions`);
network (`people`); the next check-in (the roadmap step's `date` prompts); and, on request, the
older answers (to prompts the pack no longer has) and the open questions. Every answer appears
exactly once, in the pack's order; sections with nothing in them are left out. The document's own
words come from the pack's UI strings (`doc_*` keys in ui.toml; a pack without them gets the built-in pack's).

How the user's text is kept as typed is `markdown.py`'s job; dates are read and written by `dates.py`,
the balance chart is `balance.py`'s.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from ..content.model import Byline, Pack, Prompt, Section
from ..fit.roadmap_fit import fit_blocks
from ..kinds import DocContext, Gathered, is_empty, kind_of, strings
from ..trajects.traject import Traject
from ..trajects.visibility import TrajectFacts
from ..words.dates import format_date
from .changes import changes_blocks
from .markdown import escape_inline, flat_line, heading, text_block
from .older import older_section

GATHERED: tuple[Gathered, ...] = ("balance", "paths", "actions", "network")
"""The sections gathering answers from every step (`PromptKind.gathered`), each with its title word."""


def word(pack: Pack, key: str, **values: object) -> str:
    """A document word (`doc_*` key) from the pack's UI strings."""
    return pack.text(key, **values)


def readable_date(pack: Pack, value: date, *, weekday: bool = True) -> str:
    """A date in words in the pack's language: "vrijdag 6 maart 2026", or "6 maart 2026"."""
    return format_date(value, pack.info.language, weekday=weekday)


@dataclass(frozen=True, slots=True)
class _Shown:
    """A prompt with its answer, written out."""

    section: Section
    prompt: Prompt
    text: str


def _gathered(prompt: Prompt) -> Gathered | None:
    return kind_of(prompt).gathered(prompt)


class _Writer:
    """Writes one roadmap; see the module docstring for the order of the sections."""

    def __init__(
        self,
        pack: Pack,
        traject: Traject,
        include_empty: bool,
        include_private: bool,
        today: date,
        include_older: bool = False,
        fit: bool = False,
    ) -> None:
        self.pack = pack
        self.include_older = include_older
        self.traject = traject
        self.include_empty = include_empty
        self.include_private = include_private
        self.today = today
        self.fit = fit
        self.open: list[tuple[Section, Prompt]] = []
        self.facts = TrajectFacts(pack, traject)

    def w(self, key: str, **values: object) -> str:
        """A word of the document, escaped for inline use."""
        return escape_inline(word(self.pack, key, **values))

    def shown(self, section: Section) -> list[_Shown]:
        """This profile's prompts of a step that have a visible answer, written; notes the open ones. A
        prompt its `show_if` hides is left out, answer and all (the answer stays in the file)."""
        result = []
        for prompt in section.prompts_for(self.traject.profile):
            if not self.facts.shown(prompt):
                continue
            if prompt.id in self.traject.private and not self.include_private:
                continue
            value = self.traject.answer(prompt.id)
            text = "" if is_empty(value) else kind_of(prompt).render(DocContext(self.pack), prompt, value)
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
            if first and kind_of(first[0]).opens_roadmap:
                origin = [s for s in road if s.prompt is first[0]]
        together: dict[Gathered, list[_Shown]] = {
            section: [s for shown in per_step.values() for s in shown if _gathered(s.prompt) == section]
            for section in GATHERED
        }
        checkin = [s for s in road if kind_of(s.prompt).checkin]
        ahead = [s for s in road if s not in origin and s not in checkin and _gathered(s.prompt) is None]

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
            own = [s for s in per_step[section.id] if _gathered(s.prompt) is None]
            if own:
                blocks += [heading(2, section.question), f"*{flat_line(section.name)}*"]
                for shown in own:
                    blocks += [heading(3, shown.prompt.label), shown.text]
        blocks += self.section(word(pack, "doc_balance"), together["balance"], self.balance_note)
        blocks += self.section(word(pack, "doc_paths"), together["paths"])
        if self.fit:  # the paths that fit the answers best (domain/fit), from the answers the roadmap shows
            visible = {k: v for k, v in traject.answers.items() if self.include_private or k not in traject.private}
            blocks += fit_blocks(pack, visible, traject.profile)
        blocks += self.section(word(pack, "doc_ahead"), ahead)
        blocks += self.section(word(pack, "doc_actions"), together["actions"])
        blocks += self.section(word(pack, "doc_network"), together["network"])
        blocks += changes_blocks(pack, traject, include_private=self.include_private)  # since the last check-in
        blocks += self.section(word(pack, "doc_checkin"), checkin)
        if self.include_older:
            blocks += older_section(pack, traject, include_private=self.include_private)
        if self.include_empty and self.open:
            blocks += [
                heading(2, word(pack, "doc_open")),
                "\n".join(
                    f"- {flat_line(prompt.label)} *({flat_line(section.question)})*" for section, prompt in self.open
                ),
            ]
        return "\n\n".join(block for block in blocks if block) + "\n"

    def byline(self, shown: Mapping[Byline, _Shown]) -> str:
        """ "Geschreven door Sanne (pabo Inholland) voor Marieke": whichever of the three were answered."""
        value = {
            role: " ".join(" ".join(strings(self.traject.answer(s.prompt.id))).split()) for role, s in shown.items()
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

    def balance_note(self, shown: list[_Shown]) -> str:
        if not any(s.prompt.then_now for s in shown):
            return ""
        return "*" + flat_line(word(self.pack, "doc_balance_note")) + "*"


def build_markdown(
    pack: Pack,
    traject: Traject,
    *,
    include_empty: bool = False,
    include_private: bool = False,
    today: date | None = None,
    include_older: bool = False,
    include_fit: bool = False,
) -> str:
    """The roadmap as CommonMark (with GFM tables): private and empty answers left out unless asked;
    answers to prompts the pack no longer has (`older.py`) only when asked; with `include_fit`, the three
    paths that fit the answers best after the chosen ones."""
    writer = _Writer(pack, traject, include_empty, include_private, today or date.today(), include_older, include_fit)
    return writer.document()
