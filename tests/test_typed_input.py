"""What people type: names, misspellings, filler words, option names, education words, money; and the
small words of the output (counts, articles), canonical URLs, the defaults a newcomer expects."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from certplan.catalog.loader import load_catalog
from certplan.cli.parsing import codes_typed, education_level, money_amount, nearest_option
from certplan.core import lookup

MINI = Path(__file__).parent / "data" / "mini.yaml"


# --------------------------------------------------------------------------- names and codes


@pytest.fixture(scope="module")
def mini():
    return load_catalog(MINI)


@pytest.mark.parametrize(
    "typed",
    [
        "CPC",
        "cpc",
        "Certified Professional Coder",
        "certified professional coder",
        "the CPC exam",
        "certifed profesional coder",
        "Certified Professional Coder certification",
    ],
)
def test_names_and_common_misspellings_resolve_on_a_small_catalog(mini, typed):
    assert lookup.find(mini, typed).code == "CPC"


def test_a_name_close_to_a_known_one_is_suggested_by_name(mini):
    with pytest.raises(lookup.UnknownCode) as exc:
        lookup.find(mini, "certified professional codr")
    assert exc.value.message() == (
        "unknown credential code 'certified professional codr'; did you mean CPC (Certified Professional Coder)?"
    )


def test_the_name_index_is_built_once_per_catalog(mini):
    assert lookup.names_of(mini) is lookup.names_of(mini)
    assert lookup.name_index(lookup.names_of(mini)) is lookup.name_index(lookup.names_of(mini))
    names = {"CPC": {"name": "Certified Professional Coder"}}
    assert lookup.name_index(names) is lookup.name_index(names)


def test_a_name_two_credentials_share_resolves_to_neither():
    names = {"A": "Same Name", "B": "Same Name", "C": "Other"}
    assert lookup.name_lookup(names, "same name") is None
    assert lookup.name_lookup(names, "other") == "C"


def test_show_by_name_and_did_you_mean_by_name(run):
    r = run("show", "certified professional coder")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith("CPC - Certified Professional Coder\n")
    bad = run("show", "certified profesional codr")
    assert bad.exit_code == 2
    assert bad.stderr.splitlines()[0] == (
        "certplan: unknown credential code 'certified profesional codr'; did you mean "
        "CPC (Certified Professional Coder), CPC-P (Certified Professional Coder-Payer), "
        "CPB (Certified Professional Biller)?"
    )


@pytest.mark.parametrize(
    ("typed", "codes"),
    [
        (["cpc", "vs", "ccs"], ["cpc", "ccs"]),
        (["CPC", "versus", "CCS"], ["CPC", "CCS"]),
        (["CPC,", "CCS", "and", "CIC"], ["CPC", "CCS", "CIC"]),
        (["CPC,CCS", "or", "CIC"], ["CPC", "CCS", "CIC"]),
        (["CPC", "vs.", "certified coding specialist"], ["CPC", "certified coding specialist"]),
    ],
)
def test_filler_words_between_codes_are_ignored(typed, codes):
    assert codes_typed(typed) == codes


def test_compare_cpc_vs_ccs(run_json):
    d = run_json("compare", "cpc", "vs", "ccs", "--json")
    assert [c["code"] for c in d["credentials"]] == ["CPC", "CCS"]


# --------------------------------------------------------------------------- options


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("--years", "--experience"),
        ("--yrs", "--experience"),
        ("--expereince", "--experience"),
        ("--degree", "--education"),
        ("--exp", "--experience"),
    ],
)
def test_nearest_option(typed, meant):
    assert nearest_option(typed, ["--education", "--experience", "--experience-kind", "--json"]) == meant


def test_unknown_option_names_the_nearest_one(run):
    r = run("eligible", "--years", "2")
    assert r.exit_code == 2
    assert "Error: No such option: --years (did you mean --experience?)" in r.stderr.splitlines()


# --------------------------------------------------------------------------- education and money


@pytest.mark.parametrize(
    ("typed", "level"),
    [
        ("high school", "high-school"),
        ("High School", "high-school"),
        ("HS", "high-school"),
        ("GED", "high-school"),
        ("diploma", "high-school"),
        ("high-school", "high-school"),
        ("associate's", "associate"),
        ("Associate's degree", "associate"),
        ("AA", "associate"),
        ("A.S.", "associate"),
        ("AAS", "associate"),
        ("bachelor's", "bachelor"),
        ("BA", "bachelor"),
        ("B.S.", "bachelor"),
        ("bachelors degree", "bachelor"),
        ("master's", "master"),
        ("MA", "master"),
        ("MS", "master"),
        ("MBA", "master"),
        ("doctorate", "doctorate"),
        ("PhD", "doctorate"),
        ("Ph.D.", "doctorate"),
        ("none", "none"),
    ],
)
def test_education_as_people_say_it(typed, level):
    assert education_level(typed) == level


def test_unknown_education_says_what_works():
    with pytest.raises(ValueError) as exc:
        education_level("college")
    assert str(exc.value) == (
        "'college' is not an education level; say one of: none, high-school, associate, bachelor, master, "
        "doctorate (HS, GED, diploma, AA, AS, associate's, BA, BS, bachelor's, MA, MS, master's, PhD also work)"
    )


def test_eligible_accepts_high_school_and_ged(run_json):
    for typed in ("high school", "GED"):
        d = run_json("eligible", "CCS", "--education", typed, "--json")
        assert d[0]["status"] == "eligible"  # CCS: a high-school diploma or equivalent


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("500", 500.0),
        ("$500", 500.0),
        ("500.00", 500.0),
        ("1,200", 1200.0),
        ("$1,200.50", 1200.5),
        ("500 USD", 500.0),
        (" $ 75 ", 75.0),
    ],
)
def test_money_forms(typed, amount):
    assert money_amount(typed) == amount


@pytest.mark.parametrize("typed", ["lots", "1,20", "$", "-5", "12.345"])
def test_not_money(typed):
    with pytest.raises(ValueError) as exc:
        money_amount(typed)
    assert str(exc.value) == f"{typed!r} is not an amount of dollars (e.g. 500, $500, 1,200 or 500.00)"


def test_budget_takes_dollars(run, run_json):
    assert run_json("recommend", "--budget", "$500", "--json") == run_json("recommend", "--budget", "500", "--json")
    r = run("recommend", "--budget", "lots")
    assert r.exit_code == 2
    assert r.stderr == "certplan: --budget 'lots' is not an amount of dollars (e.g. 500, $500, 1,200 or 500.00)\n"


# --------------------------------------------------------------------------- words of the output


def test_counts_and_articles():
    from certplan.output.words import count, with_article

    assert [count(1, "credential"), count(2, "credential"), count(1, "body"), count(3, "body")] == [
        "1 credential",
        "2 credentials",
        "1 body",
        "3 bodies",
    ]
    assert [with_article(w) for w in ("specialty credential", "entry credential", "HIM", "RHIT", "CPC")] == [
        "a specialty credential",
        "an entry credential",
        "an HIM",
        "an RHIT",
        "a CPC",
    ]


def test_list_shows_current_by_default_and_the_rest_with_all(run, run_json):
    current = run_json("list", "--json")
    assert current and {c["status"] for c in current} == {"current"}
    everything = run_json("list", "--all", "--json")
    assert len(everything) > len(current) and "retired" in {c["status"] for c in everything}
    assert {c["status"] for c in run_json("list", "--status", "retired", "--json")} == {"retired"}
    one = run("list", "--search", "Certified Risk Adjustment Coder")
    assert one.stdout.startswith("1 credential (current)\n")


def test_list_search_finds_what_the_catalog_says_about_remote_work(run_json):
    codes = [c["code"] for c in run_json("list", "--search", "remote", "--json")]
    assert {"CRC", "RHIT"} <= set(codes)


def test_recommend_remote_says_where_the_signal_is(run):
    r = run("recommend", "--setting", "remote", "--education", "high-school", "--experience", "0", "--top", "3")
    assert r.exit_code == 0, r.stderr
    assert (
        "certplan: remote work: a source ties CRC, RHIT to remote work (see their notes in 'certplan show'); "
        "CMSS lists remote as a setting without a source saying so; for every other credential the catalog "
        "has no sourced signal either way (not a 'no').\n"
    ) in r.stderr


def test_bodies_say_what_each_fee_is(run):
    r = run("bodies", "AAPC", "--format", "csv")
    line = next(x for x in r.stdout.splitlines() if x.startswith("body,Recertification fees"))
    assert "$50 CEU extension fee" in line and "(anyone)" not in line


def test_plan_ics_dash_writes_the_calendar_to_stdout(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = run("plan", "CPC", "--weeks", "12", "--ics", "-")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith("BEGIN:VCALENDAR")
    assert not (tmp_path / "-").exists()
    assert "certplan: wrote" in r.stderr and "calendar events to standard output" in r.stderr


def test_plan_cost_total_has_no_internal_ids(run):
    out = run("plan", "CPC", env={"COLUMNS": "80"}).stdout
    total = out.split("Total: ")[1].split("\n\n")[0]
    assert "book-" not in total and "\u2026" not in total
    assert " ".join(total.split()).startswith("unknown: no price found for AMA CPT 2026 Professional Edition")


# --------------------------------------------------------------------------- files and URLs


def test_a_missing_catalog_file_is_no_such_file_exit_2(run, tmp_path):
    missing = tmp_path / "nope.yaml"
    r = run("--catalog", str(missing), "list")
    assert (r.exit_code, r.stderr) == (2, f"certplan: {missing}: no such file\n")
    r = run("catalog", "validate", str(missing))
    assert (r.exit_code, r.stderr) == (2, f"certplan: {missing}: no such file\n")
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\nsources: 3\n")
    assert run("catalog", "validate", str(bad)).exit_code == 3


def test_validate_refuses_tracking_parameters(run, tmp_path):
    text = MINI.read_text().replace("https://example.org/a", "https://example.org/a?utm_source=x&gclid=abc")
    f = tmp_path / "tracked.yaml"
    f.write_text(text)
    r = run("catalog", "validate", str(f))
    assert r.exit_code == 3
    assert r.stderr.splitlines() == [
        f"{f}:3: sources[s1].url: tracking parameters in the URL (utm_source, gclid); store the canonical URL"
        " without them",
        f"{f}: 1 problem",
    ]


def test_tracking_parameters():
    from certplan.catalog.vocab import default_port, tracking_params

    url = "https://x.org/p?a=1&utm_medium=ppc&hsa_cam=6&gclid=C&fbclid=F&msclkid=M&_hsenc=h&mc_cid=c&gbraid=g"
    assert tracking_params(url) == ["utm_medium", "hsa_cam", "gclid", "fbclid", "msclkid", "_hsenc", "mc_cid", "gbraid"]
    assert tracking_params("https://acdis.org/faq/208?category=66") == []
    assert default_port("https://www.aapc.com:443/x") == ":443" and default_port("https://www.aapc.com/x") is None


def test_the_shipped_catalog_has_canonical_urls(catalog):
    from certplan.catalog.vocab import default_port, tracking_params

    assert [s.url for s in catalog.sources if tracking_params(s.url) or default_port(s.url)] == []


def test_show_cites_facts_with_marks_and_lists_sources_once(run):
    out = run("show", "CPC", env={"COLUMNS": "80"}).stdout
    body, sources = out.split("\nSources:\n")
    assert "http" not in body  # no URL inside the card
    assert "  Questions        100 [" in body
    assert "  [1] official, tier 1, checked 2026-11-27:\n      https://www.aapc.com/certification/cpc/\n" in sources
    assert "utm_" not in out and "gclid" not in out
    urls = [ln.strip() for ln in sources.splitlines() if "http" in ln]
    assert len(urls) == len(set(urls))


def test_eligible_json_keeps_its_shape(run):
    """The table groups shared to-dos; the JSON still gives every credential its own list."""
    d = json.loads(run("eligible", "--experience", "2", "--json").stdout)
    assert {"code", "name", "status", "pathway", "missing", "to_do", "months_until_eligible"} <= set(d[0])
    aapc = [r for r in d if "join AAPC (membership is required to register)" in r["to_do"]]
    assert len(aapc) >= 17
