"""Rule-based segments: conditions, first match wins, Others, JSON round trip and clear errors."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from segmentti.data.samples import load_sample
from segmentti.engine.features import build_features
from segmentti.engine.rules import (
    Condition,
    Rule,
    assign_rules,
    example_rules,
    rule_sizes,
    rules_from_json,
    rules_to_json,
    rules_to_table,
    table_to_rules,
)
from segmentti.engine.workflow import segment_by_rules
from segmentti.errors import SegmenttiError


def _people() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "age": [35, 38, 45, 70, 31, None],
            "gender": ["female", "Female", "female", "male", "male", "female"],
            "municipality": ["Helsinki", "Espoo", "Helsinki", "Oulu", "Vantaa", "Espoo"],
            "interests": ["sport; reading", "gardening", "gym", "sport", "sport", "sport"],
        }
    )


PERSONA = Rule(
    "urban sporty women",
    (
        Condition("age", "between", (30, 40)),
        Condition("gender", "in", ("female",)),
        Condition("municipality", "in", ("Helsinki", "Espoo", "Vantaa")),
        Condition("interests", "contains", ("sport",)),
    ),
)
SPORTY = Rule("sporty", (Condition("interests", "contains", ("sport", "gym")),))


def test_first_match_wins_and_the_rest_are_others() -> None:
    frame = _people()
    assert assign_rules(frame, [PERSONA, SPORTY]).tolist() == [0, 2, 1, 1, 1, 1]
    assert assign_rules(frame, [SPORTY, PERSONA]).tolist() == [0, 2, 0, 0, 0, 0]  # order matters
    assert rule_sizes(frame, [PERSONA, SPORTY]) == [1, 4, 1]


def test_numeric_conditions_on_text_columns_are_user_errors() -> None:
    with pytest.raises(SegmenttiError) as caught:
        assign_rules(_people(), [Rule("x", (Condition("gender", ">=", (3,)),))])
    assert caught.value.key == "error.rules_not_numeric"
    with pytest.raises(SegmenttiError) as caught:
        assign_rules(_people(), [Rule("x", (Condition("income", "in", ("high",)),))])
    assert caught.value.key == "error.rules_unknown_column"


def test_json_round_trip_and_bad_files() -> None:
    text = rules_to_json([PERSONA, SPORTY])
    assert rules_from_json(text) == (PERSONA, SPORTY)
    assert rules_from_json(text.encode()) == (PERSONA, SPORTY)
    for bad, key in [
        ("not json", "error.rules_bad_json"),
        ('{"rules": 3}', "error.rules_not_a_list"),
        ('{"rules": [{"name": "", "conditions": []}]}', "error.rules_no_name"),
        (
            '{"rules": [{"name": "a", "conditions": [{"column": "age", "operator": "~", "values": [1]}]}]}',
            "error.rules_unknown_operator",
        ),
        (
            '{"rules": [{"name": "a", "conditions": [{"column": "age", "operator": "between", "values": [1]}]}]}',
            "error.rules_value_count",
        ),
    ]:
        with pytest.raises(SegmenttiError) as caught:
            rules_from_json(bad)
        assert caught.value.key == key


def test_flat_table_round_trip_keeps_the_order_and_skips_half_typed_rows() -> None:
    table = rules_to_table([PERSONA, SPORTY])
    assert len(table) == 5 and table["values"].iloc[0] == "30, 40"
    half = pd.concat([table, pd.DataFrame([{"rule": "new", "column": None, "operator": None, "values": None}])])
    assert table_to_rules(half) == (PERSONA, SPORTY)


def test_rules_become_a_segmentation_in_rule_order_with_others_last() -> None:
    frame = load_sample("b2c_customers").frame
    rules = example_rules(frame)
    assert rules and rules[0].name.startswith("Urban sporty women")
    result = segment_by_rules(frame, rules, build_features(frame), "en")
    sizes = rule_sizes(frame, rules)
    assert result.segmentation.method == "rules"
    assert result.segmentation.sizes.tolist() == [size for size in sizes if size]
    assert result.profile.names[-1].endswith(": Others")
    assert result.profile.names[1] == "2: Seniors 65+"
    with pytest.raises(SegmenttiError):
        segment_by_rules(frame, [], build_features(frame), "en")


def test_a_rule_nobody_meets_is_left_out_of_the_segments() -> None:
    frame = _people()
    nobody = Rule("nobody", (Condition("age", ">=", (200,)),))
    result = segment_by_rules(frame, [nobody, SPORTY], build_features(frame, ["age", "gender"]), "fi")
    assert result.profile.names == ["1: sporty", "2: Muut"]
    assert result.segmentation.sizes.tolist() == [5, 1]


@pytest.mark.parametrize(
    ("rule", "finnish", "english"),
    [
        ({"name": " ", "conditions": []}, "Säännöltä 1 puuttuu nimi", "Rule 1 has no name"),
        ({"name": "VIP", "conditions": []}, "Säännöllä VIP ei ole yhtään ehtoa", "The rule VIP has no condition"),
        ({"name": "VIP", "conditions": [{"operator": "in"}]}, "Säännön VIP ehdolta puuttuu sarake", "has no column"),
        (
            {"name": "VIP", "conditions": [{"column": "age", "operator": "~", "values": [1]}]},
            "ehto '~' on tuntematon. Käytä jotakin näistä: between, in",
            "unknown condition '~'. Use one of: between, in",
        ),
        (
            {"name": "VIP", "conditions": [{"column": "age", "operator": "between", "values": [1, 2, 3]}]},
            "ehto between tarvitsee 2 arvoa; annettuja on 3",
            "between of the rule VIP needs 2 values; 3 are given",
        ),
        (
            {"name": "VIP", "conditions": [{"column": "age", "operator": ">=", "values": [1, 2]}]},
            "ehto >= tarvitsee tasan yhden arvon; annettuja on 2",
            "needs exactly one value; 2 are given",
        ),
        (
            {"name": "VIP", "conditions": [{"column": "age", "operator": "in", "values": []}]},
            "ehto in tarvitsee vähintään yhden arvon",
            "in of the rule VIP needs at least one value",
        ),
    ],
)
def test_a_bad_rule_is_explained_in_both_languages(rule: dict, finnish: str, english: str) -> None:
    with pytest.raises(SegmenttiError) as caught:
        rules_from_json(json.dumps({"rules": [rule]}))
    assert finnish in caught.value.message("fi")
    assert english in caught.value.message("en")
    assert english in str(caught.value)
