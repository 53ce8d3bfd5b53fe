"""Closed JSON contracts: every --json output of every command validates against its generated schema.

The schemas come from the typed descriptions in certplan.contract; a representative call per command
(and per output shape) runs on the shipped catalog and on the mini fixture catalog.
"""

import copy
import hashlib
import json
import os
import textwrap
from typing import Optional

import jsonschema
import pytest
import typer.main
from typing_extensions import TypedDict

from certplan.contract import OUTPUTS, fields
from certplan.contract import generate as contract
from conftest import CATALOG, ROOT

MINI = ROOT / "tests" / "data" / "mini.yaml"


def _profiles(tmp_path):
    f = tmp_path / "students.csv"
    f.write_text("id,experience,education\nana,2,associate\nben,0,high-school\n", encoding="utf-8")
    return str(f)


def _placeholders(tmp_path):
    """What ``{name}`` stands for in CALLS and TRACKER_SETUP."""
    cert = tmp_path / "certificate.pdf"
    cert.write_bytes(b"certificate bytes")
    return {
        "{profiles}": _profiles(tmp_path),
        "{ceus_csv}": str(ROOT / "tests" / "data" / "ceus.csv"),
        "{certificate}": str(cert),
        "{pack}": str(tmp_path / "audit.zip"),
    }


def _filled(argv, values):
    return [values.get(a, a) for a in argv]


def _prepare_tracker(run, catalog_file, values):
    for setup in TRACKER_SETUP:
        if catalog_file == MINI:
            if NOT_IN_MINI & set(setup):
                continue
            setup = [a for a in setup if a != "--apprentice"]
        r = run("--catalog", catalog_file, *_filled(setup, values))
        assert r.exit_code == 0, (setup, r.stderr)


