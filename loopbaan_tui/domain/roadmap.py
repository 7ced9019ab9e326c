"""The roadmap: a pack and a traject written out as a Markdown document a person reads.

The document, in order: a title with the traject's name and the date; the profile; where I
come from (the roadmap step's first prompt, when it is text); one section per competency with
its question and the answers that stay in the step (text, lists, choices, dates, scales not asked
then-and-now); the work-joy balance (every `scale` prompt asked then and now) as a chart; my
career paths (`paths`); where I am going (the roadmap step's other prompts); actions (`actions`);
network (`people`); the next check-in (the roadmap step's `date` prompts); and, on request, the
open questions. Every answer appears exactly once, in the pack's order; sections with nothing
in them are left out. The document's own words come from the pack's UI strings (`doc_*` keys in ui.toml; a pack
without them gets the built-in pack's).

How the user's text is kept (see `escape_inline` and `text_block`):

- Nothing is dropped but whitespace: ASCII punctuation that could start Markdown structure is
  backslash-escaped where it could act, and only there, so the text stays readable as plain
  text. Escaped: `\\` before punctuation or at a line end, `*`, `` ` ``, `|`, `[`, `~`, `$`,
  `_` unless inside a word, `<` before a letter, `/`, `!` or `?`, `&` before an entity,
  `#` before a non-space (Obsidian tags) and `%%` (Obsidian comments); at the start of a line
  also `#`, `>`, `-`, `+`, `=`, `1.`/`1)` and delimiter-row-like `:`.
- A blank line separates paragraphs. A single line break inside a paragraph is kept as a
  hard break written as a trailing backslash (visible in a plain editor, never stripped by one).
- Leading and trailing whitespace of each line is dropped (Markdown cannot keep indentation
  without turning it into code); tabs inside a line are kept.
- In table cells, line breaks are written as " / " and tabs as spaces.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from string import punctuation
from typing import Any

from .model import Kind, Pack, Prompt, Scale, Section
from .traject import ACTION_FIELDS, PEOPLE_FIELDS, Traject, clean_value, is_empty

_MONTHS = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
}
_WEEKDAYS = {
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}

TEXT_KINDS = frozenset({Kind.LONG_TEXT, Kind.SHORT_TEXT, Kind.LIST})
"""Kinds that can open the document as "where I come from"."""

GATHERED_KINDS = (Kind.SCALE, Kind.PATHS, Kind.ACTIONS, Kind.PEOPLE)
"""Kinds gathered from every step into a section of their own (scales only when asked then and now)."""


def gathered(prompt: Prompt) -> Kind | None:
    """The kind of section a prompt's answer is gathered into, or None when it stays in its own step."""
    if prompt.kind is Kind.SCALE:
        return Kind.SCALE if prompt.then_now else None
    return prompt.kind if prompt.kind in GATHERED_KINDS else None

BAR_FULL, BAR_EMPTY = "█", "░"
_MAX_PAD = 60  # table columns are padded for plain-text reading up to this width

# Escaping: see the module docstring.
_ASCII_PUNCT = frozenset(punctuation)
_ALWAYS = frozenset("*`|[~$")
_SPECIAL = re.compile(r"[\\*`|\[~$_<&#%]")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")
_HTML_START = re.compile(r"[A-Za-z/!?]")
_LINE_START = frozenset("#>-+=")
_ORDERED = re.compile(r"([0-9]{1,9})([.)])(?=[ \t]|$)")
_DELIMITER_ROW = re.compile(r":[-:|\s]*")


def word(pack: Pack, key: str, **values: object) -> str:
    """A document word (`doc_*` key) from the pack's UI strings."""
    return pack.text(key, **values)


def escape_inline(text: str, *, always: frozenset[str] = _ALWAYS) -> str:
    """One line of text escaped so that no inline Markdown (or HTML) can act in it."""
    if always is _ALWAYS and not _SPECIAL.search(text):
        return text  # most lines: nothing that could act
    out: list[str] = []
    last = len(text) - 1
    for i, ch in enumerate(text):
        before = text[i - 1] if i else ""
        after = text[i + 1] if i < last else ""
        if ch == "\\":
            needed = not after or after in _ASCII_PUNCT
        elif ch in always:
            needed = True
        elif ch == "_":
            needed = not (before.isalnum() and after.isalnum())
        elif ch == "<":
            needed = bool(after) and _HTML_START.match(after) is not None
        elif ch == "&":
            needed = _ENTITY.match(text, i) is not None
        elif ch == "#":
            needed = bool(after) and not after.isspace()
        elif ch == "%":
            needed = "%" in (before, after)
        else:
            needed = False
        if needed:
            out.append("\\")
        out.append(ch)
    return "".join(out)


