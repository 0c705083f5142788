"""Arrow's column-at-once CSV text is byte for byte what pandas writes, or it steps aside."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from segmentti.outputs.csv_text import csv_text
from segmentti.outputs.tables import to_csv_bytes

WORDS = np.array(
    ["plain", "with,comma", 'with "quote"', "line\nbreak", "cr\rx", "", "ääkköset", "'=1+1", " spaced "], dtype=object
)


def _pandas(frame: pd.DataFrame) -> str:
    return frame.to_csv(index=False, lineterminator="\n")


def _mixed_table(rows: int) -> pd.DataFrame:
    rng = np.random.default_rng(0)
    floats = rng.normal(size=rows) * 10.0 ** rng.integers(-12, 22, rows)
    floats[::7] = np.round(floats[::7])
    floats[::11] = np.nan
    edge = [0.0, -0.0, np.inf, -np.inf, 1e16, 1e-4, 9.999999999999999e-05, 1e15, 9999999999999998.0, 5e-324, 0.1]
    floats[: len(edge)] = edge
    days = pd.Series(pd.to_datetime(rng.integers(0, 10**9, rows), unit="s").normalize()).astype("datetime64[us]")
    days[::13] = pd.NaT
    times = pd.Series(pd.to_datetime(rng.integers(0, 10**9, rows), unit="s")).astype("datetime64[us]")
    text = pd.Series(WORDS[rng.integers(0, len(WORDS), rows)], dtype="str")
    text[::17] = None
    return pd.DataFrame(
        {
            "id": [f"C{number}" for number in range(rows)],
            "float": floats,
            "money": np.round(rng.uniform(0, 500, rows), 2),
            "int": rng.integers(-(10**12), 10**12, rows),
            "nullable": pd.array(np.where(np.arange(rows) % 5 == 0, None, np.arange(rows)), dtype="Int64"),
            "flag": rng.integers(0, 2, rows).astype(bool),
            "day": days,
            "time": times,
            "text": text,
            "object": pd.Series(WORDS[rng.integers(0, len(WORDS), rows)], dtype=object),
            'na,me "q"': 1.5,
        }
    )


def test_a_table_of_every_covered_kind_is_written_as_pandas_writes_it() -> None:
    frame = _mixed_table(20_000)
    assert csv_text(frame) == _pandas(frame)
    for columns in (["id", "float"], ["id", "day"], ["id", "time"], ["text", "object"], ["id", "nullable"]):
        assert csv_text(frame[columns]) == _pandas(frame[columns]), columns
    assert csv_text(frame.iloc[:0]) == _pandas(frame.iloc[:0])
    twins = pd.DataFrame([[1, "a", 2.5]], columns=["x", "x", "y"])  # two columns may share a name
    assert csv_text(twins) == _pandas(twins)


@settings(max_examples=100, deadline=None)
@given(
    numbers=st.lists(st.floats(allow_nan=True, allow_infinity=True), min_size=1, max_size=20),
    words=st.lists(st.one_of(st.none(), st.text(alphabet=st.characters(blacklist_categories=("Cs",)))), min_size=1),
)
def test_any_floats_and_text_are_written_as_pandas_writes_them(numbers, words) -> None:
    size = min(len(numbers), len(words))
    frame = pd.DataFrame({"x": numbers[:size], "w": pd.Series(words[:size], dtype="str")})
    assert csv_text(frame) == _pandas(frame)


@pytest.mark.parametrize(
    "frame",
    [
        pd.DataFrame({"only": [1.5]}),
        pd.DataFrame({0: [1], 1: [2]}),
        pd.DataFrame({"a": pd.Categorical(["x"]), "b": [1]}),
        pd.DataFrame({"a": pd.to_datetime(["2025-01-01 10:00:00.5"]), "b": [1]}),
        pd.DataFrame({"a": pd.to_datetime(["2025-01-01"]).tz_localize("UTC"), "b": [1]}),
        pd.DataFrame({"a": pd.Series([1, "x"], dtype=object), "b": [1, 2]}),
        pd.DataFrame({"a": pd.array([True, None], dtype="boolean"), "b": [1, 2]}),
    ],
)
def test_other_tables_are_left_to_pandas(frame: pd.DataFrame) -> None:
    assert csv_text(frame) is None
    assert to_csv_bytes(frame) == _pandas(frame).encode("utf-8")


def test_written_files_still_make_formulas_inert() -> None:
    frame = pd.DataFrame({"name": ["=HYPERLINK(1)", "-12,5", "Ann"], "spend": [1.0, 2.5, 3.0]})
    assert to_csv_bytes(frame) == b'name,spend\n\'=HYPERLINK(1),1.0\n"-12,5",2.5\nAnn,3.0\n'
