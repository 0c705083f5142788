"""segmentti: customer segmentation for marketers — load, segment, profile and export customers."""

from segmentti.clustering import KScan, KScore, Segmentation, scan_k, segment_customers
from segmentti.columns import ColumnInfo, Role, describe_columns, suggest_criteria
from segmentti.errors import SegmenttiError
from segmentti.exporting import build_summary, label_customers, to_csv_bytes
from segmentti.features import FeatureMatrix, build_features
from segmentti.joining import JoinResult, join_tables
from segmentti.loading import LoadOptions, Table, load_table, read_file
from segmentti.orders import CustomerFeatures, OrderMapping, build_customers, guess_order_lines
from segmentti.profiling import Profile, profile_segments
from segmentti.quality import Fix, QualityReport, apply_fixes, assess_quality
from segmentti.samples import load_sample
from segmentti.workflow import SegmentationResult, segment_table

__version__ = "0.1.0"

__all__ = [
    "ColumnInfo",
    "CustomerFeatures",
    "FeatureMatrix",
    "Fix",
    "JoinResult",
    "KScan",
    "KScore",
    "LoadOptions",
    "OrderMapping",
    "Profile",
    "QualityReport",
    "Role",
    "Segmentation",
    "SegmentationResult",
    "SegmenttiError",
    "Table",
    "apply_fixes",
    "assess_quality",
    "build_customers",
    "build_features",
    "build_summary",
    "describe_columns",
    "guess_order_lines",
    "join_tables",
    "label_customers",
    "load_sample",
    "load_table",
    "profile_segments",
    "read_file",
    "scan_k",
    "segment_customers",
    "segment_table",
    "suggest_criteria",
    "to_csv_bytes",
]
