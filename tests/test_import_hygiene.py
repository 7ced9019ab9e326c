"""The domain, plain mode and the command line work without Textual: importing them never loads it."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

MINI_PACK = Path(__file__).parent / "packs" / "mini"

_IMPORT_ALL = textwrap.dedent(
    """
    import importlib, json, pkgutil, sys
    import loopbaan_tui.domain as domain
    import loopbaan_tui.plain as plain
    names = [info.name for info in pkgutil.walk_packages(domain.__path__, "loopbaan_tui.domain.")]
    names += [info.name for info in pkgutil.walk_packages(plain.__path__, "loopbaan_tui.plain.")]
    for name in [*names, "loopbaan_tui.cli"]:
        importlib.import_module(name)
    print(json.dumps({"imported": names, "textual": sorted(m for m in sys.modules if m.startswith("textual"))}))
    """
)


def _python(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=60)


def test_domain_plain_mode_and_cli_do_not_import_textual() -> None:
    done = _python(_IMPORT_ALL)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert "loopbaan_tui.domain.content.loader" in found["imported"]
    assert "loopbaan_tui.domain.content.model" in found["imported"]
    assert "loopbaan_tui.plain.reflection" in found["imported"]
    assert found["textual"] == []


def test_check_command_does_not_import_textual() -> None:
    code = textwrap.dedent(
        """
        import sys
        from loopbaan_tui.cli import main
        status = main(["check", sys.argv[1]])
        loaded = sorted(m for m in sys.modules if m.startswith("textual"))
        print(status, loaded, file=sys.stderr)
        sys.exit(10 if loaded else status)
        """
    )
    done = _python(code, str(MINI_PACK))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("In orde:")
