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


def test_summary_and_table_spell_out_the_contract():
    from certplan.contract import readme

    assert readme.summary("catalog-stale") == "[{record, field, date, kind (official|third-party), url}]"
    assert readme.summary("schema") == "{schema_version, schemas {key: <JSON Schema>}}"
    # a shape used twice is named, spelt out once, then referred to by name
    compare = readme.summary("compare")
    assert compare.startswith("{schema_version, credentials [<show object>], differences, costs [{code,")
    show = readme.summary("show")
    assert show.count("Money {amount,") == 1 and "fees [Money]" in show
    assert "{kind=training-program, topic, hours, within_years, text}" in show.replace("\n", " ")
    table = readme.table("catalog-validate").splitlines()
    assert table[:2] == ["| field | type | meaning and contents |", "|---|---|---|"]
    assert "| `valid` | true/false | false: problems says why (exit 3) |" in table
    assert "| `credentials` | integer; may be absent | counts, only when valid |" in table
    # a union of scalars is spelt out (held remove gives a code, ceu remove an ID)
    assert "| `removed` | text or integer | the code (held) or ID (ceu, experience) removed |" in readme.table("removed")
