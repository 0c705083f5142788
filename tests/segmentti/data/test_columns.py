"""Guessing column roles and the default criteria."""

from __future__ import annotations

import pandas as pd

from segmentti.data.columns import Role, describe_columns, suggest_criteria


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
    from segmentti.data.samples import load_sample

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
