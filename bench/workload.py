"""What the benchmarks work on: realistic answers, trajecten, generated packs, a data folder.

Everything is deterministic (seeded), so two runs measure the same work.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import tomli_w

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # tests/trajects.py answers every prompt of any pack

from trajects import fill_traject  # noqa: E402

from loopbaan_tui.domain.content.builtin import pack_folder  # noqa: E402
from loopbaan_tui.domain.content.loader import load_pack  # noqa: E402
from loopbaan_tui.domain.content.model import Kind, Pack  # noqa: E402
from loopbaan_tui.domain.trajects.storage import Store  # noqa: E402
from loopbaan_tui.domain.trajects.traject import Traject  # noqa: E402

_WORDS = (
    "ik",
    "de",
    "het",
    "een",
    "en",
    "van",
    "in",
    "dat",
    "is",
    "op",
    "te",
    "met",
    "voor",
    "niet",
    "ook",
    "maar",
    "als",
    "bij",
    "aan",
    "er",
    "zijn",
    "was",
    "om",
    "naar",
    "dan",
    "nog",
    "klas",
    "leerling",
    "leerlingen",
    "les",
    "lessen",
    "collega",
    "collega's",
    "school",
    "mentor",
    "buddy",
    "groep",
    "rekenen",
    "taal",
    "ouders",
    "gesprek",
    "feedback",
    "begeleiding",
    "directeur",
    "team",
    "rust",
    "structuur",
    "uitleg",
    "vraag",
    "vragen",
    "antwoord",
    "toets",
    "ontwikkeling",
    "stage",
    "opleiding",
    "pabo",
    "werkplezier",
    "werkdruk",
    "keuze",
    "kiezen",
    "leren",
    "durven",
    "proberen",
    "merken",
    "zien",
    "denken",
    "willen",
    "kunnen",
    "moeten",
    "weten",
    "vertellen",
    "luisteren",
    "plannen",
    "schrijven",
    "lezen",
    "samen",
    "altijd",
    "soms",
    "vaak",
    "eerst",
    "daarna",
    "vorige",
    "week",
    "morgen",
    "eigenlijk",
    "gewoon",
    "echt",
    "best",
    "heel",
    "lastig",
    "mooi",
    "goed",
    "moeilijk",
)


def prose(words: int, seed: int = 0) -> str:
    """`words` words of plain Dutch-looking prose: sentences, a quote now and then, paragraphs of ~80 words."""
    rng = random.Random(seed)
    out: list[str] = []
    sentence = 0
    for n in range(words):
        word = rng.choice(_WORDS)
        if sentence == 0:
            word = word.capitalize()
        sentence += 1
        if sentence > rng.randint(8, 18) or n == words - 1:
            word += rng.choice((".", ".", ".", "?", "!"))
            sentence = 0
        elif rng.random() < 0.04:
            word = f'"{word}"'
        out.append(word)
        if sentence == 0 and n % 80 > 70:
            out.append("\n\n")
    return " ".join(out).replace(" \n\n ", "\n\n").strip()


def builtin_pack(language: str = "nl") -> Pack:
    pack = load_pack(pack_folder(language)).pack
    assert pack is not None, "the built-in pack does not load"
    return pack


def busiest_profile(pack: Pack) -> str:
    """The profile that is shown the most prompts (the heaviest step switches)."""
    return max(pack.profiles, key=lambda p: sum(len(s.prompts_for(p.id)) for s in pack.sections)).id


def typical_traject(pack: Pack, traject_id: str = "bench-typical") -> Traject:
    """Every prompt of the busiest profile answered the way a teacher would: a few sentences each."""
    traject = fill_traject(pack, busiest_profile(pack), name="Mijn loopbaan 2025-2026")
    traject.id = traject_id
    traject.pack = "nl"
    traject.last_prompt = ""  # opens on the first step, where the step-switch figures start
    return traject


def long_traject(pack: Pack, answers: int, words: int = 1000, traject_id: str = "bench-long") -> Traject:
    """`answers` long-text prompts of `pack` answered with `words` words each (a pack from `write_pack`)."""
    prompts = [p for s in pack.sections for p in s.prompts if p.kind is Kind.LONG_TEXT][:answers]
    assert len(prompts) == answers, f"the pack has only {len(prompts)} long-text prompts"
    traject = Traject(id=traject_id, name="Heel veel geschreven", profile=pack.profiles[0].id, pack=str(pack.folder))
    for index, prompt in enumerate(prompts):
        traject.set_answer(prompt.id, prose(words, seed=index))
    traject.last_prompt = ""
    return traject


# Generated packs

_STEPS = ("kan", "wil", "waar", "hoe", "wie")


def write_pack(folder: Path, prompts: int, *, mixed: bool = True) -> Path:
    """A valid pack with `prompts` prompts spread over the five steps.

    `mixed` cycles through the kinds a real pack uses (with help, examples, options, scales and
    recalls); otherwise every prompt is a long text (for trajecten with many long answers).
    """
    folder.mkdir(parents=True, exist_ok=True)
    profiles = [{"id": "leraar", "label": "Leraar"}, {"id": "student", "label": "Student"}]
    _write(folder / "pack.toml", {"pack": {"id": "bench", "name": "Benchmark", "language": "nl"}, "profile": profiles})
    scales = [
        {"id": f"schaal-{n}", "label": f"Schaal {n}", "low": "weinig", "high": "veel", "help": prose(20, seed=n)}
        for n in range(7)
    ]
    _write(folder / "scales.toml", {"scale": scales})
    per_step = [prompts // len(_STEPS) + (i < prompts % len(_STEPS)) for i in range(len(_STEPS))]
    number = 0
    for step, count in zip(_STEPS, per_step, strict=True):
        table = {"name": f"Stap {step}", "question": f"Wat {step}?", "intro": prose(40, seed=7)}
        prompt_list = [_prompt(n, mixed) for n in range(number, number + count)]
        _write(folder / f"{step}.toml", {"step": table, "prompt": prompt_list})
        number += count
    return folder


def _write(path: Path, data: dict[str, Any]) -> None:
    path.write_text(tomli_w.dumps(data, multiline_strings=True), encoding="utf-8")


def _prompt(number: int, mixed: bool) -> dict[str, Any]:
    kinds = ("long_text", "list", "short_text", "single_choice", "multiple_choice", "scale", "date", "long_text")
    kind = kinds[number % len(kinds)] if mixed else "long_text"
    prompt: dict[str, Any] = {
        "id": f"vraag-{number}",
        "kind": kind,
        "label": f"Vraag {number}: {prose(10, seed=number)}",
        "help": prose(50, seed=number + 1),
        "example": prose(30, seed=number + 2),
    }
    if mixed and number % 5 == 1:
        prompt["profiles"] = ["leraar"]
    if kind in ("single_choice", "multiple_choice"):
        prompt["options"] = [{"id": f"keuze-{k}", "label": f"Keuze {k}"} for k in range(4)]
        prompt["allow_other"] = True
    if kind == "scale":
        prompt["scales"] = [f"schaal-{number % 7}", f"schaal-{(number + 1) % 7}"]
        prompt["then_now"] = True
    if mixed and number % 8 == 7:
        prompt["recall"] = [f"vraag-{number - 7}"]
    return prompt


def pack_at(folder: Path) -> Pack:
    pack = load_pack(folder).pack
    assert pack is not None, f"the generated pack in {folder} does not load"
    return pack


# The data folder the app starts on


def data_folder(folder: Path, pack: Pack, trajecten: int = 3) -> Path:
    """A data folder holding a few typical trajecten (the start screen lists them)."""
    store = Store(folder)
    for n in range(trajecten):
        traject = typical_traject(pack, traject_id=f"bench-{n}")
        traject.name = f"Traject {n + 1}"
        store.save(traject)
    return folder


def answer_words(traject: Traject) -> Iterator[str]:
    """Every piece of text in a traject's answers."""
    stack: list[Any] = list(traject.answers.values())
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)


