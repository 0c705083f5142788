"""The project file: everything the user decided about a segmentation, as one readable, versioned JSON file.

A project holds decisions, never customers: the files' names and how they were read, column
kinds and labels, quality fixes, criteria and weights, method, k, seed, persona names and
notes, rules and pilot settings. Opening it on the same data reproduces the same segments.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import Any

import pandas as pd

import segmentti
from segmentti.data.assembly import KINDS, Assembly, Part, assemble
from segmentti.data.loading import LoadOptions, Table, load_table
from segmentti.data.orders import OrderMapping
from segmentti.data.quality import ACTIONS, Fix
from segmentti.engine.methods import K_MAX, K_MIN, METHODS
from segmentti.engine.rules import Rule, rules_from_json, rules_to_json
from segmentti.errors import SegmenttiError

PROJECT_FORMAT = "segmentti-project"
PROJECT_VERSION = 2
"""Version 2 records every file of a join (what it holds, its id column, its order-line columns and as-of day)."""
READABLE_VERSIONS = (1, 2)
"""Versions this one reads: a version-1 file is read as it was written (its files without join details)."""
PROJECT_FILE = "project.json"
"""The project's file name in a run's folder (``segment --out DIR`` writes ``DIR/project.json``)."""

MAX_PROJECT_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class SourceFile:
    """A file the data came from, how it was read (``None``: detected) and how it joins the others.

    ``kind`` is ``"customers"`` or ``"orders"`` (:data:`segmentti.data.assembly.KINDS`);
    ``id_column`` the customer id it is joined on (for order lines the mapping's customer);
    ``orders`` and ``as_of`` how order lines become customers.
    """

    name: str
    sheet: str | None = None
    separator: str | None = None
    encoding: str | None = None
    decimal: str | None = None
    header_row: int | None = None
    date_order: str | None = None
    kind: str = "customers"
    id_column: str | None = None
    orders: OrderMapping | None = None
    as_of: str | None = None

    @classmethod
    def of(cls, table: Table) -> SourceFile:
        """How ``table`` was read, as the project keeps it."""
        return cls(
            name=table.source_name,
            sheet=table.sheet,
            separator=table.separator,
            encoding=table.encoding,
            decimal=table.decimal,
            header_row=table.header_row,
            date_order=table.date_order,
        )

    @classmethod
    def of_part(cls, part: Part) -> SourceFile:
        """How one file of a join was read and is used, as the project keeps it."""
        return replace(
            cls.of(part.table), kind=part.kind, id_column=part.id_column, orders=part.mapping, as_of=part.as_of
        )

    @property
    def load_options(self) -> LoadOptions:
        """The options that read the file the same way again."""
        return LoadOptions(self.separator, self.encoding, self.decimal, self.header_row, self.date_order)


def project_parts(project: Project, files: Mapping[str, bytes]) -> list[Part]:
    """The project's files read from ``files`` (name → bytes) as the project says, ready for :func:`assemble`.

    Raises
    ------
    SegmenttiError
        Naming every file of the project that ``files`` lacks (``project.load_files``'s error
        twin, ``error.project_files_missing``), or for a file that cannot be read.
    """
    missing = [source.name for source in project.files if source.name not in files]
    if missing:
        raise SegmenttiError(
            "error.project_files_missing",
            names=", ".join(source.name for source in project.files),
            missing=", ".join(missing),
        )
    parts = []
    for source in project.files:
        data = files[source.name]
        table = load_table(data, source.name, sheet=source.sheet, options=source.load_options)
        digest = hashlib.sha256(data + repr((source.sheet, source.load_options)).encode()).hexdigest()
        parts.append(Part(table, digest, source.kind, source.id_column, source.orders, source.as_of))
    return parts


def assemble_project(project: Project, files: Mapping[str, bytes]) -> Assembly:
    """The working table of the project's files: each read, turned into customers and joined as it was saved."""
    return assemble(project_parts(project, files))


@dataclass(frozen=True)
class Project:
    """What the user decided; every field optional so a project can be started from any step.

    Attributes
    ----------
    files : tuple of SourceFile
        Every file of the data in the order they were joined (the first is the base: the
        customer table, or the order lines), each with how it was read and joined.
    sample : str or None
        The bundled sample used instead of a file.
    orders : OrderMapping or None
        How order lines were read into customers; ``as_of`` the day recency is counted to.
    columns : tuple of str
        The data's columns when the project was saved (to say what is missing later).
    overrides, column_labels, currency
        Column corrections ``{column: {"role", "family"}}``, readable labels, the currency.
    fixes : tuple of Fix
        Quality fixes in order.
    criteria : tuple of str or None
        The chosen criteria (``None``: the suggestion).
    family_weights, column_weights : dict of str to float
        The weights set on the Criteria page (unset = 1).
    method, k, seed
        The clustering; ``k`` ``None`` means chosen by the scan.
    k_range : tuple of int
        The smallest and largest k the scan tries (the Segments page's range): it chooses k,
        and k-means' fit at a k depends on its largest k.
    personas : tuple of dict
        ``{"number", "name", "notes"}`` per renamed or annotated segment.
    rules : tuple of Rule
        The Rules page's rules.
    pilot_percent, pilot_seed
        The pilot's control group (``None``: no pilot).
    """

    files: tuple[SourceFile, ...] = ()
    sample: str | None = None
    orders: OrderMapping | None = None
    as_of: str | None = None
    columns: tuple[str, ...] = ()
    overrides: dict[str, dict[str, str]] = field(default_factory=dict)
    column_labels: dict[str, str] = field(default_factory=dict)
    currency: str | None = None
    fixes: tuple[Fix, ...] = ()
    criteria: tuple[str, ...] | None = None
    family_weights: dict[str, float] = field(default_factory=dict)
    column_weights: dict[str, float] = field(default_factory=dict)
    method: str = "kmeans"
    k: int | None = None
    k_range: tuple[int, int] = (K_MIN, K_MAX)
    seed: int = 0
    personas: tuple[dict[str, Any], ...] = ()
    rules: tuple[Rule, ...] = ()
    pilot_percent: float | None = None
    pilot_seed: int = 0

    def persona_edits(self) -> dict[int, dict[str, str]]:
        """The persona names and notes as the personas page keeps them: ``{number: {"name", "notes"}}``."""
        return {
            int(entry["number"]): {"name": str(entry.get("name", "")), "notes": str(entry.get("notes", ""))}
            for entry in self.personas
        }


def project_to_bytes(project: Project) -> bytes:
    """The project as indented UTF-8 JSON ``{"format", "version", "saved", ...}``."""
    document = {
        "format": PROJECT_FORMAT,
        "version": PROJECT_VERSION,
        "segmentti_version": segmentti.__version__,
        "saved": datetime.datetime.now(datetime.UTC).replace(microsecond=0).isoformat(),
        "data": {
            "files": [asdict(source) for source in project.files],
            "sample": project.sample,
            "orders": None if project.orders is None else {**asdict(project.orders), "as_of": project.as_of},
            "columns": list(project.columns),
        },
        "columns": {
            "overrides": project.overrides,
            "labels": project.column_labels,
            "currency": project.currency,
        },
        "quality_fixes": [{"action": fix.action, "column": fix.column} for fix in project.fixes],
        "criteria": None if project.criteria is None else list(project.criteria),
        "family_weights": project.family_weights,
        "column_weights": project.column_weights,
        "method": project.method,
        "k": project.k,
        "k_range": list(project.k_range),
        "seed": project.seed,
        "personas": [dict(entry) for entry in project.personas],
        "rules": json.loads(rules_to_json(project.rules))["rules"],
        "pilot": None
        if project.pilot_percent is None
        else {"percent": project.pilot_percent, "seed": project.pilot_seed},
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def project_from_bytes(data: bytes, name: str = PROJECT_FILE) -> Project:
    """Read a project file, checking every field; nothing in it is executed.

    Raises
    ------
    SegmenttiError
        For a file that is not a project (``error.project_not_a_project``), one of another
        version (``error.project_version``) or a field that does not fit, named in the
        message (``error.project_field``).
    """
    if len(data) > MAX_PROJECT_BYTES:
        raise SegmenttiError("error.project_not_a_project", name=name)
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError):
        raise SegmenttiError("error.project_not_a_project", name=name) from None
    if not isinstance(document, dict) or document.get("format") != PROJECT_FORMAT:
        raise SegmenttiError("error.project_not_a_project", name=name)
    if document.get("version") not in READABLE_VERSIONS:
        raise SegmenttiError(
            "error.project_version", name=name, version=str(document.get("version")), supported=PROJECT_VERSION
        )
    reader = _Reader(name)
    return reader.project(document)


class _Reader:
    """Reads the fields of a project document; a field that does not fit raises naming it."""

    def __init__(self, name: str) -> None:
        self.name = name

    def fail(self, where: str, problem: str) -> SegmenttiError:
        """The error naming the field ``where``; ``problem`` says what was expected (for readers of the code)."""
        del problem
        return SegmenttiError("error.project_field", name=self.name, field=where)

    def text(self, value: object, where: str, optional: bool = False) -> str | None:
        if value is None and optional:
            return None
        if not isinstance(value, str):
            raise self.fail(where, "text")
        return value

    def texts(self, value: object, where: str) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self.fail(where, "texts")
        return tuple(value)

    def number(self, value: object, where: str, low: float = 0.0, high: float = float("inf")) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
            raise self.fail(where, "number")
        return float(value)

    def table(self, value: object, where: str) -> dict:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise self.fail(where, "table")
        return value

    def weights(self, value: object, where: str) -> dict[str, float]:
        return {
            str(key): self.number(weight, f"{where}.{key}", 0.0, 100.0)
            for key, weight in self.table(value, where).items()
        }

    def mapping(self, value: object, where: str) -> OrderMapping:
        entry = self.table(value, where)
        if set(entry) - set(OrderMapping.__dataclass_fields__) or not isinstance(entry.get("customer"), str):
            raise self.fail(where, "orders")
        if not isinstance(entry.get("date"), str):
            raise self.fail(f"{where}.date", "text")
        return OrderMapping(**{key: self.text(value, f"{where}.{key}", optional=True) for key, value in entry.items()})

    def project(self, document: dict) -> Project:
        data = self.table(document.get("data"), "data")
        files = []
        for position, entry in enumerate(data.get("files") or []):
            where = f"data.files[{position + 1}]"
            entry = self.table(entry, where)
            known = set(SourceFile.__dataclass_fields__)
            if not isinstance(entry.get("name"), str) or set(entry) - known:
                raise self.fail(where, "file")
            header = entry.get("header_row")
            if header is not None:
                self.number(header, f"{where}.header_row", 1, 10_000)
            if entry.get("kind", "customers") not in KINDS:
                raise self.fail(f"{where}.kind", "kind")
            read = {key: value for key, value in entry.items() if key != "orders"}
            for key, value in read.items():
                if key != "header_row":
                    self.text(value, f"{where}.{key}", optional=True)
            mapping = None if entry.get("orders") is None else self.mapping(entry["orders"], f"{where}.orders")
            if read.get("kind") == "orders" and mapping is None:
                raise self.fail(f"{where}.orders", "orders")
            files.append(
                SourceFile(
                    **{
                        key: (int(value) if key == "header_row" and value is not None else value)
                        for key, value in read.items()
                    },
                    orders=mapping,
                )
            )
        orders = None
        as_of = None
        if data.get("orders") is not None:
            entry = dict(self.table(data["orders"], "data.orders"))
            as_of = self.text(entry.pop("as_of", None), "data.orders.as_of", optional=True)
            orders = self.mapping(entry, "data.orders")
        columns = self.table(document.get("columns"), "columns")
        overrides = {
            str(column): {
                str(key): str(value) for key, value in self.table(entry, f"columns.overrides.{column}").items()
            }
            for column, entry in self.table(columns.get("overrides"), "columns.overrides").items()
        }
        labels = {str(key): str(value) for key, value in self.table(columns.get("labels"), "columns.labels").items()}
        fixes = []
        for position, entry in enumerate(document.get("quality_fixes") or []):
            entry = self.table(entry, f"quality_fixes[{position + 1}]")
            if entry.get("action") not in ACTIONS:
                raise self.fail(f"quality_fixes[{position + 1}].action", "action")
            fixes.append(
                Fix(str(entry["action"]), self.text(entry.get("column"), f"quality_fixes[{position + 1}].column", True))
            )
        criteria = document.get("criteria")
        method = document.get("method", "kmeans")
        if method not in METHODS:
            raise self.fail("method", "method")
        k = document.get("k")
        k_range = document.get("k_range", [K_MIN, K_MAX])
        if not isinstance(k_range, list) or len(k_range) != 2:
            raise self.fail("k_range", "[smallest k, largest k]")
        k_min, k_max = (int(self.number(value, "k_range", K_MIN, 1000)) for value in k_range)
        if k_max < k_min:
            raise self.fail("k_range", "[smallest k, largest k]")
        personas = []
        for position, entry in enumerate(document.get("personas") or []):
            entry = self.table(entry, f"personas[{position + 1}]")
            number = int(self.number(entry.get("number"), f"personas[{position + 1}].number", 1, 1000))
            personas.append(
                {
                    "number": number,
                    "name": self.text(entry.get("name", ""), f"personas[{position + 1}].name") or "",
                    "notes": self.text(entry.get("notes", ""), f"personas[{position + 1}].notes") or "",
                }
            )
        try:
            rules = rules_from_json(json.dumps({"rules": document.get("rules") or []}))
        except SegmenttiError as error:
            raise self.fail("rules", error.message("en")) from None
        pilot = self.table(document.get("pilot"), "pilot")
        return Project(
            files=tuple(files),
            sample=self.text(data.get("sample"), "data.sample", optional=True),
            orders=orders,
            as_of=as_of,
            columns=self.texts(data.get("columns") or [], "data.columns"),
            overrides=overrides,
            column_labels=labels,
            currency=self.text(columns.get("currency"), "columns.currency", optional=True),
            fixes=tuple(fixes),
            criteria=None if criteria is None else self.texts(criteria, "criteria"),
            family_weights=self.weights(document.get("family_weights"), "family_weights"),
            column_weights=self.weights(document.get("column_weights"), "column_weights"),
            method=str(method),
            k=None if k is None else int(self.number(k, "k", 1, 1000)),
            k_range=(k_min, k_max),
            seed=int(self.number(document.get("seed", 0), "seed", 0, 2**31)),
            personas=tuple(personas),
            rules=rules,
            pilot_percent=None if not pilot else self.number(pilot.get("percent"), "pilot.percent", 0, 90),
            pilot_seed=0 if not pilot else int(self.number(pilot.get("seed", 0), "pilot.seed", 0, 2**31)),
        )


def missing_columns(project: Project, frame: pd.DataFrame) -> list[str]:
    """The columns the project's decisions name that ``frame`` lacks (criteria, weights, fixes, rules, labels)."""
    named: list[str] = list(project.criteria or ())
    named += list(project.column_weights)
    named += [fix.column for fix in project.fixes if fix.column]
    named += [condition.column for rule in project.rules for condition in rule.conditions]
    present = set(map(str, frame.columns))
    return [name for name in dict.fromkeys(named) if name not in present]


def check_fits(project: Project, frame: pd.DataFrame, data_name: str = "") -> None:
    """Raise :class:`SegmenttiError` naming the project's columns that ``frame`` lacks (nothing is changed)."""
    missing = missing_columns(project, frame)
    if missing:
        raise SegmenttiError(
            "error.project_columns_missing",
            columns=", ".join(missing),
            data=data_name or "-",
            available=", ".join(map(str, frame.columns)),
        )


def personas_of(names: Sequence[str], notes: Sequence[str]) -> tuple[dict[str, Any], ...]:
    """The project's persona entries: every segment's name and notes, in segment order."""
    return tuple(
        {"number": number, "name": str(name), "notes": str(note)}
        for number, (name, note) in enumerate(zip(names, notes, strict=True), start=1)
    )


def weights_of(pairs: Mapping[str, float]) -> dict[str, float]:
    """Weights as a project keeps them: only those other than 1."""
    return {str(name): float(weight) for name, weight in pairs.items() if float(weight) != 1.0}
