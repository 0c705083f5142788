"""Arrow's whole-column casts read a column exactly as the per-value rules do: numbers, ISO dates, and all they refuse."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from segmentti.data import cells
from segmentti.data.loading import LoadOptions, load_table
from tests.conftest import REALDATA, SAMPLE_DIR

COLUMNS = {
    "whole numbers": ["1", "2", "3"],
    "gaps": ["1", None, "3"],
    "decimals": ["1.5", "2", "-3.25"],
    "whole floats": ["1.0", "2.0"],
    "exponents": ["1e5", "2E-3", ".5", "1.", "+4", "-3"],
    "nan is text": ["1", "nan"],
    "inf is text": ["1", "inf", "-Infinity"],
    "zero-padded codes": ["007", "12"],
    "zero-padded decimal": ["0.5", "00.5"],
    "yyyymmdd": ["20240101", "20241231"],
    "not yyyymmdd": ["20241301", "20240101"],
    "eight digits past the dates": ["19000101", "30000000"],
    "spaces": [" 1", "2 "],
    "only spaces": ["  ", "1"],
    "iso dates": ["2024-01-01", "2024-02-29", None],
    "iso minutes": ["2024-01-01 12:00", "2024-01-01T13:30"],
    "iso seconds and dates": ["2024-01-01 12:00:00", "2024-01-01"],
    "hour alone": ["2024-01-01 12", "2024-01-01"],
    "utc offsets": ["2024-01-01T12:00:00Z", "2024-01-01T12:00:00+02:00"],
    "fractions": ["2024-01-01 12:00:00.5"],
    "no such day": ["2024-02-30", "2024-01-01"],
    "text": ["a", "b"],
    "mixed": ["1", "a"],
    "decimal commas": ["1,5", "2,25"],
    "day.month.year": ["31.12.2024", "1.1.2025"],
    "overflow": ["1e400", "1"],
    "negative zero": ["-0", "0"],
    "beyond 2**53": ["9007199254740993", "1"],
    "empty": [None, None],
}


def _both(column: pd.Series, options: LoadOptions, monkeypatch: pytest.MonkeyPatch):
    fast = cells.convert_column(column, options)
    with monkeypatch.context() as patched:
        patched.setattr(cells, "_typed_by_arrow", lambda column, options: None)
        rules = cells.convert_column(column, options)
    return fast, rules


def _assert_same(fast: cells.Converted, rules: cells.Converted) -> None:
    pd.testing.assert_series_equal(fast.values, rules.values)
    assert (fast.comma, fast.date_format, fast.ambiguous) == (rules.comma, rules.date_format, rules.ambiguous)


@pytest.mark.filterwarnings("ignore:invalid value encountered")
@pytest.mark.parametrize("decimal", [None, ".", ","])
@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_every_kind_of_column_reads_as_the_rules_read_it(
    name: str, decimal: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    column = pd.Series(COLUMNS[name], dtype="str")
    _assert_same(*_both(column, LoadOptions(decimal=decimal), monkeypatch))


CELL = st.one_of(
    st.none(),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(-(10**20), 10**20).map(str),
    st.sampled_from(["007", "0.5", "20240101", "2024-01-31", "2024-01-31 08:15", "1e5", " 3", "x", "-0", "+.5"]),
)


@pytest.mark.filterwarnings("ignore:invalid value encountered")
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.lists(CELL, min_size=1, max_size=12))
def test_random_columns_read_as_the_rules_read_them(values, monkeypatch: pytest.MonkeyPatch) -> None:
    _assert_same(*_both(pd.Series(values, dtype="str"), LoadOptions(), monkeypatch))


def test_a_clean_column_is_cast_without_the_per_value_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args):
        raise AssertionError("the per-value rules ran")

    monkeypatch.setattr(cells, "_convert_distinct", refuse)
    numbers = cells.convert_column(pd.Series(["1.5", "2", None] * 3000, dtype="str"), LoadOptions())
    assert numbers.values.dtype == float and numbers.values.iloc[1] == 2.0
    dates = cells.convert_column(pd.Series(["2025-01-31", "2025-02-01"] * 3000, dtype="str"), LoadOptions())
    assert dates.values.iloc[1] == pd.Timestamp("2025-02-01") and dates.date_format == "%Y-%m-%d"


def _files():
    found = sorted(SAMPLE_DIR.glob("*.csv"))
    found += [path for path in (REALDATA / "Mall_Customers.csv", REALDATA / "online_retail.csv.gz") if path.exists()]
    return found


@pytest.mark.parametrize("path", _files(), ids=lambda path: path.name)
def test_whole_files_read_the_same_with_and_without_the_casts(path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = path.read_bytes()
    fast = load_table(data, path.name)
    with monkeypatch.context() as patched:
        patched.setattr(cells, "_typed_by_arrow", lambda column, options: None)
        rules = load_table(data, path.name)
    pd.testing.assert_frame_equal(fast.frame, rules.frame)
    assert (fast.decimal, fast.date_formats, fast.ambiguous_dates) == (
        rules.decimal,
        rules.date_formats,
        rules.ambiguous_dates,
    )
