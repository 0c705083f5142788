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
    "compare.new_other": {"fi": "Ei vielä asiakas", "en": "Not yet a customer"},
    "compare.gone_other": {"fi": "Ei enää mukana", "en": "No longer there"},
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
    # --- the Compare page ---------------------------------------------------------------------
    "compare.basis": {"fi": "Verrattavat segmentit", "en": "Segments to compare"},
    "compare.basis_model": {"fi": "Tallennetun mallin segmentit", "en": "A saved model's segments"},
    "compare.basis_rfm": {"fi": "RFM-segmentit", "en": "RFM segments"},
    "compare.rfm_intro": {
        "fi": "Molemmista tilannekuvista lasketaan tuoreus, ostokerrat ja rahamäärä, ja ne pisteytetään "
        "aiemman tilannekuvan kvintiilirajoilla: asiakas, jonka omat luvut pysyivät ennallaan, pysyy "
        "segmentissään, vaikka muut ostaisivat enemmän.",
        "en": "Recency, frequency and spend are counted for both snapshots and scored on the earlier "
        "snapshot's quintile edges: a customer whose own figures stayed the same keeps their segment even "
        "when others buy more.",
    },
    "compare.rfm_columns": {"fi": "Sarakkeet: {name}", "en": "Columns of {name}"},
    "compare.rfm_no_customer": {
        "fi": "(asiakastaulukko, jossa RFM-sarakkeet)",
        "en": "(a customer table with the RFM columns)",
    },
    "compare.rfm_mapping": {
        "fi": "{name}: asiakas {customer}, päivä {date}, summa {amount}",
        "en": "{name}: customer {customer}, date {date}, amount {amount}",
    },
    "compare.rfm_customer_table": {
        "fi": "{name}: asiakastaulukko, jossa on valmiit RFM-sarakkeet",
        "en": "{name}: a customer table with the RFM columns",
    },
    "compare.rfm_edges": {
        "fi": "Rajat aiemmasta tilannekuvasta: tuoreus {recency} päivää · tilaukset {frequency} · rahamäärä {monetary}",
        "en": "Edges from the earlier snapshot: recency {recency} days · orders {frequency} · spend {monetary}",
    },
    # --- projects that remember every joined file ---------------------------------------------
    "error.project_files_missing": {
        "fi": "Projekti on tehty tiedostoista {names}. Puuttuu: {missing}.",
        "en": "The project was made from the files {names}. Missing: {missing}.",
    },
    "project.load_files": {
        "fi": "Projekti on tehty tiedostoista {names}. Lataa Aineisto-sivulla: {missing}. Kun ne on ladattu, "
        "ne luetaan ja yhdistetään kuten projektissa, ja projektin valinnat otetaan käyttöön.",
        "en": "The project was made from the files {names}. Load on the Data page: {missing}. Once they are "
        "loaded, they are read and joined as the project says and its choices are applied.",
    },
    "project.files_rejoined": {
        "fi": "Projektin {name} tiedostot {names} luettiin ja yhdistettiin kuten projektissa.",
        "en": "The files {names} of the project {name} were read and joined as the project says.",
    },
    "cli.compare_no_lists": {
        "fi": "Yhteystietolistoja ei tehty: aineistossa ei ole sähköpostisaraketta. movers.csv listaa jokaisen "
        "segmenttiä vaihtaneen asiakkaan tunnuksineen.",
        "en": "No contact lists: the data has no email column. movers.csv lists every customer who changed "
        "segment, with their id.",
    },
}