def many_answers_traject(folder: Path, answers: int, words: int = 50, traject_id: str = "veel-000001") -> str:
    """A traject with `answers` answers of `words` words saved in `folder` (with its summary); its id.

    The built-in pack's prompts are all answered; the rest are answers to prompts the pack does not
    have (kept, and saved, as answers of another pack version are)."""
    pack = builtin_pack()
    traject = typical_traject(pack, traject_id)
    traject.name = "Heel veel antwoorden"
    for n in range(max(0, answers - len(traject.answers))):
        traject.set_answer(f"vraag-{n}", prose(words, seed=n))
    Store(folder).save(traject)
    return traject_id


def drop_sidecar(folder: Path, traject_id: str) -> None:
    """Remove a traject's summary sidecar, as a file of an older version has none."""
    from loopbaan_tui.domain.trajects.store_summary import sidecar_of

    sidecar_of(folder, traject_id).unlink(missing_ok=True)


FIRST_CHECKIN = datetime(2021, 9, 1, 9, 0, tzinfo=UTC)
EVERY = timedelta(days=91)
"""A check-in each quarter: 20 of them are five school years."""


def with_checkins(pack: Pack, count: int, traject_id: str) -> Traject:
    """The typical traject answered `count` times over, the same answers each time, a quarter apart."""
    from loopbaan_tui.domain.trajects.checkins import start_checkin

    traject = typical_traject(pack, traject_id)
    traject.created = traject.updated = traject.current.date = FIRST_CHECKIN
    traject.current.pack_id, traject.current.pack_version = pack.info.id, pack.info.version
    for n in range(1, count):
        start_checkin(traject, FIRST_CHECKIN + n * EVERY)
    return traject


def first_long_text(pack: Pack, profile: str) -> str:
    """The first long-text prompt of the first step: the one that has the focus when a traject opens."""
    return next(p.id for p in pack.competencies[0].prompts_for(profile) if p.kind is Kind.LONG_TEXT)
