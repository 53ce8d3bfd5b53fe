"""certplan export --ctdl: the catalog as CTDL JSON-LD that a JSON-LD processor expands offline."""

import datetime as dt
import json
from pathlib import Path

import pytest
from pyld import jsonld

from certplan.catalog.loader import load_catalog
from certplan.catalog.rules import catalog_on
from certplan.output.ctdl import CTDL_CONTEXT_URL, ctdl_document, offline_loader, shipped_context

DATA = Path(__file__).parent / "data"
CT = "https://purl.org/ctdl/terms/"


def expand(doc):
    return jsonld.expand(doc, {"documentLoader": offline_loader})


# Classes each property may describe (schema:domainIncludes), among the five classes the export uses, from
# Credential Engine's CTDL schema (https://credreg.net/ctdl/schema/encoding/json, retrieved 2026-08-06).
DOMAINS = {
    "alternateName": {"Certification", "ConditionProfile", "CostProfile", "CredentialOrganization"},
    "alternativeCondition": {"ConditionProfile"},
    "codedNotation": {"CredentialAlignmentObject"},
    "condition": {"ConditionProfile", "CostProfile"},
    "costDetails": {"CostProfile"},
    "credentialStatusType": {"Certification"},
    "currency": {"CostProfile"},
    "dateEffective": {"Certification", "ConditionProfile"},
    "description": {"Certification", "ConditionProfile", "CostProfile", "CredentialOrganization"},
    "directCostType": {"CostProfile"},
    "endDate": {"CostProfile"},
    "estimatedCost": {"Certification", "ConditionProfile"},
    "framework": {"CredentialAlignmentObject"},
    "frameworkName": {"CredentialAlignmentObject"},
    "name": {"Certification", "ConditionProfile", "CostProfile", "CredentialOrganization"},
    "occupationType": {"Certification"},
    "ownedBy": {"Certification"},
    "price": {"CostProfile"},
    "renewal": {"Certification"},
    "renewalFrequency": {"Certification"},
    "requires": {"Certification"},
    "startDate": {"CostProfile"},
    "subjectWebpage": {"Certification", "ConditionProfile", "CredentialOrganization"},
    "targetCredential": {"ConditionProfile"},
    "targetNode": {"CredentialAlignmentObject"},
    "targetNodeName": {"CredentialAlignmentObject"},
    "yearsOfExperience": {"ConditionProfile"},
}


def assert_domains(doc):
    wrong = set()

    def walk(o):
        if isinstance(o, dict):
            cls = o.get("@type", "").removeprefix("ceterms:")
            for k, v in o.items():
                if k.startswith("ceterms:") and cls and cls not in DOMAINS.get(k.removeprefix("ceterms:"), ()):
                    wrong.add(f"{cls}.{k}")
                walk(v)
        elif isinstance(o, list):
            for v in o:
                walk(v)

    walk(doc)
    assert sorted(wrong) == []


@pytest.fixture(scope="module")
def shipped_doc(catalog):
    return ctdl_document(catalog_on(catalog, dt.date(2026, 11, 27)))


def _nodes(expanded, cls):
    return [n for n in expanded if CT + cls in n.get("@type", [])]


def test_the_export_expands_offline_and_keeps_every_term(shipped_doc):
    expanded = expand(shipped_doc)
    assert len(expanded) == len(shipped_doc["@graph"])
    defined = shipped_context()["@context"]
    used: set[str] = set()

    def walk(o):
        if isinstance(o, dict):
            for k, v in o.items():
                if k.startswith("ceterms:"):
                    used.add(k)
                walk(v)
        elif isinstance(o, list):
            for v in o:
                walk(v)

    walk(shipped_doc)
    assert_domains(shipped_doc)
    # every property used has its definition (type coercion, language container) in the shipped context
    assert sorted(used - set(defined)) == []


