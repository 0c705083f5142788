"""Run a project's decisions on data: the same fixes, criteria, weights, method, k and names give the same segments."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from segmentti.data.columns import describe_columns
from segmentti.data.orders import build_customers
from segmentti.data.quality import apply_fixes
from segmentti.engine.features import FeatureMatrix, build_features, combine_weights, resolve_criteria
from segmentti.engine.methods import get_method
from segmentti.engine.scanning import scan_fit, scan_k
from segmentti.engine.workflow import SegmentationResult, segment_features
from segmentti.insight.personas import DEFAULT_CURRENCY, Persona, personas_from_result
from segmentti.project.project_file import Project, check_fits
from segmentti.project.saved_model import SavedModel, save_model


@dataclass(frozen=True, eq=False)
class ProjectRun:
    """A project run on data: the customers segmented, the segments and the personas with the project's names."""

    frame: pd.DataFrame
    result: SegmentationResult
    personas: tuple[Persona, ...]
    project: Project

    def saved_model(self, source: str = "") -> SavedModel:
        """The fitted model with the personas' names and notes and the project's column decisions."""
        model = self.result.model
        if model is None:
            raise ValueError("rules and RFM segments have no model to save")
        return save_model(
            model,
            [persona.name for persona in self.personas],
            notes=[persona.notes for persona in self.personas],
            overrides=self.project.overrides,
            column_labels=self.project.column_labels,
            currency=self.project.currency if self.project.currency is not None else DEFAULT_CURRENCY,
            orders=self.project.orders,
            source=source,
        )


def project_customers(frame: pd.DataFrame, project: Project) -> pd.DataFrame:
    """The customers a project segments: order lines built into customers as it says, then its quality fixes."""
    if project.orders is not None and project.orders.customer in frame.columns and project.orders.date in frame.columns:
        frame = build_customers(frame, project.orders, project.as_of).frame
    if project.fixes:
        frame = apply_fixes(frame, list(project.fixes), project.overrides).frame
    return frame


def project_features(frame: pd.DataFrame, project: Project) -> FeatureMatrix:
    """The features of ``frame`` for the project's criteria, family and column weights and column kinds.

    Raises
    ------
    SegmenttiError
        When a column the project names is missing (all of them named), or for unusable criteria.
    """
    check_fits(project, frame)
    overrides = project.overrides
    criteria = resolve_criteria(frame, list(project.criteria or ()), overrides)
    weights: dict[str, float] = {}
    if project.family_weights or project.column_weights:
        families = {info.name: info.family.value for info in describe_columns(frame[criteria], overrides)}
        combined = combine_weights(families, project.family_weights, project.column_weights)
        weights = {name: weight for name, weight in combined.items() if weight != 1.0}
    return build_features(frame, criteria, weights=weights, overrides=overrides)


def run_project(frame: pd.DataFrame, project: Project, lang: str = "en") -> ProjectRun:
    """Segment ``frame`` (one row per customer, or order lines when the project has a mapping) as ``project`` says.

    Without a k in the project, the scan's recommended k is used (as on the Segments page).

    Raises
    ------
    SegmenttiError
        When the data lacks a column the project names, or for unusable choices.
    """
    customers = project_customers(frame, project)
    features = project_features(customers, project)
    k = project.k
    fitted = None
    if not get_method(project.method).takes_k:
        k = k or 2  # the method finds its own number of segments
    elif k is None:
        scan = scan_k(features, *project.k_range, seed=project.seed, method=project.method)
        k, fitted = scan.recommended_k, scan.fits.get(scan.recommended_k)
    else:  # the segments the Segments page showed at this k
        fitted = scan_fit(features, k, project.seed, method=project.method, k_max=project.k_range[1])
    result = segment_features(customers, features, k, project.seed, lang, method=project.method, fitted=fitted)
    personas = personas_from_result(
        customers,
        result,
        lang,
        project.persona_edits(),
        column_labels=project.column_labels,
        currency=project.currency if project.currency is not None else DEFAULT_CURRENCY,
    )
    return ProjectRun(customers, result, personas, project)
