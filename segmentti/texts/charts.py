"""Chart titles, axis labels and legends."""

TEXTS: dict[str, dict[str, str]] = {
    "chart.recommended": {"fi": "suositus k = {k}", "en": "recommended k = {k}"},
    "chart.map_title": {
        "fi": "Asiakaskartta (PCA, {count} asiakasta)",
        "en": "Customer map (PCA, {count} customers)",
    },
    "chart.map_x": {"fi": "Pääkomponentti 1", "en": "Principal component 1"},
    "chart.map_y": {"fi": "Pääkomponentti 2", "en": "Principal component 2"},
    "chart.segment": {"fi": "Segmentti", "en": "Segment"},
    "chart.sizes_title": {"fi": "Segmenttien koot", "en": "Segment sizes"},
    "chart.customers": {"fi": "Asiakkaita", "en": "Customers"},
    "chart.profile_title": {
        "fi": "Segmenttien profiilit: ero kaikkiin asiakkaisiin (keskihajontoina)",
        "en": "Segment profiles: difference from all customers (in standard deviations)",
    },
    "chart.difference": {"fi": "Ero", "en": "Difference"},
}
