"""Guessing column roles and the default criteria."""

from __future__ import annotations

import pandas as pd

from segmentti.data.columns import Kind, Role, criterion_kinds, describe_columns
from segmentti.data.criteria import suggest_criteria
from segmentti.data.loading import read_file
from segmentti.data.orders import OrderMapping, build_customers
from segmentti.data.samples import SAMPLE_DIR, load_sample


def _roles(frame: pd.DataFrame) -> dict[str, str]:
    return {info.name: info.role.value for info in describe_columns(frame)}


def test_roles_from_finnish_and_english_headers_and_values() -> None:
    frame = pd.DataFrame(
        {
            "asiakasnumero": ["A1", "A2", "A3", "A4"],
            "etunimi": ["Aino", "Eero", "Aino", "Liisa"],
            "Last Name": ["Virtanen", "Korhonen", "Mäkinen", "Nieminen"],
            "yhteys": ["a@x.fi", "b@x.fi", "c@y.com", "d@z.fi"],
            "puhelin": ["040 1", "050 2", "040 3", "044 4"],
            "ikä": [30, 41, 52, 23],
            "sukupuoli": ["nainen", "mies", "nainen", "mies"],
            "maa": ["FI", "FI", "FI", "FI"],
            "tyhjä": [None, None, None, None],
            "liittyi": pd.to_datetime(["2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01"]),
        }
    )
    assert _roles(frame) == {
        "asiakasnumero": "id",
        "etunimi": "first_name",
        "Last Name": "last_name",
        "yhteys": "email",
        "puhelin": "phone",
        "ikä": "numeric",
        "sukupuoli": "categorical",
        "maa": "constant",
        "tyhjä": "empty",
        "liittyi": "date",
    }
    assert suggest_criteria(frame) == ["ikä", "sukupuoli"]


def test_many_distinct_texts_are_free_text_and_unique_texts_are_ids() -> None:
    frame = pd.DataFrame(
        {
            "comment": [f"note {i % 40}" for i in range(100)],
            "code": [f"X{i}" for i in range(100)],
            "segment": ["a", "b"] * 50,
        }
    )
    roles = {info.name: info.role for info in describe_columns(frame)}
    assert roles == {"comment": Role.TEXT, "code": Role.ID, "segment": Role.CATEGORICAL}


def test_sample_b2c_default_criteria_leave_out_ids_contacts_dates_and_free_text() -> None:
    chosen = suggest_criteria(load_sample("b2c_customers").frame)
    for excluded in ("customer_id", "first_name", "last_name", "email", "customer_since", "interests"):
        assert excluded not in chosen
    assert {"age", "gender", "region", "interest_sport", "preferred_channel"} <= set(chosen)


def test_families_match_whole_words_in_finnish_and_english() -> None:
    from segmentti.data.columns import Family, guess_family

    expected = {
        "average_order_value": Family.BEHAVIOURAL,
        "työmatka": Family.BEHAVIOURAL,
        "ikä": Family.DEMOGRAPHIC,
        "CustomerAge": Family.DEMOGRAPHIC,
        "sukupuoli": Family.DEMOGRAPHIC,
        "kunta": Family.GEOGRAPHIC,
        "toimiala": Family.FIRMOGRAPHIC,
        "liikevaihto": Family.FIRMOGRAPHIC,
        "henkilöstö": Family.FIRMOGRAPHIC,
        "income_band": Family.SOCIO_ECONOMIC,
        "ammatti": Family.SOCIO_ECONOMIC,
        "interest_sport": Family.PSYCHOGRAPHIC,
        "recency_days": Family.BEHAVIOURAL,
        "category_share_Kids": Family.BEHAVIOURAL,
        "storage": Family.OTHER,  # "age" inside a word is not age
    }
    assert {name: guess_family(name) for name in expected} == expected
    values = pd.Series(["nainen", "mies", "nainen"])
    assert guess_family("kohde", values) is Family.DEMOGRAPHIC


def test_overrides_change_role_and_family_and_criteria() -> None:
    from segmentti.data.columns import Family

    frame = pd.DataFrame({"asiakasnumero": ["A", "B", "C"], "pisteet": [1, 2, 3], "ryhmä": ["x", "y", "x"]})
    overrides = {
        "pisteet": {"role": "ignore"},
        "ryhmä": {"family": "psychographic"},
        "asiakasnumero": {"role": "numeric"},  # text cannot become numeric: ignored
        "missing": {"role": "id"},
    }
    infos = {info.name: info for info in describe_columns(frame, overrides)}
    assert infos["pisteet"].role is Role.IGNORE and not infos["pisteet"].usable
    assert infos["ryhmä"].family is Family.PSYCHOGRAPHIC
    assert infos["asiakasnumero"].role is Role.ID
    assert suggest_criteria(frame, overrides) == ["ryhmä"]


