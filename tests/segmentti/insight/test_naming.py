"""Segment names in a marketer's words: column labels, trait phrases and one distinct name per segment."""

from __future__ import annotations

import pandas as pd
import pytest

from segmentti.insight.naming import column_kind, column_label, describe_phrase, suggest_names
from segmentti.insight.profiling import Trait


@pytest.mark.parametrize(
    ("name", "english", "finnish"),
    [
        ("MntWines", "Spend on wines", "Ostot: wines"),
        ("NumWebPurchases", "Web purchases", "Web purchases"),
        ("interest_sport", "Interest sport", "Interest sport"),
        ("recency_days", "Days since last purchase", "Päiviä viime ostosta"),
        ("Education", "Education", "Koulutus"),
        ("Year_Birth", "Birth year", "Syntymävuosi"),
        ("AcceptedCmp3", "Accepted campaign 3", "Accepted campaign 3"),
        ("category_share_Fishing", "Share of spend on Fishing", "Fishing: osuus ostoista"),
        ("Annual Income (k$)", "Annual Income (k$)", "Annual Income (k$)"),  # already written for people
        ("education_PhD_level", "Education PhD level", "Education PhD level"),  # acronyms keep their case
    ],
)
def test_column_labels_read_like_words_in_both_languages(name: str, english: str, finnish: str) -> None:
    assert column_label(name, "en") == english
    assert column_label(name, "fi") == finnish


def test_the_users_label_wins_and_a_blank_one_is_ignored() -> None:
    assert column_label("MntWines", "en", {"MntWines": "Wine spend"}) == "Wine spend"
    assert column_label("MntWines", "en", {"MntWines": "  "}) == "Spend on wines"


def test_column_kinds_from_headers_and_values() -> None:
    numbers = pd.Series([1.0, 5.0, 30.0])
    assert column_kind("recency_days", numbers) == "recency"
    assert column_kind("orders", numbers) == "frequency"
    assert column_kind("total_spend", numbers) == "spend"
    assert column_kind("avg_order_value", numbers) == "basket"
    assert column_kind("category_share_Sport", numbers) == "category_share"
    assert column_kind("channel_share_webshop", numbers) == "channel_share"
    assert column_kind("NumWebPurchases", numbers) == "channel_count"
    assert column_kind("Complain", pd.Series([0, 1, 0])) == "complaint"
    assert column_kind("AcceptedCmp3", pd.Series([0, 1, 0])) == "response"
    assert column_kind("Year_Birth", pd.Series([1950, 1970, 1990])) == "birth_year"
    assert column_kind("Genre", pd.Series(["Male", "Female"])) == "gender"
    assert column_kind("sukupuoli", pd.Series(["nainen", "mies"])) == "gender"
    assert column_kind("region", pd.Series(["Uusimaa", "Pirkanmaa"])) == "place"
    assert column_kind("newsletter", pd.Series(["kyllä", "ei"])) == "flag"
    assert column_kind("Education", pd.Series(["PhD", "Master"])) == "level"
    assert column_kind("Income", numbers) == "number"


def _trait(column: str, difference: float, kind: str, level: str | None = None, **extra: float) -> Trait:
    return Trait(column, level, extra.pop("segment_value", 0.0), 0.0, difference, kind, **extra)


