"""show CODE, list and compare A B answered before Typer print exactly what the Typer path prints."""

import pytest

from certplan.cli.main import main


def run_main(capsys, monkeypatch, args, fast: bool):
    if fast:
        monkeypatch.delenv("CERTPLAN_NO_FAST", raising=False)
    else:
        monkeypatch.setenv("CERTPLAN_NO_FAST", "1")
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out = capsys.readouterr()
    return exc.value.code, out.out, out.err


@pytest.mark.parametrize(
    "args",
    [
        ["show", "CPC"],
        ["show", "ccs-p"],
        ["show", "CPC-H"],
        ["list"],
        ["list", "--json"],
        ["compare", "CPC", "CCS"],
        ["compare", "cpc", "CCS", "CIC", "COC", "CRC"],
        ["compare", "CPC", "cpc"],
        ["compare", "CPC", "NOPE"],
        ["show", "NOPE"],
    ],
)
def test_fast_tables_equal_the_typer_path(capsys, monkeypatch, args):
    run_main(capsys, monkeypatch, args, fast=True)  # fills the cache
    fast = run_main(capsys, monkeypatch, args, fast=True)
    slow = run_main(capsys, monkeypatch, args, fast=False)
    assert fast == slow


def test_fast_tables_do_not_import_typer(tmp_path):
    import subprocess
    import sys

    code = (
        "import sys\nfrom certplan.cli.main import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write('TYPER:' + str('typer.main' in sys.modules) + '\\n')\n"
    )
    env = {"CERTPLAN_CACHE_DIR": str(tmp_path / "c"), "CERTPLAN_TODAY": "2026-11-27", "PATH": "/usr/bin:/bin"}
    for args in (["show", "CPC"], ["list"], ["list", "--json"], ["compare", "CPC", "CCS"]):
        subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True)
        p = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True)
        assert "TYPER:False" in p.stderr, (args, p.stderr[-300:])
