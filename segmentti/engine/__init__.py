"""Customers → segments: features, the registry of methods, the fitted model, metrics, the scan over k, RFM and rules."""

from segmentti._lazy import lazy_exports

__getattr__, __dir__, __all__ = lazy_exports(
    __name__,
    {
        "FeatureMatrix": "features",
        "build_features": "features",
        "get_method": "methods",
        "SegmentModel": "model",
        "Segmentation": "clustering",
        "segment_customers": "clustering",
        "small_segments": "clustering",
        "KScan": "scanning",
        "KScore": "scanning",
        "scan_k": "scanning",
        "recommend_k": "scanning",
        "SegmentationResult": "workflow",
        "segment_table": "workflow",
        "segment_features": "workflow",
        "segment_by_rules": "workflow",
        "segment_by_rfm": "workflow",
        "RfmScores": "rfm",
        "summarize_orders": "rfm",
        "score_rfm": "rfm",
        "Rule": "rules",
        "Condition": "rules",
        "assign_rules": "rules",
        "check_rules": "rules",
        "rules_from_json": "rules",
        "rules_to_json": "rules",
    },
)