@pytest.mark.parametrize(
    ("trait", "english", "finnish"),
    [
        (_trait("recency_days", -1.0, "recency"), "recent buyers", "äskettäin ostaneet"),
        (_trait("recency_days", 1.0, "recency"), "lapsed buyers", "hiljentyneet ostajat"),
        (_trait("orders", 1.0, "frequency"), "frequent buyers", "usein ostavat"),
        (_trait("orders", -1.0, "frequency", low=1.0, high=1.0), "one-time buyers", "kertaostajat"),
        (_trait("orders", -1.0, "frequency", low=1.0, high=3.0), "occasional buyers", "harvoin ostavat"),
        (_trait("total_spend", 1.0, "spend"), "high spenders", "paljon ostavat"),
        (_trait("avg_order_value", -1.0, "basket"), "small baskets", "pienet keskiostokset"),
        (_trait("age", -1.0, "age", low=33.0, high=38.0), "30–40-year-olds", "30–40-vuotiaat"),
        (_trait("Year_Birth", 1.0, "birth_year", low=1981.0, high=1989.0), "born 1980–1990", "syntyneet 1980–1990"),
        (_trait("gender", 1.0, "gender", "Female"), "women", "naiset"),
        (_trait("region", 1.0, "place", "Uusimaa"), "Uusimaa", "Uusimaa"),
        (_trait("Region", 1.0, "place", "3"), "Region: 3", "Alue: 3"),  # a code is not a place name
        (_trait("category_share_Sport", 1.0, "category_share"), "often buys Sport", "ostaa usein tuoteryhmää Sport"),
        (_trait("channel_share_webshop", 1.0, "channel_share"), "web shoppers", "verkko-ostajat"),
        (_trait("preferred_channel", 1.0, "channel", "myymälä"), "store shoppers", "myymäläostajat"),
        (_trait("Complain", 1.0, "complaint"), "has complained", "on reklamoinut"),
        (_trait("Response", 1.0, "response", "yes"), "answered a campaign", "vastasi kampanjaan"),
        (_trait("Education", 1.0, "level", "PhD"), "Education: PhD", "Koulutus: PhD"),
        (_trait("newsletter_consent", 1.0, "flag", "no"), "Newsletter consent: no", "Uutiskirjelupa: ei"),
        (_trait("MntWines", 1.0, "number", low=10.0, high=104.0), "Spend on wines 10–100", "Ostot: wines 10–100"),
    ],
)
def test_traits_become_short_phrases(trait: Trait, english: str, finnish: str) -> None:
    assert describe_phrase(trait, "en") == english
    assert describe_phrase(trait, "fi") == finnish


def test_the_largest_category_is_bought_mostly() -> None:
    sport = _trait("category_share_Sport", 1.0, "category_share", segment_value=0.6)
    home = _trait("category_share_Home", 0.8, "category_share", segment_value=0.3)
    assert suggest_names([[sport, home]], [0.2], "en") == ["buys mostly Sport · often buys Home"]
    assert suggest_names([[sport, home]], [0.2], "fi") == [
        "ostaa eniten tuoteryhmää Sport · ostaa usein tuoteryhmää Home"
    ]


def test_at_most_three_traits_from_the_threshold_one_per_column() -> None:
    traits = [
        _trait("recency_days", -2.0, "recency"),
        _trait("gender", 1.5, "gender", "female", segment_value=0.8),
        _trait("gender", 1.4, "gender", "f", segment_value=0.8),  # the same column again: skipped
        _trait("total_spend", 1.0, "spend"),
        _trait("orders", 0.9, "frequency"),
        _trait("age", 0.1, "age", low=30.0, high=40.0),
    ]
    assert suggest_names([traits], [0.1], "en") == ["recent buyers · women · high spenders"]


def test_a_large_segment_is_measured_against_the_rest_not_called_close_to_average() -> None:
    """73 % of the customers 0.3 below the mean of all lie 1.1 below the other 27 %: clearly below, say so."""
    traits = [_trait("total_spend", -0.3, "spend"), _trait("recency_days", 0.1, "recency")]
    assert suggest_names([traits], [0.73], "en") == ["low spenders"]
    assert suggest_names([traits], [0.05], "fi") == ["lähellä keskiarvoa"]  # a small segment 0.3 off is average


