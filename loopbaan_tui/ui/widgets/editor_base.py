"""What every editor shares: the message it posts, and the base of editors made of smaller inputs.

Every editor is made as `Editor(prompt, value, pack, words, profile)` with the answer as stored;
it reads it through its kind (`domain/kinds`) and reports the answer as stored again.
The prompt id is fixed when the editor is made, so an answer can never be filed under
another prompt, however fast the user moves between them.
"""

from __future__ import annotations

from textual.message import Message
from textual.widget import Widget

from ...domain.content.model import Pack, Prompt
from ...domain.kinds import Stored, Words


class AnswerChanged(Message):
    """The user changed the answer to one prompt."""

    def __init__(self, prompt_id: str, value: Stored) -> None:
        super().__init__()
        self.prompt_id = prompt_id
        self.value = value


class Editor(Widget):
    """Base for editors that are containers of smaller inputs."""

    DEFAULT_CSS = "Editor { height: auto; }"

    def __init__(self, prompt: Prompt, value: Stored | None, pack: Pack, words: Words, profile: str) -> None:
        super().__init__(classes=f"editor editor-{prompt.kind.value}")
        self.prompt = prompt
        self.value = value
        self.pack = pack
        self.words = words
        self.profile = profile

    def changed(self, value: Stored) -> None:
        self.value = value
        self.post_message(AnswerChanged(self.prompt.id, value))

    def answer(self) -> Stored | None:
        """The answer as the editor shows it now."""
        return self.value


def hold_keys(widget: Widget) -> None:
    """Keys typed from now on wait, in order, until `release_keys_when_shown`: a key made a widget
    appear (a new row, a path's field for why) and the keys after it are for that widget. The key
    order already waits for what a key's binding posted (ui/key_order.py), but at most its LIMIT
    (0.5 s); mounting can take longer on a loaded machine, holding waits up to its HOLD_LIMIT (3 s)."""
    hold = getattr(widget.app, "hold_keys", None)  # the LoopbaanApp's; any other app has no key order
    if hold is not None:
        hold()


def release_keys_when_shown(widget: Widget) -> None:
    """The held keys go on once the screen is laid out with what appeared (and focused, when asked)."""
    release = getattr(widget.app, "release_keys", None)
    if release is not None:
        widget.call_after_refresh(release)
