"""output/result.py emit and output/flat.py on small hand-made results (no catalog)."""

import io
import json

import pytest

from certplan.output import flat
from certplan.output.render import Column, OutputContext
from certplan.output.result import Result, emit


def ctx():
    return OutputContext(stdout=io.StringIO(), stderr=io.StringIO(), isatty=False, color=False, width=100)


def test_json_is_the_data_sorted_and_messages_go_to_stderr():
    c = ctx()
    r = Result(data={"b": 1, "a": [1, 2]}, before=["first"], notes=["note"], warnings=["careful"], exit_code=3)
    assert emit(r, "json", c) == 3
    assert json.loads(c.stdout.getvalue()) == {"a": [1, 2], "b": 1}
    assert c.stdout.getvalue().startswith('{\n  "a"')
    assert c.stderr.getvalue() == "certplan: first\ncertplan: note\ncertplan: warning: careful\n"


def test_prepared_json_text_is_written_as_is():
    c = ctx()
    emit(Result(data={"x": 1}, json_text='{"y": 2}'), "json", c)
    assert c.stdout.getvalue() == '{"y": 2}\n'


def test_rows_give_csv_and_markdown_and_a_renderer_wins_for_its_format():
    rows = [{"code": "A", "n": 1}, {"code": "B|C", "n": None}]
    cols = [Column("code", "Code"), Column("n", "N")]
    r = Result(data=rows, rows=lambda: rows, columns=cols, title="Two", render={"table": lambda k: k.stdout.write("T\n")})
    c = ctx()
    emit(r, "csv", c)
    assert c.stdout.getvalue() == "code,n\nA,1\nB|C,\n"
    c = ctx()
    emit(r, "markdown", c)
    assert c.stdout.getvalue() == "## Two\n\n| Code | N |\n|---|---|\n| A | 1 |\n| B\\|C | unknown |\n"
    c = ctx()
    emit(r, "table", c)
    assert c.stdout.getvalue() == "T\n"
    assert r.formats() == {"table", "json", "csv", "markdown"}


def test_a_format_with_no_renderer_is_a_bug_not_empty_output():
    with pytest.raises(ValueError, match="no csv renderer"):
        emit(Result(data={}), "csv", ctx())


def test_cost_rows_keep_unknown_amounts_empty_and_add_the_known_total():
    res = {
        "code": "X",
        "years": 2,
        "basis": "member",
        "lines": [
            {"id": "exam", "label": "exam", "period": "once", "count": 1, "amount": 100.0, "in_total": True,
             "basis": "sourced", "source": "https://example.org/x"},
            {"id": "study", "label": "study", "period": "once", "count": 1, "amount": None, "in_total": True,
             "basis": "unknown", "source": None},
        ],
        "conditional": [{"label": "late fee", "amount": 20.0, "source": None}],
        "unknown_count": 1,
        "total": None,
        "total_known": 100.0,
    }
    rows = flat.cost_rows(res)
    assert [(r["kind"], r["id"], r["amount"]) for r in rows] == [
        ("line", "exam", 100.0),
        ("line", "study", None),
        ("conditional", None, 20.0),
        ("total", "total_known", 100.0),
    ]
    assert rows[-1]["label"] == "total over 2 years, member prices (1 part unknown, not added)"


def test_route_rows_number_steps_within_each_route():
    res = {
        "routes": [
            {"id": "r1", "fastest": True, "cheapest": False, "steps": [
                {"kind": "course", "for": "X", "text": "a", "months": 2, "cost": None, "cumulative_months": 2,
                 "cumulative_cost": 0, "cumulative_months_complete": True, "cumulative_cost_complete": False},
                {"kind": "exam", "for": "X", "text": "b", "months": 0, "cost": 10, "cumulative_months": 2,
                 "cumulative_cost": 10, "cumulative_months_complete": True, "cumulative_cost_complete": False},
            ]},
            {"id": "r2", "fastest": False, "cheapest": True, "steps": [
                {"kind": "exam", "for": "X", "text": "b", "months": 0, "cost": 10, "cumulative_months": 0,
                 "cumulative_cost": 10, "cumulative_months_complete": True, "cumulative_cost_complete": True},
            ]},
        ]
    }
    rows = flat.route_rows(res)
    assert [(r["route"], r["step"], r["complete"]) for r in rows] == [("r1", 1, False), ("r1", 2, False), ("r2", 1, True)]
