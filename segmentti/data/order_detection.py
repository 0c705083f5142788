"""Recognise order lines in a table and guess how their columns map (customer, date, amount …)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from segmentti.data.orders import OrderMapping

_NAME_PATTERNS: dict[str, re.Pattern[str]] = {
    "customer": re.compile(
        r"customer|client|asiakas|buyer|ostaja|member|j[äa]sen|account|tili|^user|k[äa]ytt[äa]j", re.IGNORECASE
    ),
    "date": re.compile(r"date|time|day|p[äa]iv[äa]|pvm|aika|invoicedate|ordered|purchased|ostettu", re.IGNORECASE),
    "amount": re.compile(
        r"amount|summa|total|sales|myynti|revenue|spend|value|arvo|eur|€|sum$|line_?total|rivisumma|hinta_?yht|price_?total",
        re.IGNORECASE,
    ),
    "quantity": re.compile(r"quantity|qty|m[äa][äa]r[äa]|kpl|pcs|units|count$|lukum", re.IGNORECASE),
    "price": re.compile(r"price|hinta|unit|yksikk|[àa]_?hinta|kappalehinta", re.IGNORECASE),
    "order": re.compile(
        r"order_?(id|no|nr|number|numero)|^order$|tilaus|invoice_?(no|id|nr|number)?$|^invoice|lasku|kuitti|receipt|transaction|basket_?id",
        re.IGNORECASE,
    ),
    "category": re.compile(
        r"categor|kategor|tuoteryhm|product_?group|ryhm[äa]|department|osasto|genre|brand|merkki", re.IGNORECASE
    ),
    "channel": re.compile(r"channel|kanava|store_?type|source|l[äa]hde|myym[äa]l[äa]|shop", re.IGNORECASE),
}
_ID_WORDS = re.compile(r"id$|_id|nro|no$|numero|number|tunnus|code|koodi", re.IGNORECASE)


@dataclass(frozen=True)
class OrderGuess:
    """What :func:`guess_order_lines` found.

    Attributes
    ----------
    is_order_lines : bool
        True when the table looks like order lines: a customer id that repeats, a date and an amount
        (or quantity and price).
    mapping : OrderMapping or None
        The columns guessed; ``None`` when no customer id and date were found.
    lines_per_customer : float
        Mean number of rows per customer id (1.0 for a customer table).
    """

    is_order_lines: bool
    mapping: OrderMapping | None
    lines_per_customer: float


def guess_order_lines(frame: pd.DataFrame) -> OrderGuess:
    """Tell whether ``frame`` holds order lines rather than customers, and guess the columns.

    Parameters
    ----------
    frame : pandas.DataFrame
        A loaded table.

    Returns
    -------
    OrderGuess
        ``is_order_lines`` when a customer-id column repeats (on average at least 1.2 rows per
        id) and a date column and an amount (or quantity and price) column exist.
    """
    names = [str(name) for name in frame.columns]
    dates = [name for name in names if pd.api.types.is_datetime64_any_dtype(frame[name])]
    numbers = [
        name
        for name in names
        if pd.api.types.is_numeric_dtype(frame[name]) and not pd.api.types.is_bool_dtype(frame[name])
    ]
    texts = [name for name in names if name not in dates and name not in numbers]

    def pick(kind: str, candidates: list[str], exclude: set[str]) -> str | None:
        for name in candidates:
            if name not in exclude and _NAME_PATTERNS[kind].search(name):
                return name
        return None

    customer = next(
        (name for name in names if _NAME_PATTERNS["customer"].search(name) and _ID_WORDS.search(name)), None
    ) or pick("customer", names, set())
    date = pick("date", dates, set()) or (dates[0] if dates else None)
    if customer is None or date is None:
        return OrderGuess(False, None, 1.0)
    used = {customer, date}
    order = pick("order", names, used)
    used |= {order} if order else set()
    quantity = pick("quantity", numbers, used)
    price = pick("price", numbers, used | ({quantity} if quantity else set()))
    amount_candidates = [name for name in numbers if name not in {quantity, price} | used]
    amount = pick("amount", amount_candidates, set())
    if amount is None and not (quantity and price):
        amount = amount_candidates[0] if amount_candidates and quantity is None else None
    category = pick("category", texts, used)
    channel = pick("channel", texts, used | ({category} if category else set()))
    ids = frame[customer].dropna()
    per_customer = len(ids) / max(int(ids.nunique()), 1)
    has_money = amount is not None or (quantity is not None and price is not None)
    mapping = OrderMapping.chosen(customer, date, amount, quantity, price, category, channel, order)
    return OrderGuess(bool(has_money and per_customer >= 1.2), mapping, per_customer)
