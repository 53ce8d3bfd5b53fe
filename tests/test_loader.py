"""The loader: exact error text for broken catalogs, all problems listed, nothing executed."""

from pathlib import Path

import pytest

from certplan.catalog.loader import CatalogError, load_catalog
from certplan.store import caches

MINI = (Path(__file__).parent / "data" / "mini.yaml").read_text()


def write(tmp_path, text: str, name="cat.yaml") -> str:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return str(p)


def problems(path) -> list[str]:
    with pytest.raises(CatalogError) as exc:
        load_catalog(path)
    return exc.value.problems


def test_mini_catalog_is_valid():
    cat = load_catalog(Path(__file__).parent / "data" / "mini.yaml")
    assert [c.code for c in cat.credentials] == ["CPC"]


def test_wrong_type_names_file_line_and_field(tmp_path):
    p = write(tmp_path, MINI.replace("questions: {value: 100", "questions: {value: many"))
    assert problems(p) == [
        f"{p}:19: credentials[CPC].exam.questions.value: Input should be a valid integer, "
        "unable to parse string as an integer"
    ]


def test_every_problem_is_listed_in_line_order(tmp_path):
    text = MINI.replace("level: entry", "level: entry\n    colour: red").replace(
        "duration_minutes: {value: 240", "duration_minutes: {value: long"
    )
    text = text.replace("- {kind: membership, body: AAPC}", "- {kind: experience, years: two, of: [coding]}")
    p = write(tmp_path, text)
    assert problems(p) == [
        f"{p}:17: credentials[CPC].colour: Extra inputs are not permitted",
        f"{p}:21: credentials[CPC].exam.duration_minutes.value: Input should be a valid integer, "
        "unable to parse string as an integer",
        f"{p}:35: credentials[CPC].eligibility.pathways[open].requirements[0].years: Input should be a valid number, "
        "unable to parse string as a number",
    ]


def test_missing_field_points_at_parent(tmp_path):
    p = write(tmp_path, MINI.replace("    description: A coding credential.\n", ""))
    assert problems(p) == [f"{p}:12: credentials[CPC].description: Field required"]


def test_unknown_value_null_needs_a_note(tmp_path):
    p = write(tmp_path, MINI.replace("{value: 240, source: s1}", "{value: null, source: s1}"))
    assert problems(p) == [
        f"{p}:20: credentials[CPC].exam.duration_minutes: an unknown value (null) needs a note saying what is missing"
    ]


def test_yaml_syntax_error_has_line_and_column(tmp_path):
    p = write(tmp_path, "a: 1\nb: [1, 2\n")
    assert problems(p) == [f"{p}:3:1: YAML error: did not find expected ',' or ']'"]


def test_duplicate_keys_are_errors(tmp_path):
    p = write(tmp_path, MINI.replace("    level: entry\n", "    level: entry\n    level: advanced\n"))
    assert problems(p) == [f"{p}:17: duplicate key 'level' (first at line 16)"]


def test_duplicate_codes_are_errors(tmp_path):
    block = MINI[MINI.index("  - code: CPC") :]
    p = write(tmp_path, MINI + block)
    assert problems(p) == [f"{p}:38: credentials[CPC].code: duplicate code 'CPC'"]


def test_requirement_naming_unknown_credential(tmp_path):
    p = write(tmp_path, MINI.replace("- {kind: membership, body: AAPC}", "- {kind: credential, any_of: [CPX]}"))
    assert problems(p) == [
        f"{p}:34: credentials[CPC].eligibility.pathways[open].requirements[0].any_of[0]: unknown credential 'CPX'"
    ]


def test_unknown_source_id(tmp_path):
    p = write(tmp_path, MINI.replace("ceus: {value: 36, source: s1}", "ceus: {value: 36, source: nope}"))
    assert problems(p) == [
        f"{p}:36: credentials[CPC].maintenance.ceus.source: unknown source 'nope' (not in the top-level sources list)"
    ]


def test_unsafe_tag_is_refused_and_not_executed(tmp_path):
    marker = tmp_path / "pwned"
    p = write(tmp_path, f"x: !!python/object/apply:os.system ['touch {marker}']\n")
    assert problems(p) == [
        f"{p}:1: tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed (only plain YAML)"
    ]
    assert not marker.exists()


