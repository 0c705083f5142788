"""Texts of data in: loading, order lines, joins, column roles and families, data quality."""

TEXTS: dict[str, dict[str, str]] = {
    # errors
    "error.too_large": {
        "fi": "Tiedosto {name} on liian suuri ({size_mb} Mt); enintään {limit_mb} Mt. Pakkaa se (.csv.gz tai .zip) "
        "tai jätä tarpeettomat sarakkeet pois.",
        "en": "The file {name} is too large ({size_mb} MB); the limit is {limit_mb} MB. Pack it (.csv.gz or .zip) "
        "or leave out columns you do not need.",
    },
    "error.excel_protected": {
        "fi": "Excel-tiedosto {name} on salasanalla suojattu tai vanhaa .xls-muotoa. Poista salasana ja tallenna "
        "se .xlsx-muodossa.",
        "en": "The Excel file {name} is password-protected or in the old .xls format. Remove the password and "
        "save it as .xlsx.",
    },
    "error.bad_header_row": {
        "fi": "Otsikkoriviksi annettiin {row}, mutta tiedostossa on vain {rows} riviä.",
        "en": "Row {row} was given as the header, but the file has only {rows} rows.",
    },
    "error.bad_encoding_option": {
        "fi": "Tuntematon merkistö {value}. Vaihtoehdot: {choices}.",
        "en": "Unknown encoding {value}. Choices: {choices}.",
    },
    "error.bad_separator_option": {
        "fi": "Tuntematon erotin {value}: käytä pilkkua, puolipistettä, sarkainta tai pystyviivaa.",
        "en": "Unknown separator {value}: use a comma, semicolon, tab or vertical bar.",
    },
    "error.bad_decimal_option": {
        "fi": "Desimaalimerkin pitää olla piste tai pilkku (annettu {value}).",
        "en": "The decimal mark must be a dot or a comma (got {value}).",
    },
    "error.bad_date_order_option": {
        "fi": "Päivämäärien järjestys on dmy (päivä ensin) tai mdy (kuukausi ensin); annettu {value}.",
        "en": "The date order is dmy (day first) or mdy (month first); got {value}.",
    },
    "error.amount_not_numeric": {
        "fi": "Sarakkeessa {column} pitää olla lukuja, mutta siinä on myös muuta, esimerkiksi {examples}. "
        "Korjaa arvot tai valitse toinen sarake.",
        "en": "The column {column} must hold numbers, but it also holds other values, e.g. {examples}. "
        "Correct them or choose another column.",
    },
    "error.date_not_dates": {
        "fi": "Sarakkeessa {column} pitää olla päivämääriä, mutta siinä on myös muuta, esimerkiksi {examples}.",
        "en": "The column {column} must hold dates, but it also holds other values, e.g. {examples}.",
    },
    "error.unknown_order_columns": {
        "fi": "Tilausriveissä ei ole saraketta: {columns}. Sarakkeet: {available}.",
        "en": "The order lines have no column: {columns}. Their columns: {available}.",
    },
    "error.no_amount_mapping": {
        "fi": "Kerro tilausrivien summa: joko summasarake tai määrä- ja yksikköhintasarakkeet.",
        "en": "Say where the line amount is: an amount column, or a quantity and a unit price column.",
    },
    "error.no_customer_ids": {
        "fi": "Sarakkeessa {column} ei ole yhtään asiakastunnusta, joten rivejä ei voi koota asiakkaittain.",
        "en": "The column {column} holds no customer ids, so the lines cannot be put together per customer.",
    },
    "error.no_purchases": {
        "fi": "Yhdelläkään rivillä ei ole positiivista summaa ({column}), joten ostoja ei ole.",
        "en": "No line has a positive amount ({column}), so there are no purchases.",
    },
    "error.bad_as_of": {
        "fi": "Tarkastelupäivän pitää olla muotoa VVVV-KK-PP (annettu {value}).",
        "en": "The as-of date must look like YYYY-MM-DD (got {value}).",
    },
    "error.join_no_id_column": {
        "fi": "Tiedostossa {name} ei ole tunnussaraketta {column}. Sarakkeet: {available}.",
        "en": "The file {name} has no id column {column}. Its columns: {available}.",
    },
    "error.join_repeated_ids": {
        "fi": "Tiedostossa {name} sama tunnus ({column}) toistuu, esimerkiksi {examples}. Yhdistettävässä "
        "tiedostossa pitää olla yksi rivi asiakasta kohden (tilausrivit: valitse 'tilausrivit').",
        "en": "In {name} the same id ({column}) appears more than once, e.g. {examples}. A file to join needs "
        "one row per customer (for order lines choose 'order lines').",
    },
    "error.join_needs_ids": {
        "fi": "Valitse asiakastunnuksen sarake jokaiselle tiedostolle, jotta {name} voidaan yhdistää.",
        "en": "Choose the customer id column of every file so that {name} can be joined.",
    },
    "error.no_parts": {"fi": "Valitse ensin vähintään yksi tiedosto.", "en": "Choose at least one file first."},
    "error.unknown_fix": {"fi": "Tuntematon korjaus {action}.", "en": "Unknown fix {action}."},
    "error.unknown_fix_column": {
        "fi": "Korjattavaa saraketta {column} ei ole aineistossa.",
        "en": "The data has no column {column} to fix.",
    },
    "error.cli_needs_customer": {
        "fi": "Tilausrivien sarakkeet tarvitsevat myös asiakastunnuksen: anna --customer SARAKE.",
        "en": "Order-line options also need the customer id: give --customer COLUMN.",
    },
    "error.cli_needs_date": {
        "fi": "Tilausriveille tarvitaan päivämääräsarake: anna --date SARAKE.",
        "en": "Order lines need a date column: give --date COLUMN.",
    },
    "error.cli_amount_or_quantity": {
        "fi": "Anna joko --amount tai --quantity ja --price, ei molempia.",
        "en": "Give either --amount or --quantity and --price, not both.",
    },
    # command line
    "cli.features_done": {
        "fi": "{lines} riviä → {customers} asiakasta ({purchase_lines} ostoriviä, {return_lines} palautusriviä, "
        "ostot yhteensä {spend}, palautukset {returns}, nettomyynti {net}, tarkastelupäivä {as_of})",
        "en": "{lines} lines → {customers} customers ({purchase_lines} purchase lines, {return_lines} return "
        "lines, purchases {spend}, returns {returns}, net spend {net}, as of {as_of})",
    },
    "cli.ambiguous_dates": {
        "fi": "sarakkeen {column} päivämääristä ei näe, onko päivä vai kuukausi ensin; luettiin {order} "
        "(vaihda: --date-order dmy|mdy)",
        "en": "the dates in {column} do not show whether the day or the month comes first; read as {order} "
        "(change: --date-order dmy|mdy)",
    },
    "cli.features_written": {"fi": "Kirjoitettu: {out}", "en": "Written: {out}"},
    "cli.left_out_no_id": {
        "fi": "{count} riviä ilman asiakastunnusta jätettiin pois",
        "en": "{count} lines without a customer id were left out",
    },
    "cli.left_out_no_date": {
        "fi": "{count} riviä ilman päivämäärää jätettiin pois",
        "en": "{count} lines without a date were left out",
    },
    "cli.left_out_no_amount": {
        "fi": "{count} riviä ilman summaa jätettiin pois",
        "en": "{count} lines without an amount were left out",
    },
    "cli.left_out_after_as_of": {
        "fi": "{count} riviä tarkastelupäivän jälkeen jätettiin pois",
        "en": "{count} lines after the as-of date were left out",
    },
    "cli.zero_lines": {
        "fi": "{count} riviä, joiden summa on 0, ei laskettu ostoiksi eikä palautuksiksi",
        "en": "{count} lines with amount 0 were counted neither as purchases nor as returns",
    },
    "cli.left_out_only_returns": {
        "fi": "{count} asiakasta, joilla oli vain palautuksia, jätettiin pois",
        "en": "{count} customers with only returns were left out",
    },
    # column roles and families
    "role.first_name": {"fi": "etunimi", "en": "first name"},
    "role.last_name": {"fi": "sukunimi", "en": "last name"},
    "role.ignore": {"fi": "ohita", "en": "ignore"},
    "why.first_name": {"fi": "nimi, kulkee mukana vienneissä.", "en": "a name; it travels with the exports."},
    "why.last_name": {"fi": "nimi, kulkee mukana vienneissä.", "en": "a name; it travels with the exports."},
    "why.ignore": {"fi": "olet valinnut, että sarake ohitetaan.", "en": "you chose to ignore this column."},
    "family.demographic": {"fi": "demografinen", "en": "demographic"},
    "family.geographic": {"fi": "maantieteellinen", "en": "geographic"},
    "family.socio_economic": {"fi": "sosioekonominen", "en": "socio-economic"},
    "family.behavioural": {"fi": "käyttäytyminen", "en": "behavioural"},
    "family.psychographic": {"fi": "psykografinen", "en": "psychographic"},
    "family.firmographic": {"fi": "yritystiedot (B2B)", "en": "firmographic (B2B)"},
    "family.other": {"fi": "muu", "en": "other"},
    # default criteria and presets
    "error.unknown_preset": {
        "fi": "Tuntematon kriteeriesivalinta {preset}. Vaihtoehdot: {known}.",
        "en": "Unknown criteria preset {preset}. Choices: {known}.",
    },
    "error.preset_empty": {
        "fi": "Aineistossa ei ole yhtään käyttökelpoista saraketta esivalintaan {preset}. Valitse kriteerit "
        "itse tai korjaa sarakkeiden ryhmät data-sivulla.",
        "en": "The data has no usable column for the preset {preset}. Choose the criteria yourself or correct "
        "the columns' families on the data page.",
    },
    "error.bad_kinds_option": {
        "fi": "--kinds odottaa muotoa SARAKE=laji pilkuin eroteltuina (annettu {value}); lajit: {kinds}.",
        "en": "--kinds expects COLUMN=kind, comma-separated (given {value}); kinds: {kinds}.",
    },
    "cli.help_preset": {
        "fi": "valmis kriteerivalinta --criteria-valinnan sijaan: who = keitä he ovat (ikä, perhe, asuinpaikka, "
        "tulot, yrityksen tiedot), how = miten he ostavat (ostot, kanavat, summat), think = mitä he ajattelevat "
        "(kiinnostukset, asenteet); oletus: enintään 8 saraketta ostoista ja taustasta, ei tulossarakkeita "
        "(vastasi, konversio, valitus) eikä lähes vakioita lippuja",
        "en": "a ready set of criteria instead of --criteria: who = who they are (age, family, location, income, "
        "company facts), how = how they buy (purchases, channels, amounts), think = what they think (interests, "
        "attitudes); default: at most 8 columns of buying and background, never outcomes (response, converted, "
        "complaint) or nearly constant flags",
    },
    "cli.help_kinds": {
        "fi": "miten sarake tulee ryhmittelyyn, esim. Channel=numeric,Region=categorical (oletus: tunnistettu "
        "laji; pienet kokonaislukukoodit ovat luokkia)",
        "en": "how a column enters the clustering, e.g. Channel=numeric,Region=categorical (default: the "
        "detected kind; small whole-number codes are categories)",
    },
    "preset.suggested": {"fi": "Ehdotus: osto ja tausta", "en": "Suggested: buying and background"},
    "preset.who": {"fi": "Keitä he ovat", "en": "Who they are"},
    "preset.how": {"fi": "Miten he ostavat", "en": "How they buy"},
    "preset.think": {"fi": "Mitä he ajattelevat", "en": "What they think"},
    "criteria.preset": {"fi": "Aloita valmiista valinnasta", "en": "Start from a ready set"},
    "criteria.preset_help": {
        "fi": "Ehdotus poimii enintään {limit} saraketta vuorotellen ostokäyttäytymisestä, taustatiedoista ja "
        "muista ryhmistä, yhden kustakin aiheesta. Keitä he ovat: ikä, perhe, asuinpaikka, tulot, yrityksen "
        "tiedot. Miten he ostavat: ostot, kanavat, summat. Mitä he ajattelevat: kiinnostukset ja asenteet.",
        "en": "The suggestion picks at most {limit} columns, taking turns between buying behaviour, background and "
        "the other families, one per topic. Who they are: age, family, location, income, company facts. How they "
        "buy: purchases, channels, amounts. What they think: interests and attitudes.",
    },
    "criteria.not_default": {
        "fi": "Miksi ehdotuksessa ei ole kaikkia sarakkeita?",
        "en": "Why does the suggestion leave columns out?",
    },
    "criteria.outcomes": {
        "fi": "Tulossarakkeet ({columns}): ne kertovat, mihin kampanja tai asiakkuus johti. Vertaa niitä "
        "segmenttien kesken — jos segmentoit niillä, segmentit vain toistavat tuloksen.",
        "en": "Outcomes ({columns}): they tell what a campaign or the relationship led to. Compare them between "
        "segments — segmenting on them would only make the segments restate the result.",
    },
    "criteria.near_constant": {
        "fi": "Lähes vakiot ({columns}): yksi arvo on vähintään {share} riveistä, joten ne erottavat vain "
        "kourallisen asiakkaita omaksi ryhmäkseen.",
        "en": "Nearly constant ({columns}): one value fills at least {share} of the rows, so they would only set "
        "a handful of customers apart.",
    },
    "criteria.duplicate": {
        "fi": "{column} kertoo lähes saman kuin {kept}.",
        "en": "{column} says almost the same as {kept}.",
    },
    "criteria.beyond_limit": {
        "fi": "Rajattu {limit} kriteeriin, jotta segmentit pysyvät luettavina: {columns}. Lisää ne, jos ne ovat "
        "sinulle tärkeitä.",
        "en": "Kept to {limit} criteria so the segments stay readable: {columns}. Add them if they matter to you.",
    },
    # samples
    "sample.b2c_orders": {
        "fi": "Tilausrivit (noin 150 000 riviä, .csv.gz)",
        "en": "Order lines (about 150,000 lines, .csv.gz)",
    },
    "sample.b2c_customers_orders": {
        "fi": "Kuluttaja-asiakkaat + tilausrivit yhdistettynä",
        "en": "Consumer customers + order lines, joined",
    },
    # data page
    "page.quality": {"fi": "1b Laatu", "en": "1b Quality"},
    "data.intro_files": {
        "fi": "Aloita esimerkkiaineistolla tai lataa omat tiedostosi (CSV tai Excel): asiakasrivit, tilausrivit tai "
        "useampi tiedosto, joilla on yhteinen asiakastunnus (esim. CRM, myyntihistoria ja kysely).",
        "en": "Start with sample data or upload your own files (CSV or Excel): customer rows, order lines, or "
        "several files that share a customer id (e.g. CRM, sales history and a survey).",
    },
    "data.upload_files": {"fi": "Lataa tiedostot", "en": "Upload files"},
    "data.upload_again": {
        "fi": "Käytössä on aiemmin ladattu {name}. Lataa tiedostot uudelleen, jos haluat muuttaa, miten ne luetaan.",
        "en": "{name}, loaded before, is in use. Upload the files again to change how they are read.",
    },
    "data.auto": {"fi": "tunnista", "en": "detect"},
    "data.none": {"fi": "—", "en": "—"},
    "data.correct_detected": {"fi": "Korjaa tunnistettua", "en": "Correct what was detected"},
    "data.opt_separator": {"fi": "Erotin", "en": "Separator"},
    "data.opt_encoding": {"fi": "Merkistö", "en": "Encoding"},
    "data.opt_decimal": {"fi": "Desimaalimerkki", "en": "Decimal mark"},
    "data.opt_header_row": {"fi": "Otsikkorivi (0 = tunnista)", "en": "Header row (0 = detect)"},
    "data.opt_date_order": {"fi": "Päivämäärät", "en": "Dates"},
    "date_order.dmy": {"fi": "päivä ensin (31.12.2025)", "en": "day first (31.12.2025)"},
    "date_order.mdy": {"fi": "kuukausi ensin (12/31/2025)", "en": "month first (12/31/2025)"},
    "data.decimal": {"fi": "desimaalimerkki: {decimal}", "en": "decimal mark: {decimal}"},
    "data.header_row": {"fi": "otsikkorivi: {row}", "en": "header row: {row}"},
    "data.date_formats": {"fi": "päivämäärät: {formats}", "en": "dates: {formats}"},
    "data.ambiguous_dates": {
        "fi": "Sarakkeen {column} päivämääristä ei voi päätellä, kumpi on ensin, päivä vai kuukausi. "
        "Ne luettiin: {order}. Vaihda tarvittaessa kohdassa 'Korjaa tunnistettua'.",
        "en": "The dates in {column} do not show whether the day or the month comes first. They were read as "
        "{order}. Change it under 'Correct what was detected' if needed.",
    },
    "data.looks_like_orders": {
        "fi": "Tämä näyttää tilausriveiltä: asiakastunnus toistuu (keskimäärin {per} riviä asiakasta kohden) ja "
        "riveillä on päivämäärä ja summa. Ne kootaan yhdeksi riviksi asiakasta kohden.",
        "en": "This looks like order lines: the customer id repeats ({per} lines per customer on average) and "
        "the lines have a date and an amount. They are put together into one row per customer.",
    },
    "data.kind": {"fi": "Tiedostossa on", "en": "The file holds"},
    "data.kind_customers": {"fi": "asiakasrivejä (yksi rivi per asiakas)", "en": "customers (one row each)"},
    "data.kind_orders": {"fi": "tilausrivejä", "en": "order lines"},
    "data.map_customer": {"fi": "Asiakastunnus", "en": "Customer id"},
    "data.map_date": {"fi": "Päivämäärä", "en": "Date"},
    "data.map_amount": {"fi": "Summa", "en": "Amount"},
    "data.map_order": {"fi": "Tilausnumero", "en": "Order id"},
    "data.map_quantity": {"fi": "Määrä (jos ei summaa)", "en": "Quantity (without amount)"},
    "data.map_price": {"fi": "Yksikköhinta (jos ei summaa)", "en": "Unit price (without amount)"},
    "data.map_category": {"fi": "Tuoteryhmä", "en": "Product category"},
    "data.map_channel": {"fi": "Myyntikanava", "en": "Sales channel"},
    "data.as_of": {"fi": "Tarkastelupäivä", "en": "As-of date"},
    "data.as_of_help": {
        "fi": "Päivä, johon asti ostot lasketaan ja josta viimeisimmän oston ikä lasketaan. Tyhjä: viimeistä "
        "tilausta seuraava päivä.",
        "en": "The day purchases are counted up to and recency is measured from. Empty: the day after the last order.",
    },
    "data.join_id": {"fi": "Asiakastunnus yhdistämiseen", "en": "Customer id to join on"},
    "data.built_customers": {
        "fi": "{name}: {lines} riviä → {customers} asiakasta ({purchase_lines} ostoriviä, {return_lines} "
        "palautusriviä, ostot yhteensä {spend}, palautukset {returns}, nettomyynti {net}, tarkastelupäivä {as_of}).",
        "en": "{name}: {lines} lines → {customers} customers ({purchase_lines} purchase lines, {return_lines} "
        "return lines, purchases {spend}, returns {returns}, net spend {net}, as of {as_of}).",
    },
    "data.left_out_no_id": {
        "fi": "{count} riviä ilman asiakastunnusta jätettiin pois.",
        "en": "{count} lines without a customer id were left out.",
    },
    "data.left_out_no_date": {
        "fi": "{count} riviä ilman päivämäärää jätettiin pois.",
        "en": "{count} lines without a date were left out.",
    },
    "data.left_out_no_amount": {
        "fi": "{count} riviä ilman summaa jätettiin pois.",
        "en": "{count} lines without an amount were left out.",
    },
    "data.left_out_after_as_of": {
        "fi": "{count} riviä tarkastelupäivän jälkeen jätettiin pois.",
        "en": "{count} lines after the as-of date were left out.",
    },
    "data.zero_lines": {
        "fi": "{count} riviä, joiden summa on 0, ei laskettu ostoiksi eikä palautuksiksi.",
        "en": "{count} lines with amount 0 were counted neither as purchases nor as returns.",
    },
    "data.left_out_only_returns": {
        "fi": "{count} asiakasta, joilla oli vain palautuksia, jätettiin pois.",
        "en": "{count} customers with only returns were left out.",
    },
    "data.joined": {
        "fi": "{name} yhdistettiin: {matched} asiakasta löytyi molemmista. Vain ensimmäisessä {only_left} "
        "(esim. {left_examples}); vain tiedostossa {name} {only_right} (esim. {right_examples}), ne jätettiin pois.",
        "en": "{name} joined: {matched} customers found in both. Only in the first file: {only_left} "
        "(e.g. {left_examples}); only in {name}: {only_right} (e.g. {right_examples}), left out.",
    },
    "data.columns_help": {
        "fi": "Tyyppi ja kriteeriperhe on arvattu sarakkeen nimestä ja arvoista; korjaa ne tarvittaessa. "
        "Tunnisteet ja yhteystiedot eivät ole kriteerejä, mutta ne kulkevat mukana vienneissä.",
        "en": "The kind and criteria family are guessed from each column's name and values; correct them if "
        "needed. Ids and contact details are never criteria but travel to the exports.",
    },
    "data.col_family": {"fi": "Kriteeriperhe", "en": "Criteria family"},
    "data.col_label": {"fi": "Nimi kaavioissa", "en": "Label in charts"},
    "data.col_label_help": {
        "fi": "Luettava nimi, jolla sarake näkyy kaavioissa, persoonissa ja raporteissa. Tyhjä palauttaa "
        "otsikosta tehdyn nimen.",
        "en": "The readable name the column goes by in charts, personas and reports. Clear it to get back "
        "the name made from the header.",
    },
    "data.currency": {"fi": "Rahasummien valuutta", "en": "Currency of the amounts"},
    "data.currency_help": {
        "fi": "Näkyy persoonien tunnusluvuissa ja raporteissa. Summat pyöristetään kokonaisiksi.",
        "en": "Shown with the personas' KPIs and in the reports. Amounts are rounded to whole units.",
    },
    "data.currency_none": {"fi": "ei valuuttaa", "en": "no currency"},
    "data.file_failed": {
        "fi": "Tiedostoa {name} ei voitu lukea: {error}",
        "en": "{name} could not be read: {error}",
    },
    "data.loaded_without": {
        "fi": "Ladattiin muut tiedostot ilman tiedostoa: {names}. Poista se latauskentästä tai korjaa se ja "
        "lisää uudelleen.",
        "en": "The other files were loaded without {names}. Remove it from the upload field, or fix it and "
        "add it again.",
    },
    "data.next_quality": {"fi": "Seuraavaksi: tarkista aineiston laatu", "en": "Next: check the data quality"},
    # quality page
    "quality.title": {"fi": "Aineiston laatu", "en": "Data quality"},
    "quality.intro": {
        "fi": "Ennen segmentointia: mitä aineistossa on pielessä ja miten sen voi korjata. Korjaukset tehdään "
        "kopioon; ladattu aineisto pysyy ennallaan, ja tehdyt korjaukset kulkevat mukana vienneissä.",
        "en": "Before segmenting: what is wrong with the data and how to fix it. Fixes work on a copy; the "
        "loaded data stays as it is, and the fixes applied travel with the exports.",
    },
    "quality.rows": {"fi": "Rivejä", "en": "Rows"},
    "quality.duplicate_rows": {"fi": "Toistuvia rivejä", "en": "Duplicate rows"},
    "quality.duplicate_ids": {"fi": "Toistuvia tunnuksia", "en": "Duplicate ids"},
    "quality.problems": {"fi": "Ongelmia", "en": "Problems"},
    "quality.clean": {"fi": "Ongelmia ei löytynyt.", "en": "No problems found."},
    "quality.found": {"fi": "Löydetyt ongelmat ja korjaukset", "en": "Problems found and fixes"},
    "quality.missing_per_column": {"fi": "Puuttuvat arvot sarakkeittain", "en": "Missing values per column"},
    "quality.missing_count": {"fi": "Puuttuu", "en": "Missing"},
    "quality.steps": {"fi": "Tehdyt korjaukset", "en": "Fixes applied"},
    "quality.original_kept": {
        "fi": "Ladattu aineisto ({rows} riviä) on tallessa muuttumattomana; käytössä on korjattu kopio ({now} riviä).",
        "en": "The loaded data ({rows} rows) is kept unchanged; the fixed copy ({now} rows) is in use.",
    },
    "problem.duplicate_rows": {
        "fi": "{count} riviä on toisen rivin kaksoiskappale.",
        "en": "{count} rows are copies of another row.",
    },
    "problem.duplicate_ids": {
        "fi": "Tunnus {column} toistuu {count} kertaa.",
        "en": "The id {column} repeats {count} times.",
    },
    "problem.missing": {"fi": "{column}: {count} arvoa puuttuu.", "en": "{column}: {count} values missing."},
    "problem.empty_column": {
        "fi": "{column} on kokonaan tyhjä.",
        "en": "{column} is entirely empty.",
    },
    "problem.constant_column": {
        "fi": "{column}: kaikilla riveillä sama arvo, ei erottele asiakkaita.",
        "en": "{column}: the same value on every row; it tells no one apart.",
    },
    "problem.invalid_emails": {
        "fi": "{column}: {count} osoitetta ei ole kelvollisia sähköpostiosoitteita.",
        "en": "{column}: {count} addresses are not valid email addresses.",
    },
    "problem.outliers": {
        "fi": "{column}: {count} poikkeavaa arvoa (alle {low} tai yli {high}).",
        "en": "{column}: {count} outliers (below {low} or above {high}).",
    },
    "problem.outliers_low": {
        "fi": "{column}: {count} poikkeavan pientä arvoa (alle {low}).",
        "en": "{column}: {count} unusually small values (below {low}).",
    },
    "problem.outliers_high": {
        "fi": "{column}: {count} poikkeavan suurta arvoa (yli {high}).",
        "en": "{column}: {count} unusually large values (above {high}).",
    },
    "problem.future_dates": {
        "fi": "{column}: {count} päivämäärää on tulevaisuudessa.",
        "en": "{column}: {count} dates are in the future.",
    },
    "problem.negative_amounts": {
        "fi": "{column}: {count} negatiivista summaa.",
        "en": "{column}: {count} negative amounts.",
    },
    "fix.leave": {"fi": "jätä ennalleen", "en": "leave as it is"},
    "fix.drop_duplicate_rows": {"fi": "poista toistuvat rivit", "en": "drop duplicate rows"},
    "fix.drop_duplicate_ids": {"fi": "pidä tunnuksen ensimmäinen rivi", "en": "keep each id's first row"},
    "fix.fill_missing": {"fi": "täytä (mediaani / yleisin arvo)", "en": "fill (median / most common value)"},
    "fix.drop_missing": {"fi": "poista rivit, joilta arvo puuttuu", "en": "drop rows without a value"},
    "fix.cap_outliers": {"fi": "rajaa poikkeavat arvot", "en": "cap the outliers"},
    "fix.drop_invalid_emails": {"fi": "poista virheelliset yhteystiedot", "en": "drop invalid contacts"},
    "fix.drop_column": {"fi": "jätä sarake pois", "en": "drop the column"},
    "fix.drop_future_dates": {"fi": "poista tulevaisuuden päivät", "en": "drop rows with future dates"},
    "fix.drop_negative": {"fi": "poista negatiiviset", "en": "drop negative values"},
    "step.drop_duplicate_rows": {
        "fi": "Poistettiin {rows} toistuvaa riviä.",
        "en": "Dropped {rows} duplicate rows.",
    },
    "step.drop_duplicate_ids": {
        "fi": "Pidettiin tunnuksen {column} ensimmäinen rivi: {rows} riviä poistettiin.",
        "en": "Kept the first row of each {column}: {rows} rows dropped.",
    },
    "step.fill_missing": {
        "fi": "Sarakkeen {column} {rows} puuttuvaa arvoa täytettiin arvolla {value}.",
        "en": "Filled {rows} missing values of {column} with {value}.",
    },
    "step.drop_missing": {
        "fi": "Poistettiin {rows} riviä, joilta puuttui {column}.",
        "en": "Dropped {rows} rows without {column}.",
    },
    "step.cap_outliers": {
        "fi": "Sarakkeen {column} {rows} poikkeavaa arvoa rajattiin välille {low}–{high}.",
        "en": "Capped {rows} outliers of {column} to {low}–{high}.",
    },
    "step.drop_invalid_emails": {
        "fi": "Poistettiin {rows} riviä, joiden {column} ei ole kelvollinen osoite.",
        "en": "Dropped {rows} rows whose {column} is not a valid address.",
    },
    "step.drop_column": {"fi": "Sarake {column} jätettiin pois.", "en": "Dropped the column {column}."},
    "step.drop_future_dates": {
        "fi": "Poistettiin {rows} riviä, joiden {column} on tulevaisuudessa.",
        "en": "Dropped {rows} rows whose {column} is in the future.",
    },
    "step.drop_negative": {
        "fi": "Poistettiin {rows} riviä, joiden {column} on negatiivinen.",
        "en": "Dropped {rows} rows with a negative {column}.",
    },
}
