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
    "cli.scan_reason": {
        "fi": "Suositus k = {k}: suurin siluetti (laskettu {sample} asiakkaan otoksesta).",
        "en": "Recommended k = {k}: the highest silhouette (computed on a sample of {sample} customers).",
    },
    "cli.internal_error": {
        "fi": "odottamaton virhe segmentissä ({error}); ilmoita siitä kehittäjille.",
        "en": "unexpected error in segmentti ({error}); please report it to the developers.",
    },
}
