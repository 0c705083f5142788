"""Files → one customer table: reading files, column kinds, order lines → customers, joining, quality, samples."""

from segmentti._lazy import lazy_exports

__getattr__, __dir__, __all__ = lazy_exports(
    __name__,
    {
        "LoadOptions": "loading",
        "Table": "loading",
        "read_file": "loading",
        "load_table": "loading",
        "ColumnInfo": "columns",
        "Family": "columns",
        "Role": "columns",
        "describe_columns": "columns",
        "suggest_criteria": "criteria",
        "preset_criteria": "criteria",
        "CustomerFeatures": "orders",
        "OrderMapping": "orders",
        "OrderGuess": "order_detection",
        "guess_order_lines": "order_detection",
        "build_customers": "orders",
        "JoinResult": "joining",
        "join_tables": "joining",
        "assemble": "assembly",
        "Fix": "quality",
        "QualityReport": "quality",
        "assess_quality": "quality",
        "apply_fixes": "quality",
        "load_sample": "samples",
        "sample_files": "samples",
    },
)
