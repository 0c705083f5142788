"""segmentti: customer segmentation for marketers — load, segment, profile and export customers."""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# Imported on first use (PEP 562): `import segmentti.data.loading` need not pay for scikit-learn.
_EXPORTS: dict[str, str] = {
    "ColumnInfo": "segmentti.data.columns",
    "CustomerFeatures": "segmentti.data.orders",
    "FeatureMatrix": "segmentti.engine.features",
    "Fix": "segmentti.data.quality",
    "JoinResult": "segmentti.data.joining",
    "KScan": "segmentti.engine.scanning",
    "KScore": "segmentti.engine.scanning",
    "LoadOptions": "segmentti.data.loading",
    "OrderMapping": "segmentti.data.orders",
    "Profile": "segmentti.insight.profiling",
    "QualityReport": "segmentti.data.quality",
    "Role": "segmentti.data.columns",
    "SegmentModel": "segmentti.engine.model",
    "Segmentation": "segmentti.engine.clustering",
    "SegmentationResult": "segmentti.engine.workflow",
    "SegmenttiError": "segmentti.errors",
    "Table": "segmentti.data.loading",
    "apply_fixes": "segmentti.data.quality",
    "assess_quality": "segmentti.data.quality",
    "build_customers": "segmentti.data.orders",
    "build_features": "segmentti.engine.features",
    "build_summary": "segmentti.outputs.tables",
    "describe_columns": "segmentti.data.columns",
    "guess_order_lines": "segmentti.data.orders",
    "join_tables": "segmentti.data.joining",
    "label_customers": "segmentti.outputs.tables",
    "load_sample": "segmentti.data.samples",
    "load_table": "segmentti.data.loading",
    "profile_segments": "segmentti.insight.profiling",
    "read_file": "segmentti.data.loading",
    "scan_k": "segmentti.engine.scanning",
    "segment_customers": "segmentti.engine.clustering",
    "segment_table": "segmentti.engine.workflow",
    "suggest_criteria": "segmentti.data.columns",
    "to_csv_bytes": "segmentti.outputs.tables",
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
