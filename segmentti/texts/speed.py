"""Texts of fast loading and fast commands: whitespace-separated text, files without a header, order lines on the command line."""

TEXTS: dict[str, dict[str, str]] = {
    "separator.32": {"fi": "välilyönnit", "en": "spaces"},
    "data.no_header": {
        "fi": "ei otsikkoriviä (sarakkeet column_1, column_2 …; anna otsikkorivi, jos ensimmäinen rivi on otsikko)",
        "en": "no header row (columns column_1, column_2 …; set the header row if the first line is one)",
    },
}
