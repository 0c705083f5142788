"""Personas: traits, names, typical customer, KPIs, affinity and action rules against hand-computed figures."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from segmentti.data.samples import load_sample
from segmentti.engine.features import build_features
from segmentti.engine.workflow import segment_table
from segmentti.insight.personas import (
    apply_edits,
    build_personas,
    compare_personas,
    describe_trait,
    format_kpi,
    format_money,
    parse_yes_no,
    personas_from_result,
    pilot_advice,
    suggested_segment_names,
)

LABELS = np.array([0, 0, 0, 1, 1, 1])


def _frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "customer_id": ["c1", "c2", "c3", "c4", "c5", "c6"],
            "age": [20.0, 22.0, 24.0, 60.0, 62.0, 64.0],
            "gender": ["f", "f", "m", "m", "m", "m"],
        }
    )


def _values(frame: pd.DataFrame) -> np.ndarray:
    age = frame["age"].to_numpy()
    return ((age - age.mean()) / age.std())[:, None]


def test_numeric_and_categorical_traits_match_hand_computed_figures() -> None:
    frame = _frame()
    first, second = build_personas(frame, LABELS, _values(frame), None, ("age", "gender"), "en")
    sd = np.sqrt((22**2 + 20**2 + 18**2 + 18**2 + 20**2 + 22**2) / 6)  # population sd around the mean 42
    age = next(trait for trait in first.traits if trait.column == "age")
    assert age.segment_value == 22.0 and age.overall_value == 42.0  # medians: (24 + 60) / 2 overall
    assert age.difference == pytest.approx((22 - 42) / sd)
    assert (age.low, age.high) == (21.0, 23.0)  # quartiles of 20, 22, 24
    female = next(trait for trait in first.traits if trait.column == "gender")
    assert female.level == "f" and female.segment_value == pytest.approx(2 / 3)
    assert female.overall_value == pytest.approx(1 / 3) and female.lift == pytest.approx(2.0)
    assert female.difference == pytest.approx((2 / 3 - 1 / 3) / np.sqrt(1 / 3 * 2 / 3))
    assert [trait.column for trait in first.traits] == ["age", "gender"]  # |−1.04| ranks above 0.71
    male = next(trait for trait in second.traits if trait.column == "gender")
    assert male.level == "m" and male.lift == pytest.approx(1.5)
    assert not any(trait.level == "f" for trait in second.traits)  # under-represented levels are not traits
    assert first.name == first.suggested_name == "20–25-year-olds · women"
    assert second.name == "60–65-year-olds · men"
    assert (first.size, first.share, second.share) == (3, 0.5, 0.5)
    assert describe_trait(age, "en") == (
        "Age: median 22 (all customers 42), half of the segment between 21 and 23; "
        "much lower than average (1 × the standard deviation)."
    )
    assert (
        describe_trait(female, "fi") == "Sukupuoli = f: 67\u00a0% segmentistä (kaikista 33\u00a0%), 2 kertaa yleisempi."
    )


def test_typical_customer_is_the_one_nearest_the_centre() -> None:
    frame = _frame()
    values = _values(frame)
    first, second = build_personas(frame, LABELS, values, None, ("age",), "en")
    assert first.typical_row == 1 and second.typical_row == 4
    assert first.typical == (("customer_id", "c2"), ("age", "22"))
    centers = np.array([[values[0, 0]], [values[5, 0]]])  # given centres win over the members' mean
    first, second = build_personas(frame, LABELS, values, centers, ("age",), "en")
    assert first.typical_row == 0 and second.typical_row == 5


def _orders_frame() -> pd.DataFrame:
    frame = _frame()
    frame["orders"] = [1, 1, 2, 8, 10, 12]
    frame["total_spend"] = [50.0, 30.0, 20.0, 300.0, 400.0, 200.0]
    frame["avg_order_value"] = [50.0, 30.0, 10.0, 37.5, 40.0, 16.0]
    frame["recency_days"] = [10, 20, 30, 200, 300, 400]
    frame["returns"] = [0, 1, 0, 2, 0, 1]
    frame["category_share_Fishing"] = [0.8, 0.6, 0.7, 0.1, 0.0, 0.2]
    frame["category_share_Home"] = [0.2, 0.4, 0.3, 0.9, 1.0, 0.8]
    frame["responded"] = ["yes", "no", "no", "yes", "yes", "kyllä"]
    return frame


def test_kpis_revenue_share_and_category_affinity() -> None:
    frame = _orders_frame()
    first, second = build_personas(frame, LABELS, _values(frame), None, ("age",), "en")
    kpis = {kpi.key: kpi for kpi in first.kpis}
    assert kpis["avg_order_value"].segment_value == pytest.approx(30.0)
    assert kpis["avg_order_value"].overall_value == pytest.approx(183.5 / 6)
    assert kpis["purchase_frequency"].segment_value == pytest.approx(4 / 3)
    assert kpis["recency"].segment_value == 20.0 and kpis["recency"].overall_value == 115.0  # medians
    assert kpis["customer_value"].segment_value == pytest.approx(100 / 3)
    assert kpis["returns"].segment_value == pytest.approx(1 / 3)
    assert kpis["response_rate"].segment_value == pytest.approx(1 / 3)
    assert kpis["response_rate"].overall_value == pytest.approx(4 / 6)
    assert first.revenue_share == pytest.approx(100 / 1000) and second.revenue_share == pytest.approx(0.9)
    assert [item.category for item in first.affinities] == ["Fishing"]
    fishing = first.affinities[0]
    assert fishing.segment_share == pytest.approx(0.7) and fishing.overall_share == pytest.approx(2.4 / 6)
    assert fishing.lift == pytest.approx(0.7 / 0.4)
    assert [item.category for item in second.affinities] == ["Home"]
    fishing_trait = next(trait for trait in first.traits if trait.column == "category_share_Fishing")
    assert fishing_trait.kind == "category_share" and fishing_trait.segment_value == pytest.approx(0.7)  # mean share
    assert describe_trait(fishing_trait, "en") == "Fishing: 70% of the segment's spend (all customers 40%)."


def test_action_rules_fire_on_their_conditions_and_say_why() -> None:
    frame = _orders_frame()
    first, second = build_personas(frame, LABELS, _values(frame), None, ("age",), "en")
    # first: median 1 order, bought 20 days ago (all 115); responded 1 of 3 against 4 of 6
    assert [action.rule for action in first.actions] == [
        "young_adults",
        "first_time_recent",
        "response_low",
        "category_affinity",
    ]
    assert "median age (Age) is 22" in first.actions[0].reason
    assert "response rate is 33.3% (all customers 66.7%)" in first.actions[2].reason
    assert "article" not in " ".join(action.reason for action in first.actions + second.actions)
    # second: recency 300 ≥ 1.5 × 115 and spend 300 ≥ 1.2 × 166.7; 90 % of revenue with 50 % of customers
    assert [action.rule for action in second.actions] == [
        "lapsed_high_value",
        "most_valuable",
        "response_high",
        "category_affinity",
    ]
    assert "300 days (all customers 115)" in second.actions[0].reason
    assert "spent €300 on average (all customers €167)" in second.actions[0].reason
    assert second.actions[1].reason.startswith("The segment brings 90% of the revenue with 50% of the customers")


def test_b2b_consent_and_channel_rules() -> None:
    frame = pd.DataFrame(
        {
            "employees": [5, 6, 7, 500, 600, 700],
            "decision_maker_role": ["CEO", "CEO", "CIO", "procurement", "procurement", "CEO"],
            "preferred_channel": ["phone", "phone", "phone", "webshop", "webshop", "phone"],
            "marketing_consent": ["kyllä", "kyllä", "ei", "ei", "ei", "kyllä"],
        }
    )
    values = np.log(frame[["employees"]].to_numpy(dtype=float))
    first, second = build_personas(frame, LABELS, values, None, ("employees",), "fi")
    rules = [action.rule for action in first.actions]
    assert rules == ["b2b_decision_makers", "preferred_channel", "email_consent"]
    assert "LinkedIn" in first.actions[0].action and "CEO (67\u00a0%)" in first.actions[0].reason
    assert "puhelin" not in first.actions[1].action and "phone" in first.actions[1].action
    assert [action.rule for action in second.actions] == ["b2b_decision_makers", "preferred_channel"]


def test_edits_replace_names_and_notes_and_blank_keeps_the_suggestion() -> None:
    frame = _frame()
    personas = build_personas(frame, LABELS, _values(frame), None, ("age",), "en")
    edited = apply_edits(personas, {1: {"name": "Young Helsinki women", "notes": "try TikTok"}, 2: {"name": "  "}})
    assert edited[0].name == "Young Helsinki women" and edited[0].notes == "try TikTok"
    assert edited[0].suggested_name == personas[0].suggested_name
    assert edited[1].name == personas[1].suggested_name and edited[1].notes == ""
    table = compare_personas(edited, "en")
    assert table["Name"].tolist() == ["Young Helsinki women", personas[1].name]
    assert table["Size"].tolist() == [3, 3] and table["Share of customers"].tolist() == [0.5, 0.5]


def test_identical_suggested_names_are_made_unique() -> None:
    frame = pd.DataFrame({"x": [1.0, 2.0, 1.0, 2.0]})
    personas = build_personas(frame, np.array([0, 0, 1, 1]), frame.to_numpy(), None, ("x",), "fi")
    assert [persona.name for persona in personas] == ["lähellä keskiarvoa", "lähellä keskiarvoa (2)"]


def test_yes_no_values_in_both_languages() -> None:
    parsed = parse_yes_no(pd.Series(["Yes", "no", "KYLLÄ", "ei", "1", "0", "true", "maybe", None]))
    assert parsed.tolist()[:7] == [1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0]
    assert parsed.isna().tolist()[7:] == [True, True]


def test_personas_from_a_real_segmentation_cover_every_customer() -> None:
    frame = _orders_frame()
    result = segment_table(frame, ["age", "total_spend"], 2)
    personas = personas_from_result(frame, result, "en", {2: {"name": "Big spenders"}})
    assert sum(persona.size for persona in personas) == 6
    assert personas[1].name == "Big spenders"
    assert all(action.rule != "pilot" for persona in personas for action in persona.actions)  # said once per page
    assert pilot_advice("fi").action.startswith("Kokeile ensin pienellä pilottikampanjalla")


def test_texts_looked_up_by_computed_keys_exist() -> None:
    from segmentti.insight.personas import KPI_COLUMNS
    from segmentti.texts import TEXTS

    rules = [
        "b2b_decision_makers",
        "young_adults",
        "lapsed_high_value",
        "first_time_recent",
        "most_valuable",
        "preferred_channel",
        "category_affinity",
        "email_consent",
        "pilot",
    ]
    keys = [f"kpi.{key}" for key in [*KPI_COLUMNS, "response_rate"]]
    keys += [f"rule.{rule}.{part}" for rule in rules for part in ("action", "reason")]
    keys += [f"persona.strength_{d}{w}" for d in ("much_", "", "slightly_") for w in ("higher", "lower")]
    keys += [f"contacts.reason_{reason}" for reason in ("invalid_email", "no_consent", "duplicate", "control")]
    assert [key for key in keys if key not in TEXTS] == []


def test_whole_number_columns_get_whole_quartiles_in_names() -> None:
    frame = pd.DataFrame({"score": [1, 2, 3, 4, 90, 91, 92, 93], "km": [1.0, 1.5, 2.5, 3.0, 50.0, 51.0, 52.0, 53.5]})
    labels = np.array([0, 0, 0, 0, 1, 1, 1, 1])
    first, _ = build_personas(frame, labels, frame.to_numpy(dtype=float), None, ("score", "km"), "en")
    score = next(trait for trait in first.traits if trait.column == "score")
    km = next(trait for trait in first.traits if trait.column == "km")
    assert (score.low, score.high) == (2.0, 3.0)  # 1.75 and 3.25 rounded: the column holds whole numbers
    assert (km.low, km.high) == (1.375, 2.625)


def test_segments_named_by_their_method_keep_that_name_as_persona() -> None:
    """HDBSCAN's noise segment is a persona named Unassigned, in the user's language."""
    from segmentti.engine.features import build_features
    from segmentti.engine.workflow import segment_features
    from segmentti.insight.personas import personas_from_result

    rng = np.random.default_rng(3)
    blobs = [rng.normal(centre, 0.3, size=(60, 2)) for centre in ((0, 0), (8, 0), (0, 8))]
    noise = np.array([[4.0, 4.0], [12.0, 12.0], [-6.0, 6.0], [10.0, -7.0]])
    frame = pd.DataFrame(np.vstack([*blobs, noise]), columns=["x", "y"])
    features = build_features(frame, ["x", "y"])
    result = segment_features(frame, features, 3, 0, "fi", method="hdbscan")
    unassigned = result.segmentation.unassigned
    assert unassigned is not None
    personas = personas_from_result(frame, result, "fi")
    assert personas[unassigned].name == "Ei segmenttiä" == personas[unassigned].suggested_name
    assert all(persona.name != "Ei segmenttiä" for persona in personas if persona.number - 1 != unassigned)


def _shop(orders: list[int], spend: list[float], recency: list[int], basket: list[float]) -> pd.DataFrame:
    return pd.DataFrame({"orders": orders, "total_spend": spend, "recency_days": recency, "avg_order_value": basket})


def test_upsell_for_frequent_small_baskets_and_reactivation_for_lapsed_ordinary_buyers() -> None:
    frame = _shop(
        orders=[10, 12, 11, 2, 2, 2, 2, 2, 2],
        spend=[200.0, 240.0, 220.0, 150.0, 160.0, 170.0, 150.0, 160.0, 170.0],
        recency=[5, 6, 7, 30, 30, 30, 300, 310, 320],
        basket=[20.0, 20.0, 20.0, 75.0, 80.0, 85.0, 75.0, 80.0, 85.0],
    )
    labels = np.array([0, 0, 0, 1, 1, 1, 2, 2, 2])
    frequent, _, lapsed = build_personas(frame, labels, frame.to_numpy(dtype=float), None, ("orders",), "en")
    # 11 orders a customer against 5; a basket of 20 against 60
    assert "frequent_small_baskets" in [action.rule for action in frequent.actions]
    upsell = next(action for action in frequent.actions if action.rule == "frequent_small_baskets")
    assert (
        "11.0 orders per customer (all customers 5.0)" in upsell.reason and "€20 (all customers €60)" in upsell.reason
    )
    rules = [action.rule for action in lapsed.actions]
    assert "reactivation" in rules and "lapsed_high_value" not in rules  # spend 160 is not above 180 (1.2 × 177)


def test_vip_care_for_the_top_revenue_share() -> None:
    frame = _shop([5, 5, 1, 1, 1, 1], [900.0, 800.0, 50.0, 60.0, 70.0, 80.0], [10] * 6, [180.0, 160.0, 50, 60, 70, 80])
    labels = np.array([0, 0, 1, 1, 1, 1])
    vip, rest = build_personas(frame, labels, frame.to_numpy(dtype=float), None, ("orders",), "fi")
    assert vip.actions[0].rule == "most_valuable" and vip.actions[0].action.startswith("VIP-kohtelu")
    assert "87\u00a0% myynnistä" in vip.actions[0].reason and "33\u00a0% asiakkaista" in vip.actions[0].reason
    assert "most_valuable" not in [action.rule for action in rest.actions]


def test_kpis_carry_the_currency_and_round_the_same_for_every_segment() -> None:
    assert format_kpi("avg_order_value", 1234.56, "fi") == "1\u00a0235\u00a0€"
    assert format_kpi("avg_order_value", 26.2, "en") == "€26"
    assert format_kpi("customer_value", 1234.5, "en", currency="SEK") == "1,234\u00a0SEK"  # 1234.5 rounds to even
    assert (
        format_kpi("purchase_frequency", 2.0, "en") == "2.0" and format_kpi("purchase_frequency", 1.25, "fi") == "1,2"
    )
    assert format_kpi("recency", 114.6, "en") == "115"
    assert format_kpi("response_rate", 0.0833, "fi") == "8,3\u00a0%"
    assert format_kpi("avg_order_value", float("nan")) == "–"
    assert format_money(-5.0, "en", "$") == "-$5"
    frame = _orders_frame()
    first, _ = build_personas(frame, LABELS, _values(frame), None, ("age",), "en", currency="$")
    assert first.currency == "$"


def test_a_persona_without_order_data_is_told_to_lead_with_its_clearest_difference() -> None:
    frame = pd.DataFrame({"income": [20.0, 22.0, 25.0, 60.0, 62.0, 65.0, 61.0, 63.0]})
    labels = np.array([0, 0, 0, 1, 1, 1, 1, 1])
    low, _ = build_personas(frame, labels, frame.to_numpy(), None, ("income",), "en")
    assert [action.rule for action in low.actions] == ["signature"]
    assert low.actions[0].action.endswith("what sets the segment apart: Income 21–24.")
    assert "(median 22, all customers 60.5)" in low.actions[0].reason


def test_a_column_empty_for_the_whole_segment_is_no_trait_of_it() -> None:
    # one-time buyers have no gap between orders: the card must not describe a gap they do not have
    frame = pd.DataFrame(
        {
            "orders": [1, 1, 1, 1, 5, 6, 7, 8],
            "mean_days_between_orders": [np.nan] * 4 + [20.0, 25.0, 30.0, 35.0],
        }
    )
    labels = np.array([0, 0, 0, 0, 1, 1, 1, 1])
    features = build_features(frame, ["orders", "mean_days_between_orders"])
    criteria = ("orders", "mean_days_between_orders")
    personas = build_personas(frame, labels, features.values, None, criteria, "en", features=features)
    assert "mean_days_between_orders" not in [trait.column for trait in personas[0].traits]
    assert "mean_days_between_orders" in [trait.column for trait in personas[1].traits]


@pytest.mark.parametrize("lang", ["en", "fi"])
def test_suggested_segment_names_are_the_personas_names_without_building_them(lang: str) -> None:
    frame = load_sample("b2c_customers").frame.head(1500)
    result = segment_table(frame, None, 4, lang=lang)
    labels = {"age": "Ikä vuosina" if lang == "fi" else "Age in years"}
    personas = personas_from_result(frame, result, lang, column_labels=labels)
    assert suggested_segment_names(result, lang, labels) == [persona.suggested_name for persona in personas]
