"""Texts of the project file, the saved model, scoring new customers, comparing snapshots and rules from a tree."""

TEXTS: dict[str, dict[str, str]] = {
    # --- the saved model ---------------------------------------------------------------------------------------
    "error.model_too_large": {
        "fi": "Mallitiedosto {name} on liian suuri (yli {limit} Mt). Valitse segmentin tallentama model.json.",
        "en": "The model file {name} is too large (over {limit} MB). Choose the model.json segmentti saved.",
    },
    "error.model_is_pickle": {
        "fi": "Tiedosto {name} on Pythonin pickle-tiedosto, ei segmentin malli. Pickle-tiedostoja ei koskaan avata, "
        "koska ne voivat ajaa ohjelmakoodia. Valitse segmentin tallentama model.json.",
        "en": "The file {name} is a Python pickle, not a segmentti model. Pickles are never opened because they can "
        "run code. Choose the model.json segmentti saved.",
    },
    "error.model_not_a_model": {
        "fi": "Tiedosto {name} ei ole segmentin mallitiedosto. Valitse segmentin tallentama model.json.",
        "en": "The file {name} is not a segmentti model file. Choose the model.json segmentti saved.",
    },
    "error.model_version": {
        "fi": "Mallitiedosto {name} on versiota {version}; tämä segmentti lukee version {supported}. "
        "Tallenna malli uudelleen tällä versiolla.",
        "en": "The model file {name} is version {version}; this segmentti reads version {supported}. "
        "Save the model again with this version.",
    },
    "error.model_tampered": {
        "fi": "Mallitiedostoa {name} on muutettu tallentamisen jälkeen (tarkistussumma ei täsmää), joten sitä ei "
        "käytetä. Tallenna malli uudelleen segmentillä.",
        "en": "The model file {name} was changed after it was saved (its checksum does not match), so it is not "
        "used. Save the model again with segmentti.",
    },
    "error.model_damaged": {
        "fi": "Mallitiedoston {name} sisältö ei sovi yhteen ({reason}). Tallenna malli uudelleen segmentillä.",
        "en": "The contents of the model file {name} do not fit together ({reason}). Save the model again with "
        "segmentti.",
    },
    # --- scoring new customers ---------------------------------------------------------------------------------
    "error.score_missing_columns": {
        "fi": "Uusista tiedoista puuttuu mallin kriteerejä: {columns}. Tiedoston sarakkeet: {available}.",
        "en": "The new data lacks criteria of the model: {columns}. The file's columns: {available}.",
    },
    "error.score_missing_order_columns": {
        "fi": "Malli tehtiin tilausriveistä, mutta uusista tiedoista puuttuu sarakkeita: {columns}. "
        "Tiedoston sarakkeet: {available}.",
        "en": "The model was made from order lines, but the new data lacks columns: {columns}. "
        "The file's columns: {available}.",
    },
    "error.score_no_customers": {
        "fi": "Uusissa tiedoissa ei ole yhtään asiakasta.",
        "en": "The new data holds no customers.",
    },
    # --- comparing two snapshots -------------------------------------------------------------------------------
    "error.compare_no_id": {
        "fi": "Tilannekuvia ei voi verrata ilman asiakastunnusta: yksikään sarake ei ole tunnus. "
        "Merkitse tunnussarake Aineisto-sivulla tai projektissa. Sarakkeet: {columns}.",
        "en": "Snapshots cannot be compared without a customer id: no column is an id. "
        "Mark the id column on the Data page or in the project. Columns: {columns}.",
    },
    "error.compare_repeated_id": {
        "fi": "Asiakastunnus toistuu sarakkeessa {column} (esim. {example}): vertailu tarvitsee yhden rivin "
        "asiakasta kohden. Jos tiedosto on tilausrivejä, käytä mallia, joka on tehty tilausriveistä.",
        "en": "A customer id repeats in the column {column} (e.g. {example}): a comparison needs one row per "
        "customer. If the file holds order lines, use a model made from order lines.",
    },
    "compare.new": {"fi": "Uudet asiakkaat", "en": "New customers"},
    "compare.gone": {"fi": "Poistuneet", "en": "Gone"},
    "compare.pair": {"fi": "{source} → {target}", "en": "{source} → {target}"},
    "compare.sankey_title": {
        "fi": "Asiakkaiden siirtymät segmentistä toiseen (vasemmalla ennen, oikealla nyt)",
        "en": "How customers moved between segments (then on the left, now on the right)",
    },
    "compare.sankey_hover": {
        "fi": "%{source.label} → %{target.label}: %{customdata} asiakasta",
        "en": "%{source.label} → %{target.label}: %{customdata} customers",
    },
    # --- the project file --------------------------------------------------------------------------------------
    "error.project_not_a_project": {
        "fi": "Tiedosto {name} ei ole segmentin projektitiedosto. Valitse segmentin tallentama project.json.",
        "en": "The file {name} is not a segmentti project file. Choose the project.json segmentti saved.",
    },
    "error.project_version": {
        "fi": "Projektitiedosto {name} on versiota {version}; tämä segmentti lukee version {supported}.",
        "en": "The project file {name} is version {version}; this segmentti reads version {supported}.",
    },
    "error.project_field": {
        "fi": "Projektitiedoston {name} kenttä {field} ei kelpaa. Korjaa kenttä tai tallenna projekti uudelleen; "
        "mitään ei muutettu.",
        "en": "The field {field} of the project file {name} does not fit. Correct the field or save the project "
        "again; nothing was changed.",
    },
    "error.project_columns_missing": {
        "fi": "Projekti käyttää sarakkeita, joita aineistossa {data} ei ole: {columns}. Aineiston sarakkeet: "
        "{available}. Mitään ei muutettu.",
        "en": "The project uses columns the data {data} does not have: {columns}. The data's columns: {available}. "
        "Nothing was changed.",
    },
}
