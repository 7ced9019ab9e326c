"""Answering by number: a choice, a scale, a ranking, the career paths."""

from __future__ import annotations

from dataclasses import replace

from ..domain import kinds
from ..domain.content.model import Scale
from ..domain.fit.ranking import because, rank
from ..domain.kinds import PathPick, Rating, ScaleAnswer
from .question import Question


def ask_choice(question: Question) -> None:
    """The options by number (and "other" last, when the prompt has it); one number, or several."""
    console, prompt = question.console, question.prompt
    single = prompt.kind == kinds.SINGLE_CHOICE.id
    kind = kinds.SINGLE_CHOICE if single else kinds.MULTIPLE_CHOICE
    value = kind.read(prompt, question.current())
    labels = [option.label for option in prompt.options]
    chosen = [option.id in value.choices for option in prompt.options]
    if prompt.allow_other:
        labels.append(console.words("choice_other"))
        chosen.append(bool(value.other.strip()))
    marked = console.words("plain_chosen")

    def again() -> None:
        question.listed([f"{label} {marked}" if on else label for label, on in zip(labels, chosen, strict=True)])
        if single:
            console.tell("plain_choose_one", high=len(labels))
        else:
            console.tell("plain_choose_some", high=len(labels))

    again()
    if single:
        one = console.number(1, len(labels), again)
        picked = None if one is None else [one]
    else:
        picked = console.numbers(len(labels), again)
    if picked is None:
        return
    ids = tuple(prompt.options[n - 1].id for n in picked if n <= len(prompt.options))
    other = prompt.allow_other and len(labels) in picked
    value = replace(value, choices=ids, other=value.other if other else "")
    question.save(kind.write(value))
    if other:
        had = value.other

        def ask_other() -> None:
            console.tell("plain_other_keep" if had.strip() else "plain_other", now=had)

        ask_other()
        line = console.answer(ask_other)
        if line.strip():
            question.save(kind.write(replace(value, other=line)))


def ask_scale(question: Question) -> None:
    """Each scale by number ("then" and "now" when the prompt asks both); each score is saved at once."""
    console, prompt, pack = question.console, question.prompt, question.pack
    value = kinds.SCALE.read(prompt, question.current())
    columns = ("then", "now") if prompt.then_now else ("now",)
    for scale_id in prompt.scales:
        scale = pack.scale(scale_id)
        if scale is None:
            continue
        console.tell("plain_scale", label=scale.label, min=scale.min, max=scale.max, low=scale.low, high=scale.high)
        for column in columns:
            value = _score(question, value, scale, column)


def _score(question: Question, value: ScaleAnswer, scale: Scale, column: str) -> ScaleAnswer:
    """One score asked ("then" or "now"), saved when one is typed; the answer with it."""
    console = question.console
    rating = value.rating(scale.id) or Rating(scale.id)
    score = rating.then if column == "then" else rating.now
    then_now = question.prompt.then_now
    name = console.words(kinds.SCALE.column_words[column]) if then_now else console.words("plain_score")

    def again() -> None:
        if score is None:
            console.tell("plain_scale_ask", column=name, low=scale.min, high=scale.max)
        else:
            console.tell("plain_scale_keep", column=name, score=score, low=scale.min, high=scale.max)

    again()
    number = console.number(scale.min, scale.max, again)
    if number is None:
        return value
    if column == "then":
        rating = replace(rating, then=number, then_words="")
    else:
        rating = replace(rating, now=number, now_words="")
    value = _rated(value, rating)
    question.save(kinds.SCALE.write(value))
    return value


def _rated(value: ScaleAnswer, rating: Rating) -> ScaleAnswer:
    """The answer with one scale's rating put in (in its place, or added last)."""
    if value.rating(rating.scale) is None:
        return replace(value, ratings=(*value.ratings, rating))
    return replace(value, ratings=tuple(rating if r.scale == rating.scale else r for r in value.ratings))


def ask_ranking(question: Question) -> None:
    """The options in their order now; the numbers typed, most important first, make the new order."""
    console, prompt = question.console, question.prompt
    value = kinds.RANKING.read(prompt, question.current())
    order = kinds.RANKING.shown(prompt, value)

    def again() -> None:
        question.listed([kinds.RANKING.label(prompt, option) for option in order])
        console.tell("plain_ranking", high=len(order))

    again()
    picked = console.numbers(len(order), again)
    if picked is None:
        return
    first = [order[n - 1] for n in picked]
    value = replace(value, order=(*first, *(option for option in order if option not in first)))
    question.save(kinds.RANKING.write(value))
    console.tell("plain_ranking_now")
    question.listed([kinds.RANKING.label(prompt, option) for option in value.order])


def ask_paths(question: Question) -> None:
    """The paths for this profile by number, best fit with the answers so far first, each with why it
    fits; then, for each one chosen, why it appeals. The number typed is the one shown before the path."""
    console, prompt, pack = question.console, question.prompt, question.pack
    value = kinds.PATHS.read(prompt, question.current())
    offered = set(kinds.PATHS.shown(pack, prompt, question.profile))
    fits = [fit for fit in rank(pack, question.answers(), question.profile, prompt) if fit.path.id in offered]
    shown = [fit.path.id for fit in fits]
    picks = {pick.path: pick for pick in value.picks if not pick.loose}
    marked = console.words("plain_chosen")

    def again() -> None:
        if any(fit.reasons for fit in fits):
            console.tell("paths_ranked")
        for number, fit in enumerate(fits, 1):
            line = f"{number}. {fit.path.name}: {fit.path.description}"
            console.show(f"{line} {marked}" if fit.path.id in picks else line)
            if fit.reasons:
                console.show("   " + console.words("path_fit", because=because(pack, fit)))
        console.tell("plain_paths", high=len(shown))

    again()
    picked = console.numbers(len(shown), again)
    if picked is None:
        return
    chosen = [picks.get(shown[n - 1], PathPick(shown[n - 1])) for n in picked]
    question.save(kinds.PATHS.write(replace(value, picks=tuple(chosen))))
    for index, pick in enumerate(chosen):
        name = kinds.PATHS.name(pack, pick)
        if pick.reason.strip():
            console.tell("plain_paths_why_keep", path=name, reason=pick.reason)
        else:
            console.tell("plain_paths_why", path=name)
        line = console.answer()
        if line.strip():
            chosen[index] = replace(pick, reason=line)
            question.save(kinds.PATHS.write(replace(value, picks=tuple(chosen))))