def test_alias_bomb_is_refused_quickly(tmp_path):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    p = write(tmp_path, "\n".join(lines) + "\n")
    found = problems(p)
    assert found[0] == f"{p}:2: alias *a is not allowed (a catalog uses no anchors or aliases)"
    assert len(found) == 20


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "{p}: the file is empty"),
        (b"   \n\n", "{p}: the file is empty"),
        (b"a: 1\n\xff\xfe\n", "{p}:2: not valid UTF-8 (byte 0xff)"),
        (b"- 1\n- 2\n", "{p}:1: the catalog must be a mapping with keys schema_version, sources, bodies, credentials"),
    ],
)
def test_unusable_files(tmp_path, content, expected):
    f = tmp_path / "bad.yaml"
    f.write_bytes(content)
    assert problems(str(f)) == [expected.format(p=f)]


def test_directory_and_missing_file(tmp_path):
    assert problems(str(tmp_path)) == [f"{tmp_path}: is a directory, not a catalog file"]
    assert problems(str(tmp_path / "no.yaml")) == [f"{tmp_path / 'no.yaml'}: no such file"]


def test_huge_file_is_refused_without_reading(tmp_path, monkeypatch):
    monkeypatch.setenv("CERTPLAN_MAX_CATALOG_MB", "40")
    f = tmp_path / "big.yaml"
    with open(f, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    assert problems(str(f)) == [f"{f}: the file is 50 MB, over the catalog size limit of 40 MB (set CERTPLAN_MAX_CATALOG_MB to raise it)"]


def test_cache_is_keyed_by_content(tmp_path, monkeypatch):
    monkeypatch.setenv("CERTPLAN_CACHE_DIR", str(tmp_path / "cache"))
    p = write(tmp_path, MINI)
    first = caches.load_catalog(p)
    assert list((tmp_path / "cache").glob("catalog-*.json"))
    assert caches.load_catalog(p) == first
    # an edit is seen at once: never stale data
    write(tmp_path, MINI.replace("name: Certified Professional Coder", "name: Renamed Coder"))
    assert caches.load_catalog(p).credentials[0].name == "Renamed Coder"


def test_unwritable_cache_dir_only_costs_speed(tmp_path, monkeypatch):
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("x")
    monkeypatch.setenv("CERTPLAN_CACHE_DIR", str(blocker / "cache"))
    assert caches.load_catalog(write(tmp_path, MINI)).credentials[0].code == "CPC"


def test_damaged_cache_entry_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("CERTPLAN_CACHE_DIR", str(tmp_path / "cache"))
    p = write(tmp_path, MINI)
    caches.load_catalog(p)
    for entry in (tmp_path / "cache").glob("catalog-*.json"):
        entry.write_text("{broken")
    assert caches.load_catalog(p).credentials[0].code == "CPC"


def test_validate_command_exit_codes(run, tmp_path):
    good = run("catalog", "validate", str(Path(__file__).parent / "data" / "mini.yaml"))
    assert good.exit_code == 0
    assert "valid - 1 credentials (1 current)" in good.stdout
    p = write(tmp_path, MINI.replace("level: entry", "level: expert"))
    bad = run("catalog", "validate", p)
    assert bad.exit_code == 3
    assert bad.stdout == ""
    assert bad.stderr.splitlines() == [
        f"{p}:16: credentials[CPC].level: Input should be 'entry', 'advanced', 'specialty', 'management' or "
        "'degree-based'",
        f"{p}: 1 problem",
    ]


def test_catalog_option_and_env_var(run, tmp_path, monkeypatch):
    p = write(tmp_path, MINI.replace("A coding credential.", "From the env catalog."))
    r = run("--catalog", p, "show", "CPC", "--json")
    assert '"description": "From the env catalog."' in r.stdout
    monkeypatch.setenv("CERTPLAN_CATALOG", p)
    r = run("list", "--json")
    assert [c["code"] for c in __import__("json").loads(r.stdout)] == ["CPC"]


def test_invalid_catalog_on_any_command_exits_3(run, tmp_path):
    p = write(tmp_path, "a: [1\n")
    r = run("--catalog", p, "show", "CPC")
    assert r.exit_code == 3
    assert r.stderr.startswith(f"{p}:2:1: YAML error")
