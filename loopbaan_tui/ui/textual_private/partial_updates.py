"""A partial update renders only what it sends to the terminal."""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from textual.geometry import Region
from textual.strip import Strip

if TYPE_CHECKING:
    from textual._compositor import ChopsUpdate, Compositor


def render_only_updated_rows() -> None:
    """Make every screen's partial update render only what it sends to the terminal.

    Why: `Compositor.render_partial_update` crops to the box around the update's regions, and
    `Compositor._get_renders` then renders every visible widget overlapping that box in full (all its
    visible rows: the long answer's field, every container behind it, the screen), while only the spans
    of the update are sent to the terminal: ~20-25 % of a key's CPU, most of it each widget's render
    call itself (its styles read, a TextArea's theme applied), the rows mostly kept ones. This
    `render_partial_update` renders a widget only where it shows through in a span (a cell of a span
    that no widget in front of it has filled: `_render_chops`'s order, the front widget wins), from its
    first to its last such row, in one call; a widget wholly covered there (the containers behind a
    field) is not rendered at all. The cells sent are the same strips; cells outside the spans, which
    Textual renders and drops, are left empty. A widget's rows not rendered stay as its style cache has
    them (its dirty lines stay dirty until drawn). Full updates are Textual's. Applied once, at app
    start (LoopbaanApp.__init__); tests/test_partial_updates.py compares the partial updates of a
    scripted session with Textual's full render of each moment. Checked against Textual 8.2.8
    (_compositor.py `render_partial_update`, `_render_chops`, `_get_renders`, `ChopsUpdate`).
    """
    from textual._compositor import Compositor

    if Compositor.__dict__["render_partial_update"] is not _render_partial_update:
        Compositor.render_partial_update = _render_partial_update  # type: ignore[method-assign,assignment]


def _render_partial_update(compositor: Compositor) -> ChopsUpdate | None:
    """`Compositor.render_partial_update`, each widget rendered only where it shows in a span."""
    from textual._compositor import ChopsUpdate

    update_regions = compositor._dirty_regions.copy()
    compositor._dirty_regions.clear()
    if not update_regions:
        return None
    spans = list(compositor._regions_to_spans(update_regions))
    cuts = compositor.cuts
    chops = _render_spans(compositor, cuts, spans)
    return ChopsUpdate(chops, spans, [cut_set[1:] for cut_set in cuts])


def _render_spans(
    compositor: Compositor, cuts: list[list[int]], spans: list[tuple[int, int, int]]
) -> list[dict[int, Strip | None]]:
    """The chops of the spans' rows: each widget's strips where no widget before it filled a span's cell."""
    chops: list[dict[int, Strip | None]] = [dict.fromkeys(cut_set[:-1]) for cut_set in cuts]
    wanted: dict[int, list[tuple[int, int]]] = {}
    for y, x1, x2 in spans:
        if 0 <= y < len(cuts):
            wanted.setdefault(y, []).append((x1, x2))
    rows = sorted(wanted)
    for widget, (region, clip) in compositor.visible_widgets.items():
        shown = region.intersection(clip)
        x, right, width = shown.x, shown.right, shown.width
        if not (width and shown.height):
            continue
        needed = [y for y in rows if shown.y <= y < shown.bottom and _shows(chops[y], cuts[y], x, right, wanted[y])]
        if not needed:
            continue
        top = needed[0]
        strips = widget.render_lines(Region(x - region.x, top - region.y, width, needed[-1] + 1 - top))
        for y in needed:
            if y - top >= len(strips):  # fewer lines than asked for: Textual's zip would stop there too
                break
            chops_line = chops[y]
            final_cuts = [cut for cut in cuts[y] if right >= cut >= x]
            pieces = strips[y - top].divide([cut - x for cut in final_cuts[1:]])
            for cut, piece in zip(final_cuts, pieces, strict=False):
                if chops_line.get(cut) is None:
                    chops_line[cut] = piece
    return chops


def _shows(
    chops_line: dict[int, Strip | None], cut_set: list[int], x: int, right: int, spans: list[tuple[int, int]]
) -> bool:
    """Whether a chop from `x` to `right` on this row is still empty and inside one of its spans."""
    for start, end in pairwise(cut_set):
        if start >= right:
            return False
        if start >= x and chops_line.get(start) is None and any(start < x2 and end > x1 for x1, x2 in spans):
            return True
    return False