# (command path, argv after --catalog, schema name); ``{profiles}`` is a roster file.
CALLS = [
    (("list",), ["list", "--json"], "list"),
    (("list",), ["list", "--status", "retired", "--json"], "list"),
    (("show",), ["show", "CPC", "--json"], "show"),
    (("show",), ["show", "CPC-H", "--json"], "show"),
    (("compare",), ["compare", "CPC", "CCS", "CIC", "--json"], "compare"),
    (("bodies",), ["bodies", "--json"], "bodies"),
    (("eligible",), ["eligible", "--experience", "1", "--json"], "eligible"),
    (("eligible",), ["eligible", "--education", "associate", "--accredited-program", "associate", "--json"], "eligible"),
    (("eligible",), ["eligible", "--profiles", "{profiles}", "--json"], "eligible-batch"),
    (("eligible",), ["eligible", "--profiles", "{profiles}", "--summary", "--json"], "cohort-summary"),
    (("recommend",), ["recommend", "--setting", "physician-office", "--budget", "600", "--json"], "recommend"),
    (("recommend",), ["recommend", "--focus", "compliance", "--experience", "3", "--json"], "recommend"),
    (("plan",), ["plan", "CPC", "--start", "2027-01-04", "--json"], "plan"),
    (("plan",), ["plan", "CPC", "--start", "2027-01-04", "--weeks", "8", "--hours-per-week", "5", "--json"], "plan"),
    (("salary",), ["salary", "--json"], "salary"),
    (("cost",), ["cost", "CPC", "--years", "4", "--roi", "--json"], "cost"),
    (("cost",), ["cost", "CCS", "--attempts", "2", "--basis", "non-member", "--json"], "cost"),
    (("path",), ["path", "--to", "RHIA", "--education", "high-school", "--json"], "path-to"),
    (("path",), ["path", "--from", "CPC", "--json"], "path-from"),
    (("catalog", "validate"), ["catalog", "validate", "--json"], "catalog-validate"),
    (("catalog", "sources"), ["catalog", "sources", "--json"], "catalog-sources"),
    (("catalog", "sources"), ["catalog", "sources", "CPC", "--json"], "catalog-sources"),
    (("catalog", "stale"), ["catalog", "stale", "--older-than", "6m", "--json"], "catalog-stale"),
    (("profile", "show"), ["profile", "show", "--json"], "profile"),
    (("schema",), ["schema", "--json"], "schema"),
    (("schema",), ["schema"], "schema"),
    # the after-the-exam commands, on a tracker prepared by TRACKER_SETUP
    (("held", "add"), ["held", "add", "CPC", "--earned", "2025-02-01", "--cycle-start", "2026-01-01", "--json"], "held"),
    (("held", "list"), ["held", "list", "--json"], "held"),
    (("held", "remove"), ["held", "remove", "CCS", "--json"], "removed"),
    (("ceu", "add"), ["ceu", "add", "--date", "2026-06-01", "--ceus", "1.5", "--title", "Webinar", "--for", "CPC",
                      "--provider", "AAPC", "--approval", "AAPC-123", "--json"], "ceu-list"),
    (("ceu", "list"), ["ceu", "list", "--json"], "ceu-list"),
    (("ceu", "import"), ["ceu", "import", "{ceus_csv}", "--json"], "ceu-list"),
    (("ceu", "remove"), ["ceu", "remove", "1", "--json"], "removed"),
    (("ceu", "status"), ["ceu", "status", "--json"], "ceu-status"),
    (("ceu", "audit-pack"), ["ceu", "audit-pack", "--out", "{pack}", "--json"], "ceu-audit-pack"),
    (("renew",), ["renew", "--json"], "renew"),
    (("experience", "add"), ["experience", "add", "--start", "2025-01-06", "--end", "2025-12-19", "--kind", "billing",
                             "--employer", "Valley Clinic", "--json"], "experience"),
    (("experience", "list"), ["experience", "list", "--json"], "experience"),
    (("experience", "remove"), ["experience", "remove", "1", "--json"], "removed"),
    (("apprentice", "status"), ["apprentice", "status", "--json"], "apprentice"),
]
# Calls the mini catalog cannot answer (codes it does not have).
NOT_IN_MINI = {"CPC-H", "CCS", "RHIA", "--profiles"}
# The after-the-exam commands run on a tracker with records of every kind (a fresh one per test: conftest
# points CERTPLAN_DB at a temporary file).  On the mini catalog a setup line naming a code it lacks is left
# out, and CPC is held without the apprentice designation (mini has none).
TRACKER = {"held", "ceu", "renew", "experience", "apprentice"}
TRACKER_SETUP = [
    ["held", "add", "CPC", "--apprentice", "--earned", "2025-01-01"],  # CPC-A
    ["held", "add", "CCS", "--earned", "2024-03-01"],
    ["ceu", "add", "--date", "2026-03-01", "--ceus", "2", "--title", "Audit basics", "--for", "CPC",
     "--certificate", "{certificate}"],
    ["experience", "add", "--start", "2024-06-01", "--kind", "coding"],
]


def _commands_with_json():
    from certplan.cli.app import app

    def walk(cmd, path=()):
        subs = getattr(cmd, "commands", None)
        if subs:
            for name, sub in subs.items():
                yield from walk(sub, (*path, name))
        else:
            yield path, cmd

    for path, cmd in walk(typer.main.get_command(app)):
        if any("--json" in p.opts for p in cmd.params):
            yield path


def _errors(instance, schema):
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}"
        for e in jsonschema.Draft202012Validator(schema).iter_errors(instance)
    ]


def test_every_command_with_json_has_a_representative_call():
    assert set(_commands_with_json()) == {path for path, _, _ in CALLS}


def test_every_output_has_a_call_or_is_the_union():
    assert {name for _, _, name in CALLS} | {"show", "path"} == set(OUTPUTS)


@pytest.mark.parametrize("catalog_file", [CATALOG, MINI], ids=["shipped", "mini"])
@pytest.mark.parametrize("path,argv,name", CALLS, ids=[" ".join(a[:3]) for _, a, _ in CALLS])
def test_json_output_validates_against_its_closed_schema(run, tmp_path, catalog_file, path, argv, name):
    if catalog_file == MINI and NOT_IN_MINI & set(argv):
        pytest.skip("the mini catalog has no such record")
    if path == ("profile", "show"):
        assert run("profile", "set", "--experience", "1.5", "--held", "CPC", "--member", "AAPC").exit_code == 0
    values = _placeholders(tmp_path)
    if path[0] in TRACKER:
        _prepare_tracker(run, catalog_file, values)
    r = run("--catalog", catalog_file, *_filled(argv, values))
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    if catalog_file == CATALOG:
        assert data, "an empty answer proves nothing about the schema"
    assert _errors(data, contract.schema(name)) == []
    if name in ("path-to", "path-from"):
        assert _errors(data, contract.schema("path")) == []


