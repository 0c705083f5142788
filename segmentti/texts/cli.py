"""Messages of the command line."""

TEXTS: dict[str, dict[str, str]] = {
    "cli.segment_done": {
        "fi": "{rows} asiakasta jaettu {k} segmenttiin: {out}/segments.csv ja {out}/summary.json",
        "en": "{rows} customers in {k} segments: {out}/segments.csv and {out}/summary.json",
    },
    "cli.dropped": {
        "fi": "Tyhjät kriteerit jätettiin pois: {columns}",
        "en": "Empty criteria were left out: {columns}",
    },
    "cli.scan_header": {"fi": "Kriteerit: {criteria}", "en": "Criteria: {criteria}"},
    "cli.internal_error": {
        "fi": "odottamaton virhe segmentissä ({error}); ilmoita siitä kehittäjille.",
        "en": "unexpected error in segmentti ({error}); please report it to the developers.",
    },
}

# --help of the command line (argparse's own headings included, so a Finnish help is Finnish throughout)
TEXTS.update(
    {
        "cli.usage": {"fi": "käyttö: ", "en": "usage: "},
        "cli.positional": {"fi": "argumentit", "en": "positional arguments"},
        "cli.options": {"fi": "valinnat", "en": "options"},
        "cli.commands": {"fi": "komennot", "en": "commands"},
        "cli.see_help": {
            "fi": "katso: python -m segmentti {command} --help",
            "en": "see: python -m segmentti {command} --help",
        },
        "cli.help_help": {"fi": "näytä tämä ohje ja lopeta", "en": "show this help message and exit"},
        "cli.help_description": {
            "fi": "Asiakassegmentointi: jaa asiakastaulukko segmentteihin tai vertaa segmenttimääriä k.",
            "en": "Customer segmentation: segment a customer table or scan k.",
        },
        "cli.help_segment": {
            "fi": "jaa asiakkaat segmentteihin ja kirjoita segments.csv ja summary.json",
            "en": "segment customers and write segments.csv and summary.json",
        },
        "cli.help_scan": {
            "fi": "pisteytä k = k-min … k-max ja suosittele yhtä",
            "en": "score k = k-min … k-max and recommend one",
        },
        "cli.help_features": {
            "fi": "tee tilausriveistä yksi rivi asiakasta kohden (viimeisin osto, tilaukset, ostot, palautukset, osuudet)",
            "en": "turn order lines into one row per customer (recency, orders, spend, returns, shares)",
        },
        "cli.help_input": {
            "fi": "asiakastaulukko (tai tilausrivit, ks. --customer): .csv, .tsv, .txt, .csv.gz, .zip tai .xlsx",
            "en": "customer table (or order lines, see --customer): .csv, .tsv, .txt, .csv.gz, .zip or .xlsx",
        },
        "cli.help_input_orders": {
            "fi": "tilausrivit: .csv, .tsv, .txt, .csv.gz, .zip tai .xlsx",
            "en": "order lines: .csv, .tsv, .txt, .csv.gz, .zip or .xlsx",
        },
        "cli.help_criteria": {
            "fi": "segmentoinnin sarakkeet pilkuin eroteltuina (oletus: ehdotus, ks. --preset; ei koskaan "
            "tunnisteita, nimiä, sähköposteja eikä vapaata tekstiä)",
            "en": "columns to segment on, comma-separated (default: the suggestion, see --preset; never ids, names, "
            "emails or free text)",
        },
        "cli.help_seed": {"fi": "satunnaislukusiemen (oletus 0)", "en": "random seed (default 0)"},
        "cli.help_sheet": {
            "fi": "luettava Excel-välilehti (oletus: ensimmäinen)",
            "en": "Excel sheet to read (default: the first)",
        },
        "cli.help_lang": {
            "fi": "viestien ja segmenttien nimien kieli (oletus: LANG-ympäristömuuttujasta, muuten en)",
            "en": "language of messages and segment names (default: from LANG, else en)",
        },
        "cli.help_out_segment": {
            "fi": "kansio, johon segments.csv ja summary.json kirjoitetaan",
            "en": "folder to write segments.csv and summary.json into",
        },
        "cli.help_k": {
            "fi": "segmenttien määrä 2–50 tai auto (oletus: välin 2–10 vertailun suosittelema k)",
            "en": "number of segments 2–50, or auto (default: the recommended k of a scan over 2–10)",
        },
        "cli.help_k_min": {"fi": "pienin k (oletus {k})", "en": "smallest k (default {k})"},
        "cli.help_k_max": {"fi": "suurin k (oletus {k})", "en": "largest k (default {k})"},
        "cli.help_json": {"fi": "tulosta pisteet JSON-muodossa", "en": "print the scores as JSON"},
        "cli.help_out_features": {
            "fi": "CSV-tiedosto, johon asiakkaat kirjoitetaan",
            "en": "CSV file to write the customers to",
        },
        "cli.help_order_group": {"fi": "tilausrivit", "en": "order lines"},
        "cli.help_order_group_optional": {
            "fi": "tilausrivit (anna --customer, niin INPUT luetaan tilausriveinä)",
            "en": "order lines (give --customer to read INPUT as order lines)",
        },
        "cli.help_customer": {
            "fi": "tilausrivien asiakastunnussarake",
            "en": "customer id column of the order lines",
        },
        "cli.help_date": {"fi": "tilauspäivän sarake", "en": "order date column"},
        "cli.help_amount": {
            "fi": "rivin summan sarake (tai anna --quantity ja --price)",
            "en": "line amount column (or give --quantity and --price)",
        },
        "cli.help_quantity": {
            "fi": "määrän sarake, kerrotaan --price-sarakkeella",
            "en": "quantity column, multiplied by --price",
        },
        "cli.help_price": {"fi": "yksikköhinnan sarake", "en": "unit price column"},
        "cli.help_category": {
            "fi": "tuoteryhmän sarake (osuus ostoista suurimmissa tuoteryhmissä)",
            "en": "product category column (share of spend per top category)",
        },
        "cli.help_channel": {
            "fi": "myyntikanavan sarake (osuus ostoista kanavittain)",
            "en": "sales channel column (share of spend per channel)",
        },
        "cli.help_order": {
            "fi": "tilaus- tai laskunumeron sarake (oletus: yksi tilaus ostohetkeä kohden)",
            "en": "order or invoice id column (default: one order per purchase time)",
        },
        "cli.help_as_of": {
            "fi": "päivä VVVV-KK-PP, johon asti viimeisimmän oston ikä lasketaan (oletus: viimeistä tilausta seuraava päivä)",
            "en": "YYYY-MM-DD recency is counted to (default: the day after the last order)",
        },
        "cli.help_load_group": {
            "fi": "tiedoston lukeminen (oletus: tunnistetaan)",
            "en": "reading the file (default: detected)",
        },
        "cli.help_separator": {"fi": "kenttäerotin", "en": "field separator"},
        "cli.help_encoding": {"fi": "merkistö", "en": "text encoding"},
        "cli.help_decimal": {"fi": "lukujen desimaalimerkki", "en": "decimal mark of numbers"},
        "cli.help_header_row": {
            "fi": "otsikkorivin rivinumero (tai Excelin rivi), alkaen 1:stä",
            "en": "line (or Excel row) of the header, from 1",
        },
        "cli.help_date_order": {
            "fi": "dmy (31.12.2025) tai mdy (12/31/2025)",
            "en": "dmy (31.12.2025) or mdy (12/31/2025)",
        },
        "cli.help_method": {
            "fi": "kmeans (oletus), gmm, ward, hdbscan; segment-komennolle myös rfm (tarvitsee sarakkeet "
            "recency_days, orders, total_spend tai tilausrivien customer_id, order_date, amount_eur) ja rules "
            "(tarvitsee --rules)",
            "en": "kmeans (default), gmm, ward, hdbscan; for segment also rfm (needs recency_days, orders, "
            "total_spend or order lines customer_id, order_date, amount_eur) and rules (needs --rules)",
        },
        "cli.help_weights": {
            "fi": "painot kriteeriryhmälle tai sarakkeelle, esim. behavioural=2,age=0.5 (ryhmät: {families}; "
            "0 jättää pois)",
            "en": "weights per criteria family or column, e.g. behavioural=2,age=0.5 (families: {families}; "
            "0 leaves out)",
        },
        "cli.help_rules": {
            "fi": "sääntöjen JSON-tiedosto --method rules -valinnalle (sellaisena kuin sovelluksen Säännöt-sivu sen tallentaa)",
            "en": "rules JSON file for --method rules (as saved by the app's Rules page)",
        },
        # the scan table: short headings, one per score column
        "cli.scan_k": {"fi": "k", "en": "k"},
        "cli.scan_inertia": {"fi": "inertia", "en": "inertia"},
        "cli.scan_silhouette": {"fi": "siluetti", "en": "silhouette"},
        "cli.scan_calinski_harabasz": {"fi": "Calinski–Harabasz", "en": "calinski_harabasz"},
        "cli.scan_davies_bouldin": {"fi": "Davies–Bouldin", "en": "davies_bouldin"},
        "cli.scan_stability": {"fi": "vakaus", "en": "stability"},
        "cli.scan_recommended": {"fi": "suositeltu k: {k}", "en": "recommended_k: {k}"},
    }
)
