"""Texts of scoring with a saved model past memory: ``score --engine duckdb|spark``."""

TEXTS: dict[str, dict[str, str]] = {
    "cli.score_done_large": {
        "fi": "{rows} asiakasta sijoitettu mallin {k} segmenttiin (moottori {engine}): {out}/customers/ "
        "(Parquet segmenteittäin), {out}/lists/ ja {out}/summary.json",
        "en": "{rows} customers placed into the model's {k} segments (engine {engine}): {out}/customers/ "
        "(Parquet by segment), {out}/lists/ and {out}/summary.json",
    },
    "cli.model_written_large": {
        "fi": "Malli uusien asiakkaiden pisteytykseen (score --model): {path}",
        "en": "The model for scoring new customers (score --model): {path}",
    },
    "error.large_score_pilot": {
        "fi": "Projektin pilotti (verrokkiryhmä) arvotaan muistissa; moottori {engine} ei arvo sitä. "
        "Aja pisteytys valinnalla --engine pandas tai ilman pilottia sisältävää projektia.",
        "en": "The project's pilot (control group) is drawn in memory; the {engine} engine does not draw one. "
        "Score with --engine pandas, or without a project that has a pilot.",
    },
}
