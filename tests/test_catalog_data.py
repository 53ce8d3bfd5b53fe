"""The shipped catalog: coverage, provenance, and the domain rules people rely on."""

import re

import pytest

from certplan.catalog.models import ExperienceReq, Fact, Money, OccupationFigure, PayFigure, ProgramReq
from certplan.core.citations import cited

REQUIRED = (
    "CPC CPB COC CIC CRC CPMA CPCO CDEO CDEI CPPM CEDC CCC CCA CCS CCS-P RHIT RHIA CDIP CHDA CHPS "
    "CBCS CMRS NCICS RHDS CHDS CMSS"
).split()


def by_code(catalog, code):
    return next(c for c in catalog.credentials if c.code == code)


def test_every_named_code_has_an_entry(catalog):
    codes = {c.code for c in catalog.credentials}
    assert set(REQUIRED) <= codes
    assert {"CPC-H", "CPMS", "CPC + CPB", "CPC-P", "CPC-A", "COC-A"} <= codes


def test_size(catalog):
    assert len(catalog.bodies) >= 8
    assert sum(c.status == "current" for c in catalog.credentials) >= 35
    assert {"AAPC", "AHIMA", "NHA", "AMBA", "NCCT", "AHDI", "ACMSS", "AHDPG"} <= {b.code for b in catalog.bodies}


def test_current_credentials_have_the_required_fields(catalog):
    for c in catalog.credentials:
        if c.status != "current":
            continue
        assert c.body and c.level and c.description, c.code
        assert c.exam.fees, c.code
        assert c.eligibility.pathways, c.code
        assert c.maintenance.ceus is not None and c.maintenance.cycle_years is not None, c.code
        assert c.settings or c.code in {"CPB", "CDEO", "CMRS", "CMSP"}, c.code


def test_every_fact_cites_a_dated_source(catalog):
    sources = {s.id: s for s in catalog.sources}
    date = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
    for s in catalog.sources:
        assert s.url.startswith(("http://", "https://")) and s.kind in ("official", "third-party")
        assert date.match(s.date), s.id
    n = 0
    for record in [*catalog.credentials, *catalog.bodies, *catalog.occupations, *catalog.facts]:
        for path, sid in cited(record):
            assert sid in sources, (path, sid)
            n += 1
    assert n > 1000


def _numeric_facts(obj, path=""):
    from pydantic import BaseModel

    if isinstance(obj, Fact) and isinstance(obj.value, (int, float)) and not isinstance(obj.value, bool):
        yield path, obj
    elif isinstance(obj, (Money, PayFigure, OccupationFigure)) and obj.amount is not None:
        yield path, obj
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from _numeric_facts(getattr(obj, name), f"{path}.{name}")
    elif isinstance(obj, list):
        for i, x in enumerate(obj):
            yield from _numeric_facts(x, f"{path}[{i}]")


def test_every_numeric_fact_has_a_source(catalog):
    ids = {s.id for s in catalog.sources}
    facts = list(_numeric_facts(catalog))
    assert len(facts) > 150
    for path, f in facts:
        assert f.source in ids, path


def test_unknown_facts_say_why(catalog):
    from pydantic import BaseModel

    def walk(o, path=""):
        if isinstance(o, Fact) and o.value is None:
            assert o.note, path
        if isinstance(o, Money) and o.amount is None:
            assert o.note, path
        if isinstance(o, BaseModel):
            for name in type(o).model_fields:
                walk(getattr(o, name), f"{path}.{name}")
        elif isinstance(o, list):
            for i, x in enumerate(o):
                walk(x, f"{path}[{i}]")

    walk(catalog)


def test_aapc_ceus_grow_with_credentials_held(catalog):
    aapc = next(b for b in catalog.bodies if b.code == "AAPC")
    assert aapc.renewal.ceus.by_count == [36, 40, 44, 48, 52]
    assert aapc.renewal.cycle_years.value == 2


