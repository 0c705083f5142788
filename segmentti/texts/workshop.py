"""Texts of the workshop: the presentation view, the share link with its QR code, and links that ask for too much."""

TEXTS: dict[str, dict[str, str]] = {
    # presentation view
    "page.present": {"fi": "Esitys", "en": "Presentation"},
    "present.switch": {"fi": "Esitysnäkymä", "en": "Presentation view"},
    "present.switch_help": {
        "fi": "Isot tekstit ja kaaviot valkokankaalle, vaiheet Seuraava- ja Edellinen-painikkeilla. "
        "Myös osoitteella ?present=1.",
        "en": "Large text and charts for a projector, the steps with Next and Back buttons. Also as ?present=1.",
    },
    "present.exit": {"fi": "Lopeta esitys", "en": "Leave presentation"},
    "present.next": {"fi": "Seuraava", "en": "Next"},
    "present.back": {"fi": "Edellinen", "en": "Back"},
    "present.step_of": {"fi": "Vaihe {number}/{total}", "en": "Step {number} of {total}"},
    "present.step_data": {"fi": "Aineisto", "en": "The data"},
    "present.step_k": {"fi": "Montako segmenttiä?", "en": "How many segments?"},
    "present.step_map": {"fi": "Asiakaskartta", "en": "The customer map"},
    "present.step_personas": {"fi": "Persoonat", "en": "The personas"},
    "present.step_lists": {"fi": "Segmenttien listat", "en": "The segment lists"},
    "present.customers": {"fi": "Asiakkaita", "en": "Customers"},
    "present.columns": {"fi": "Saraketta", "en": "Columns"},
    "present.criteria_count": {"fi": "Kriteeriä", "en": "Criteria"},
    "present.data_name": {"fi": "Aineisto: {name}", "en": "Data: {name}"},
    "present.criteria": {"fi": "Segmentoinnin kriteerit: {criteria}", "en": "Segmented on: {criteria}"},
    "present.k": {"fi": "Segmenttien määrä", "en": "Number of segments"},
    "present.segments": {"fi": "Segmenttejä", "en": "Segments"},
    "present.lists_zip": {"fi": "Lataa kaikki listat (ZIP)", "en": "Download every list (ZIP)"},
    "present.lists_none": {
        "fi": "Aineistossa ei ole sähköpostisaraketta, joten postituslistoja ei synny. "
        "Segmenttien asiakkaat saa Vienti-sivulta.",
        "en": "The data has no email column, so there are no mailing lists. "
        "Each segment's customers are on the Export page.",
    },
    "present.lists_count": {
        "fi": "{lists} listaa, yhteensä {contacts} yhteystietoa, Mailchimpiin ja HubSpotiin sellaisenaan.",
        "en": "{lists} lists with {contacts} contacts in all, ready for Mailchimp and HubSpot.",
    },
    # share this view
    "share.button": {"fi": "Jaa tämä näkymä", "en": "Share this view"},
    "share.intro": {
        "fi": "Osallistujat avaavat saman näkymän omalla koneellaan tästä linkistä tai QR-koodista. "
        "Linkissä ovat vain asetukset, ei aineistoa: jokainen saa oman istuntonsa.",
        "en": "Participants open the same view on their own laptops from this link or QR code. "
        "The link carries the settings, never the data: everyone gets a session of their own.",
    },
    "share.qr": {"fi": "QR-koodi linkistä", "en": "QR code of the link"},
    "share.own_data": {
        "fi": "Linkki ei vie omaa aineistoasi. Osallistujat lataavat oman tiedostonsa, jossa on samat sarakkeet.",
        "en": "The link does not carry your own data. Participants upload a file of their own with the same columns.",
    },
    "share.local_only": {
        "fi": "Osoite {host} toimii vain tällä koneella. Jotta osallistujat pääsevät mukaan samasta verkosta, "
        "käynnistä sovellus komennolla make run ADDRESS=0.0.0.0 ja avaa se koneen verkko-osoitteella.",
        "en": "The address {host} works on this machine only. For participants on the same network, start the "
        "app with make run ADDRESS=0.0.0.0 and open it at this machine's network address.",
    },
    # a link asked for something there is not
    "link.heading": {
        "fi": "Linkki avattiin lähimpään mahdolliseen näkymään:",
        "en": "The link was opened at the nearest view there is:",
    },
    "link.unknown_sample": {
        "fi": "esimerkkiaineistoa ”{value}” ei ole, joten käytössä on oletusaineisto",
        "en": "there is no sample “{value}”, so the default sample is in use",
    },
    "link.unknown_criteria": {
        "fi": "aineistossa ei ole sarakkeita {columns}, joten ne jätettiin pois",
        "en": "the data has no columns {columns}, so they were left out",
    },
    "link.no_criteria": {
        "fi": "yhtäkään linkin kriteeriä ei ole aineistossa, joten käytössä ovat ehdotetut kriteerit",
        "en": "none of the link's criteria are in the data, so the suggested criteria are in use",
    },
    "link.unknown_weight": {
        "fi": "painotettua saraketta {columns} ei ole kriteereissä, joten sen paino jätettiin pois",
        "en": "the weighted columns {columns} are not among the criteria, so their weights were left out",
    },
    "link.bad_weight": {
        "fi": "painoa ”{value}” ei voi käyttää (muoto sarake:paino, paino 0–15)",
        "en": "the weight “{value}” cannot be used (write column:weight, a weight of 0–15)",
    },
    "link.unknown_method": {
        "fi": "menetelmää ”{value}” ei ole, joten käytössä on k-means",
        "en": "there is no method “{value}”, so k-means is in use",
    },
    "link.bad_k": {
        "fi": "segmenttien määrä ”{value}” ei ole kokonaisluku, joten käytössä on suositeltu määrä",
        "en": "the number of segments “{value}” is not a whole number, so the recommended number is in use",
    },
    "link.k_range": {
        "fi": "segmenttien määrä {value} ei ole välillä {low}–{high}, joten käytössä on suositeltu määrä",
        "en": "{value} segments is outside {low}–{high}, so the recommended number is in use",
    },
    "link.bad_seed": {
        "fi": "siemenluku ”{value}” ei ole kokonaisluku; sovellus segmentoi aina samalla siemenellä",
        "en": "the seed “{value}” is not a whole number; the app always segments with the same seed",
    },
    "link.seed": {
        "fi": "sovellus segmentoi siemenellä {seed}, ei linkin siemenellä {value}",
        "en": "the app segments with seed {seed}, not the link's seed {value}",
    },
    "link.unknown_lang": {
        "fi": "kieltä ”{value}” ei ole, joten kieli seuraa selainta",
        "en": "there is no language “{value}”, so the language follows the browser",
    },
    "link.unknown_page": {
        "fi": "sivua ”{value}” ei ole, joten avattiin aineistosivu",
        "en": "there is no page “{value}”, so the data page was opened",
    },
    "link.unknown_step": {
        "fi": "esityksen vaihetta ”{value}” ei ole, joten esitys alkaa alusta",
        "en": "the presentation has no step “{value}”, so it starts from the beginning",
    },
}
