"""The type variables the modules of textual_private share."""

from __future__ import annotations

from typing import TypeVar

from textual.widget import Widget

ReturnType = TypeVar("ReturnType")
WidgetType = TypeVar("WidgetType", bound=Widget)
