"""The runtime records (catalog/records.py) are generated from the pydantic models and stay in step."""

import json
import subprocess
import sys
from pathlib import Path

from certplan.catalog import records, records_gen
from certplan.catalog.loader import load_catalog

MINI = Path(__file__).parent / "data" / "mini.yaml"
ROOT = Path(__file__).resolve().parents[1]


def test_records_py_is_what_the_models_generate():
    assert records_gen.target().read_text(encoding="utf-8") == records_gen.source(), (
        "catalog/records.py is out of step with catalog/models.py: run python -m certplan.catalog.records_gen"
    )


def test_every_model_field_is_a_record_field():
    from pydantic import BaseModel

    from certplan.catalog import models

    for name, cls in vars(models).items():
        if isinstance(cls, type) and issubclass(cls, BaseModel) and cls.__module__ == models.__name__ and "[" not in name:
            assert list(getattr(records, name).model_fields) == list(cls.model_fields), name


def test_records_from_the_cache_equal_the_validated_models():
    for path in (MINI, ROOT / "data" / "certifications.yaml"):
        model = load_catalog(path)
        rec = records.from_json(model.model_dump_json())
        assert rec.model_dump() == json.loads(model.model_dump_json())
        c = rec.credentials[0]
        assert isinstance(c, records.Credential) and isinstance(c.exam.fees[0], records.Money)
        assert type(c.eligibility.pathways[0].requirements[0]).__name__ == type(
            model.credentials[0].eligibility.pathways[0].requirements[0]
        ).__name__


def test_models_pass_core_isinstance_checks():
    model = load_catalog(MINI)
    req = model.credentials[0].eligibility.pathways[0].requirements[0]
    assert isinstance(req, records.MembershipReq) and not isinstance(req, records.EducationReq)
    assert isinstance(model.credentials[0].exam.questions, records.Fact)
    assert isinstance(model, records.Record)


def test_records_are_frozen_and_copyable():
    rec = records.from_json(load_catalog(MINI).model_dump_json())
    c = rec.credentials[0]
    try:
        c.name = "x"
        raise AssertionError("a record must be frozen")
    except TypeError:
        pass
    assert c.model_copy(update={"name": "Renamed"}).name == "Renamed" and c.name == "Certified Professional Coder"


def test_warm_commands_never_import_pydantic_or_yaml(tmp_path):
    env = {"CERTPLAN_CACHE_DIR": str(tmp_path / "c"), "CERTPLAN_CONFIG_DIR": str(tmp_path / "cfg"),
           "CERTPLAN_TODAY": "2026-11-27", "PATH": "/usr/bin:/bin"}
    code = (
        "import sys\nfrom certplan.cli.main import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "bad = sorted(m for m in ('pydantic', 'yaml') if m in sys.modules)\n"
        "sys.stderr.write('IMPORTED:' + ','.join(bad) + '\\n')\n"
    )
    commands = [
        ["eligible", "--experience", "2", "--json"], ["plan", "CPC", "--json"], ["cost", "CPC", "--json"],
        ["path", "--to", "RHIA", "--json"], ["salary", "CPC", "--json"], ["recommend", "--json"],
        ["show", "CPC"], ["list"], ["compare", "CPC", "CCS"],
    ]
    for args in commands:
        subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, check=False)  # fills
        p = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True)
        assert "IMPORTED:\n" in p.stderr, (args, p.stderr[-300:])
