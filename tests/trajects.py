"""Test trajecten for any pack: every prompt answered by its kind, with realistic (and a few tricky) words."""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import UTC, datetime
from typing import Any

from loopbaan_tui.domain.content.model import Kind, Pack, Prompt
from loopbaan_tui.domain.trajects.traject import Traject

MOMENT = datetime(2025, 11, 21, 9, 30, tzinfo=UTC)

ROADMAP_TEXTS = (
    "Ik ben begonnen als onderwijsassistent en merkte dat ik het liefst zelf voor de klas stond.\n"
    "Na drie jaar pabo sta ik nu in groep 5.\n\n# Geen kop: zo schrijf ik mijn lijstjes, met #1 bovenaan.",
    "Dat ik het meeste haal uit de kinderen die het moeilijk hebben. En dat ik niet weg wil uit het "
    "onderwijs, maar wel af wil van het alles-tegelijk-doen.",
    "Ik wil eerst goed worden in rekenen en taal:\n1. vakdidactiek\n2. een eigen lessenserie\n\n"
    "Daarna kijk ik verder, misschien naar een rol als rekencoördinator.",
    "Met mijn buddy op 14 januari, en met mijn directeur in het ontwikkelgesprek in februari.",
)
"""Texts for the roadmap step's text prompts, in the order the packs ask them: where I come from, what I
found out, what I will do, with whom I share it."""
LONG_TEXTS = (
    "Ik kan een rumoerige klas rustig krijgen zonder mijn stem te verheffen. Dat zag ik vorige week "
    'weer, toen groep 7 na de gym binnenkwam.\n\nMijn mentor zei daarna: "Jij wacht gewoon tot het '
    'stil is." Dat klopt: wachten doet meer dan roepen.',
    "Een school waar collega's bij elkaar in de les kijken. Kleine klassen <3, en ruimte om te proberen.",
    "Ik twijfel nog tussen een grote school in de stad en een dorpsschool.\nBeide trekken me, om <b>andere</b> "
    "redenen.",
)
SHORT_TEXTS = (
    "Een klas die iets ineens snapt.",
    "Samen met collega's lessen ontwerpen.",
    "Tijd voor *echt* contact met leerlingen",
)
LIST_ITEMS = (
    [
        "Mijn mentor: je legt helder uit.",
        "Leerlingen: streng maar eerlijk.",
        "- collega's vragen me om raad bij ruzies op het plein",
    ],
    ["Ik blijf rustig als het spannend wordt.", "Ik plan te krap."],
)
OTHER = "een luisterend oor zijn voor nieuwe collega's"
ACTIONS = [
    {
        "what": "Meelopen met de intern begeleider",
        "when": "2026-01-15",
        "first_step": "Mail sturen met twee data",
        "who": "Fatima (IB'er)",
    },
    {
        "what": "Gesprek over mijn ontwikkeling",
        "when": "voor de kerstvakantie",
        "first_step": "Agenda | doelen opschrijven",
        "who": "Mijn schoolleider",
    },
    {
        "what": "Cursus rekendidactiek uitzoeken",
        "when": "maart",
        "first_step": "Aanbod vergelijken\nen kiezen",
        "who": "",
    },
]
PEOPLE = [
    {
        "who": "Sanne, mijn buddy",
        "help": "Ze stelt de vragen die ik mezelf niet stel.",
        "reach": "Elke twee weken een wandeling",
    },
    {
        "who": "Meester Jan (groep 8)",
        "help": "Hij werkt al twintig jaar als rekencoördinator.",
        "reach": "Na de teamvergadering even aanspreken",
    },
]
REASONS = (
    "Ik wil dieper in mijn vak, vooral in rekenen.\nEen onderzoekje in mijn eigen klas lijkt me mooi.",
    "Later misschien, als ik meer ervaring heb.",
)
DATE = "2026-03-06"


def answer_for(pack: Pack, prompt: Prompt, index: int, profile: str) -> Any:
    """A realistic answer to any prompt, chosen by its kind; `index` varies the words."""
    section = pack.section_of(prompt.id)
    if section is pack.roadmap and prompt.kind in (Kind.LONG_TEXT, Kind.SHORT_TEXT):
        position = [p for p in section.prompts if p.kind in (Kind.LONG_TEXT, Kind.SHORT_TEXT)].index(prompt)
        return ROADMAP_TEXTS[position % len(ROADMAP_TEXTS)]
    match prompt.kind:
        case Kind.LONG_TEXT:
            return LONG_TEXTS[index % len(LONG_TEXTS)]
        case Kind.SHORT_TEXT:
            return SHORT_TEXTS[index % len(SHORT_TEXTS)]
        case Kind.LIST:
            return list(LIST_ITEMS[index % len(LIST_ITEMS)])
        case Kind.DATE:
            return DATE
        case Kind.SINGLE_CHOICE:
            value: dict[str, Any] = {"choice": prompt.options[index % len(prompt.options)].id}
            return value | ({"other": OTHER} if prompt.allow_other else {})
        case Kind.MULTIPLE_CHOICE:
            value = {"choices": [o.id for o in prompt.options[:2]]}
            return value | ({"other": OTHER} if prompt.allow_other else {})
        case Kind.SCALE:
            scores = {}
            for i, scale_id in enumerate(prompt.scales):
                scale = pack.scale(scale_id)
                assert scale is not None
                span = scale.max - scale.min
                now = scale.min + (span * (3 + i)) // 5 % (span + 1)
                then = scale.min + (span * (1 + 2 * i)) // 5 % (span + 1)
                scores[scale_id] = {"now": now, "then": then} if prompt.then_now else {"now": now}
            return scores
        case Kind.PATHS:
            ids = prompt.paths or tuple(p.id for p in pack.paths if p.for_profile(profile))
            return [{"path": path_id, "reason": REASONS[i % len(REASONS)]} for i, path_id in enumerate(ids[:2])]
        case Kind.ACTIONS:
            return [dict(row) for row in ACTIONS]
        case Kind.PEOPLE:
            return [dict(row) for row in PEOPLE]
        case Kind.SORT:
            groups = [o.id for o in prompt.options]
            return {groups[0]: [LIST_ITEMS[0][0]], groups[-1]: [LIST_ITEMS[1][1]]}
    raise AssertionError(f"no test answer for {prompt.kind}")


Answerer = Callable[[Pack, Prompt, int, str], Any]


def fill_traject(
    pack: Pack,
    profile: str,
    *,
    name: str = "Mijn loopbaan 2025-2026",
    skip: Collection[str] = (),
    private: Collection[str] = (),
    answer: Answerer = answer_for,
) -> Traject:
    """A traject answering every prompt of the profile (except `skip`), with `private` marked private."""
    traject = Traject(
        id=f"test-{profile}", name=name, profile=profile, pack=str(pack.folder), created=MOMENT, updated=MOMENT
    )
    counts: dict[Kind, int] = {}
    for section in pack.sections:
        for prompt in section.prompts_for(profile):
            index = counts.get(prompt.kind, 0)
            counts[prompt.kind] = index + 1
            if prompt.id not in skip:
                traject.set_answer(prompt.id, answer(pack, prompt, index, profile))
    traject.private = set(private)
    traject.created = traject.updated = MOMENT
    return traject