def test_ahima_ceus_add_ten_per_credential_up_to_fifty(catalog):
    ahima = next(b for b in catalog.bodies if b.code == "AHIMA")
    assert (ahima.renewal.ceus.increment, ahima.renewal.ceus.cap) == (10, 50)
    assert by_code(catalog, "CCS").maintenance.ceus.value == 20
    assert by_code(catalog, "RHIA").maintenance.ceus.value == 30


@pytest.mark.parametrize("code", ["CCA", "CCS"])
def test_cca_and_ccs_need_only_a_high_school_diploma(catalog, code):
    paths = by_code(catalog, code).eligibility.pathways
    assert [[r.kind for r in p.requirements] for p in paths] == [["education"]]
    assert paths[0].requirements[0].level == "high-school"
    assert by_code(catalog, code).eligibility.recommended, "experience is recommended, not required"


@pytest.mark.parametrize("code", ["RHIT", "RHIA"])
def test_rhit_and_rhia_have_no_experience_only_route(catalog, code):
    for p in by_code(catalog, code).eligibility.pathways:
        kinds = {r.kind for r in p.requirements}
        assert kinds & {"accredited-program", "other"}, p.id
        assert not all(isinstance(r, ExperienceReq) for r in p.requirements)
    program = [
        r for p in by_code(catalog, code).eligibility.pathways for r in p.requirements if isinstance(r, ProgramReq)
    ]
    assert program and all(r.accreditor == "CAHIIM" for r in program)


def test_rhia_replaces_rhit(catalog):
    assert by_code(catalog, "RHIA").replaces == ["RHIT"]


@pytest.mark.parametrize(("code", "designation"), [("CPC", "CPC-A"), ("COC", "COC-A")])
def test_apprentice_designations_and_removal(catalog, code, designation):
    a = by_code(catalog, code).apprentice
    assert a.designation == designation
    shapes = sorted(
        sorted(r.kind + (f":{r.years:g}" if r.kind == "experience" else "") for r in p.requirements) for p in a.removal
    )
    assert shapes == sorted(
        [["experience:2"], ["course", "experience:1"], ["experience:1", "practicode"], ["course", "practicode"]]
    )


def test_renamed_retired_and_unverified_names(catalog):
    cpch = by_code(catalog, "CPC-H")
    assert cpch.status == "retired" and cpch.replaced_by == "COC"
    cpms = by_code(catalog, "CPMS")
    assert cpms.status == "unverified" and cpms.body is None
    assert {"CMSS"} <= set(cpms.see_also)
    pair = by_code(catalog, "CPC + CPB")
    assert pair.status == "pairing" and pair.see_also == ["CPC", "CPB"]


def test_46660_is_only_the_may_2021_median(catalog):
    hits = []
    for o in catalog.occupations:
        for f in o.figures:
            if f.amount == 46660:
                hits.append((o.soc, f.measure, f.period, f.year))
    assert hits == [("29-2072", "median-annual-wage", "May 2021", 2021)]
    for c in catalog.credentials:
        assert all(p.amount != 46660 for p in c.salary)


def test_occupations_have_median_percentiles_employment_and_outlook(catalog):
    socs = {o.soc: o for o in catalog.occupations}
    assert {"29-2072", "43-3021", "29-9021", "11-9111"} <= set(socs)
    mrs = {f.measure for f in socs["29-2072"].figures}
    assert {"median-annual-wage", "pct10-annual-wage", "pct90-annual-wage", "employment", "outlook-percent"} <= mrs
    latest = max((f for f in socs["29-2072"].figures if f.measure == "median-annual-wage"), key=lambda f: f.year)
    assert (latest.amount, latest.period) == (50250, "May 2024")


# --------------------------------------------------------------------------- breadth and source quality (issue 16)

