"""Rule-based segments: an ordered list of named conditions, first match wins, the rest are "Others"."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from segmentti.errors import SegmenttiError

OPERATORS: tuple[str, ...] = ("between", "in", "not_in", "contains", ">=", "<=", "==")
"""Condition operators: ``between`` (two numbers, both ends included), ``in``/``not_in`` (a list of
values), ``contains`` (text holds any of the words, case-insensitive, e.g. a list of interests),
``>=``, ``<=``, ``==`` (one value)."""

_NUMERIC_OPERATORS = {"between", ">=", "<="}


@dataclass(frozen=True)
class Condition:
    """One condition on one column, e.g. ``Condition("age", "between", (30, 40))``."""

    column: str
    operator: str
    values: tuple[str | float, ...]


@dataclass(frozen=True)
class Rule:
    """A named segment: customers meeting every condition (AND)."""

    name: str
    conditions: tuple[Condition, ...]


def match_rule(frame: pd.DataFrame, rule: Rule) -> np.ndarray:
    """Whether each customer meets every condition of ``rule``: boolean array of shape ``(len(frame),)``.

    Empty cells never match.

    Raises
    ------
    SegmenttiError
        For an unknown column, or a numeric condition on a non-numeric column.
    """
    matched = np.ones(len(frame), dtype=bool)
    for condition in rule.conditions:
        matched &= _match(frame, rule, condition)
    return matched


def assign_rules(frame: pd.DataFrame, rules: Sequence[Rule]) -> np.ndarray:
    """The first rule each customer meets, shape ``(len(frame),)``: rule index, or ``len(rules)`` for "Others"."""
    assigned = np.full(len(frame), len(rules), dtype=np.int64)
    open_rows = np.ones(len(frame), dtype=bool)
    for index, rule in enumerate(rules):
        hit = open_rows & match_rule(frame, rule)
        assigned[hit] = index
        open_rows &= ~hit
    return assigned


def rule_sizes(frame: pd.DataFrame, rules: Sequence[Rule]) -> list[int]:
    """Customers per rule (first match wins), then the number left for "Others": length ``len(rules) + 1``."""
    return np.bincount(assign_rules(frame, rules), minlength=len(rules) + 1).tolist()


def rules_to_json(rules: Sequence[Rule]) -> str:
    """The rules as a small JSON document: ``{"rules": [{"name": ..., "conditions": [{"column", "operator", "values"}]}]}``."""
    document = {
        "rules": [
            {
                "name": rule.name,
                "conditions": [
                    {"column": condition.column, "operator": condition.operator, "values": list(condition.values)}
                    for condition in rule.conditions
                ],
            }
            for rule in rules
        ]
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def rules_from_json(text: str | bytes) -> tuple[Rule, ...]:
    """Read rules written by :func:`rules_to_json` (or by hand in the same shape).

    Raises
    ------
    SegmenttiError
        When the text is not JSON of that shape, an operator is unknown or a rule has no
        name or no condition.
    """
    try:
        document = json.loads(text)
    except (ValueError, UnicodeDecodeError) as error:
        raise SegmenttiError("error.rules_bad_json", reason=str(error)) from None
    entries = document.get("rules") if isinstance(document, dict) else document
    if not isinstance(entries, list):
        raise SegmenttiError("error.rules_not_a_list")
    return tuple(_read_rule(number, entry) for number, entry in enumerate(entries, start=1))


def check_rules(rules: Sequence[Rule]) -> None:
    """Raise :class:`SegmenttiError` unless there is at least one rule."""
    if not rules:
        raise SegmenttiError("error.rules_none")


def _read_rule(number: int, entry: object) -> Rule:
    if not isinstance(entry, dict) or not str(entry.get("name", "")).strip():
        raise SegmenttiError("error.rules_no_name", number=number)
    name = str(entry["name"]).strip()
    conditions = entry.get("conditions")
    if not isinstance(conditions, list) or not conditions:
        raise SegmenttiError("error.rules_no_condition", rule=name)
    read = []
    for condition in conditions:
        if not isinstance(condition, dict) or "column" not in condition:
            raise SegmenttiError("error.rules_no_column", rule=name)
        operator = condition.get("operator")
        if operator not in OPERATORS:
            raise SegmenttiError(
                "error.rules_unknown_operator", rule=name, operator=repr(operator), operators=", ".join(OPERATORS)
            )
        values = condition.get("values")
        values = [] if values is None else (values if isinstance(values, list) else [values])
        if operator == "between" and len(values) != 2:
            raise SegmenttiError("error.rules_value_count", rule=name, operator=operator, count=2, given=len(values))
        if operator in {">=", "<=", "=="} and len(values) != 1:
            raise SegmenttiError("error.rules_one_value", rule=name, operator=operator, given=len(values))
        if not values:
            raise SegmenttiError("error.rules_no_values", rule=name, operator=operator)
        read.append(Condition(str(condition["column"]), operator, tuple(values)))
    return Rule(name, tuple(read))


def _match(frame: pd.DataFrame, rule: Rule, condition: Condition) -> np.ndarray:
    if condition.column not in frame.columns:
        raise SegmenttiError("error.rules_unknown_column", rule=rule.name, column=condition.column)
    column = frame[condition.column]
    operator = condition.operator
    if operator in _NUMERIC_OPERATORS:
        numbers = pd.to_numeric(column, errors="coerce") if not pd.api.types.is_bool_dtype(column) else None
        if numbers is None or (numbers.isna() & column.notna()).mean() > 0.5:
            raise SegmenttiError("error.rules_not_numeric", rule=rule.name, operator=operator, column=condition.column)
        try:
            bounds = [float(value) for value in condition.values]
        except (TypeError, ValueError):
            raise SegmenttiError(
                "error.rules_not_numeric", rule=rule.name, operator=operator, column=condition.column
            ) from None
        values = numbers.to_numpy(dtype=float, na_value=np.nan)
        with np.errstate(invalid="ignore"):
            if operator == "between":
                low, high = sorted(bounds)
                return (values >= low) & (values <= high)
            if operator == ">=":
                return values >= bounds[0]
            return values <= bounds[0]
    text = column.astype("str").str.strip().str.casefold().where(column.notna(), None)
    wanted = [str(value).strip().casefold() for value in condition.values]
    if pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column):
        text = column.map(lambda value: None if pd.isna(value) else _number_text(value))
        wanted = [_number_text(value) for value in condition.values]
    filled = column.notna().to_numpy()
    if operator in {"in", "=="}:
        return text.isin(wanted).to_numpy() & filled
    if operator == "not_in":
        return ~text.isin(wanted).to_numpy() & filled
    pattern = "|".join(_escape(word) for word in wanted if word)
    return text.str.contains(pattern, regex=True, na=False).to_numpy(dtype=bool) & filled


def _number_text(value: object) -> str:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return str(value).strip().casefold()
    return str(int(number)) if number.is_integer() else str(number)


def _escape(word: str) -> str:
    return re.escape(word)


TABLE_COLUMNS = ("rule", "column", "operator", "values")
"""Columns of the flat editing table of rules: one row per condition, rows of a rule together."""


def rules_to_table(rules: Sequence[Rule]) -> pd.DataFrame:
    """One row per condition: ``rule`` (name), ``column``, ``operator``, ``values`` (comma-separated text)."""
    rows = [
        (rule.name, condition.column, condition.operator, ", ".join(_value_text(value) for value in condition.values))
        for rule in rules
        for condition in rule.conditions
    ]
    return pd.DataFrame(rows, columns=list(TABLE_COLUMNS)).astype(object)


def table_to_rules(table: pd.DataFrame) -> tuple[Rule, ...]:
    """Rules from the flat table of :func:`rules_to_table`; rows with the same rule name form one rule.

    Rules keep the order in which their names first appear; rows without a name or a
    column are ignored (a row being typed).

    Raises
    ------
    SegmenttiError
        For an unknown operator or the wrong number of values.
    """
    grouped: dict[str, list[dict]] = {}
    for row in table.to_dict("records"):
        name = str(row.get("rule") or "").strip()
        column = row.get("column")
        if not name or column is None or (isinstance(column, float) and np.isnan(column)) or not str(column).strip():
            continue
        text = "" if row.get("values") is None or pd.isna(row.get("values")) else str(row.get("values"))
        values = [_parse_value(part.strip()) for part in text.split(",") if part.strip()]
        grouped.setdefault(name, []).append(
            {"column": str(column), "operator": row.get("operator") or "in", "values": values}
        )
    return tuple(
        _read_rule(number, {"name": name, "conditions": conditions})
        for number, (name, conditions) in enumerate(grouped.items(), start=1)
    )


def example_rules(frame: pd.DataFrame) -> tuple[Rule, ...]:
    """Two worked examples to start from (urban sporty women 30–40, seniors 65+), when ``frame`` has the columns for them (else none)."""
    wanted = {"age", "gender", "municipality", "interests"}
    if not wanted <= set(map(str, frame.columns)):
        return ()
    return (
        Rule(
            "Urban sporty women 30–40",
            (
                Condition("age", "between", (30, 40)),
                Condition("gender", "in", ("female",)),
                Condition("municipality", "in", ("Helsinki", "Espoo", "Vantaa")),
                Condition("interests", "contains", ("sport", "gym", "running")),
            ),
        ),
        Rule("Seniors 65+", (Condition("age", ">=", (65,)),)),
    )


def _parse_value(text: str) -> str | float:
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        return text
    return int(number) if number.is_integer() else number


def _value_text(value: object) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)
