"""Texts of fast loading and fast commands: whitespace-separated text, files without a header, order lines on the command line."""

TEXTS: dict[str, dict[str, str]] = {
    "separator.32": {"fi": "välilyönnit", "en": "spaces"},
    "data.no_header": {
        "fi": "ei otsikkoriviä (sarakkeet column_1, column_2 …; anna otsikkorivi, jos ensimmäinen rivi on otsikko)",
        "en": "no header row (columns column_1, column_2 …; set the header row if the first line is one)",
    },
    "cli.orders_recognised": {
        "fi": "{name} näyttää tilausriveiltä ({per} riviä asiakasta kohden): siitä tehdään yksi rivi asiakasta "
        "kohden sarakkeilla {options}. Valitse muut sarakkeet näillä valinnoilla, tai anna --customer-table, "
        "jos jokainen rivi on asiakas.",
        "en": "{name} looks like order lines ({per} lines per customer): building one row per customer from "
        "{options}. Give these options to choose other columns, or --customer-table if each line is a customer.",
    },
    "error.cli_customer_table_with_orders": {
        "fi": "Anna joko --customer-table (rivi asiakasta kohden) tai tilausrivien sarakkeet (--customer …), ei molempia.",
        "en": "Give either --customer-table (one row per customer) or the order-line columns (--customer …), not both.",
    },
    "cli.help_customer_table": {
        "fi": "INPUT on asiakastaulukko (rivi asiakasta kohden), vaikka se näyttäisi tilausriveiltä",
        "en": "INPUT is a customer table (one row per customer) even if it looks like order lines",
    },
}