def test_every_current_credential_appears_once_with_its_owner_and_a_condition(catalog, shipped_doc):
    expanded = expand(shipped_doc)
    creds = _nodes(expanded, "Certification")
    orgs = {n["@id"]: n for n in _nodes(expanded, "CredentialOrganization")}
    names = [n[CT + "alternateName"][0]["@value"] for n in creds]  # the code comes first
    current = [c.code for c in catalog.credentials if c.status == "current"]
    assert sorted(n for n in names if n in current) == sorted(current)
    assert len(names) == len(set(names))
    by_code = {n[CT + "alternateName"][0]["@value"]: n for n in creds}
    for code in current:
        node = by_code[code]
        (owner,) = node[CT + "ownedBy"]
        body = next(c.body for c in catalog.credentials if c.code == code)
        assert CT + "name" in orgs[owner["@id"]]
        assert orgs[owner["@id"]][CT + "alternateName"][0]["@value"] == body
        conditions = node[CT + "requires"]
        assert conditions and all(CT + "ConditionProfile" in c["@type"] for c in conditions)
        status = node[CT + "credentialStatusType"][0][CT + "targetNode"][0]["@id"]
        assert status == "https://purl.org/ctdl/vocabs/credentialStat/Active"


def test_no_ctid_is_made_up(shipped_doc):
    assert "ctid" not in json.dumps(shipped_doc).lower()
    assert all(n["@id"].startswith("_:") for n in shipped_doc["@graph"])


def test_pathways_are_alternative_conditions(shipped_doc):
    rhia = next(n for n in shipped_doc["@graph"] if n["@id"] == "_:cred-RHIA")
    (cond,) = rhia["ceterms:requires"]
    alts = cond["ceterms:alternativeCondition"]
    assert len(alts) >= 3
    assert cond["ceterms:description"] == {"en-US": f"Meet any one of these {len(alts)} pathways."}


def test_a_small_catalog_maps_field_by_field():
    doc = ctdl_document(load_catalog(DATA / "mini.yaml"))
    org, cpc = doc["@graph"]
    assert doc["@context"] == CTDL_CONTEXT_URL
    assert org == {
        "@id": "_:org-AAPC",
        "@type": "ceterms:CredentialOrganization",
        "ceterms:name": {"en-US": "AAPC"},
        "ceterms:alternateName": {"en-US": ["AAPC"]},
        "ceterms:subjectWebpage": "https://www.aapc.com",
    }
    assert cpc["@type"] == "ceterms:Certification"
    assert cpc["ceterms:name"] == {"en-US": "Certified Professional Coder"}
    assert cpc["ceterms:alternateName"] == {"en-US": ["CPC"]}
    assert cpc["ceterms:ownedBy"] == ["_:org-AAPC"]
    assert cpc["ceterms:requires"] == [
        {
            "@type": "ceterms:ConditionProfile",
            "ceterms:name": {"en-US": "Anyone"},
            "ceterms:description": {"en-US": "AAPC membership"},
            "ceterms:condition": {"en-US": ["AAPC membership"]},
        }
    ]
    (fee,) = cpc["ceterms:estimatedCost"]
    assert fee["ceterms:price"] == 425
    assert fee["ceterms:currency"] == "USD"
    assert fee["ceterms:costDetails"] == "https://example.org/a"
    assert fee["ceterms:directCostType"]["ceterms:targetNode"] == "costType:StandaloneAssessment"
    assert cpc["ceterms:renewalFrequency"] == "P2Y"
    assert cpc["ceterms:renewal"][0]["ceterms:description"] == {"en-US": "36 continuing education units every 2 years"}
    assert "ceterms:occupationType" not in cpc


