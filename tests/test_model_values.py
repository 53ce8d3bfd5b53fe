"""The models refuse values that make no sense (NaN, infinities, negatives, absurd magnitudes, unreal dates),
with the usual file:line: path: message, on the small fixture catalog."""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from certplan.catalog.loader import CatalogError, load_catalog

MINI = (Path(__file__).parent / "data" / "mini.yaml").read_text()


def problems(tmp_path, text: str) -> tuple[str, list[str]]:
    p = tmp_path / "cat.yaml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogError) as exc:
        load_catalog(p)
    return str(p), exc.value.problems


STUDY = "      study_hours: {value: %s, estimate: true, note: a guess, source: s1}\n"


def with_study_hours(v: str) -> str:
    return MINI.replace("      retake: {value: one retake, source: s1}\n", "      retake: {value: one retake, source: s1}\n" + STUDY % v)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (".nan", "Input should be a finite number"),
        (".inf", "Input should be a finite number"),
        ("-.inf", "Input should be a finite number"),
        ("-500", "Input should be greater than or equal to 0"),
        ("1e12", "Input should be less than or equal to 5000"),
    ],
)
def test_study_hours(tmp_path, value, message):
    p, found = problems(tmp_path, with_study_hours(value))
    assert found == [f"{p}:28: credentials[CPC].exam.study_hours.value: {message}"]


@pytest.mark.parametrize(
    ("old", "new", "line", "path", "message"),
    [
        ("questions: {value: 100", "questions: {value: -5", 19, "exam.questions.value", "Input should be greater than or equal to 1"),
        ("questions: {value: 100", "questions: {value: " + "1" + "0" * 400, 19, "exam.questions.value", "Input should be less than or equal to 2000"),
        ("duration_minutes: {value: 240", "duration_minutes: {value: 0", 20, "exam.duration_minutes.value", "Input should be greater than or equal to 1"),
        ("cycle_years: {value: 2", "cycle_years: {value: 0", 37, "maintenance.cycle_years.value", "Input should be greater than or equal to 1"),
        ("ceus: {value: 36", "ceus: {value: -36", 36, "maintenance.ceus.value", "Input should be greater than or equal to 0"),
        ("{amount: 425,", "{amount: .inf,", 26, "exam.fees[0].amount", "Input should be a finite number"),
        ("{amount: 425,", "{amount: -1,", 26, "exam.fees[0].amount", "Input should be greater than or equal to 0"),
        ("{amount: 425,", "{amount: 1e9,", 26, "exam.fees[0].amount", "Input should be less than or equal to 1000000"),
    ],
)
def test_counts_durations_amounts(tmp_path, old, new, line, path, message):
    p, found = problems(tmp_path, MINI.replace(old, new))
    assert found == [f"{p}:{line}: credentials[CPC].{path}: {message}"]


@pytest.mark.parametrize(
    ("date", "message"),
    [
        ('"2027-02-30"', "Value error, 2027-02-30 is not a real date"),
        ('"2026-13"', "Value error, 2026-13 is not a real date"),
        ('"0000"', "Value error, the year must be from 1900 to 2100"),
    ],
)
def test_source_dates_are_real_days(tmp_path, date, message):
    p, found = problems(tmp_path, MINI.replace('date: "2026-11"', f"date: {date}"))
    assert found == [f"{p}:5: sources[s1].date: {message.removeprefix('Value error, ')}"]


FINITE = st.floats(allow_nan=True, allow_infinity=True) | st.integers(min_value=-(10**30), max_value=10**30)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["questions", "duration_minutes", "ceus", "cycle_years"]), FINITE)
def test_fuzz_catalog_values_never_crash_and_stay_in_range(tmp_path, field, value):
    """Any number in any count either loads within its range or is one located problem."""
    text = str(value) if not isinstance(value, float) else {"nan": ".nan", "inf": ".inf", "-inf": "-.inf"}.get(
        str(value), repr(value)
    )
    old = {"questions": "questions: {value: 100", "duration_minutes": "duration_minutes: {value: 240",
           "ceus": "ceus: {value: 36", "cycle_years": "cycle_years: {value: 2"}[field]
    p = tmp_path / "cat.yaml"
    p.write_text(MINI.replace(old, old.split("value: ")[0] + "value: " + text), encoding="utf-8")
    try:
        cat = load_catalog(p)
    except CatalogError as exc:
        assert len(exc.problems) == 1 and exc.problems[0].startswith(f"{p}:")
        return
    c = cat.credentials[0]
    got = {"questions": c.exam.questions.value, "duration_minutes": c.exam.duration_minutes.value,
           "ceus": c.maintenance.ceus.value, "cycle_years": c.maintenance.cycle_years.value}[field]
    assert 0 <= got <= 5000 and got == got
