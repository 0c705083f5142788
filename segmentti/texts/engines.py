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
}
