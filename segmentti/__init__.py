"""segmentti: customer segmentation for marketers — load, segment, profile and export customers.

The package is laid out in the order data flows: :mod:`segmentti.data` (files → one customer
table), :mod:`segmentti.engine` (customers → segments), :mod:`segmentti.insight` (segments →
profiles and personas) and :mod:`segmentti.outputs` (segments → files and charts).
"""

from segmentti._lazy import lazy_exports

__version__ = "0.1.0"

# Imported on first use: `import segmentti.data.loading` need not pay for scikit-learn.
__getattr__, __dir__, __all__ = lazy_exports(
    __name__,
    {
        "ColumnInfo": "segmentti.data.columns",
        "CustomerFeatures": "segmentti.data.orders",
        "CustomerValue": "segmentti.engine.value.prediction",
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
        "check_holdout": "segmentti.engine.value.holdout",
        "estimate_value": "segmentti.engine.value.prediction",
        "assemble_run": "segmentti.outputs.run",
        "write_outputs": "segmentti.outputs.run",
        "describe_columns": "segmentti.data.columns",
        "guess_order_lines": "segmentti.data.order_detection",
        "join_tables": "segmentti.data.joining",
        "label_customers": "segmentti.outputs.tables",
        "load_sample": "segmentti.data.samples",
        "load_table": "segmentti.data.loading",
        "profile_segments": "segmentti.insight.profiling",
        "read_file": "segmentti.data.loading",
        "scan_k": "segmentti.engine.scanning",
        "segment_customers": "segmentti.engine.clustering",
        "segment_table": "segmentti.engine.workflow",
        "suggest_criteria": "segmentti.data.criteria",
        "to_csv_bytes": "segmentti.outputs.tables",
        "value_from_orders": "segmentti.engine.value.prediction",
    },
)
