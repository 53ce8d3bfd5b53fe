"""jsonfast.dumps_indented is json.dumps(indent=2, sort_keys=True, ensure_ascii=False), byte for byte."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from certplan.jsonfast import dumps_indented

leaves = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text())
trees = st.recursive(
    leaves, lambda ch: st.one_of(st.lists(ch, max_size=4), st.dictionaries(st.text(max_size=5), ch, max_size=4)),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(trees)
def test_same_text_as_json_dumps(obj):
    assert dumps_indented(obj) == json.dumps(obj, indent=2, sort_keys=True, ensure_ascii=False)


def test_odd_inputs_fall_back_to_json():
    for obj in ({1: "a"}, (1, 2), {"a": (1, [])}):
        assert dumps_indented(obj) == json.dumps(obj, indent=2, sort_keys=True, ensure_ascii=False)
