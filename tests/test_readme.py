"""The README's generated parts (JSON tables and summaries, command reference) are current."""

import subprocess
import sys

from conftest import ROOT


def test_readme_generated_parts_are_current():
    out = subprocess.run(
        [sys.executable, "-m", "cogapp", "--check", "README.md"], cwd=ROOT, capture_output=True, text=True
    )
    assert out.returncode == 0, (
        "README.md is out of date with the contract or --help; run: .venv/bin/cog -r README.md\n" + out.stdout + out.stderr
    )


def test_command_reference_covers_every_command():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import readme_help
    finally:
        sys.path.pop(0)
    helps = readme_help.helps()
    paths = [" ".join(p) for p, _ in helps]
    assert paths[0] == "" and "catalog stale" in paths and "profile show" in paths
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for path, text in helps:
        assert f"### `certplan{''.join(' ' + p for p in path)}`" in readme
        assert text.startswith("Usage: certplan")
        assert max(len(line) for line in text.splitlines()) <= 100
        assert "\x1b" not in text
