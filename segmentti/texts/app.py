"""Texts of the app's pages, labels, help and messages."""

TEXTS: dict[str, dict[str, str]] = {
    # frame
    "app.privacy": {
        "fi": "Aineistosi pysyy tällä koneella: mitään ei lähetetä minnekään eikä tallenneta ilman lupaasi.",
        "en": "Your data stays on this machine: nothing is sent anywhere or saved unless you export it.",
    },
    "app.using_data": {
        "fi": "Aineisto: {name} — {rows} riviä, {columns} saraketta",
        "en": "Data: {name} — {rows} rows, {columns} columns",
    },
    "page.data": {"fi": "1 Aineisto", "en": "1 Data"},
    "page.criteria": {"fi": "2 Kriteerit", "en": "2 Criteria"},
    "page.segments": {"fi": "3 Segmentit", "en": "3 Segments"},
    "page.export": {"fi": "5 Vienti", "en": "5 Export"},
    # data page
    "data.title": {"fi": "Asiakasaineisto", "en": "Customer data"},
    "data.source": {"fi": "Aineiston lähde", "en": "Source of data"},
    "data.source_sample": {"fi": "Esimerkkiaineisto", "en": "Sample data"},
    "data.source_upload": {"fi": "Oma tiedosto", "en": "My own file"},
    "data.sample": {"fi": "Esimerkkiaineisto", "en": "Sample data set"},
    "data.upload_help": {
        "fi": "CSV (pilkku, puolipiste, sarkain tai pystyviiva; myös desimaalipilkku ja Windows-merkistö), "
        "pakattu .csv.gz tai .zip, tai Excel .xlsx. Tiedosto käsitellään vain tällä koneella.",
        "en": "CSV (comma, semicolon, tab or vertical bar; decimal comma and Windows encoding too), "
        "packed .csv.gz or .zip, or Excel .xlsx. The file is processed on this machine only.",
    },
    "data.kept_previous": {
        "fi": "Jatketaan aiemmalla aineistolla: {name}.",
        "en": "Still working on the data loaded before: {name}.",
    },
    "data.sheet": {"fi": "Välilehti", "en": "Sheet"},
    "data.loaded": {"fi": "Käytössä: {name}", "en": "In use: {name}"},
    "data.shape": {"fi": "{rows} riviä × {columns} saraketta", "en": "{rows} rows × {columns} columns"},
    "data.separator": {"fi": "erotin: {separator}", "en": "separator: {separator}"},
    "data.encoding": {"fi": "merkistö: {encoding}", "en": "encoding: {encoding}"},
    "data.sheet_used": {"fi": "välilehti: {sheet}", "en": "sheet: {sheet}"},
    "data.columns": {"fi": "Sarakkeet", "en": "Columns"},
    "data.col_name": {"fi": "Sarake", "en": "Column"},
    "data.col_role": {"fi": "Tyyppi", "en": "Kind"},
    "data.col_distinct": {"fi": "Eri arvoja", "en": "Distinct values"},
    "data.col_missing": {"fi": "Puuttuu", "en": "Missing"},
    "data.col_usable": {"fi": "Kriteeriksi", "en": "Usable as criterion"},
    "data.next": {"fi": "Seuraavaksi: valitse kriteerit", "en": "Next: choose the criteria"},
    "separator.44": {"fi": "pilkku (,)", "en": "comma (,)"},
    "separator.59": {"fi": "puolipiste (;)", "en": "semicolon (;)"},
    "separator.9": {"fi": "sarkain", "en": "tab"},
    "separator.124": {"fi": "pystyviiva (|)", "en": "vertical bar (|)"},
    # column kinds and why a kind is not a criterion
    "role.id": {"fi": "tunniste", "en": "id"},
    "role.email": {"fi": "sähköposti", "en": "email"},
    "role.name": {"fi": "nimi", "en": "name"},
    "role.phone": {"fi": "puhelin", "en": "phone"},
    "role.numeric": {"fi": "numero", "en": "numeric"},
    "role.categorical": {"fi": "luokka", "en": "categorical"},
    "role.date": {"fi": "päivämäärä", "en": "date"},
    "role.text": {"fi": "vapaa teksti", "en": "free text"},
    "role.empty": {"fi": "tyhjä", "en": "empty"},
    "role.constant": {"fi": "vakio", "en": "constant"},
    "why.id": {
        "fi": "tunniste erottaa asiakkaat toisistaan mutta ei kerro heistä mitään; se kulkee mukana vienneissä.",
        "en": "an id tells customers apart but says nothing about them; it travels with the exports.",
    },
    "why.email": {
        "fi": "yhteystieto, kulkee mukana vienneissä.",
        "en": "a contact detail; it travels with the exports.",
    },
    "why.name": {"fi": "nimi, kulkee mukana vienneissä.", "en": "a name; it travels with the exports."},
    "why.phone": {
        "fi": "yhteystieto, kulkee mukana vienneissä.",
        "en": "a contact detail; it travels with the exports.",
    },
    "why.date": {
        "fi": "päivämäärä ei sellaisenaan ole kriteeri.",
        "en": "a date is not a criterion as it is.",
    },
    "why.text": {
        "fi": "liian monta eri arvoa ryhmittelyyn.",
        "en": "too many different values to group on.",
    },
    "why.empty": {"fi": "sarakkeessa ei ole arvoja.", "en": "the column has no values."},
    "why.constant": {
        "fi": "kaikilla sama arvo, ei erottele.",
        "en": "every row has the same value: it tells no one apart.",
    },
    "why.numeric": {"fi": "", "en": ""},
    "why.categorical": {"fi": "", "en": ""},
    # criteria page
    "criteria.title": {"fi": "Segmentointikriteerit", "en": "Segmentation criteria"},
    "criteria.intro": {
        "fi": "Valitse sarakkeet, joiden perusteella asiakkaat ryhmitellään — esimerkiksi ikä, asuinalue, "
        "tulotaso, kiinnostuksen kohteet tai ostotapa. Ehdotus on valmiina: ostokäyttäytymistä ja taustatietoja, "
        "ilman kampanjavastauksia ja muita tuloksia, joita kannattaa verrata segmenttien kesken.",
        "en": "Choose the columns customers are grouped on — for example age, region, income, interests or how "
        "they buy. A suggestion is ready: buying behaviour and background, without campaign responses and other "
        "outcomes, which are worth comparing between the segments.",
    },
    "criteria.choose": {"fi": "Kriteerit", "en": "Criteria"},
    "criteria.help": {
        "fi": "Numerosarakkeet skaalataan samaan mittakaavaan; luokkasarake painaa yhtä paljon kuin yksi numerosarake.",
        "en": "Numeric columns are put on one scale; a categorical column weighs as much as one numeric column.",
    },
    "criteria.none": {
        "fi": "Valitse vähintään yksi kriteeri.",
        "en": "Choose at least one criterion.",
    },
    "criteria.summary": {
        "fi": "{count} kriteeriä: {numeric} numero- ja {categorical} luokkasaraketta.",
        "en": "{count} criteria: {numeric} numeric and {categorical} categorical.",
    },
    "criteria.next": {"fi": "Seuraavaksi: segmentit", "en": "Next: the segments"},
    "criteria.left_out": {
        "fi": "{count} saraketta ei käy kriteeriksi — miksi?",
        "en": "{count} columns cannot be criteria — why?",
    },
    # segments page
    "segments.title": {"fi": "Segmentit", "en": "Segments"},
    "segments.back": {"fi": "Takaisin kriteereihin", "en": "Back to the criteria"},
    "segments.scanning": {"fi": "Lasketaan segmenttejä eri määrillä…", "en": "Trying different numbers of segments…"},
    "segments.dropped": {
        "fi": "Nämä kriteerit ovat kokonaan tyhjiä, joten ne jätettiin pois: {columns}",
        "en": "These criteria are entirely empty, so they were left out: {columns}",
    },
    "segments.criteria": {"fi": "Kriteerit: {criteria}", "en": "Criteria: {criteria}"},
    "segments.k": {"fi": "Segmenttien määrä (k)", "en": "Number of segments (k)"},
    "segments.k_help": {
        "fi": "Suositus on {k}: sillä segmentit erottuvat toisistaan selvimmin (suurin siluetti).",
        "en": "The recommendation is {k}: the segments stand apart most clearly (highest silhouette).",
    },
    "segments.customers": {"fi": "Asiakkaita", "en": "Customers"},
    "segments.count": {"fi": "Segmenttejä", "en": "Segments"},
    "segments.silhouette": {"fi": "Siluetti", "en": "Silhouette"},
    "segments.silhouette_help": {
        "fi": "−1…1: mitä suurempi, sitä selvemmin segmentit erottuvat. Yli 0,25 on käyttökelpoinen, yli 0,5 vahva.",
        "en": "−1…1: the higher, the more clearly the segments stand apart. Above 0.25 is usable, above 0.5 strong.",
    },
    "segments.table": {"fi": "Segmentit taulukkona", "en": "Segments as a table"},
    "segments.view_map": {"fi": "Asiakaskartta", "en": "Customer map"},
    "segments.view_sizes": {"fi": "Koot ja nimet", "en": "Sizes and names"},
    "segments.view_profiles": {"fi": "Profiilit", "en": "Profiles"},
    "segments.view_criterion": {"fi": "Kriteereittäin", "en": "By criterion"},
    "segments.name": {"fi": "Nimi", "en": "Name"},
    "segments.size": {"fi": "Koko", "en": "Size"},
    "segments.share": {"fi": "Osuus", "en": "Share"},
    "segments.next": {"fi": "Seuraavaksi: persoonat", "en": "Next: the personas"},
    # export page
    "export.title": {"fi": "Vie segmenttilistat", "en": "Export segment lists"},
    "export.segment_first": {
        "fi": "Muodosta ensin segmentit Segmentit-sivulla.",
        "en": "Form the segments on the Segments page first.",
    },
    "export.to_segments": {"fi": "Segmentteihin", "en": "To the segments"},
    "export.intro": {
        "fi": "Asiakkaat on jaettu {k} segmenttiin. Lataa yhden segmentin asiakkaat tai kaikki asiakkaat "
        "segmentteineen CSV-tiedostona (UTF-8, pilkkuerotin).",
        "en": "The customers are in {k} segments. Download one segment's customers, or all customers with "
        "their segment, as a CSV file (UTF-8, comma-separated).",
    },
    "export.choose_segment": {"fi": "Segmentti", "en": "Segment"},
    "export.download_segment": {
        "fi": "Lataa segmentin {count} asiakasta (CSV)",
        "en": "Download the segment's {count} customers (CSV)",
    },
    "export.all_title": {"fi": "Kaikki asiakkaat", "en": "All customers"},
    "export.download_all": {
        "fi": "Lataa kaikki {count} asiakasta segmentteineen (CSV)",
        "en": "Download all {count} customers with their segment (CSV)",
    },
    "export.col_segment": {"fi": "segmentti", "en": "segment"},
    "export.col_segment_name": {"fi": "segmentin_nimi", "en": "segment_name"},
    "export.file_segment": {"fi": "segmentti", "en": "segment"},
    "export.file_all": {"fi": "kaikki_segmentit", "en": "all_segments"},
    "export.again": {"fi": "Aloita alusta toisella aineistolla", "en": "Start again with other data"},
}
