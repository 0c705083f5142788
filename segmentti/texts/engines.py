"""Texts of the engines for data larger than memory: DuckDB streaming, Spark, and the sample the segments are fitted on."""

TEXTS: dict[str, dict[str, str]] = {
    "error.no_pyspark": {
        "fi": "Spark-moottori tarvitsee pysparkin, jota ei ole asennettu. Asenna se komennolla "
        "pip install pyspark==4.3.0 (ja Java 17 tai uudempi), tai aja komento klusterissa spark-submitilla.",
        "en": "The Spark engine needs pyspark, which is not installed. Install it with "
        "pip install pyspark==4.3.0 (and Java 17 or later), or run the command on a cluster with spark-submit.",
    },
    "error.spark_failed": {
        "fi": "Spark ei saanut työtä tehtyä: {reason}",
        "en": "Spark could not finish the job: {reason}",
    },
    "error.large_needs_customer": {
        "fi": "Asiakastaulusta ei löytynyt asiakastunnuksen saraketta. Kerro se valinnalla --customer "
        "(sarakkeet: {columns}).",
        "en": "No customer id column was found in the customer table. Name it with --customer (columns: {columns}).",
    },
    "error.spark_master_without_spark": {
        "fi": "--spark-master kuuluu Spark-moottorille: lisää --engine spark.",
        "en": "--spark-master belongs to the Spark engine: add --engine spark.",
    },
    "error.large_options": {
        "fi": "Moottori {engine} jakaa asiakkaat k-means-, gmm-, ward- tai hdbscan-menetelmällä valituin kriteerein; "
        "säännöt, RFM, esivalinnat, lajit ja painot toimivat muistissa (--engine pandas).",
        "en": "The {engine} engine segments with kmeans, gmm, ward or hdbscan on the chosen criteria; rules, RFM, "
        "presets, kinds and weights run in memory (--engine pandas).",
    },
    "cli.help_engine_group": {
        "fi": "moottori (muistia suuremmat tiedostot, Spark)",
        "en": "engine (files larger than memory, Spark)",
    },
    "cli.help_engine": {
        "fi": "auto (oletus): CSV- ja Parquet-tiedostot 300 Mt:sta alkaen DuckDB:llä, muuten muistissa; "
        "pandas: aina muistissa; duckdb: virtaa tiedoston levyn kautta muistia suuremmaksikin; "
        "spark: Apache Spark (paikalliset polut, hdfs://, s3a://)",
        "en": "auto (default): CSV and Parquet files from 300 MB on through DuckDB, others in memory; "
        "pandas: always in memory; duckdb: streams the file, larger than memory too; "
        "spark: Apache Spark (local paths, hdfs://, s3a://)",
    },
    "cli.help_spark_master": {
        "fi": "Sparkin master-osoite, esim. local[2] tai spark://isäntä:7077 (spark-submitin alla sen oma)",
        "en": "Spark's master URL, e.g. local[2] or spark://host:7077 (under spark-submit, its own)",
    },
    "cli.features_written_engine": {
        "fi": "Asiakkaat kirjoitettu: {out} (moottori {engine})",
        "en": "Customers written to {out} (engine {engine})",
    },
    "cli.fitted_on_sample": {
        "fi": "Malli sovitettiin {sample} asiakkaan otokseen ({customers} asiakkaasta, enintään {limit}); "
        "jokainen asiakas luokiteltiin sillä (moottori {engine}).",
        "en": "The model was fitted on a sample of {sample} customers (of {customers}, at most {limit}); "
        "every customer was labelled by it (engine {engine}).",
    },
    "cli.fitted_on_all": {
        "fi": "Malli sovitettiin kaikkiin {customers} asiakkaaseen (otos vasta yli {limit} asiakkaasta; moottori {engine}).",
        "en": "The model was fitted on all {customers} customers (a sample only past {limit}; engine {engine}).",
    },
    "cli.segment_done_large": {
        "fi": "{rows} asiakasta jaettu {k} segmenttiin: {out}/customers/ (Parquet segmenteittäin), "
        "{out}/lists/ ja {out}/summary.json",
        "en": "{rows} customers in {k} segments: {out}/customers/ (Parquet by segment), {out}/lists/ and "
        "{out}/summary.json",
    },
    "engines.not_ours": {
        "fi": "kansiossa on muutakin kuin aiemman ajon segment=-kansioita; valitse toinen --out",
        "en": "the folder holds more than an earlier run's segment= folders; choose another --out",
    },
}