def escape_line(line: str) -> str:
    """A line of a paragraph: stripped, inline-escaped, and safe at the start of a line."""
    out = escape_inline(line.strip())
    if not out:
        return out
    if out[0] in _LINE_START or _DELIMITER_ROW.fullmatch(out):
        return "\\" + out
    ordered = _ORDERED.match(out)
    if ordered:
        return f"{ordered.group(1)}\\{out[ordered.end(1):]}"
    return out


def paragraphs(text: str) -> list[list[str]]:
    """The text's paragraphs (split at blank lines), each as its escaped lines."""
    result: list[list[str]] = []
    current: list[str] = []
    for line in text.split("\n"):
        escaped = escape_line(line)
        if escaped:
            current.append(escaped)
        elif current:
            result.append(current)
            current = []
    if current:
        result.append(current)
    return result


def text_block(text: str, lead: str = "", indent: str = "") -> str:
    """Text as Markdown paragraphs; `lead` (Markdown) starts the first line, `indent` the rest."""
    paras = paragraphs(text) or [[]]
    if lead:
        paras[0] = [lead + (paras[0][0] if paras[0] else ""), *paras[0][1:]]
    blocks = ["\\\n".join(para) for para in paras]
    return ("\n\n").join(blocks).replace("\n", "\n" + indent) if indent else "\n\n".join(blocks)


def list_item(text: str, lead: str = "") -> str:
    """A bullet list item holding text (continuation lines indented under the marker)."""
    block = text_block(text, lead, indent="  ")
    return "- " + "\n".join(line.rstrip() for line in block.split("\n"))


def cell(text: str) -> str:
    """Text for a table cell: one line, line breaks as " / ", escaped (pipes too)."""
    lines = [line.strip() for line in text.replace("\t", " ").split("\n")]
    return escape_inline(" / ".join(line for line in lines if line))


def heading(level: int, text: str) -> str:
    """An ATX heading whose text can never close or extend the heading early."""
    return "#" * level + " " + escape_inline(" ".join(text.split()), always=_ALWAYS | {"#"})


def flat_line(text: str) -> str:
    """Text on one line (whitespace collapsed), escaped to stand anywhere, even at a line start."""
    return escape_line(" ".join(text.split()))


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A GFM table of already escaped cells, padded so it also reads as plain text."""
    body = [list(row) for row in rows]
    widths = [max(3, min(_MAX_PAD, max(_width(r[i]) for r in [list(header), *body]))) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(c + " " * max(0, w - _width(c)) for c, w in zip(cells, widths, strict=True)) + " |"

    return "\n".join([line(header), "| " + " | ".join("-" * w for w in widths) + " |", *map(line, body)])


def _width(text: str) -> int:
    """How many columns a text takes in a monospaced editor (wide characters count twice)."""
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
               for c in text)


def readable_date(pack: Pack, value: date, *, weekday: bool = False) -> str:
    """A date in words in the pack's language: "6 maart 2026", or "vrijdag 6 maart 2026"."""
    language = "en" if pack.info.language == "en" else "nl"
    text = f"{value.day} {_MONTHS[language][value.month - 1]} {value.year}"
    return f"{_WEEKDAYS[language][value.weekday()]} {text}" if weekday else text


