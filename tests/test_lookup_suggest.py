"""Suggestions for a mistyped code: equal similarity is broken by the shared beginning."""

from certplan.core.lookup import suggest


def test_ties_prefer_the_code_that_starts_the_same():
    # difflib rates CPX as close to SCP as to CPC and CPB; a person who typed CPX meant a CP... code.
    assert suggest("CPX", ["SCP", "CPC", "CPB"]) == ["CPC", "CPB", "SCP"]


def test_more_similar_still_wins_over_a_shared_beginning():
    assert suggest("CRCSI", ["CRC", "CRCS-I"])[0] == "CRCS-I"


def test_at_most_three():
    assert len(suggest("CC", ["CCA", "CCC", "CCS", "CCT", "CCP-P"])) == 3
