"""`loopbaan serve` without a browser: who may connect, the command each tab runs, the page, the
command line. (tests/test_serve_browser.py runs it for real in Chromium.)"""

from __future__ import annotations

import re
import shlex
import socket
import sys
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer

from loopbaan_tui.cli import EXIT_USAGE, main
from loopbaan_tui.serve import ServeOptions, app_command, host_allowed, is_loopback, origin_allowed, serve
from loopbaan_tui.serve_server import LoopbaanServer


def test_only_this_computer_counts_as_loopback() -> None:
    for host in ("localhost", "LOCALHOST", "127.0.0.1", "127.1.2.3", "::1", "[::1]"):
        assert is_loopback(host), host
    for host in ("0.0.0.0", "192.168.1.10", "::", "example.org", "localhost.example.org", ""):
        assert not is_loopback(host), host


def test_a_loopback_server_answers_only_requests_that_name_this_computer() -> None:
    for header in ("localhost:8000", "127.0.0.1:8000", "[::1]:8000", "localhost"):
        assert host_allowed(header, bound_to_loopback=True), header
    for header in ("evil.example:8000", "192.168.1.10:8000", "[2001:db8::1]:8000", "localhost.evil.example"):
        assert not host_allowed(header, bound_to_loopback=True), header
        assert host_allowed(header, bound_to_loopback=False), header  # --host: the network's names


def test_a_web_socket_is_opened_only_by_our_own_page() -> None:
    assert origin_allowed("http://localhost:8000", "localhost:8000")
    assert origin_allowed(None, "localhost:8000")  # not a browser
    for origin in ("http://evil.example", "http://localhost:8001", "null", "file://", "http://localhost:8000.evil"):
        assert not origin_allowed(origin, "localhost:8000"), origin


def test_each_tab_runs_this_loopbaan_with_the_same_folders_and_language(tmp_path: Path) -> None:
    content, data = tmp_path / "mijn pack", tmp_path / "data; rm -rf ~"
    options = ServeOptions(str(content), str(data), "en")
    words = shlex.split(app_command(options, python="/usr/bin/python3", windows=False))
    assert words == [
        "/usr/bin/python3", "-m", "loopbaan_tui", "--lang", "en", "--data-dir", str(data.resolve()),
        "--content", str(content.resolve()),
    ]  # fmt: skip
    windows_options = ServeOptions(None, r"C:\Users\Sanne de Vries\loopbaan", "nl")
    line = app_command(windows_options, python=r"C:\Py\python.exe", windows=True)
    assert line.startswith(r"C:\Py\python.exe -m loopbaan_tui --lang nl --data-dir ")
    assert '"' in line and "--content" not in line  # the folder with spaces is quoted the Windows way


def test_without_data_dir_each_tab_gets_the_folder_the_app_would_use(private_folders: Path) -> None:
    words = shlex.split(app_command(ServeOptions(None, None, "nl"), windows=False))
    assert words[words.index("--data-dir") + 1] == str((private_folders / "data").resolve())


async def test_the_page_loads_nothing_from_elsewhere_and_strangers_are_refused(tmp_path: Path) -> None:
    server = LoopbaanServer(ServeOptions(None, str(tmp_path), "en", port=8000))
    async with TestClient(TestServer(await server._make_app())) as client:
        page = await client.get("/", headers={"Host": "localhost:8000"})
        assert page.status == 200
        html = await page.text()
        assert 'lang="en"' in html and "Open again" in html
        addresses = re.findall(r'(?:href|src)="([^"]+)"|url\("([^"]+)"\)', html)
        loaded = [href or url for href, url in addresses]
        assert len(loaded) == 4 and all(address.startswith("/static/") for address in loaded), loaded
        assert "://" not in html.replace("ws://localhost:8000/ws", "")
        assert (await client.get("/", headers={"Host": "rebound.example:8000"})).status == 403
        stranger = await client.get("/ws", headers={"Host": "localhost:8000", "Origin": "http://evil.example"})
        assert stranger.status == 403
        font = await client.get("/static/fonts/RobotoMono-VariableFont_wght.ttf", headers={"Host": "localhost:8000"})
        assert font.status == 200  # the font the page names is served from here


def test_a_port_in_use_is_said_plainly(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        assert serve(ServeOptions(None, None, "nl", port=port)) == 1
    err = capsys.readouterr().err
    assert f"poort {port}" in err and "--port" in err and "Traceback" not in err


def test_a_wrong_pack_is_said_before_anyone_connects(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert serve(ServeOptions(str(tmp_path / "geen pack"), None, "en", port=1)) == 1
    err = capsys.readouterr().err
    assert "geen pack" in err and "loopbaan check" in err and "Traceback" not in err


async def test_with_host_it_warns_that_there_is_no_login(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    network = LoopbaanServer(ServeOptions(None, str(tmp_path), "nl", port=8123, host="0.0.0.0"))
    await network.on_startup(await network._make_app())
    local = LoopbaanServer(ServeOptions(None, str(tmp_path), "nl", port=8123))
    await local.on_startup(await local._make_app())
    out, err = capsys.readouterr()
    first, second = out.strip().splitlines()
    assert "0.0.0.0" in first and ":8123" in first and str(tmp_path) in first
    assert "http://localhost:8123" in second
    assert "geen inlog" in err and err.count("\n") == 1  # once: for the server on the network


def test_the_command_line_knows_serve(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--help", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "--port N" in out and "--host HOST" in out and "--data-dir" in out and "--content" in out
    assert main(["serve", "--port", "70000"]) == EXIT_USAGE
    assert main(["serve", "--port", "acht"]) == EXIT_USAGE
    assert "--port" in capsys.readouterr().err


def test_serve_needs_no_browser_to_be_importable() -> None:
    assert "loopbaan_tui.serve" in sys.modules  # imported above, aiohttp only through serve_server
