"""segmentti: customer segmentation for marketers — load, segment, profile and export customers."""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# Imported on first use (PEP 562): `import segmentti.loading` need not pay for scikit-learn.
_EXPORTS: dict[str, str] = {
    "ColumnInfo": "segmentti.columns",
    "CustomerFeatures": "segmentti.orders",
    "FeatureMatrix": "segmentti.features",
    "Fix": "segmentti.quality",
    "JoinResult": "segmentti.joining",
    "KScan": "segmentti.scanning",
    "KScore": "segmentti.scanning",
    "LoadOptions": "segmentti.loading",
    "OrderMapping": "segmentti.orders",
    "Profile": "segmentti.profiling",
    "QualityReport": "segmentti.quality",
    "Role": "segmentti.columns",
    "Segmentation": "segmentti.clustering",
    "SegmentationResult": "segmentti.workflow",
    "SegmenttiError": "segmentti.errors",
    "Table": "segmentti.loading",
    "apply_fixes": "segmentti.quality",
    "assess_quality": "segmentti.quality",
    "build_customers": "segmentti.orders",
    "build_features": "segmentti.features",
    "build_summary": "segmentti.exporting",
    "describe_columns": "segmentti.columns",
    "guess_order_lines": "segmentti.orders",
    "join_tables": "segmentti.joining",
    "label_customers": "segmentti.exporting",
    "load_sample": "segmentti.samples",
    "load_table": "segmentti.loading",
    "profile_segments": "segmentti.profiling",
    "read_file": "segmentti.loading",
    "scan_k": "segmentti.scanning",
    "segment_customers": "segmentti.clustering",
    "segment_table": "segmentti.workflow",
    "suggest_criteria": "segmentti.columns",
    "to_csv_bytes": "segmentti.exporting",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    """Import a public name of the package from its module the first time it is used."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
