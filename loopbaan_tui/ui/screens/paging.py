"""PageDown and PageUp in a step: which question the focus goes to."""

from __future__ import annotations

from collections.abc import Sequence

from textual.widget import Widget

from ..widgets.prompt_view import PromptView


def page_target(views: Sequence[PromptView], current: PromptView | None, step: Widget, delta: int) -> PromptView:
    """The first question that starts a page further down (`delta` > 0) or up from the current one (or
    from the top of the step's view); past the end, the last (or first) question. `views` is not empty."""
    top = current.virtual_region.y if current is not None and current in views else step.scroll_y
    page = max(1, step.scrollable_content_region.height - 2)
    if delta > 0:
        target = next((v for v in views if v.virtual_region.y >= top + page), views[-1])
        if target is current or target.virtual_region.y <= top:  # no question further down
            target = next((v for v in views if v.virtual_region.y > top), views[-1])
    else:
        target = next((v for v in reversed(views) if v.virtual_region.y <= top - page), views[0])
        if target is current:
            target = next((v for v in reversed(views) if v.virtual_region.y < top), views[0])
    return target
