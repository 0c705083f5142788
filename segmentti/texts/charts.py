"""Chart titles, axis labels and legends."""

TEXTS: dict[str, dict[str, str]] = {
    "chart.recommended": {"fi": "suositus k = {k}", "en": "recommended k = {k}"},
    "chart.map_title": {
        "fi": "Asiakaskartta (PCA, {count} asiakasta)",
        "en": "Customer map (PCA, {count} customers)",
    },
    # a map axis named by the criteria that load most on it: further along it means more of some, less of others
    "chart.axis": {"fi": "Akseli {number} → {direction}", "en": "Axis {number} → {direction}"},
    "chart.axis_more": {"fi": "enemmän: {criteria}", "en": "more: {criteria}"},
    "chart.axis_less": {"fi": "vähemmän: {criteria}", "en": "less: {criteria}"},
    "chart.axis_plain": {"fi": "Akseli {number}", "en": "Axis {number}"},
    "chart.segment": {"fi": "Segmentti", "en": "Segment"},
    "chart.sizes_title": {"fi": "Segmenttien koot", "en": "Segment sizes"},
    "chart.customers": {"fi": "Asiakkaita", "en": "Customers"},
    "chart.profile_title": {
        "fi": "Segmenttien profiilit: miten kukin eroaa kaikista asiakkaista",
        "en": "Segment profiles: how each differs from all customers",
    },
    "chart.difference": {"fi": "Ero keskihajontoina", "en": "Difference in standard deviations"},
    "chart.difference_bar": {
        "fi": "Ero kaikkiin asiakkaisiin<br>(keskihajontoina;<br>+ enemmän, − vähemmän)",
        "en": "Difference from<br>all customers<br>(standard deviations;<br>+ more, − less)",
    },
    "chart.profile_hover": {
        "fi": "Segmentissä {value} · kaikilla asiakkailla {overall}",
        "en": "In the segment {value} · all customers {overall}",
    },
    "chart.profile_note": {
        "fi": "Väri ja luku kertovat saman asian: kuinka paljon segmentin keskiarvo (tai luokan osuus) eroaa "
        "kaikista asiakkaista keskihajontoina sillä asteikolla, jolla segmentit muodostettiin. +1,0 = yhden "
        "keskihajonnan verran enemmän. Vie osoitin solun päälle nähdäksesi segmentin ja kaikkien asiakkaiden arvot.",
        "en": "Colour and number say the same thing: how far the segment's average (or a category's share) is from "
        "all customers', in standard deviations on the scale the segments were found on. +1.0 = one standard "
        "deviation more. Hover over a cell to see the segment's value and all customers'.",
    },
}