NEW_BODIES = {"HFMA", "AAHAM", "CCB", "MGMA", "PAHCOM", "PMI", "BMSC", "NAHAM", "HBMA", "NAHRI"}
NEW_CURRENT = (
    "CRCR CHFP CRCS-I CRCS-P CRCP-I CRCP-P CRCE-I CRCE-P CRIP CCT CHC CHPC CHRC CMPE CMM HITCM-PP "
    "CMC CMIS CMOM HCS-D HCS-O HCS-H HCS-C CPCD COSC CHAA CHAM CHBME CHRI"
).split()


def test_coverage_goal_sixty_current_credentials_from_fifteen_bodies(catalog):
    current = [c for c in catalog.credentials if c.status == "current"]
    assert len(current) >= 60
    assert len({c.body for c in current}) >= 15
    assert len(catalog.bodies) >= 15
    assert NEW_BODIES <= {b.code for b in catalog.bodies}


def test_new_credentials_are_current_with_their_body(catalog):
    for code in NEW_CURRENT:
        c = by_code(catalog, code)
        assert c.status == "current", code
        assert c.body in NEW_BODIES | {"AAPC"}, code


@pytest.mark.parametrize(
    ("code", "status"),
    [
        ("CHTS", "retired"),
        ("CPHI", "retired"),
        ("ACS", "retired"),
        ("SCP", "retired"),
        ("CCP-P", "retired"),
        ("CPC-P", "unverified"),
    ],
)
def test_retired_and_unconfirmed_credentials_say_so(catalog, code, status):
    c = by_code(catalog, code)
    assert c.status == status
    if status == "retired":
        assert c.retired is not None and (c.retired.date or c.retired.note), code


def test_every_source_has_url_kind_tier_and_date(catalog):
    date = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
    for s in catalog.sources:
        assert s.url.startswith(("http://", "https://")), s.id
        assert date.match(s.date) and s.date_kind in ("stated", "checked"), s.id
        # official pages are tier 1; a third-party page is tier 2 (quotes an official one with a date) or 3
        assert s.tier == 1 if s.kind == "official" else s.tier in (2, 3), s.id


def test_every_fact_of_the_new_credentials_cites_a_known_source(catalog):
    sources = {s.id: s for s in catalog.sources}
    bodies = {b.code: b for b in catalog.bodies}
    records = [by_code(catalog, code) for code in NEW_CURRENT] + [bodies[b] for b in NEW_BODIES]
    for record in records:
        cites = list(cited(record))
        assert cites, record
        for path, sid in cites:
            s = sources[sid]
            assert s.url and s.kind and s.tier and s.date, (path, sid)
            assert not re.search(r"[?&](utm_|fbclid|gclid|hsa_)", s.url), (path, sid)  # canonical: no tracking


def test_some_third_party_sources_are_tier_two(catalog):
    tiers = {s.tier for s in catalog.sources if s.kind == "third-party"}
    assert tiers == {2, 3}


def test_recheck_43_3021_has_no_unsourced_median(catalog):
    bpc = next(o for o in catalog.occupations if o.soc == "43-3021")
    assert all(f.amount != 47170 for f in bpc.figures)
    assert not [f for f in bpc.figures if f.measure == "median-annual-wage"]
    assert any("47,170" in n.text for n in bpc.notes)


def test_recheck_cbcs_allows_no_code_manuals(catalog):
    ex = by_code(catalog, "CBCS").exam
    assert ex.open_book.value is False and ex.references.value == []
    assert "2024-09-24" in ex.open_book.note


def test_cmpe_pathways_follow_mgma_2019_change(catalog):
    import datetime as dt

    from certplan.catalog.rules import in_force

    paths = by_code(catalog, "CMPE").eligibility.pathways
    before = {p.id for p in in_force(paths, dt.date(2018, 6, 1))}
    after = {p.id for p in in_force(paths, dt.date(2026, 11, 27))}
    assert "management-experience-2018" in before and "degree-and-experience" not in before
    assert "degree-and-experience" in after and "management-experience-2018" not in after
