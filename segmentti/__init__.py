"""segmentti: customer segmentation for marketers — load, segment, profile and export customers."""

from segmentti.clustering import KScan, KScore, Segmentation, scan_k, segment_customers
from segmentti.columns import ColumnInfo, Role, describe_columns, suggest_criteria
from segmentti.errors import SegmenttiError
from segmentti.exporting import build_summary, label_customers, to_csv_bytes
from segmentti.features import FeatureMatrix, build_features
from segmentti.loading import Table, load_table, read_file
from segmentti.profiling import Profile, profile_segments
from segmentti.samples import load_sample
from segmentti.workflow import SegmentationResult, segment_table

__version__ = "0.1.0"

__all__ = [
    "ColumnInfo",
    "FeatureMatrix",
    "KScan",
    "KScore",
    "Profile",
    "Role",
    "Segmentation",
    "SegmentationResult",
    "SegmenttiError",
    "Table",
    "build_features",
    "build_summary",
    "describe_columns",
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
