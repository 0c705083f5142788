"""What the order-line columns are and which per-customer columns are built from them: names only, no pandas.

The in-memory path (:mod:`segmentti.data.orders`) and the SQL definition
(:mod:`segmentti.data.customer_sql`) both read these; the SQL path imports no pandas, so a
``features`` run on DuckDB starts without it.
"""

from __future__ import annotations

from dataclasses import dataclass

TOP_CATEGORIES = 10
"""Categories with their own share column; the rest are summed into ``category_share_other``."""
TOP_CHANNELS = 10
"""Channels with their own share column; the rest go to ``channel_share_other``."""

FEATURE_COLUMNS: tuple[str, ...] = (
    "first_purchase",
    "last_purchase",
    "recency_days",
    "orders",
    "lines",
    "total_spend",
    "gross_spend",
    "avg_order_value",
    "mean_days_between_orders",
    "tenure_days",
    "returns",
    "returns_value",
)
"""The per-customer columns always built, after the customer id; share columns and customer attributes follow."""

MONEY_DECIMALS = 6
"""Spend sums are rounded to this many decimals (float noise, not money)."""

ATTRIBUTE_CONSTANCY = 0.95
"""A column of the order lines is a customer attribute when it holds one value for at least this share of the
customers with two or more lines (a country, a city, a customer type)."""


@dataclass(frozen=True)
class OrderMapping:
    """Which columns of an order-line table hold what.

    Attributes
    ----------
    customer : str
        The customer id.
    date : str
        The order date (or date and time).
    amount : str, optional
        The line's amount; without it, ``quantity`` × ``price``.
    quantity, price : str, optional
        Quantity and unit price, multiplied when there is no ``amount``.
    category, channel, order : str, optional
        Product category, sales channel and order (invoice) id.
    """

    customer: str
    date: str
    amount: str | None = None
    quantity: str | None = None
    price: str | None = None
    category: str | None = None
    channel: str | None = None
    order: str | None = None

    @classmethod
    def chosen(
        cls,
        customer: str,
        date: str,
        amount: str | None,
        quantity: str | None,
        price: str | None,
        category: str | None = None,
        channel: str | None = None,
        order: str | None = None,
    ) -> OrderMapping:
        """A mapping from the user's (or the guess's) picks: an amount column wins over quantity × price."""
        return cls(
            customer,
            date,
            amount=amount,
            quantity=None if amount else quantity,
            price=None if amount else price,
            category=category,
            channel=channel,
            order=order,
        )

    def columns(self) -> list[str]:
        """The mapped columns, without repeats."""
        named = [
            self.customer,
            self.date,
            self.amount,
            self.quantity,
            self.price,
            self.category,
            self.channel,
            self.order,
        ]
        return list(dict.fromkeys(name for name in named if name))
