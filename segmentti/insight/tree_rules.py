"""Rules that rebuild a segment with filters: a shallow decision tree per segment, read as at most three conditions."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.tree import DecisionTreeClassifier

from segmentti.engine.metrics import fixed_sample
from segmentti.engine.rules import Condition, Rule, assign_rules, match_rule
from segmentti.insight.naming import column_label
from segmentti.texts import format_number, translate

MAX_CONDITIONS = 3
"""A segment's rule has at most this many conditions: the depth of its tree."""

TREE_SAMPLE = 20_000
"""The trees learn from at most this many customers (a fixed-seed sample); fidelity is measured on everyone."""

MAX_LEVELS = 20
"""A categorical criterion offers its most common levels, at most this many, as conditions."""

_LEAF_SHARE = 0.01
"""A leaf must hold at least this share of the sample: a rule for a handful of customers explains nothing."""


@dataclass(frozen=True)
class SegmentRule:
    """How to find one segment with filters.

    Attributes
    ----------
    number : int
        The segment's number (1-based).
    rule : Rule
        Named as the segment; at most :data:`MAX_CONDITIONS` conditions (AND).
    fidelity : float
        Share of all customers the rule places as the model does (inside the segment or outside it).
    precision : float
        Share of the customers the rule finds who are in the segment.
    recall : float
        Share of the segment's customers the rule finds.
    """

    number: int
    rule: Rule
    fidelity: float
    precision: float
    recall: float


@dataclass(frozen=True)
class SegmentRules:
    """Every segment's rule, and how well the rules together (first match wins) rebuild the segments."""

    rules: tuple[SegmentRule, ...]
    fidelity: float
    """Share of customers the rules in segment order place in the same segment as the model ("Others" counts as wrong)."""

    @property
    def as_rules(self) -> tuple[Rule, ...]:
        """The rules in segment order, for the Rules page and :func:`segmentti.engine.rules.rules_to_json`."""
        return tuple(item.rule for item in self.rules)


def explain_segments(
    frame: pd.DataFrame,
    labels: np.ndarray,
    names: Sequence[str],
    numeric: Sequence[str],
    categorical: Sequence[str],
    *,
    seed: int = 0,
    skip: int | None = None,
) -> SegmentRules:
    """A rule of at most three readable conditions for each segment, from a shallow decision tree.

    For each segment a tree of depth :data:`MAX_CONDITIONS` learns "in the segment or not" from
    the criteria (numbers as they are, empty cells as the median; categories as "is <level>");
    the leaf that finds the segment best (the highest product of precision and recall) gives
    the conditions on its path.

    Parameters
    ----------
    frame : pandas.DataFrame
        The customers, in the order of ``labels``.
    labels : numpy.ndarray
        Shape ``(n,)``: segment 0 … k-1.
    names : sequence of str
        The segments' names (the rules' names).
    numeric, categorical : sequence of str
        The criteria (:class:`segmentti.engine.features.FeatureMatrix`'s).
    seed : int
        Seed of the sample and the trees.
    skip : int, optional
        A segment not to explain (HDBSCAN's unassigned customers).

    Returns
    -------
    SegmentRules
        One rule per explained segment, in segment order; segments nobody is in are left out.
    """
    labels = np.asarray(labels, dtype=np.int64)
    columns, table = _tree_inputs(frame, numeric, categorical)
    sample = fixed_sample(len(frame), TREE_SAMPLE, seed)
    found: list[SegmentRule] = []
    for index, name in enumerate(names):
        member = labels == index
        if index == skip or not member.any() or member.all():
            continue
        conditions = _best_path(table[sample], member[sample], columns, seed)
        rule = _simplest(Rule(str(name), _merge(conditions)), frame.iloc[sample], member[sample])
        matched = match_rule(frame, rule) if rule.conditions else np.ones(len(frame), dtype=bool)
        hits = int((matched & member).sum())
        found.append(
            SegmentRule(
                number=index + 1,
                rule=rule,
                fidelity=float((matched == member).mean()),
                precision=hits / max(int(matched.sum()), 1),
                recall=hits / int(member.sum()),
            )
        )
    usable = [item.rule for item in found if item.rule.conditions]
    fidelity = 0.0
    if usable:
        assigned = assign_rules(frame, usable)
        numbers = np.asarray([item.number - 1 for item in found if item.rule.conditions] + [-1])
        fidelity = float((numbers[assigned] == labels).mean())
    return SegmentRules(tuple(found), fidelity)


def _score(frame: pd.DataFrame, member: np.ndarray, conditions: tuple[Condition, ...]) -> float:
    """Precision × recall of the customers meeting ``conditions`` against the segment's members."""
    matched = match_rule(frame, Rule("", conditions)) if conditions else np.ones(len(frame), dtype=bool)
    hits = int((matched & member).sum())
    return (hits / max(int(matched.sum()), 1)) * (hits / max(int(member.sum()), 1))


def _simplest(rule: Rule, frame: pd.DataFrame, member: np.ndarray) -> Rule:
    """``rule`` without the conditions that do not help: each is dropped while the rule finds the segment as well."""
    conditions = rule.conditions
    best = _score(frame, member, conditions)
    dropped = True
    while dropped and len(conditions) > 1:
        dropped = False
        for position in range(len(conditions)):
            shorter = conditions[:position] + conditions[position + 1 :]
            score = _score(frame, member, shorter)
            if score >= best - 1e-9:
                conditions, best, dropped = shorter, score, True
                break
    return Rule(rule.name, conditions)


@dataclass(frozen=True)
class _Column:
    """One input of the trees: a numeric criterion, or "criterion is level"."""

    criterion: str
    level: str | None = None
    whole: bool = False


