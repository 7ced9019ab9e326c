"""Command-line output: styled with rich on a terminal, plain text through a pipe or into a file.

Plain output is exactly what `print` writes. Styled output never reads markup: every text (a file name,
a pack's words) is appended to a rich `Text` as it is, so "[bold]" in a pack prints as "[bold]".
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console

    from .domain.content.problems import Problem


class Printer:
    """Prints to one stream: with rich's styles when it is a terminal, else as plain `print` does."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self._console: Console | None = None
        isatty = getattr(stream, "isatty", None)
        if isatty is not None and isatty():
            from rich.console import Console  # only on a terminal: a pipe never pays for the import

            self._console = Console(file=stream, markup=False, emoji=False, highlight=False, soft_wrap=True)

    def line(self, text: str, style: str = "") -> None:
        """One line of text, in `style` on a terminal ("bold", "dim", "green"...)."""
        if self._console is None:
            print(text, file=self.stream)
            return
        from rich.text import Text

        self._console.print(Text(text, style=style))

    def problem(self, problem: Problem, lang: str) -> None:
        """`file:line:column: message` with the place in bold, and the source line and caret dimmed."""
        if self._console is None:
            print(problem.render(lang), file=self.stream)
            return
        from rich.text import Text

        from .domain.content.problems import printable

        place, message = printable(problem.location()), problem.text(lang)
        rest = problem.render(lang)[len(f"{place}: {message}") :]
        shown = Text()
        shown.append(place, style="bold")
        shown.append(f": {message}")
        shown.append(rest, style="dim")
        self._console.print(shown)
