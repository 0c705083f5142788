"""Texts of the segmentation engine: methods, the choice of k, RFM, rules and their errors."""

TEXTS: dict[str, dict[str, str]] = {
    # errors
    "error.bad_weight": {
        "fi": "Painon {name} pitää olla nolla tai positiivinen luku; nyt se on {value}.",
        "en": "The weight of {name} must be zero or a positive number; it is {value}.",
    },
    "error.unknown_family": {
        "fi": "Tuntematon kriteeriperhe: {names}. Perheet: {known}.",
        "en": "Unknown criteria family: {names}. The families are: {known}.",
    },
    "error.bad_weights_option": {
        "fi": "--weights odottaa muotoa PERHE=PAINO,SARAKE=PAINO (esim. behavioural=2,age=0.5); nyt: {value}.",
        "en": "--weights expects FAMILY=WEIGHT,COLUMN=WEIGHT (e.g. behavioural=2,age=0.5); got: {value}.",
    },
    "error.unknown_weight_name": {
        "fi": "Painotettava {name} ei ole kriteeriperhe eikä sarake. Perheet: {families}.",
        "en": "{name} is neither a criteria family nor a column, so it cannot be weighted. Families: {families}.",
    },
    "error.unknown_method": {
        "fi": "Tuntematon menetelmä {method}. Vaihtoehdot: {known}.",
        "en": "Unknown method {method}. The choices are: {known}.",
    },
    "error.scan_method": {
        "fi": "Menetelmälle {method} ei voi käydä läpi segmenttien määriä: se päättää määrän itse. "
        "Käytä kmeans-, gmm- tai ward-menetelmää.",
        "en": "The method {method} cannot scan numbers of segments: it decides the number itself. "
        "Use kmeans, gmm or ward.",
    },
    "error.hdbscan_no_groups": {
        "fi": "HDBSCAN ei löytänyt yhtään vähintään {size} asiakkaan ryhmää. Kokeile toisia kriteerejä "
        "tai k-means-menetelmää.",
        "en": "HDBSCAN found no group of at least {size} customers. Try other criteria or k-means.",
    },
    "error.rfm_missing_columns": {
        "fi": "RFM tarvitsee sarakkeet {columns}; aineistossa ei ole sarakkeita {missing}.",
        "en": "RFM needs the columns {columns}; the data has no {missing}.",
    },
    "error.rfm_no_purchases": {
        "fi": "Tilausriveillä ei ole yhtään ostoa (positiivista summaa), joten RFM:ää ei voi laskea.",
        "en": "The order lines hold no purchase (positive amount), so RFM cannot be computed.",
    },
    "error.rfm_bad_dates": {
        "fi": "Sarakkeen {column} arvoja ei voi lukea päivämääriksi (esim. {example}).",
        "en": "The values of {column} cannot be read as dates (e.g. {example}).",
    },
    "error.rfm_bad_edges": {
        "fi": "Rajat sarakkeelle {column} pitää olla neljä kasvavaa lukua (yhtä suuret rajat jättävät pisteen "
        "tyhjäksi); nyt: {edges}.",
        "en": "The edges for {column} must be four increasing numbers (equal edges leave a score empty); got: {edges}.",
    },
    "error.rfm_too_few": {
        "fi": "RFM-pisteytys tarvitsee vähintään 5 asiakasta; nyt heitä on {rows}.",
        "en": "RFM scoring needs at least 5 customers; there are {rows}.",
    },
    "error.rules_bad_json": {
        "fi": "Sääntötiedostoa ei voi lukea: {reason}.",
        "en": "The rules file cannot be read: {reason}.",
    },
    "error.rules_not_a_list": {
        "fi": 'Sääntötiedostossa pitää olla luettelo sääntöjä kohdassa "rules".',
        "en": 'The rules file must hold a list of rules under "rules".',
    },
    "error.rules_no_name": {
        "fi": "Säännöltä {number} puuttuu nimi. Anna jokaiselle säännölle nimi.",
        "en": "Rule {number} has no name. Give every rule a name.",
    },
    "error.rules_no_condition": {
        "fi": "Säännöllä {rule} ei ole yhtään ehtoa. Lisää vähintään yksi ehto.",
        "en": "The rule {rule} has no condition. Add at least one condition.",
    },
    "error.rules_no_column": {
        "fi": "Säännön {rule} ehdolta puuttuu sarake.",
        "en": "A condition of the rule {rule} has no column.",
    },
    "error.rules_unknown_operator": {
        "fi": "Säännön {rule} ehto {operator} on tuntematon. Käytä jotakin näistä: {operators}.",
        "en": "The rule {rule} has an unknown condition {operator}. Use one of: {operators}.",
    },
    "error.rules_value_count": {
        "fi": "Säännön {rule} ehto {operator} tarvitsee {count} arvoa; annettuja on {given}.",
        "en": "The condition {operator} of the rule {rule} needs {count} values; {given} are given.",
    },
    "error.rules_one_value": {
        "fi": "Säännön {rule} ehto {operator} tarvitsee tasan yhden arvon; annettuja on {given}.",
        "en": "The condition {operator} of the rule {rule} needs exactly one value; {given} are given.",
    },
    "error.rules_no_values": {
        "fi": "Säännön {rule} ehto {operator} tarvitsee vähintään yhden arvon.",
        "en": "The condition {operator} of the rule {rule} needs at least one value.",
    },
    "error.rules_unknown_column": {
        "fi": "Säännössä {rule} on sarake {column}, jota aineistossa ei ole.",
        "en": "The rule {rule} uses the column {column}, which the data does not have.",
    },
    "error.rules_not_numeric": {
        "fi": "Säännön {rule} ehto {operator} vaatii numerosarakkeen, mutta {column} ei ole numeerinen.",
        "en": "The condition {operator} of rule {rule} needs a numeric column, but {column} is not numeric.",
    },
    "error.rules_none": {
        "fi": "Lisää vähintään yksi sääntö, jolla on nimi ja ehto.",
        "en": "Add at least one rule with a name and a condition.",
    },
    # choice of k
    "engine.reason_best": {
        "fi": "Suositus on {k}: aineistossa on selviä ryhmiä, ja {k} segmenttiä erottuu niistä selvimmin. "
        "Siluetti {silhouette} on selvästi yli sen, minkä samat luvut ilman ryhmiä saavat ({reference}; "
        "siluetti laskettu {sample} asiakkaasta), ja segmentit pysyvät samoina uusintaotoksissa "
        "(vakaus {stability}).",
        "en": "The recommendation is {k}: the data has clear groups, and {k} segments separate them best. "
        "The silhouette {silhouette} is well above what the same figures score with the groups removed "
        "({reference}; silhouette computed on {sample} customers), and the segments hold when the data is "
        "resampled (stability {stability}).",
    },
    "engine.reason_apart": {
        "fi": "Suositus on {k}: aineistossa on selviä ryhmiä, ja {k} on suurin segmenttimäärä, jossa jokainen "
        "segmentti erottuu muista: heikoimmankin segmentin siluetti {weakest} on selvästi yli sen, minkä samat "
        "luvut saavat ilman ryhmiä ({reference}). k = {best_k} sai paremman keskimääräisen siluetin "
        "({best_silhouette}), mutta se yhdistää ryhmiä tai jakaa ryhmän kahtia (siluetti {silhouette}, vakaus "
        "{stability}; laskettu {sample} asiakkaasta).",
        "en": "The recommendation is {k}: the data has clear groups, and {k} is the largest number of segments "
        "in which every segment stands apart from the rest: even the least distinct one has a silhouette of "
        "{weakest}, well above what the same figures score with the groups removed ({reference}). k = {best_k} "
        "had a better average silhouette ({best_silhouette}), but it merges groups or cuts one in two "
        "(silhouette {silhouette}, stability {stability}; computed on {sample} customers).",
    },
    "engine.reason_favoured": {
        "fi": "Suositus on {k}: aineistossa on selviä ryhmiä. k = {best_k} erottuu lähes yhtä selvästi "
        "(siluetti {best_silhouette}, ilman ryhmiä {best_reference}) kuin {k} ({silhouette}, ilman ryhmiä "
        "{reference}), joten valitaan 3–5 segmenttiä, jotka on helpompi ottaa käyttöön (vakaus {stability}; "
        "siluetti laskettu {sample} asiakkaasta).",
        "en": "The recommendation is {k}: the data has clear groups. k = {best_k} stands apart only about as "
        "clearly (silhouette {best_silhouette}, {best_reference} with the groups removed) as {k} ({silhouette}, "
        "{reference} with the groups removed), so 3–5 segments, easier to put to use, are preferred "
        "(stability {stability}; silhouette computed on {sample} customers).",
    },
    "engine.reason_fewer": {
        "fi": "Suositus on {k}: aineistossa on selviä ryhmiä. k = {best_k} erottuu lähes yhtä selvästi "
        "(siluetti {best_silhouette}, ilman ryhmiä {best_reference}) kuin {k} ({silhouette}, ilman ryhmiä "
        "{reference}), joten valitaan pienempi segmenttimäärä (vakaus {stability}; siluetti laskettu {sample} "
        "asiakkaasta).",
        "en": "The recommendation is {k}: the data has clear groups. k = {best_k} stands apart only about as "
        "clearly (silhouette {best_silhouette}, {best_reference} with the groups removed) as {k} ({silhouette}, "
        "{reference} with the groups removed), so the smaller number is preferred (stability {stability}; "
        "silhouette computed on {sample} customers).",
    },
    "engine.reason_stable": {
        "fi": "Suositus on {k}: aineistossa on selviä ryhmiä. k = {best_k} erottui vielä selvemmin "
        "(siluetti {best_silhouette}), mutta sen segmentit eivät pysy samoina uusintaotoksissa "
        "(vakaus {best_stability}); {k} segmenttiä pysyy (vakaus {stability}, siluetti {silhouette}, "
        "ilman ryhmiä {reference}; siluetti laskettu {sample} asiakkaasta).",
        "en": "The recommendation is {k}: the data has clear groups. k = {best_k} stood apart even more "
        "(silhouette {best_silhouette}), but its segments change when the data is resampled "
        "(stability {best_stability}); {k} segments hold (stability {stability}, silhouette {silhouette}, "
        "{reference} with the groups removed; silhouette computed on {sample} customers).",
    },
    "engine.reason_small": {
        "fi": "Suositus on {k}: aineistossa on selviä ryhmiä. k = {best_k} erottui hieman selvemmin "
        "(siluetti {best_silhouette}), mutta sen pienin segmentti ({best_smallest} asiakasta) on liian pieni "
        "eikä erotu omaksi ryhmäkseen; {k} segmenttiä (siluetti {silhouette}, ilman ryhmiä {reference}, "
        "vakaus {stability}; siluetti laskettu {sample} asiakkaasta).",
        "en": "The recommendation is {k}: the data has clear groups. k = {best_k} stood apart slightly more "
        "(silhouette {best_silhouette}), but its smallest segment ({best_smallest} customers) is too small "
        "and not clearly a group of its own; {k} segments (silhouette {silhouette}, {reference} with the "
        "groups removed, stability {stability}; silhouette computed on {sample} customers).",
    },
    "engine.reason_merged": {
        "fi": "Suositus on {k}: aineistossa on selviä ryhmiä. k = {best_k} sai hieman paremman siluetin "
        "({best_silhouette}), mutta se yhdistää kaksi ryhmää, jotka {k} segmenttiä pitää erillään: segmentit "
        "tiivistyvät selvästi, kun ne erotetaan (gap-tunnusluku). {k} segmenttiä: siluetti {silhouette}, ilman "
        "ryhmiä {reference}, vakaus {stability}; siluetti laskettu {sample} asiakkaasta.",
        "en": "The recommendation is {k}: the data has clear groups. k = {best_k} had a slightly better "
        "silhouette ({best_silhouette}), but it merges two groups that {k} segments keep apart: the segments "
        "become clearly tighter when they are split (the gap statistic). {k} segments: silhouette {silhouette}, "
        "{reference} with the groups removed, stability {stability}; silhouette computed on {sample} customers.",
    },
    "engine.reason_continuum": {
        "fi": "Suositus on {k}: luvuissa on rakennetta, mutta millään segmenttimäärällä segmentit eivät erotu "
        "selvästi toisistaan, vaan jokainen jako leikkaa yhtenäisen asiakasjoukon osiin. k = {best_k} sopii vain "
        "hieman paremmin (siluetti {best_silhouette}, ilman ryhmiä {best_reference}) kuin {k} ({silhouette}, "
        "ilman ryhmiä {reference}), joten valitaan 3–5 segmenttiä, jotka on helpompi ottaa käyttöön (vakaus "
        "{stability}; siluetti laskettu {sample} asiakkaasta).",
        "en": "The recommendation is {k}: the figures have structure, but at no number of segments do the "
        "segments stand clearly apart; every split cuts one continuous spread of customers into parts. "
        "k = {best_k} fits only slightly better (silhouette {best_silhouette}, {best_reference} with the groups "
        "removed) than {k} ({silhouette}, {reference} with the groups removed), so 3–5 segments, easier to put "
        "to use, are preferred (stability {stability}; silhouette computed on {sample} customers).",
    },
    "engine.reason_none": {
        "fi": "Ei selviä ryhmiä: mikä tahansa jako on vain käytännön vuoksi. Mikään segmenttimäärä ei erotu "
        "paremmin kuin samat luvut ilman ryhmiä (esim. k = {k}: siluetti {silhouette}, ilman ryhmiä "
        "{reference}; laskettu {sample} asiakkaasta). Suositus on {k} segmenttiä (3–5:n keskikohta) "
        "helppokäyttöisenä jakona; valitse määrä sen mukaan, mitä aiot segmenteillä tehdä.",
        "en": "No clear groups: any split is for convenience. No number of segments stands apart more than "
        "the same figures with the groups removed (e.g. k = {k}: silhouette {silhouette}, {reference} with "
        "the groups removed; computed on {sample} customers). The recommendation is {k} segments (the middle "
        "of 3–5) as a handy split; choose the number by what you will do with the segments.",
    },
    # method names
    "method.kmeans": {"fi": "k-means (oletus)", "en": "k-means (default)"},
    "method.gmm": {"fi": "Gaussin sekoitemalli", "en": "Gaussian mixture"},
    "method.ward": {"fi": "Hierarkkinen (Ward)", "en": "Agglomerative (Ward)"},
    "method.hdbscan": {"fi": "HDBSCAN (löytää määrän itse)", "en": "HDBSCAN (finds the number itself)"},
    "method.rfm": {"fi": "RFM", "en": "RFM"},
    "method.rules": {"fi": "Säännöt", "en": "Rules"},
    "engine.unassigned": {"fi": "Ei segmenttiä", "en": "Unassigned"},
    "engine.others": {"fi": "Muut", "en": "Others"},
    # RFM segment names
    "rfm.champions": {"fi": "Mestarit", "en": "Champions"},
    "rfm.loyal_customers": {"fi": "Uskolliset asiakkaat", "en": "Loyal Customers"},
    "rfm.potential_loyalist": {"fi": "Potentiaaliset kanta-asiakkaat", "en": "Potential Loyalist"},
    "rfm.new_customers": {"fi": "Uudet asiakkaat", "en": "New Customers"},
    "rfm.promising": {"fi": "Lupaavat", "en": "Promising"},
    "rfm.need_attention": {"fi": "Huomiota kaipaavat", "en": "Need Attention"},
    "rfm.about_to_sleep": {"fi": "Nukahtamassa", "en": "About To Sleep"},
    "rfm.at_risk": {"fi": "Vaarassa", "en": "At Risk"},
    "rfm.cant_lose": {"fi": "Älä menetä näitä", "en": "Can't Lose Them"},
    "rfm.lost": {"fi": "Menetetyt", "en": "Lost"},
    "rfm.others": {"fi": "Muut", "en": "Others"},
    # charts
    "engine.metric_inertia": {"fi": "Inertia (etsi kyynärpää)", "en": "Inertia (look for the elbow)"},
    "engine.metric_silhouette": {"fi": "Siluetti (suurempi on parempi)", "en": "Silhouette (higher is better)"},
    "engine.metric_calinski_harabasz": {
        "fi": "Calinski–Harabasz (suurempi on parempi)",
        "en": "Calinski–Harabasz (higher is better)",
    },
    "engine.metric_davies_bouldin": {
        "fi": "Davies–Bouldin (pienempi on parempi)",
        "en": "Davies–Bouldin (lower is better)",
    },
    "engine.metric_stability": {
        "fi": "Vakaus uusintaotoksissa (ARI, suurempi on parempi)",
        "en": "Stability on resamples (ARI, higher is better)",
    },
    "engine.metric_bic": {
        "fi": "BIC, sekoitemalli (pienempi on parempi)",
        "en": "BIC of the mixture (lower is better)",
    },
    "engine.map_title_tsne": {
        "fi": "Asiakaskartta (t-SNE, {count} asiakasta)",
        "en": "Customer map (t-SNE, {count} customers)",
    },
    "engine.box_title": {"fi": "{column} segmenteittäin", "en": "{column} by segment"},
    "engine.category_title": {"fi": "{column}: jakauma segmenteittäin", "en": "{column}: mix by segment"},
    "engine.fit_title": {
        "fi": "Asiakkaiden sopivuus segmenttiinsä (siluetti, {count} asiakkaan otos)",
        "en": "How well customers fit their segment (silhouette, sample of {count})",
    },
    "engine.fit_axis": {
        "fi": "Siluetti: 1 sopii hyvin, alle 0 lähempänä toista segmenttiä",
        "en": "Silhouette: 1 fits well, below 0 closer to another segment",
    },
    "engine.dendrogram_title": {
        "fi": "Dendrogrammi (Ward, {count} asiakkaan otos); katkoviiva = valittu k",
        "en": "Dendrogram (Ward, sample of {count} customers); dashed line = chosen k",
    },
    "engine.dendrogram_axis": {"fi": "Yhdistämisetäisyys", "en": "Merge distance"},
    "engine.rf_grid_title": {
        "fi": "R × F -ruudukko: asiakkaita ja segmentti joka ruudussa",
        "en": "R × F grid: customers and segment in each cell",
    },
    "engine.recency_score": {"fi": "Tuoreus R (5 = ostanut äskettäin)", "en": "Recency R (5 = bought recently)"},
    "engine.frequency_score": {"fi": "Useus F (5 = ostaa usein)", "en": "Frequency F (5 = buys often)"},
    "engine.crosstab_title": {
        "fi": "RFM-segmentit × klusterit (asiakkaita)",
        "en": "RFM segments × clusters (customers)",
    },
    # criteria page: weights
    "weights.title": {"fi": "Painot", "en": "Weights"},
    "weights.intro": {
        "fi": "Paino 2 tarkoittaa, että kriteeri vaikuttaa kuin se olisi mukana kahdesti; 0 jättää sen pois. "
        "Perheen paino kerrotaan sarakkeen painolla.",
        "en": "A weight of 2 counts a criterion as if it were there twice; 0 leaves it out. "
        "A family's weight is multiplied by the column's weight.",
    },
    "weights.columns": {"fi": "Painot sarakkeittain", "en": "Weights per column"},
    "weights.criterion": {"fi": "Kriteeri", "en": "Criterion"},
    "weights.family": {"fi": "Perhe", "en": "Family"},
    "weights.weight": {"fi": "Paino", "en": "Weight"},
    "engine.family_demographic": {"fi": "Demografiset", "en": "Demographic"},
    "engine.family_geographic": {"fi": "Maantieteelliset", "en": "Geographic"},
    "engine.family_socio_economic": {"fi": "Sosioekonomiset", "en": "Socio-economic"},
    "engine.family_behavioural": {"fi": "Käyttäytyminen", "en": "Behavioural"},
    "engine.family_psychographic": {"fi": "Psykografiset", "en": "Psychographic"},
    "engine.family_firmographic": {"fi": "Yritystiedot", "en": "Firmographic"},
    "engine.family_other": {"fi": "Muut", "en": "Other"},
    # segments page
    "engine.method": {"fi": "Menetelmä", "en": "Method"},
    "engine.k_range": {"fi": "Kokeiltavat segmenttimäärät", "en": "Numbers of segments to try"},
    "engine.logged": {
        "fi": "Logaritmisella asteikolla verrattiin: {columns}. Muutamalla asiakkaalla on niissä paljon suuremmat "
        "arvot kuin useimmilla; tällä asteikolla he eivät yksin ratkaise segmenttejä, sillä nousu 100:sta "
        "1\u00a0000:een painaa yhtä paljon kuin nousu 1\u00a0000:sta 10\u00a0000:een.",
        "en": "Compared on a logarithmic scale: {columns}. A few customers have far larger values in them than "
        "most; on this scale they do not decide the segments alone, as a rise from 100 to 1,000 counts as much "
        "as one from 1,000 to 10,000.",
    },
    "engine.logged_money": {"fi": "rahamäärät ({columns})", "en": "amounts of money ({columns})"},
    "engine.logged_other": {"fi": "muut luvut ({columns})", "en": "other numbers ({columns})"},
    "engine.compare": {"fi": "Vertaa toiseen segmenttimäärään", "en": "Compare with another number of segments"},
    "engine.compare_off": {"fi": "ei vertailua", "en": "no comparison"},
    "engine.compare_help": {
        "fi": "Näyttää valitun k:n ja toisen k:n segmentit rinnakkain: nimet ja koot. Ne on jo laskettu "
        "segmenttimääriä kokeiltaessa, joten vertailu on nopea.",
        "en": "Shows the segments of the chosen k and of another k side by side: names and sizes. They were "
        "already found while trying the numbers of segments, so the comparison is quick.",
    },
    "engine.compare_heading": {"fi": "{k} segmenttiä", "en": "{k} segments"},
    "engine.weighted": {"fi": "Painot: {weights}", "en": "Weights: {weights}"},
    "engine.scan_charts": {
        "fi": "Miksi tämä määrä? Mittarit jokaiselle k:lle",
        "en": "Why this number? The scores for every k",
    },
    "engine.hdbscan_note": {
        "fi": "HDBSCAN päättää segmenttien määrän itse. Asiakkaat, jotka eivät kuulu mihinkään ryhmään, "
        'ovat viimeisessä segmentissä "Ei segmenttiä".',
        "en": "HDBSCAN decides the number of segments itself. Customers who belong to no group are in the "
        'last segment, "Unassigned".',
    },
    "engine.too_small": {
        "fi": "Liian pieniä segmenttejä (alle {share} % asiakkaista tai alle {size} asiakasta): {segments}. "
        "Kokeile pienempää k:ta, jotta segmentit ovat käyttökelpoisia.",
        "en": "Segments too small to act on (under {share} % of customers or under {size} customers): {segments}. "
        "Try a smaller k.",
    },
    "engine.membership": {"fi": "Keskim. jäsenyys", "en": "Mean membership"},
    "engine.membership_help": {
        "fi": "Gaussin sekoitemalli antaa jokaiselle asiakkaalle todennäköisyyden kuulua segmenttiinsä; "
        "tämä on niiden keskiarvo. Todennäköisyys on myös vientitiedostossa.",
        "en": "The Gaussian mixture gives each customer a probability of belonging to their segment; "
        "this is their mean.",
    },
    "engine.membership_column": {"fi": "Jäsenyyden todennäköisyys", "en": "Membership probability"},
    "engine.projection": {"fi": "Kartta", "en": "Map"},
    "engine.projection_pca": {"fi": "PCA (nopea)", "en": "PCA (fast)"},
    "engine.projection_tsne": {"fi": "t-SNE (hitaampi, otos)", "en": "t-SNE (slower, a sample)"},
    "engine.projecting": {"fi": "Lasketaan karttaa…", "en": "Computing the map…"},
    "engine.map_caption": {
        "fi": "Kartalla {shown} asiakasta (enintään {limit}). Valitse pisteitä hiirellä nähdäksesi asiakkaat.",
        "en": "{shown} customers on the map (at most {limit}). Select points to see those customers.",
    },
    "engine.selected": {"fi": "Valitut asiakkaat ({count})", "en": "Selected customers ({count})"},
    "engine.criterion": {"fi": "Kriteeri", "en": "Criterion"},
    "engine.fit_section": {
        "fi": "Kuinka hyvin asiakkaat sopivat segmenttiinsä?",
        "en": "How well do customers fit their segment?",
    },
    "engine.worst": {
        "fi": "{count} huonoiten sopivaa asiakasta (lähempänä toista segmenttiä):",
        "en": "The {count} worst-fitting customers (closer to another segment):",
    },
    # RFM page
    "rfm.title": {"fi": "RFM-segmentit", "en": "RFM segments"},
    "rfm.intro": {
        "fi": "Asiakkaat pisteytetään 1–5 tuoreuden (R: milloin viimeksi ostanut), useuden (F: montako tilausta) "
        "ja rahamäärän (M: ostot miinus palautukset) mukaan, ja R-, F- ja M-pisteistä saadaan vakiintuneet "
        "RFM-segmentit. Oletuksena pisteet ovat viidenneksiä: samat arvot saavat aina samat pisteet, joten "
        "esimerkiksi kaikki yhden kerran ostaneet saavat F = 1.",
        "en": "Customers are scored 1–5 on recency (R: when they last bought), frequency (F: how many orders) and "
        "monetary value (M: purchases minus returns); the R, F and M scores give the standard RFM segments. By "
        "default the scores are quintiles: equal values always get equal scores, so every one-time buyer gets "
        "F = 1.",
    },
    "rfm.needs": {
        "fi": "RFM tarvitsee asiakaskohtaiset sarakkeet {recency}, {frequency} ja {monetary} (tai tilausrivit).",
        "en": "RFM needs per-customer columns {recency}, {frequency} and {monetary} (or order lines).",
    },
    "rfm.use_orders": {
        "fi": "Laske ne mukana tulevista tilausriveistä (b2c_orders.csv.gz, yhdistetään customer_id:llä)",
        "en": "Compute them from the bundled order lines (b2c_orders.csv.gz, joined on customer_id)",
    },
    "rfm.from_orders": {
        "fi": "{lines} tilausriviä → {customers} ostanutta asiakasta; {dropped} asiakasta ilman ostoja jäi pois.",
        "en": "{lines} order lines → {customers} customers who bought; {dropped} customers without purchases left out.",
    },
    "rfm.no_match": {
        "fi": "Yhdenkään asiakkaan tunnus ei löydy tilausriveiltä.",
        "en": "No customer id of this table appears in the order lines.",
    },
    "rfm.bins": {"fi": "Pisteytyksen rajat", "en": "Score bins"},
    "rfm.bins_quintiles": {"fi": "Viidennekset (oletus)", "en": "Quintiles (default)"},
    "rfm.bins_custom": {"fi": "Omat rajat", "en": "My own edges"},
    "rfm.edges": {
        "fi": "{column}: neljä ylärajaa puolipisteillä erotettuina",
        "en": "{column}: four upper edges, comma-separated",
    },
    "rfm.edges_help": {
        "fi": "Piste 1 on ensimmäiseen rajaan asti (raja mukaan lukien), piste 2 toiseen rajaan asti ja niin "
        "edelleen; suurimmat arvot saavat pisteen 5 (tuoreudessa päinvastoin: vähiten päiviä on 5). Valmiina "
        "ovat viidennesten rajat, jotka antavat täsmälleen samat pisteet.",
        "en": "Score 1 runs up to and including the first edge, score 2 up to the second and so on; the largest "
        "values score 5 (recency the other way round: fewest days is 5). The quintile edges are filled in and "
        "give exactly the same scores.",
    },
    "rfm.grid_caption": {
        "fi": "R × F -ruudukko on näkymä: segmentti riippuu myös M-pisteestä, joten ruutuun on merkitty sen "
        "yleisin segmentti.",
        "en": "The R × F grid is a view: the segment also depends on the M score, so each cell shows its most "
        "common segment.",
    },
    "rfm.rules_title": {"fi": "Segmenttien määritelmät", "en": "How the segments are defined"},
    "rfm.rules_caption": {
        "fi": "Säännöt R-paketin rfm mukaan ja samassa järjestyksessä: jos pisteet sopivat useaan sääntöön, "
        "myöhempi voittaa; muut ovat Muut.",
        "en": "Rules of the R package rfm, in its order: where scores fit several rules the later one wins; the "
        "rest are Others.",
    },
    "rfm.col_segment": {"fi": "Segmentti", "en": "Segment"},
    "rfm.col_customers": {"fi": "Asiakkaita", "en": "Customers"},
    "rfm.against_clusters": {"fi": "RFM-segmentit ja klusterit", "en": "RFM segments against the clusters"},
    "rfm.no_clusters": {
        "fi": "Muodosta klusterit Segmentit-sivulla nähdäksesi ristiintaulukoinnin.",
        "en": "Form the clusters on the Segments page to see the cross-tabulation.",
    },
    "rfm.download": {
        "fi": "Lataa {count} asiakasta RFM-segmentteineen (CSV)",
        "en": "Download {count} customers with their RFM segment (CSV)",
    },
    # rules page
    "rules.title": {"fi": "Sääntöihin perustuvat segmentit", "en": "Rule-based segments"},
    "rules.intro": {
        "fi": "Kirjoita segmentit ehtoina, esim. ikä 30–40 ja sukupuoli nainen ja kunta Helsinki, Espoo tai Vantaa. "
        "Samannimiset rivit ovat yksi sääntö (kaikki ehdot voimassa). Säännöt käydään järjestyksessä: "
        'ensimmäinen osuva voittaa, loput ovat "Muut".',
        "en": "Write segments as conditions, e.g. age 30–40 and gender female and municipality Helsinki, Espoo or "
        "Vantaa. Rows with the same name form one rule (all conditions hold). Rules are tried in order: the first "
        'match wins, the rest are "Others".',
    },
    "rules.load": {"fi": "Lataa säännöt JSON-tiedostosta", "en": "Load rules from a JSON file"},
    "rules.save": {"fi": "Tallenna säännöt (JSON)", "en": "Save the rules (JSON)"},
    "rules.rule": {"fi": "Sääntö", "en": "Rule"},
    "rules.column": {"fi": "Sarake", "en": "Column"},
    "rules.operator": {"fi": "Ehto", "en": "Condition"},
    "rules.values": {"fi": "Arvot", "en": "Values"},
    "rules.values_help": {
        "fi": "Pilkuilla erotettuina, esim. 30, 40 tai Helsinki, Espoo",
        "en": "Comma-separated, e.g. 30, 40 or Helsinki, Espoo",
    },
    "rules.operators_help": {
        "fi": "Ehdot: between = väliltä (kaksi lukua), in = jokin arvoista, not_in = ei mikään arvoista, "
        "contains = teksti sisältää jonkin sanoista, >=, <=, ==.",
        "en": "Conditions: between (two numbers), in (one of the values), not_in (none of them), "
        "contains (text holds one of the words), >=, <=, ==.",
    },
    "rules.download": {
        "fi": "Lataa {count} asiakasta sääntösegmentteineen (CSV)",
        "en": "Download {count} customers with their rule segment (CSV)",
    },
    "page.rfm": {"fi": "RFM", "en": "RFM"},
    "page.rules": {"fi": "Säännöt", "en": "Rules"},
}