def _tree_inputs(
    frame: pd.DataFrame, numeric: Sequence[str], categorical: Sequence[str]
) -> tuple[list[_Column], np.ndarray]:
    columns: list[_Column] = []
    blocks: list[np.ndarray] = []
    for name in numeric:
        values = pd.to_numeric(frame[name], errors="coerce").astype(float)
        filled = values.fillna(values.median() if values.notna().any() else 0.0).to_numpy()
        whole = bool(np.all(np.mod(filled, 1) == 0))
        columns.append(_Column(str(name), whole=whole))
        blocks.append(filled)
    for name in categorical:
        text = frame[name].astype(object).where(frame[name].notna(), None)
        shown = text.map(lambda value: None if value is None else _level_text(value))
        for level in shown.value_counts().index[:MAX_LEVELS]:
            columns.append(_Column(str(name), level=str(level)))
            blocks.append((shown == level).to_numpy(dtype=float))
    table = np.column_stack(blocks) if blocks else np.zeros((len(frame), 0))
    return columns, table


def _level_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _best_path(table: np.ndarray, member: np.ndarray, columns: list[_Column], seed: int) -> list[Condition]:
    if table.shape[1] == 0:
        return []
    tree = DecisionTreeClassifier(
        max_depth=MAX_CONDITIONS,
        min_samples_leaf=max(1, math.ceil(_LEAF_SHARE * len(table))),
        class_weight="balanced",
        random_state=seed,
    ).fit(table, member)
    structure = tree.tree_
    leaves = tree.apply(table)
    total = int(member.sum())
    best_leaf, best_score = -1, -1.0
    for leaf in np.unique(leaves):
        inside = leaves == leaf
        hits = int((inside & member).sum())
        score = (hits / inside.sum()) * (hits / total) if total else 0.0
        if score > best_score:
            best_leaf, best_score = int(leaf), score
    return _path_conditions(structure, best_leaf, columns)


def _path_conditions(structure, leaf: int, columns: list[_Column]) -> list[Condition]:
    parent: dict[int, tuple[int, bool]] = {}
    for node in range(structure.node_count):
        left, right = structure.children_left[node], structure.children_right[node]
        if left >= 0:
            parent[int(left)] = (node, True)
            parent[int(right)] = (node, False)
    path: list[tuple[int, bool]] = []
    node = leaf
    while node in parent:
        node, went_left = parent[node]
        path.append((node, went_left))
    conditions = []
    for node, went_left in reversed(path):
        column = columns[int(structure.feature[node])]
        threshold = float(structure.threshold[node])
        if column.level is not None:  # one-hot: left is "not this level", right is "this level"
            conditions.append(Condition(column.criterion, "not_in" if went_left else "in", (column.level,)))
        elif column.whole:
            bound = math.floor(threshold) if went_left else math.floor(threshold) + 1
            conditions.append(Condition(column.criterion, "<=" if went_left else ">=", (bound,)))
        else:
            conditions.append(Condition(column.criterion, "<=" if went_left else ">=", (_readable(threshold),)))
    return conditions


def _readable(value: float) -> float:
    """``value`` with three significant digits: a threshold a person types into a filter."""
    if value == 0 or not math.isfinite(value):
        return 0.0
    digits = 2 - math.floor(math.log10(abs(value)))
    rounded = round(value, digits)
    return float(int(rounded)) if float(rounded).is_integer() else rounded


def _merge(conditions: list[Condition]) -> tuple[Condition, ...]:
    """One condition per criterion and direction: the tightest bound, and ``between`` for a lower and an upper one."""
    merged: dict[tuple[str, str], Condition] = {}
    for condition in conditions:
        key = (condition.column, condition.operator)
        previous = merged.get(key)
        if previous is None or condition.operator in ("in", "not_in"):
            if previous is not None:  # two levels of one column: "not_in" grows, "in" keeps the last
                values = tuple(dict.fromkeys(previous.values + condition.values))
                condition = Condition(
                    condition.column, condition.operator, values if condition.operator == "not_in" else condition.values
                )
            merged[key] = condition
            continue
        pick = min if condition.operator == "<=" else max
        merged[key] = Condition(condition.column, condition.operator, (pick(previous.values[0], condition.values[0]),))
    result: list[Condition] = []
    for (column, operator), condition in merged.items():
        if operator == ">=" and (column, "<=") in merged:
            upper = merged[(column, "<=")]
            result.append(Condition(column, "between", (condition.values[0], upper.values[0])))
        elif operator == "<=" and (column, ">=") in merged:
            continue
        else:
            result.append(condition)
    in_columns = {condition.column for condition in result if condition.operator == "in"}
    return tuple(c for c in result if not (c.operator == "not_in" and c.column in in_columns))


def describe_rule(rule: Rule, lang: str, column_labels: dict[str, str] | None = None) -> str:
    """The rule's conditions as one readable line, e.g. "Age ≤ 26 AND Region is not Lappi"."""
    if not rule.conditions:
        return translate("treerules.everyone", lang)
    parts = []
    for condition in rule.conditions:
        column = column_label(condition.column, lang, column_labels)
        values = [_value_text(value, lang) for value in condition.values]
        if condition.operator == "between":
            parts.append(translate("treerules.op_between", lang, column=column, low=values[0], high=values[1]))
        else:
            joined = translate("treerules.or", lang).join(values)
            parts.append(translate(f"treerules.op_{condition.operator}", lang, column=column, value=joined))
    return translate("treerules.and", lang).join(parts)


def _value_text(value: object, lang: str) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value)
        return format_number(number, lang, 0 if number.is_integer() else 2)
    return str(value)
