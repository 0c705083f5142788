"""Texts of comparing snapshots in RFM segments and of projects that remember every joined file."""

TEXTS: dict[str, dict[str, str]] = {
    # --- the library's messages ---------------------------------------------------------------
    "error.rfm_compare_needs_orders": {
        "fi": "RFM-vertailu tarvitsee tilausrivejä (asiakastunnus, päivämäärä ja summa) tai asiakastaulukon, jossa "
        "on sarakkeet {columns}. Tiedostossa on sarakkeet {available}.",
        "en": "An RFM comparison needs order lines (customer id, date and amount) or a customer table with the "
        "columns {columns}. The file has the columns {available}.",
    },
    "error.rfm_compare_as_of_needs_orders": {
        "fi": "Tarkastelupäivä koskee vain tilausrivejä: asiakastaulukon tuoreus on laskettu jo valmiiksi.",
        "en": "An as-of date applies to order lines only: a customer table's recency is already counted.",
    },
    # --- the command line ---------------------------------------------------------------------
    "cli.help_rfm_compare": {
        "fi": "vertaa nimettyjä RFM-segmenttejä (Mestarit, Riskissä …) mallin segmenttien sijaan; molemmat "
        "tilannekuvat pisteytetään aiemman tilannekuvan kvintiilirajoilla",
        "en": "compare the named RFM segments (Champions, At Risk …) instead of a model's segments; both "
        "snapshots are scored on the earlier snapshot's quintile edges",
    },
    "error.compare_model_or_rfm": {
        "fi": "Valitse, mitä segmenttejä verrataan: --model TIEDOSTO (tallennetun mallin segmentit) tai --rfm "
        "(RFM-segmentit).",
        "en": "Choose which segments to compare: --model FILE (a saved model's segments) or --rfm (RFM segments).",
    },
    "error.compare_model_and_rfm": {
        "fi": "Anna joko --model tai --rfm, ei molempia.",
        "en": "Give either --model or --rfm, not both.",
    },
    "error.compare_needs_new": {
        "fi": "Anna uusi tilannekuva (NEW) tai, jos OLD on tilausrivejä, molemmat tarkastelupäivät --as-of-old ja "
        "--as-of-new.",
        "en": "Give the new snapshot (NEW) or, when OLD holds order lines, both as-of dates --as-of-old and "
        "--as-of-new.",
    },
    "error.compare_days_in_order": {
        "fi": "Uuden tarkastelupäivän ({new}) pitää olla aiemman ({old}) jälkeen.",
        "en": "The new as-of date ({new}) must come after the earlier one ({old}).",
    },
    "error.compare_model_maps_orders": {
        "fi": "Malli kertoo itse, miten sen tilausrivit luetaan: tilausrivien sarakevalinnat (--customer …) "
        "kuuluvat --rfm-vertailuun.",
        "en": "A model says itself how its order lines are read: the order-line options (--customer …) belong "
        "to --rfm.",
    },
    "cli.rfm_edges_used": {
        "fi": "Molemmat tilannekuvat pisteytettiin aiemman tilannekuvan rajoilla (tallennettu {file}): "
        "tuoreus {recency} päivää, tilaukset {frequency}, rahamäärä {monetary}.",
        "en": "Both snapshots were scored on the earlier snapshot's edges (saved in {file}): recency "
        "{recency} days, orders {frequency}, spend {monetary}.",
    },
}
