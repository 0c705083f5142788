"""Texts of the engine choice of ``features``: DuckDB from any size of CSV or Parquet, the loader's last word."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "cli.help_engine_features": {
        "fi": "auto (oletus): CSV- ja Parquet-tiedostot DuckDB:llä (nopein kaikenkokoisilla tiedostoilla); "
        "välilyönnein erotellut tekstitiedostot, Excel-tiedostot ja tiedostot, jotka DuckDB lukisi toisin, "
        "muistissa; pandas: aina muistissa; duckdb: virtaa tiedoston levyn kautta muistia suuremmaksikin; "
        "spark: Apache Spark (paikalliset polut, hdfs://, s3a://)",
        "en": "auto (default): CSV and Parquet files through DuckDB (fastest at every size); whitespace-separated "
        "text, Excel and files DuckDB would read otherwise in memory; pandas: always in memory; duckdb: streams "
        "the file, larger than memory too; spark: Apache Spark (local paths, hdfs://, s3a://)",
    },
    "error.duckdb_unreadable": {
        "fi": "DuckDB ei pystynyt lukemaan tiedostoa {path}: {reason}. Lue se muistissa valitsimella "
        "--engine pandas (tai --engine auto, joka tekee sen itse).",
        "en": "DuckDB could not read {path}: {reason}. Read it in memory with --engine pandas "
        "(or --engine auto, which does so by itself).",
    },
}