@pytest.mark.parametrize(
    "argv,schema_argv",
    [
        (["show", "CPC", "--fields", "code,name,exam"], ["schema", "show", "--fields", "code,name,exam"]),
        (["list", "--fields", "code,name"], ["schema", "list", "--fields", "code,name"]),
        (["list", "--fields", "schema_version,status"], ["schema", "list", "--fields", "schema_version,status"]),
    ],
)
def test_fields_selection_keeps_schema_version_and_validates(run_json, argv, schema_argv):
    data = run_json(*argv)
    first = data if isinstance(data, dict) else data[0]
    assert "schema_version" in first
    selection_schema = run_json(*schema_argv)
    assert _errors(data, selection_schema) == []
    # the selection's schema is exact: another field is a stray key, a missing one fails too
    item = copy.deepcopy(first)
    item["body"] = "AAPC"
    assert _errors(item if isinstance(data, dict) else [item], selection_schema)
    del item["body"], item["schema_version"]
    assert _errors(item if isinstance(data, dict) else [item], selection_schema)


def test_schema_of_a_selection_is_only_for_show_and_list(run):
    r = run("schema", "bodies", "--fields", "code")
    assert r.exit_code == 2
    assert r.stderr == "certplan: --fields applies to list and show, not bodies\n"
    r = run("schema", "--fields", "code")
    assert r.exit_code == 2
    assert r.stderr == "certplan: --fields needs an output name: list, show\n"


