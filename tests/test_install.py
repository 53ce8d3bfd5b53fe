"""The package works installed from a wheel, from any working directory (slow: builds and installs)."""

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def clean_env(**extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CERTPLAN_", "PYTHON"))}
    env.update(extra)
    return env


def test_editable_install_runs_from_another_directory(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "certplan", "show", "CPC", "--json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=clean_env(CERTPLAN_CACHE_DIR=str(tmp_path / "c")),
    )
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["code"] == "CPC"


@pytest.mark.slow
def test_wheel_installs_into_a_fresh_venv_and_runs_elsewhere(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
    )
    wheel = next(dist.glob("certplan-*.whl"))
    assert "certplan/data/certifications.yaml" in zipfile.ZipFile(wheel).namelist()
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    py = venv / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "-q", str(wheel)], check=True, capture_output=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = clean_env(HOME=str(tmp_path / "home"), COLUMNS="100")
    show = subprocess.run(
        [str(venv / "bin" / "certplan"), "show", "CPC"], cwd=elsewhere, capture_output=True, text=True, env=env
    )
    assert show.returncode == 0, show.stderr
    assert show.stdout.startswith("CPC - Certified Professional Coder")
    listed = subprocess.run(
        [str(venv / "bin" / "certplan"), "list", "--body", "AHIMA", "--json"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        env=env,
    )
    assert {"CCS", "RHIA"} <= {c["code"] for c in json.loads(listed.stdout)}
    where = subprocess.run(
        [str(py), "-c", "import certplan; print(certplan.__file__)"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        env=env,
    )
    assert "site-packages" in where.stdout