def test_two_segments_never_share_a_name_the_next_trait_tells_them_apart() -> None:
    first = [_trait("total_spend", 2.0, "spend"), _trait("gender", 0.3, "gender", "female", segment_value=0.6)]
    second = [_trait("total_spend", 1.5, "spend"), _trait("region", 0.2, "place", "Uusimaa", segment_value=0.5)]
    third = [_trait("total_spend", -1.0, "spend")]
    names = suggest_names([first, second, third], [0.3, 0.3, 0.4], "en")
    assert names == ["high spenders · women", "high spenders · Uusimaa", "low spenders"]
    alike = [_trait("x", 0.1, "number", low=1.0, high=2.0)], [_trait("x", 0.1, "number", low=1.0, high=3.0)]
    assert suggest_names(alike, [0.5, 0.5], "en") == ["X 1–2", "X 1–3"]  # even "close to average" twice is told apart
    same = [_trait("x", 0.1, "number", low=1.0, high=2.0)]
    assert suggest_names([same, same], [0.5, 0.5], "en") == ["X 1–2", "X 1–2 (2)"]  # the very same traits: last resort
    # the same three traits in another order say the same: each takes its next trait
    spend, orders, items = (
        _trait("total_spend", 1.4, "spend"),
        _trait("orders", 1.3, "frequency"),
        _trait("lines", 1.2, "number", low=5.0, high=9.0),
    )
    shared = [_trait("recency_days", -1.0, "recency"), _trait("mean_days_between_orders", -1.0, "interval")]
    big = [spend, orders, items, *shared, _trait("avg_order_value", 0.5, "basket")]
    loyal = [items, orders, spend, *shared, _trait("tenure_days", 0.5, "tenure")]
    named = suggest_names([big, loyal], [0.1, 0.1], "en")
    assert named == [  # not the two traits both share: the one each has alone
        "high spenders · frequent buyers · Order lines 5–9 · big baskets",
        "Order lines 5–9 · frequent buyers · high spenders · long-time customers",
    ]


def test_bands_read_easily_big_negative_and_small_figures() -> None:
    revenue = _trait("revenue_eur", 1.0, "number", low=123_456_789.0, high=261_000_000.0)
    assert describe_phrase(revenue, "en") == "Revenue (€) 120M–260M"
    assert describe_phrase(revenue, "fi") == "Liikevaihto (€) 120\u00a0milj.–260\u00a0milj."
    score = _trait("score", -1.0, "number", low=-2.44, high=-0.8)
    assert describe_phrase(score, "fi") == "Score \u22122,4 – \u22120,8"
    gaps = _trait("mean_days_between_orders", 1.0, "interval")
    assert describe_phrase(gaps, "fi") == "pitkät ostovälit"
    assert column_kind("mean_days_between_orders", pd.Series([10.0, 30.0])) == "interval"


def test_a_code_and_its_description_are_named_once() -> None:
    code = Trait("industry_code", "J", 0.9, 0.2, 1.7, "level")
    industry = Trait("industry", "ICT", 0.9, 0.2, 1.7, "level")
    region = Trait("region", "Uusimaa", 0.6, 0.3, 0.9, "place")
    assert suggest_names([[code, industry, region]], [0.2], "en") == ["Industry: ICT · Uusimaa"]


def test_one_time_buyers_are_not_named_by_their_stand_in_gap_between_orders() -> None:
    # a one-order customer has no gap between orders: the value the features give them is a stand-in
    gap = _trait("mean_days_between_orders", 2.0, "interval", low=300.0, high=373.0)
    once = _trait("orders", -1.2, "frequency", low=1.0, high=1.0)
    spend = _trait("total_spend", -0.9, "spend")
    assert suggest_names([(gap, once, spend)], [0.3], "en") == ["one-time buyers · low spenders"]
    assert suggest_names([(gap, spend)], [0.3], "en") == ["long gaps between orders · low spenders"]


def test_order_lines_read_as_items_bought() -> None:
    assert column_kind("lines", pd.Series([1, 5, 40])) == "lines"
    assert describe_phrase(_trait("lines", 1.1, "lines"), "en") == "buyers of many items"
    assert describe_phrase(_trait("lines", -0.8, "lines"), "fi") == "harvan tuotteen ostajat"


def test_a_category_names_a_segment_only_when_much_of_the_segment_holds_it() -> None:
    # 6 % Swiss against 0.5 % of all is a strong difference, but the segment is not "Switzerland"
    swiss = Trait("Country", "Switzerland", 0.06, 0.005, 0.8, "place")
    british = Trait("Country", "United Kingdom", 0.43, 0.90, -1.6, "place")
    spend = _trait("total_spend", 1.2, "spend")
    assert suggest_names([(british, swiss, spend)], [0.06], "en") == ["outside United Kingdom · high spenders"]
    assert suggest_names([(swiss, spend)], [0.06], "fi") == ["paljon ostavat"]
    teachers = Trait("occupation", "teacher", 0.55, 0.15, 1.1, "level")
    fewer = Trait("occupation", "retired", 0.01, 0.2, -0.6, "level")
    assert suggest_names([(teachers, fewer)], [0.3], "en") == ["Occupation: teacher"]
