"""Messages of user errors (SegmenttiError): what is wrong and what to do."""

TEXTS: dict[str, dict[str, str]] = {
    "error.empty_file": {
        "fi": "Tiedosto {name} on tyhjä. Valitse tiedosto, jossa on otsikkorivi ja asiakasrivejä.",
        "en": "The file {name} is empty. Choose a file with a header row and customer rows.",
    },
    "error.file_not_found": {
        "fi": "Tiedostoa {path} ei löydy. Tarkista polku.",
        "en": "There is no file {path}. Check the path.",
    },
    "error.file_unreadable": {
        "fi": "Tiedostoa {path} ei voi lukea ({reason}).",
        "en": "The file {path} cannot be read ({reason}).",
    },
    "error.not_a_table": {
        "fi": "Tiedosto {name} ei ole taulukko. Tallenna aineisto CSV- tai Excel (.xlsx) -muodossa.",
        "en": "The file {name} is not a table. Save the data as CSV or Excel (.xlsx).",
    },
    "error.zip_members": {
        "fi": "ZIP-tiedostossa {name} pitää olla täsmälleen yksi CSV- tai Excel-tiedosto; siinä on {count}.",
        "en": "The ZIP file {name} must hold exactly one CSV or Excel file; it holds {count}.",
    },
    "error.bad_excel": {
        "fi": "Excel-tiedostoa {name} ei voi avata: se on vioittunut tai salasanalla suojattu. "
        "Avaa se Excelissä ja tallenna uudelleen .xlsx-muodossa ilman salasanaa.",
        "en": "The Excel file {name} cannot be opened: it is damaged or password-protected. "
        "Open it in Excel and save it again as .xlsx without a password.",
    },
    "error.no_such_sheet": {
        "fi": "Työkirjassa ei ole välilehteä {sheet}. Välilehdet: {sheets}.",
        "en": "The workbook has no sheet {sheet}. Its sheets: {sheets}.",
    },
    "error.no_rows": {
        "fi": "Tiedostossa {name} ei ole yhtään asiakasriviä otsikkorivin alla.",
        "en": "The file {name} has no customer rows below its header.",
    },
    "error.single_column": {
        "fi": "Tiedostosta löytyi vain yksi sarake. Tarkista, että sarakkeet on eroteltu pilkulla, "
        "puolipisteellä, sarkaimella tai pystyviivalla.",
        "en": "Only one column was found. Check that the columns are separated by commas, "
        "semicolons, tabs or vertical bars.",
    },
    "error.duplicate_columns": {
        "fi": "Sarakkeen nimi toistuu: {columns}. Anna jokaiselle sarakkeelle oma nimi.",
        "en": "A column name appears twice: {columns}. Give every column a name of its own.",
    },
    "error.no_usable_columns": {
        "fi": "Aineistossa ei ole yhtään segmentointiin sopivaa numero- tai luokkasaraketta "
        "(tunnisteet, nimet, sähköpostit ja vapaa teksti eivät käy).",
        "en": "The data has no numeric or categorical column to segment on "
        "(ids, names, emails and free text cannot be used).",
    },
    "error.unknown_criteria": {
        "fi": "Aineistossa ei ole saraketta: {columns}. Sarakkeet: {available}.",
        "en": "The data has no column: {columns}. Its columns: {available}.",
    },
    "error.criteria_not_usable": {
        "fi": "Näitä sarakkeita ei voi käyttää kriteereinä (tunniste, nimi, yhteystieto, päivämäärä "
        "tai vapaa teksti): {columns}.",
        "en": "These columns cannot be criteria (an id, name, contact, date or free text): {columns}.",
    },
    "error.criteria_all_empty": {
        "fi": "Kaikki valitut kriteerit ovat tyhjiä ({columns}). Valitse sarakkeita, joissa on arvoja.",
        "en": "Every chosen criterion is empty ({columns}). Choose columns that have values.",
    },
    "error.bad_k": {
        "fi": "Segmenttejä pitää olla vähintään 2 (annettu {k}).",
        "en": "There must be at least 2 segments (got {k}).",
    },
    "error.bad_k_range": {
        "fi": "k-välin pitää olla vähintään 2 ja alkaa pienemmästä: annettu {k_min}–{k_max}.",
        "en": "The range of k must start at 2 or more and not run backwards: got {k_min}–{k_max}.",
    },
    "error.too_few_rows": {
        "fi": "{k} segmenttiin tarvitaan vähintään {k} asiakasta; aineistossa on {rows}. "
        "Valitse pienempi segmenttien määrä tai suurempi aineisto.",
        "en": "{k} segments need at least {k} customers; the data has {rows}. Choose fewer segments or more data.",
    },
    "error.too_few_distinct": {
        "fi": "Valituilla kriteereillä asiakkaista on vain {distinct} erilaista, joten {k} segmenttiä "
        "ei voi muodostaa. Valitse pienempi määrä tai lisää kriteerejä.",
        "en": "On the chosen criteria only {distinct} customers differ, so {k} segments cannot be "
        "formed. Choose fewer segments or add criteria.",
    },
    "error.bad_integer": {
        "fi": "{option} tarvitsee kokonaisluvun (annettu {value}).",
        "en": "{option} needs a whole number (got {value}).",
    },
    "error.bad_k_option": {
        "fi": "--k tarvitsee kokonaisluvun 2–50 tai arvon auto (annettu {value}).",
        "en": "--k needs a whole number 2–50 or auto (got {value}).",
    },
    "error.cannot_write": {
        "fi": "Tulosta ei voi kirjoittaa kansioon {path} ({reason}).",
        "en": "Cannot write the results to {path} ({reason}).",
    },
}
