"""Texts the library puts into its results: sample titles and parts of segment names."""

TEXTS: dict[str, dict[str, str]] = {
    "segment.near_average": {"fi": "lähellä keskiarvoa", "en": "close to average"},
    "sample.b2c_customers": {
        "fi": "Kuluttaja-asiakkaat (5 000, CSV)",
        "en": "Consumer customers (5,000, CSV)",
    },
    "sample.b2b_companies": {
        "fi": "Yritysasiakkaat (1 500, CSV)",
        "en": "Business customers (1,500, CSV)",
    },
    "sample.b2c_customers_fi_xlsx": {
        "fi": "Kuluttaja-asiakkaat suomeksi (Excel .xlsx)",
        "en": "Consumer customers in Finnish (Excel .xlsx)",
    },
    "sample.b2c_customers_fi_csv": {
        "fi": "Kuluttaja-asiakkaat suomeksi (Excel-CSV, puolipiste)",
        "en": "Consumer customers in Finnish (Excel CSV, semicolon)",
    },
}
