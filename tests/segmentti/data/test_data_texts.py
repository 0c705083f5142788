"""Texts of data in that the pages look up by computed keys exist in both languages."""

from __future__ import annotations

from segmentti.data.assembly import KINDS
from segmentti.data.columns import Family, Role
from segmentti.data.loading import DATE_ORDERS
from segmentti.data.quality import ACTIONS
from segmentti.texts import TEXTS

PROBLEM_KINDS = (
    "duplicate_rows",
    "duplicate_ids",
    "missing",
    "empty_column",
    "constant_column",
    "invalid_emails",
    "outliers",
    "outliers_low",
    "outliers_high",
    "future_dates",
    "negative_amounts",
)


def test_computed_keys_of_data_in_exist() -> None:
    keys = [f"family.{family.value}" for family in Family]
    keys += [f"role.{role.value}" for role in Role] + [f"why.{role.value}" for role in Role]
    keys += [f"date_order.{order}" for order in DATE_ORDERS] + [f"data.kind_{kind}" for kind in KINDS]
    keys += [f"fix.{action}" for action in (*ACTIONS, "leave")] + [f"step.{action}" for action in ACTIONS]
    keys += [f"problem.{kind}" for kind in PROBLEM_KINDS]
    assert [key for key in keys if key not in TEXTS] == []


def test_every_problem_kind_the_report_can_give_has_a_text() -> None:
    import inspect

    from segmentti.data import quality

    source = inspect.getsource(quality)
    for kind in PROBLEM_KINDS:
        assert f'"{kind}"' in source