def test_whole_number_codes_are_categories_and_counts_stay_numbers() -> None:
    from segmentti.data.columns import Measure

    frame = pd.DataFrame(
        {
            "Channel": [1, 2, 2, 1, 2, 1],
            "Region": [1, 2, 3, 3, 1, 2],
            "Fresh": [12669, 7057, 6353, 13265, 22615, 9413],
            "Kidhome": [0, 1, 2, 0, 1, 0],
            "NumStorePurchases": [3, 4, 2, 5, 6, 3],
            "interest_sport": [1, 5, 4, 2, 3, 5],
        }
    )
    infos = {info.name: info for info in describe_columns(frame)}
    assert infos["Channel"].role is Role.CATEGORICAL and infos["Channel"].measure is Measure.CODE
    assert infos["Region"].role is Role.CATEGORICAL
    for name in ("Fresh", "Kidhome", "NumStorePurchases", "interest_sport"):
        assert infos[name].role is Role.NUMERIC, name
    kinds = criterion_kinds(frame)
    assert kinds == {
        "Channel": Kind.CATEGORICAL,
        "Region": Kind.CATEGORICAL,
        "Fresh": Kind.NUMERIC,
        "Kidhome": Kind.NUMERIC,
        "NumStorePurchases": Kind.NUMERIC,
        "interest_sport": Kind.NUMERIC,
    }


def test_the_users_kind_decides_over_the_detected_one() -> None:
    frame = pd.DataFrame({"Channel": [1, 2, 2, 1], "score": [1, 2, 3, 4], "note": ["a", "b", "a", "b"]})
    overrides = {"Channel": {"role": "numeric"}, "score": {"role": "categorical"}, "note": {"role": "numeric"}}
    kinds = criterion_kinds(frame, overrides)
    assert kinds == {"Channel": Kind.NUMERIC, "score": Kind.CATEGORICAL, "note": Kind.CATEGORICAL}


def test_years_are_years_not_money_and_day_month_year_dates_are_dates() -> None:
    from segmentti.data.columns import Measure
    from segmentti.data.loading import load_table

    text = (
        "ID,Year_Birth,Income,Dt_Customer,MntWines\n"
        "5524,1957,58138,04-09-2012,635\n"
        "2174,1954,46344,08-03-2014,11\n"
        "4141,1965,71613,21-08-2013,426\n"
        "6182,1984,26646,10-02-2014,11\n"
    )
    table = load_table(text.encode(), "marketing_campaign.csv")
    assert pd.api.types.is_datetime64_any_dtype(table.frame["Dt_Customer"])
    assert table.frame["Dt_Customer"].iloc[2] == pd.Timestamp("2013-08-21")
    assert dict(table.date_formats)["Dt_Customer"] == "%d-%m-%Y"
    infos = {info.name: info for info in describe_columns(table.frame)}
    assert infos["Year_Birth"].role is Role.NUMERIC and infos["Year_Birth"].measure is Measure.YEAR
    assert infos["Income"].measure is Measure.MONEY and infos["MntWines"].measure is Measure.MONEY
    assert infos["Dt_Customer"].role is Role.DATE


def test_the_column_kind_decides_how_a_criterion_enters_the_clustering() -> None:
    from segmentti.engine.features import build_features

    frame = pd.DataFrame({"Channel": [1, 2, 2, 1, 2, 1], "Milk": [9656.0, 9810, 8808, 1196, 5410, 8259]})
    features = build_features(frame, ["Channel", "Milk"], log_skewed=False)
    assert features.categorical == ("Channel",) and features.numeric == ("Milk",)
    assert set(features.feature_names) == {"Channel_1", "Channel_2", "Milk"}
    by_hand = build_features(frame, ["Channel", "Milk"], log_skewed=False, overrides={"Channel": {"role": "numeric"}})
    assert by_hand.numeric == ("Channel", "Milk") and by_hand.categorical == ()


def test_a_country_with_a_long_tail_of_rare_values_is_a_category() -> None:
    countries = ["United Kingdom"] * 900 + ["Germany"] * 40 + ["France"] * 30 + [f"Country {i}" for i in range(30)]
    frame = pd.DataFrame({"Country": countries, "comment": [f"note {i % 60}" for i in range(1000)]})
    roles = {info.name: info.role for info in describe_columns(frame)}
    assert roles == {"Country": Role.CATEGORICAL, "comment": Role.TEXT}


def test_campaign_export_default_criteria_leave_out_outcomes_and_flags_and_mix_buying_with_background() -> None:
    from campaign_shapes import campaign_export

    from segmentti.data.criteria import MAX_DEFAULT_CRITERIA, criteria_suggestion, is_outcome

    frame = campaign_export()
    suggestion = criteria_suggestion(frame)
    chosen = suggest_criteria(frame)
    assert chosen == list(suggestion.chosen)
    assert len(chosen) == MAX_DEFAULT_CRITERIA < len(frame.columns)
    for outcome in (
        "AcceptedCmp1",
        "AcceptedCmp2",
        "AcceptedCmp3",
        "AcceptedCmp4",
        "AcceptedCmp5",
        "Complain",
        "Response",
    ):
        assert outcome not in chosen and outcome in suggestion.outcomes
    for never in ("ID", "Dt_Customer", "Z_CostContact", "Z_Revenue"):
        assert never not in chosen
    # families take turns: buying (recency, the main spend line and the main purchase channel) and background
    assert chosen == [
        "Year_Birth",
        "Education",
        "Marital_Status",
        "Income",
        "Recency",
        "MntWines",
        "MntMeatProducts",
        "NumStorePurchases",
    ]
    assert set(suggestion.beyond_limit) >= {"Kidhome", "MntFruits", "NumWebPurchases"}
    families = {info.name: info.family.value for info in describe_columns(frame)}
    assert families["Kidhome"] == families["Teenhome"] == "demographic"  # children at home: who they are
    assert families["MntWines"] == families["NumDealsPurchases"] == "behavioural"  # amounts spent, deals
    assert is_outcome("vastasi_kampanjaan") and is_outcome("is_churned") and is_outcome("converted")
    assert not is_outcome("NumWebPurchases") and not is_outcome("campaign_channel")


