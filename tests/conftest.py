"""Pin the terminal and the environment so output is deterministic.

Set before anything imports Rich or Typer: both read the environment early.
"""

import os

os.environ["TTY_COMPATIBLE"] = "0"
os.environ["_TYPER_FORCE_DISABLE_TERMINAL"] = "1"
os.environ["COLUMNS"] = "120"
os.environ["TERMINAL_WIDTH"] = "120"
os.environ["CERTPLAN_TODAY"] = "2026-11-27"
for var in ("FORCE_COLOR", "NO_COLOR", "CLICOLOR_FORCE", "CERTPLAN_CATALOG", "CERTPLAN_DEBUG", "PY_COLORS"):
    os.environ.pop(var, None)

import json  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CATALOG = ROOT / "data" / "certifications.yaml"


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory, monkeypatch):
    """Never read or write the user's real config; share one cache dir per session."""
    cfg = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("CERTPLAN_CONFIG_DIR", str(cfg))
    monkeypatch.setenv("CERTPLAN_DB", str(cfg / "tracker.sqlite3"))  # never the user's real tracker
    monkeypatch.setenv("CERTPLAN_CACHE_DIR", str(_cache_dir(tmp_path_factory)))
    yield


_CACHE: list[Path] = []


def _cache_dir(factory) -> Path:
    if not _CACHE:
        _CACHE.append(factory.mktemp("cache"))
    return _CACHE[0]


@pytest.fixture(scope="session")
def catalog():
    from certplan.catalog.loader import load_catalog

    return load_catalog(CATALOG)


@pytest.fixture
def run():
    """Invoke the CLI in-process; returns the Result (stdout and stderr separate)."""
    from typer.testing import CliRunner

    from certplan.cli.app import app

    runner = CliRunner()

    def _run(*args, input=None, env=None):
        return runner.invoke(app, [str(a) for a in args], input=input, env=env, catch_exceptions=False)

    return _run


@pytest.fixture
def run_json(run):
    def _run(*args):
        r = run(*args)
        assert r.exit_code == 0, r.stderr
        return json.loads(r.stdout)

    return _run