def test_schema_name_prints_a_valid_draft_2020_12_schema_for_every_output(run_json):
    from certplan.contract.generate import names

    everything = run_json("schema")
    assert set(everything["schemas"]) == set(names()) and set(OUTPUTS) <= set(names())
    for name in names():
        one = run_json("schema", name, "--json")
        assert one == everything["schemas"][name]
        assert one["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        if name in OUTPUTS:
            assert one["title"] == OUTPUTS[name].title
        jsonschema.Draft202012Validator.check_schema(one)


def test_unknown_schema_name_exits_2(run):
    r = run("schema", "shwo")
    assert r.exit_code == 2
    assert r.stderr.startswith("certplan: no schema named 'shwo'; available: apprentice, bodies, catalog-sources, ")
    assert r.stderr.endswith(" (did you mean show?)\n")


def _object_nodes(node, where="#"):
    """Every schema node that describes a JSON object, with where it is."""
    if isinstance(node, dict):
        if node.get("type") == "object" or "properties" in node:
            yield where, node
        for key, sub in node.items():
            if key in ("properties", "$defs"):
                for name, s in sub.items():
                    yield from _object_nodes(s, f"{where}/{key}/{name}")
            elif key == "const" or key == "enum":
                continue
            else:
                yield from _object_nodes(sub, f"{where}/{key}")
    elif isinstance(node, list):
        for i, sub in enumerate(node):
            yield from _object_nodes(sub, f"{where}/{i}")


@pytest.mark.parametrize("name", sorted(OUTPUTS))
def test_schemas_are_closed_everywhere(name):
    """Objects list their properties and forbid others; maps type their values (never open)."""
    open_nodes = []
    for where, node in _object_nodes(contract.schema(name)):
        if "properties" in node:
            if node.get("additionalProperties") is not False:
                open_nodes.append(where)
        elif not isinstance(node.get("additionalProperties"), dict) or node["additionalProperties"] == {}:
            open_nodes.append(where)
    assert open_nodes == []


@pytest.mark.parametrize(
    "name,argv,stray",
    [
        ("show", ["show", "CPC", "--json"], lambda d: d["exam"].__setitem__("price", 1)),
        ("show", ["show", "CPC", "--json"], lambda d: d["eligibility"]["pathways"][0]["requirements"][0].update(x=1)),
        ("eligible", ["eligible", "CPC", "--json"], lambda d: d[0].__setitem__("eligble", True)),
        ("eligible", ["eligible", "CPC", "--json"], lambda d: d[0].__setitem__("apprentice", {"designation": "X"})),
        ("catalog-stale", ["catalog", "stale", "--json"], lambda d: d[0].__setitem__("age", 3)),
        ("recommend", ["recommend", "--json"], lambda d: d[0]["score_parts"].__setitem__("luck", 1)),
        ("path-from", ["path", "--from", "CPC", "--json"], lambda d: d["tree"]["next"][0].update(extra=1)),
        ("schema", ["schema"], lambda d: d.__setitem__("generated", "today")),
    ],
)
def test_a_stray_key_fails_validation(run_json, name, argv, stray):
    data = run_json(*argv)
    assert _errors(data, contract.schema(name)) == []
    stray(data)
    assert _errors(data, contract.schema(name))


@pytest.mark.parametrize("argv", [["ceu", "export", "--format", "json"], ["ceu", "export", "--format", "json", "--out", "-"]])
def test_ceu_export_json_is_a_ceu_list(run, tmp_path, argv):
    """ceu export has --format json rather than --json, so CALLS does not list it; its file is a ceu-list."""
    _prepare_tracker(run, CATALOG, _placeholders(tmp_path))
    r = run("--catalog", CATALOG, *argv)
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    assert [c["title"] for c in data] == ["Audit basics"]
    assert data[0]["certificate_sha256"] == hashlib.sha256(b"certificate bytes").hexdigest()
    assert _errors(data, contract.schema("ceu-list")) == []
    data[0]["hours"] = 2
    assert _errors(data, contract.schema("ceu-list"))


@pytest.mark.parametrize(
    "name,argv,stray",
    [
        ("held", ["held", "list", "--json"], lambda d: d[0].__setitem__("expires", "2027-01-01")),
        ("ceu-status", ["ceu", "status", "--json"], lambda d: d[1]["categories"][0].update(extra=1)),
        ("renew", ["renew", "--json"], lambda d: d[0]["lapse_steps"][0].update(when=1)),
        ("renew", ["renew", "--json"], lambda d: d[0].__setitem__("lapse_status", "lapsed")),
        ("apprentice", ["apprentice", "status", "--json"], lambda d: d[0]["options"][0]["requirements"][0].update(x=1)),
        ("experience", ["experience", "list", "--json"], lambda d: d[0].__setitem__("start", "June 2024")),
    ],
)
def test_a_stray_key_or_value_in_a_tracker_output_fails_validation(run, tmp_path, name, argv, stray):
    _prepare_tracker(run, CATALOG, _placeholders(tmp_path))
    r = run("--catalog", CATALOG, *argv)
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    assert _errors(data, contract.schema(name)) == []
    stray(data)
    assert _errors(data, contract.schema(name))


def test_schema_of_schema_requires_valid_json_schemas():
    doc = contract.all_schemas()
    doc["schemas"]["show"]["type"] = "thing"  # not a JSON Schema type
    assert _errors(doc, contract.schema("schema"))


# --------------------------------------------------------------------------- the generator, on small types


class _Inner(TypedDict):
    n: int


class _Outer(TypedDict):
    """an outer object"""

    name: str
    maybe: Optional[float]
    inner: _Inner
    by_key: dict[str, _Inner]


def test_generator_closes_objects_drops_generated_titles_and_keeps_nulls(monkeypatch):
    from certplan import contract as pkg

    monkeypatch.setitem(pkg.OUTPUTS, "_outer", pkg.Output("x", "_Outer", "test outer"))
    monkeypatch.setattr(pkg, "output_type", lambda name: _Outer)
    monkeypatch.setattr(contract, "output_type", lambda name: _Outer)
    contract._generated.cache_clear()
    try:
        s = contract.schema("_outer")
    finally:
        contract._generated.cache_clear()
    assert s["title"] == "test outer"
    assert s["additionalProperties"] is False
    assert s["required"] == ["name", "maybe", "inner", "by_key"]
    assert s["properties"]["maybe"] == {"anyOf": [{"type": "number"}, {"type": "null"}]}
    assert s["$defs"]["_Inner"] == {
        "additionalProperties": False,
        "properties": {"n": {"type": "integer"}},
        "required": ["n"],
        "type": "object",
    }
    assert _errors({"name": "a", "maybe": None, "inner": {"n": 1}, "by_key": {"k": {"n": 2}}}, s) == []
    assert _errors({"name": "a", "maybe": None, "inner": {"n": 1}, "by_key": {"k": {"n": 2, "m": 3}}}, s)


def test_fields_come_from_the_contract_without_pydantic():
    import subprocess
    import sys

    code = textwrap.dedent(
        """
        import sys
        from certplan.contract import fields
        assert fields("show")[:3] == ["schema_version", "code", "name"], fields("show")
        assert fields("list") == fields("show")
        assert "pydantic" not in sys.modules, "contract types must not import pydantic"
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "exam" in fields("show")


@pytest.mark.parametrize("argv", [["show", "CPC", "--json"], ["--help"]])
def test_fast_paths_import_neither_the_contract_nor_pydantic(tmp_path, argv):
    import subprocess
    import sys

    code = textwrap.dedent(
        f"""
        import atexit, sys
        watched = ("pydantic", "certplan.contract", "certplan.contract.generate")
        atexit.register(lambda: sys.stderr.write("loaded:" + ",".join(m for m in watched if m in sys.modules)))
        from certplan.cli.main import main
        main({argv!r})
        """
    )
    env = {**os.environ, "CERTPLAN_CACHE_DIR": str(tmp_path)}
    env.pop("CERTPLAN_NO_FAST", None)
    for _ in range(2):  # the first run fills the caches; the second is the fast path
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
        assert out.returncode == 0, out.stderr
    assert out.stderr.rsplit("loaded:", 1)[1] == ""


def test_outputs_of_the_edge_cases_validate(run, tmp_path):
    # profile show with nothing saved: education is null
    r = run("profile", "show", "--json")
    assert r.exit_code == 0
    assert json.loads(r.stdout)["education"] is None
    assert _errors(json.loads(r.stdout), contract.schema("profile")) == []
    # catalog validate of an invalid file: exit 3, valid false, no counts
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\nsources: []\nbodies: []\ncredentials: [{code: X}]\n", encoding="utf-8")
    r = run("catalog", "validate", str(bad), "--json")
    assert r.exit_code == 3
    data = json.loads(r.stdout)
    assert data["valid"] is False and "credentials" not in data
    assert _errors(data, contract.schema("catalog-validate")) == []


@pytest.mark.slow
def test_every_credential_through_the_per_credential_commands_validates(run, catalog):
    """A sweep for drift: fields that are null, absent or extra only for some credentials."""
    validators = {n: jsonschema.Draft202012Validator(contract.schema(n)) for n in ("cost", "path-to", "path-from", "plan")}
    calls = []
    for c in catalog.credentials:
        calls += [
            ("cost", ["cost", c.code, "--roi", "--held", "CPC", "--json"]),
            ("path-to", ["path", "--to", c.code, "--json"]),
            ("path-from", ["path", "--from", c.code, "--json"]),
            ("plan", ["plan", c.code, "--assume-eligible", "--weeks", "20", "--json"]),
        ]
    problems, answered = set(), 0
    for name, argv in calls:
        r = run(*argv)
        if r.exit_code != 0:  # e.g. a retired credential: an error on stderr, no JSON
            assert r.stdout == "" and r.stderr.startswith("certplan: "), (argv, r.stderr)
            continue
        answered += 1
        for e in validators[name].iter_errors(json.loads(r.stdout)):
            problems.add(f"{name} {'/'.join(str(p) for p in e.absolute_path)}: {e.message[:120]}")
    assert answered > len(calls) // 2
    assert sorted(problems) == []
