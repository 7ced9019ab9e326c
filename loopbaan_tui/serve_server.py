"""The web server of `loopbaan serve` (serve.py says what it does and why)."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Awaitable, Callable

import aiohttp_jinja2
from aiohttp import web
from textual_serve.server import Server

from .domain.trajects.locations import data_dir
from .domain.words.messages import message
from .serve import LOCAL_HOST, PAGE, ServeOptions, app_command, host_allowed, is_loopback, origin_allowed, page_words


class LoopbaanServer(Server):
    """textual-serve's Server with our page, our start-up words, and the guards of serve.py."""

    def __init__(self, options: ServeOptions) -> None:
        self.options = options
        host = options.host or LOCAL_HOST
        super().__init__(app_command(options), host=host, port=options.port, title="loopbaan", templates_path=PAGE)
        self.local_only = is_loopback(host)
        self._tabs: set[asyncio.Task[object]] = set()
        """The web socket of each open tab, as the task that serves it."""

    def initialize_logging(self) -> None:
        """Quiet: no line per request (the addresses of who is connected stay off the screen)."""

    async def _make_app(self) -> web.Application:
        app: web.Application = await super()._make_app()
        app.middlewares.append(self._guard)
        return app

    @web.middleware
    async def _guard(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        if not host_allowed(request.host, bound_to_loopback=self.local_only):
            raise web.HTTPForbidden(text="loopbaan: unknown host\n")
        if request.path == "/ws" and not origin_allowed(request.headers.get("Origin"), request.host):
            raise web.HTTPForbidden(text="loopbaan: web socket from another page\n")
        return await handler(request)

    async def on_startup(self, app: web.Application) -> None:
        lang, port = self.options.lang, self.options.port
        folder = str(data_dir(self.options.data_dir).resolve())
        if self.local_only:
            print(message("serve_started", lang, url=f"http://localhost:{port}", folder=folder), flush=True)
        else:
            print(message("serve_started_network", lang, host=self.host, port=port, folder=folder), flush=True)
            print(message("serve_no_login", lang), file=sys.stderr, flush=True)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        task = asyncio.current_task()
        if task is not None:
            self._tabs.add(task)
        try:
            return await super().handle_websocket(request)
        finally:
            self._tabs.discard(task)

    async def on_shutdown(self, app: web.Application) -> None:
        """Ctrl+C or SIGTERM: end every tab's app now (textual-serve then tells it to quit, and it saves
        first), rather than wait for the browsers to leave."""
        tabs = list(self._tabs)
        for tab in tabs:
            tab.cancel()
        await asyncio.gather(*tabs, return_exceptions=True)

    @aiohttp_jinja2.template("app_index.html")
    async def handle_index(self, request: web.Request) -> dict[str, object]:
        """The page, its addresses taken from the request (so a student's browser reaches this
        computer by the name it used), its words in the language asked for."""
        secure = request.scheme == "https"
        try:
            font_size = int(request.query.get("fontsize", "16"))
        except ValueError:
            font_size = 16
        return {
            "lang": self.options.lang,
            "words": page_words(self.options.lang),
            "static_url": "/static/",
            "websocket_url": f"{'wss' if secure else 'ws'}://{request.host}/ws",
            "font_size": max(8, min(font_size, 48)),
        }