def _parse_date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


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

    def __init__(self, pack: Pack, traject: Traject, include_empty: bool, include_private: bool,
                 today: date) -> None:
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
        road = per_step.get(pack.roadmap.id, []) if pack.roadmap else []
        origin: list[_Shown] = []
        if pack.roadmap:
            first = pack.roadmap.prompts_for(traject.profile)[:1]
            if first and first[0].kind in TEXT_KINDS:
                origin = [s for s in road if s.prompt is first[0]]
        together = {kind: [s for shown in per_step.values() for s in shown if gathered(s.prompt) is kind]
                    for kind in GATHERED_KINDS}
        checkin = [s for s in road if s.prompt.kind is Kind.DATE]
        ahead = [s for s in road if s not in origin and s not in checkin and gathered(s.prompt) is None]

        profile = pack.profile(traject.profile)
        title = word(pack, "doc_title", name=traject.name.strip() or traject.id,
                     date=readable_date(pack, self.today))
        blocks = [heading(1, title),
                  f"**{self.w('doc_profile')}:** {escape_inline(profile.label if profile else traject.profile)}",
                  text_block(word(pack, "doc_intro"))]
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
            blocks += [heading(2, word(pack, "doc_open")),
                       "\n".join(f"- {flat_line(prompt.label)} *({flat_line(section.question)})*"
                                 for section, prompt in self.open)]
        return "\n\n".join(block for block in blocks if block) + "\n"

    def section(self, title: str, shown: list[_Shown], note: Callable[[list[_Shown]], str] | None = None
                ) -> list[str]:
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
                when = _parse_date(value)
                return escape_inline(readable_date(self.pack, when, weekday=True)) if when else text_block(value)
            if kind is Kind.SINGLE_CHOICE and isinstance(value, Mapping):
                return self.single_choice(prompt, value)
            if kind is Kind.MULTIPLE_CHOICE and isinstance(value, Mapping):
                return self.multiple_choice(prompt, value)
            if kind is Kind.SCALE and isinstance(value, Mapping):
                return self.scales(prompt, value)
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

    def scales(self, prompt: Prompt, value: Mapping[str, Any]) -> str:
        """A chart: a bar and a number per scale, then and now and the change; the scales' ends below."""
        then_now = prompt.then_now
        header = ["", *([self.w("doc_then")] if then_now else []), self.w("doc_now"),
                  *([self.w("doc_change")] if then_now else [])]
        rows = []
        used: list[Scale] = []
        ids = [*prompt.scales, *(k for k in value if k not in prompt.scales)]
        for scale_id in ids:
            scale = self.pack.scale(scale_id)
            scores = value.get(scale_id)
            if scale is None or not isinstance(scores, Mapping):
                continue
            now, then = _score(scores.get("now")), _score(scores.get("then"))
            if now is None and (then is None or not then_now):
                continue
            used.append(scale)
            row = [escape_inline(scale.label)]
            if then_now:
                row.append(_bar(then, scale))
            row.append(_bar(now, scale))
            if then_now:
                row.append(_change(then, now))
            rows.append(row)
        return f"{table(header, rows)}\n\n{_legend(used)}" if rows else ""

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
        parsed = _parse_date(text)
        return readable_date(self.pack, parsed) if parsed else text

    def people(self, value: Any) -> str:
        rows = _rows(value, PEOPLE_FIELDS)
        header = [self.w(f"doc_people_{f}") for f in PEOPLE_FIELDS]
        return table(header, [[cell(r[f]) for f in PEOPLE_FIELDS] for r in rows]) if rows else ""


def _legend(scales: list[Scale]) -> str:
    """What the numbers mean: "1 = helemaal niet · 5 = helemaal wel", then the scales whose ends differ."""
    groups: dict[tuple[int, str, int, str], list[Scale]] = {}
    for scale in scales:
        groups.setdefault((scale.min, scale.low, scale.max, scale.high), []).append(scale)
    ordered = sorted(groups.items(), key=lambda group: -len(group[1]))  # stable: the first of equals leads
    lines = []
    for index, ((low, low_word, high, high_word), members) in enumerate(ordered):
        ends = f"{low} = {low_word} · {high} = {high_word}"
        lines.append(ends if index == 0 else "; ".join(s.label for s in members) + ": " + ends)
    return "\\\n".join(flat_line(line) for line in lines)


def _score(value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return int(value)


def _bar(value: int | None, scale: Scale) -> str:
    """`███░░ 3`: one block per step of the scale, filled up to the value."""
    if value is None:
        return "–"
    steps = scale.max - scale.min + 1
    filled = max(0, min(steps, value - scale.min + 1))
    return f"{BAR_FULL * filled}{BAR_EMPTY * (steps - filled)} {value}"


def _change(then: int | None, now: int | None) -> str:
    if then is None or now is None:
        return ""
    delta = now - then
    return f"↑ +{delta}" if delta > 0 else f"↓ −{-delta}" if delta < 0 else "= 0"


def build_markdown(pack: Pack, traject: Traject, *, include_empty: bool = False, include_private: bool = False,
                   today: date | None = None) -> str:
    """The roadmap as CommonMark (with GFM tables): private and empty answers left out unless asked."""
    return _Writer(pack, traject, include_empty, include_private, today or date.today()).document()