def test_near_constant_flags_are_not_default_criteria() -> None:
    from segmentti.data.criteria import criteria_suggestion

    rows = 1000
    frame = pd.DataFrame(
        {
            "age": [20 + i % 50 for i in range(rows)],
            "vip": [1 if i < 25 else 0 for i in range(rows)],  # 2.5 % ones
            "segment": ["a"] * 975 + ["b"] * 25,  # one value holds 97.5 %
            "member": [1 if i % 10 == 0 else 0 for i in range(rows)],  # 10 % ones: kept
        }
    )
    suggestion = criteria_suggestion(frame)
    assert suggestion.chosen == ("age", "member")
    assert suggestion.near_constant == ("vip", "segment")


def test_a_value_per_row_is_not_near_constant_but_a_mostly_empty_column_is() -> None:
    from segmentti.data.criteria import criteria_suggestion

    rows = 1000
    frame = pd.DataFrame(
        {
            "spend": [10.0 + i * 0.37 for i in range(rows)],  # every row its own value
            "visits": [1 + i % 7 for i in range(rows)],
            "discount": [0.5 + i if i < 20 else None for i in range(rows)],  # distinct where filled, 98 % empty
        }
    )
    suggestion = criteria_suggestion(frame)
    assert suggestion.chosen == ("spend", "visits")
    assert suggestion.near_constant == ("discount",)


def test_wholesale_default_criteria_drop_a_near_duplicate_and_keep_codes_as_categories() -> None:
    from campaign_shapes import wholesale_table

    from segmentti.data.criteria import criteria_suggestion

    frame = wholesale_table()
    suggestion = criteria_suggestion(frame)
    assert suggestion.duplicates == (("Detergents_Paper", "Grocery"),)
    assert suggestion.chosen == ("Channel", "Region", "Fresh", "Milk", "Grocery", "Frozen", "Delicassen")
    kinds = criterion_kinds(frame[list(suggestion.chosen)])
    assert kinds["Channel"] is Kind.CATEGORICAL and kinds["Region"] is Kind.CATEGORICAL


def test_a_code_and_its_name_are_one_criterion_and_the_name_is_kept() -> None:
    frame = pd.DataFrame(
        {
            "industry_code": ["62", "41", "62", "47", "41", "47"] * 5,
            "industry": ["ICT", "Construction", "ICT", "Retail", "Construction", "Retail"] * 5,
            "employees": [3, 40, 12, 7, 90, 5] * 5,
        }
    )
    assert suggest_criteria(frame) == ["industry", "employees"]


def test_presets_draw_from_their_families_and_an_empty_preset_is_a_clear_error() -> None:
    import pytest
    from campaign_shapes import campaign_export

    from segmentti.data.criteria import Preset, preset_criteria
    from segmentti.errors import SegmenttiError

    frame = campaign_export()
    assert preset_criteria(frame, "who") == [
        "Year_Birth",
        "Education",
        "Marital_Status",
        "Income",
        "Kidhome",
        "Teenhome",
    ]
    how = preset_criteria(frame, Preset.HOW)
    assert how[:3] == ["Recency", "MntWines", "MntMeatProducts"] and len(how) == 8
    assert not {"Response", "AcceptedCmp1", "Complain"} & set(how)
    with pytest.raises(SegmenttiError) as caught:
        preset_criteria(frame, "think")
    assert caught.value.key == "error.preset_empty"
    # the user's families count: a column made psychographic fills "what they think"
    assert preset_criteria(frame, "think", {"Education": {"family": "psychographic"}}) == ["Education"]
    with pytest.raises(SegmenttiError) as caught:
        preset_criteria(frame, "why")
    assert caught.value.key == "error.unknown_preset"


def test_with_order_history_the_default_starts_from_recency_and_spend() -> None:
    # the consumer sample joined with its order lines: stated behaviour (commute, preferred channel)
    # must not crowd out what the orders measured
    customers = load_sample("b2c_customers").frame
    lines = read_file(SAMPLE_DIR / "b2c_orders.csv.gz").frame
    mapping = OrderMapping("customer_id", "order_date", amount="amount_eur", order="order_id")
    joined = customers.merge(build_customers(lines, mapping).frame, on="customer_id", how="left")
    chosen = suggest_criteria(joined)
    assert {"recency_days", "total_spend"} <= set(chosen)
    assert len(chosen) <= 8
