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
    # --- the command line ---------------------------------------------------------------------------------------
    "cli.help_project": {
        "fi": "projektitiedosto (project.json sovelluksesta tai aiemmasta segment-ajosta): sen lukutapa, "
        "kriteerit, painot, menetelmä, k, siemen, nimet ja pilotti; komentorivin --criteria, --k, --seed, "
        "--method ja tilausrivivalinnat voittavat",
        "en": "project file (project.json from the app or an earlier segment run): its reading of the file, "
        "criteria, weights, method, k, seed, names and pilot; --criteria, --k, --seed, --method and the "
        "order-line options given on the command line win",
    },
    "cli.help_score": {
        "fi": "sijoita uudet asiakkaat tallennetun mallin segmentteihin (samat tiedostot kuin segment)",
        "en": "place new customers into a saved model's segments (the same files as segment)",
    },
    "cli.help_compare": {
        "fi": "vertaa kahta tilannekuvaa samoissa segmenteissä (tallennettu malli tai RFM): siirtymät, muutokset "
        "ja siirtyneiden listat",
        "en": "compare two snapshots in the same segments (a saved model's or RFM): migration, changes and the "
        "movers' lists",
    },
    "cli.help_input_new": {
        "fi": "uudet asiakkaat tai tilausrivit (CSV tai Excel)",
        "en": "the new customers or order lines (CSV or Excel)",
    },
    "cli.help_model": {
        "fi": "segment-ajon tai sovelluksen tallentama model.json",
        "en": "the model.json a segment run or the app saved",
    },
    "cli.help_out_score": {
        "fi": "kansio, johon segments.csv, summary.json, raportit, työkirja ja lists/ kirjoitetaan",
        "en": "folder to write segments.csv, summary.json, the reports, the workbook and lists/ into",
    },
    "cli.help_out_compare": {
        "fi": "kansio, johon migration.csv, movers.csv, segment_changes.csv ja lists/ kirjoitetaan",
        "en": "folder to write migration.csv, movers.csv, segment_changes.csv and lists/ into",
    },
    "cli.help_old": {"fi": "aiempi tilannekuva (CSV tai Excel)", "en": "the earlier snapshot (CSV or Excel)"},
    "cli.help_new": {
        "fi": "uusi tilannekuva (CSV tai Excel); jätä pois, kun OLD on tilausrivejä ja annat --as-of-old ja "
        "--as-of-new (yksi tiedosto kahtena päivänä)",
        "en": "the new snapshot (CSV or Excel); leave it out when OLD holds order lines and you give --as-of-old "
        "and --as-of-new (one file at two days)",
    },
    "cli.help_as_of_old": {
        "fi": "aiemman tilannekuvan tarkastelupäivä tilausriveille (VVVV-KK-PP)",
        "en": "the earlier snapshot's as-of date for order lines (YYYY-MM-DD)",
    },
    "cli.help_as_of_new": {
        "fi": "uuden tilannekuvan tarkastelupäivä tilausriveille (VVVV-KK-PP)",
        "en": "the new snapshot's as-of date for order lines (YYYY-MM-DD)",
    },
    "cli.score_done": {
        "fi": "{rows} asiakasta sijoitettu {k} segmenttiin; tiedostot kansiossa {out}:",
        "en": "{rows} customers placed into {k} segments; files in {out}:",
    },
    "cli.compare_done": {
        "fi": "Ennen {then} asiakasta, nyt {now}: {moved} vaihtoi segmenttiä, {new} uutta, {gone} poistui. "
        "Tiedostot kansiossa {out}.",
        "en": "Then {then} customers, now {now}: {moved} changed segment, {new} new, {gone} gone. Files in {out}.",
    },
    # --- the app: project box in the sidebar, the model download ----------------------------------------------
    "project.sidebar": {"fi": "Projekti", "en": "Project"},
    "project.save": {"fi": "Tallenna projekti (project.json)", "en": "Save the project (project.json)"},
    "project.open": {"fi": "Avaa projekti", "en": "Open a project"},
    "project.opened": {
        "fi": "Projekti {name} avattu (tallennettu aineistolle {data}). Valinnat ovat nyt käytössä joka sivulla.",
        "en": "Opened the project {name} (saved on the data {data}). Its choices are now in use on every page.",
    },
    "project.save_model": {"fi": "Tallenna malli (model.json)", "en": "Save the model (model.json)"},
    "project.save_model_help": {
        "fi": "Malli sijoittaa uudet asiakkaat näihin segmentteihin samoilla nimillä: avaa se sivulla "
        "Pisteytä uudet asiakkaat tai Vertaa tilannekuvia. Tiedostossa on mallin luvut, ei asiakkaita.",
        "en": "The model places new customers into these segments with the same names: open it on the Score new "
        "customers or Compare snapshots page. The file holds the model's numbers, no customers.",
    },
    # --- pages -------------------------------------------------------------------------------------------------
    "page.score": {"fi": "Pisteytä uudet asiakkaat", "en": "Score new customers"},
    "page.compare": {"fi": "Vertaa tilannekuvia", "en": "Compare snapshots"},
    "model.source": {"fi": "Malli", "en": "Model"},
    "model.source_session": {
        "fi": "Tämän istunnon segmentit ({k} segmenttiä, {name})",
        "en": "This session's segments ({k} segments, {name})",
    },
    "model.source_file": {"fi": "Mallitiedosto (model.json)", "en": "A model file (model.json)"},
    "model.upload": {"fi": "Mallitiedosto", "en": "Model file"},
    "model.none": {
        "fi": "Tee ensin segmentit (sivu Segmentit) tai avaa tallennettu mallitiedosto.",
        "en": "Make segments first (Segments page) or open a saved model file.",
    },
    "model.summary": {
        "fi": "Malli: {k} segmenttiä ({method}), tehty aineistosta {source}. Kriteerit: {criteria}.",
        "en": "Model: {k} segments ({method}), made from {source}. Criteria: {criteria}.",
    },
    "model.orders": {
        "fi": "Malli tehtiin tilausriveistä: uusien tietojen tilausrivit muutetaan asiakkaiksi samoin "
        "(asiakas {customer}, päivä {date}).",
        "en": "The model was made from order lines: the new data's order lines become customers the same way "
        "(customer {customer}, date {date}).",
    },
    "score.title": {"fi": "Pisteytä uudet asiakkaat", "en": "Score new customers"},
    "score.intro": {
        "fi": "Sijoita uudet asiakkaat tallennetun mallin segmentteihin: samat segmentit ja nimet, samat "
        "lataukset kuin Vienti-sivulla.",
        "en": "Place new customers into a saved model's segments: the same segments and names, the same "
        "downloads as on the Export page.",
    },
    "score.upload": {"fi": "Uudet asiakkaat (CSV tai Excel)", "en": "New customers (CSV or Excel)"},
    "score.as_of": {"fi": "Tarkastelupäivä (tilausriveille)", "en": "As-of date (for order lines)"},
    "score.waiting": {"fi": "Lataa uudet asiakkaat pisteytettäviksi.", "en": "Upload the new customers to score."},
    "score.done": {
        "fi": "{count} asiakasta sijoitettu {k} segmenttiin.",
        "en": "{count} customers placed into {k} segments.",
    },
    "score.sizes": {"fi": "Segmentit", "en": "Segments"},
    "score.downloads": {"fi": "Lataukset", "en": "Downloads"},
    "score.col_segment": {"fi": "Segmentti", "en": "Segment"},
    "score.col_customers": {"fi": "Asiakkaita", "en": "Customers"},
    "score.col_share": {"fi": "Osuus", "en": "Share"},
    "score.col_then": {"fi": "Mallia tehtäessä", "en": "When the model was made"},
    "score.file_segments": {"fi": "Kaikki asiakkaat segmentteineen (CSV)", "en": "All customers with segments (CSV)"},
    "score.file_workbook": {"fi": "Excel-työkirja", "en": "Excel workbook"},
    "score.file_report": {"fi": "Persoonaraportti (HTML)", "en": "Persona report (HTML)"},
    "score.file_lists": {"fi": "Yhteystietolistat (ZIP)", "en": "Contact lists (ZIP)"},
    "compare.title": {"fi": "Vertaa tilannekuvia", "en": "Compare snapshots"},
    "compare.intro": {
        "fi": "Sijoita kaksi tilannekuvaa samoihin segmentteihin – tallennetun mallin tai RFM-segmentteihin: "
        "segmenttien nimet pysyvät, ja näet kuka siirtyi minne. Siirtyneistä saat valmiit yhteystietolistat (esim. arvokkaimmista hiipuviin: "
        "win-back-kampanja).",
        "en": "Place two snapshots in the same segments — a saved model's or the RFM segments: segment names stay "
        "put, and you see who moved where. The movers come as ready contact lists (e.g. from the most valuable segment to a lapsing one: a "
        "win-back campaign).",
    },
    "compare.old": {"fi": "Aiempi tilannekuva", "en": "Earlier snapshot"},
    "compare.new_file": {"fi": "Uusi tilannekuva", "en": "New snapshot"},
    "compare.waiting": {"fi": "Lataa molemmat tilannekuvat.", "en": "Upload both snapshots."},
    "compare.one_file": {
        "fi": "Tilausriveille: sama tiedosto kahtena tarkastelupäivänä",
        "en": "For order lines: one file at two as-of dates",
    },
    "compare.as_of_old": {"fi": "Aiempi tarkastelupäivä", "en": "Earlier as-of date"},
    "compare.as_of_new": {"fi": "Uusi tarkastelupäivä", "en": "New as-of date"},
    "compare.need_dates": {"fi": "Valitse molemmat tarkastelupäivät.", "en": "Choose both as-of dates."},
    "compare.metric_then": {"fi": "Asiakkaita ennen", "en": "Customers then"},
    "compare.metric_now": {"fi": "Asiakkaita nyt", "en": "Customers now"},
    "compare.metric_moved": {"fi": "Vaihtoi segmenttiä", "en": "Changed segment"},
    "compare.metric_new": {"fi": "Uusia", "en": "New"},
    "compare.metric_gone": {"fi": "Poistuneita", "en": "Gone"},
    "compare.matrix": {"fi": "Siirtymämatriisi (mistä → mihin)", "en": "Migration matrix (from → to)"},
    "compare.show_shares": {"fi": "Näytä osuuksina riveittäin", "en": "Show as shares of each row"},
    "compare.changes": {"fi": "Segmenttien muutos", "en": "How each segment changed"},
    "compare.movers": {"fi": "Siirtyneet asiakkaat", "en": "Customers who moved"},
    "compare.pick_pair": {"fi": "Siirtymä", "en": "Move"},
    "compare.no_movers": {"fi": "Kukaan ei vaihtanut segmenttiä.", "en": "Nobody changed segment."},
    "compare.download_pair": {
        "fi": "Lataa siirtymän {pair} yhteystietolista ({count})",
        "en": "Download the contact list of {pair} ({count})",
    },
    "compare.download_migration": {"fi": "migration.csv", "en": "migration.csv"},
    "compare.download_movers": {"fi": "Kaikki siirtyneet (movers.csv)", "en": "Every mover (movers.csv)"},
    "compare.download_lists": {"fi": "Siirtyneiden listat (ZIP)", "en": "The movers' lists (ZIP)"},
    # --- rules from a tree on the Personas page ----------------------------------------------------------------
    "treerules.title": {
        "fi": "Näin löydät segmentin CRM- tai sähköpostityökalustasi",
        "en": "How to find this segment in your CRM or email tool",
    },
    "treerules.intro": {
        "fi": "Matala päätöspuu kuvaa kunkin segmentin enintään kolmella ehdolla, jotka voi kirjoittaa "
        "suodattimiksi. Osuvuus kertoo, kuinka suuren osan asiakkaista ehdot sijoittavat kuten malli.",
        "en": "A shallow decision tree describes each segment in at most three conditions you can type in as "
        "filters. Fidelity tells the share of customers the conditions place as the model does.",
    },
    "treerules.line": {
        "fi": "**{name}**: {conditions}  \nosuvuus {fidelity} · löytää {recall} segmentistä · "
        "{precision} löydetyistä kuuluu segmenttiin",
        "en": "**{name}**: {conditions}  \nfidelity {fidelity} · finds {recall} of the segment · "
        "{precision} of those found are in it",
    },
    "treerules.everyone": {"fi": "kaikki asiakkaat", "en": "every customer"},
    "treerules.overall": {
        "fi": "Ehdot yhdessä (ensimmäinen osuma ratkaisee) sijoittavat {fidelity} asiakkaista kuten malli.",
        "en": "Together (first match wins) the conditions place {fidelity} of the customers as the model does.",
    },
    "treerules.copy": {"fi": "Kopioi säännöt Säännöt-sivulle", "en": "Copy the rules to the Rules page"},
    "treerules.download": {"fi": "Lataa säännöt (JSON)", "en": "Download the rules (JSON)"},
    "treerules.and": {"fi": " JA ", "en": " AND "},
    "treerules.op_between": {"fi": "{column} välillä {low}–{high}", "en": "{column} between {low} and {high}"},
    "treerules.op_>=": {"fi": "{column} ≥ {value}", "en": "{column} ≥ {value}"},
    "treerules.op_<=": {"fi": "{column} ≤ {value}", "en": "{column} ≤ {value}"},
    "treerules.op_==": {"fi": "{column} = {value}", "en": "{column} = {value}"},
    "treerules.op_in": {"fi": "{column} on {value}", "en": "{column} is {value}"},
    "treerules.op_not_in": {"fi": "{column} ei ole {value}", "en": "{column} is not {value}"},
    "treerules.op_contains": {"fi": "{column} sisältää {value}", "en": "{column} contains {value}"},
    "treerules.or": {"fi": " tai ", "en": " or "},
}

_CHANGE_COLUMNS = {
    "customers_old": ("Asiakkaita ennen", "Customers then"),
    "customers_new": ("Asiakkaita nyt", "Customers now"),
    "change": ("Muutos", "Change"),
    "change_share": ("Muutos-%", "Change %"),
    "revenue_old": ("Myynti ennen", "Revenue then"),
    "revenue_new": ("Myynti nyt", "Revenue now"),
    "revenue_change": ("Myynnin muutos", "Revenue change"),
    "order_value_old": ("Keskiostos ennen", "Average order then"),
    "order_value_new": ("Keskiostos nyt", "Average order now"),
}
"""The headers of the segment changes table (:attr:`SnapshotComparison.changes`), by column."""

TEXTS.update(
    {f"compare.col_{column}": {"fi": finnish, "en": english} for column, (finnish, english) in _CHANGE_COLUMNS.items()}
)