def test_dated_rules_carry_their_dates():
    cat = load_catalog(DATA / "dated.yaml")
    cpc = ctdl_document(catalog_on(cat, dt.date(2026, 1, 1)))["@graph"][1]
    (fee,) = cpc["ceterms:estimatedCost"]
    assert fee["ceterms:price"] == 425
    assert fee["ceterms:startDate"] == "2025-01-01"
    assert cpc["ceterms:requires"][0]["ceterms:dateEffective"] == "2025-01-01"
    whole = ctdl_document(cat)  # the whole catalog, both periods
    expand(whole)
    old, new = whole["@graph"][1]["ceterms:requires"][0]["ceterms:alternativeCondition"]
    assert old["ceterms:description"] == {"en-US": "an associate degree (or higher) (until 2025-01-01)"}
    assert new["ceterms:dateEffective"] == "2025-01-01"
    assert_domains(whole)


def test_occupations_use_o_net_codes_where_a_source_confirms_them(shipped_doc):
    cpc = next(n for n in shipped_doc["@graph"] if n["@id"] == "_:cred-CPC")
    (occ,) = cpc["ceterms:occupationType"]
    assert occ["ceterms:codedNotation"] == "29-2072.00"
    assert occ["ceterms:frameworkName"] == {"en-US": "O*NET-SOC"}
    rhia = next(n for n in shipped_doc["@graph"] if n["@id"] == "_:cred-RHIA")
    socs = {o["ceterms:codedNotation"]: o["ceterms:frameworkName"]["en-US"] for o in rhia["ceterms:occupationType"]}
    assert socs == {
        "29-9021": "Standard Occupational Classification (SOC) 2018",
        "11-9111": "Standard Occupational Classification (SOC) 2018",
    }


def test_the_loader_serves_only_the_shipped_context():
    assert offline_loader(CTDL_CONTEXT_URL)["document"] == shipped_context()
    with pytest.raises(ValueError) as exc:
        offline_loader("https://example.org/other")
    assert str(exc.value) == (
        "offline: no document for https://example.org/other (only https://credreg.net/ctdl/schema/context/json is shipped)"
    )


# --------------------------------------------------------------------------- the command


def test_export_to_stdout(run):
    for args in (("export", "--ctdl"), ("export", "--ctdl", "--out", "-")):
        r = run(*args, "--catalog", DATA / "mini.yaml")
        assert r.exit_code == 0, r.stderr
        assert json.loads(r.stdout)["@graph"][1]["@id"] == "_:cred-CPC"
        assert r.stderr == ""


def test_export_to_a_file_needs_force_to_replace_it(run, tmp_path):
    f = tmp_path / "cat.jsonld"
    r = run("export", "--ctdl", "--out", f, "--catalog", DATA / "mini.yaml")
    assert r.exit_code == 0, r.stderr
    assert r.stdout == ""
    assert r.stderr == (
        f"certplan: wrote 1 current and 0 retired credentials of 1 bodies to {f} "
        "(CTDL JSON-LD; 0 records left out: unverified, aliases and pairings)\n"
    )
    assert json.loads(f.read_text())["@context"] == CTDL_CONTEXT_URL
    f.write_text("old")
    r = run("export", "--ctdl", "--out", f, "--catalog", DATA / "mini.yaml")
    assert r.exit_code == 2
    assert r.stderr == f"certplan: --out: {f} exists; add --force to replace it\n"
    assert f.read_text() == "old"
    r = run("export", "--ctdl", "--out", f, "--force", "--catalog", DATA / "mini.yaml")
    assert r.exit_code == 0
    assert json.loads(f.read_text())["@graph"]
    assert [p.name for p in tmp_path.iterdir()] == ["cat.jsonld"]  # no temporary file left behind


def test_export_needs_a_format_and_a_real_folder(run, tmp_path):
    r = run("export")
    assert r.exit_code == 2
    assert r.stderr == "certplan: choose an export format: --ctdl (e.g. certplan export --ctdl --out catalog.jsonld)\n"
    r = run("export", "--ctdl", "--out", tmp_path / "no" / "x.jsonld")
    assert r.exit_code == 2
    assert r.stderr == f"certplan: --out: the folder {str(tmp_path / 'no')!r} does not exist\n"
