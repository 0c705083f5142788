"""Texts of personas, their action rules, the exports, the persona report and the personas/export pages."""

TEXTS: dict[str, dict[str, str]] = {
    # readable column labels (known headers, normalised to lowercase words joined by "_")
    "label.category_share": {"fi": "{value}: osuus ostoista", "en": "Share of spend on {value}"},
    "label.channel_share": {"fi": "{value}: osuus ostoista (kanava)", "en": "Share of spend via {value}"},
    "label.spend_on": {"fi": "Ostot: {value}", "en": "Spend on {value}"},
    "label.recency_days": {"fi": "Päiviä viime ostosta", "en": "Days since last purchase"},
    "label.recency": {"fi": "Päiviä viime ostosta", "en": "Days since last purchase"},
    "label.tenure_days": {"fi": "Päiviä ensiostosta", "en": "Days since first purchase"},
    "label.orders": {"fi": "Tilauksia", "en": "Orders"},
    "label.lines": {"fi": "Tilausrivejä", "en": "Order lines"},
    "label.total_spend": {"fi": "Ostot yhteensä", "en": "Total spend"},
    "label.gross_spend": {"fi": "Ostot ennen palautuksia", "en": "Purchases before returns"},
    "label.avg_order_value": {"fi": "Keskiostos", "en": "Average order value"},
    "label.mean_days_between_orders": {"fi": "Päiviä tilausten välillä", "en": "Days between orders"},
    "label.returns": {"fi": "Palautuksia", "en": "Returns"},
    "label.returns_value": {"fi": "Palautusten arvo", "en": "Value of returns"},
    "label.first_purchase": {"fi": "Ensiosto", "en": "First purchase"},
    "label.last_purchase": {"fi": "Viimeisin osto", "en": "Last purchase"},
    "label.age": {"fi": "Ikä", "en": "Age"},
    "label.gender": {"fi": "Sukupuoli", "en": "Gender"},
    "label.genre": {"fi": "Sukupuoli", "en": "Gender"},
    "label.sex": {"fi": "Sukupuoli", "en": "Gender"},
    "label.education": {"fi": "Koulutus", "en": "Education"},
    "label.income": {"fi": "Tulot", "en": "Income"},
    "label.income_band": {"fi": "Tuloluokka", "en": "Income band"},
    "label.marital_status": {"fi": "Siviilisääty", "en": "Marital status"},
    "label.occupation": {"fi": "Ammatti", "en": "Occupation"},
    "label.region": {"fi": "Alue", "en": "Region"},
    "label.municipality": {"fi": "Kunta", "en": "Municipality"},
    "label.city": {"fi": "Kaupunki", "en": "City"},
    "label.country": {"fi": "Maa", "en": "Country"},
    "label.industry": {"fi": "Toimiala", "en": "Industry"},
    "label.employees": {"fi": "Henkilöstö", "en": "Employees"},
    "label.revenue_eur": {"fi": "Liikevaihto (€)", "en": "Revenue (€)"},
    "label.profit_eur": {"fi": "Tulos (€)", "en": "Profit (€)"},
    "label.decision_maker_role": {"fi": "Päättäjän rooli", "en": "Decision maker's role"},
    "label.preferred_channel": {"fi": "Mieluisin kanava", "en": "Preferred channel"},
    "label.newsletter_consent": {"fi": "Uutiskirjelupa", "en": "Newsletter consent"},
    "label.distance_to_store_km": {"fi": "Etäisyys myymälään (km)", "en": "Distance to the store (km)"},
    "label.commute_mode": {"fi": "Työmatkatapa", "en": "Commute"},
    "label.year_birth": {"fi": "Syntymävuosi", "en": "Birth year"},
    "label.birth_year": {"fi": "Syntymävuosi", "en": "Birth year"},
    "label.complain": {"fi": "Reklamoinut", "en": "Has complained"},
    "label.response": {"fi": "Vastasi kampanjaan", "en": "Answered the campaign"},
    # phrases that make a segment's name
    "phrase.recency_low": {"fi": "äskettäin ostaneet", "en": "recent buyers"},
    "phrase.recency_high": {"fi": "hiljentyneet ostajat", "en": "lapsed buyers"},
    "phrase.frequency_high": {"fi": "usein ostavat", "en": "frequent buyers"},
    "phrase.frequency_low": {"fi": "harvoin ostavat", "en": "occasional buyers"},
    "phrase.one_time": {"fi": "kertaostajat", "en": "one-time buyers"},
    "phrase.spend_high": {"fi": "paljon ostavat", "en": "high spenders"},
    "phrase.spend_low": {"fi": "vähän ostavat", "en": "low spenders"},
    "phrase.basket_high": {"fi": "suuret keskiostokset", "en": "big baskets"},
    "phrase.basket_low": {"fi": "pienet keskiostokset", "en": "small baskets"},
    "phrase.lines_high": {"fi": "monen tuotteen ostajat", "en": "buyers of many items"},
    "phrase.lines_low": {"fi": "harvan tuotteen ostajat", "en": "buyers of few items"},
    "phrase.tenure_high": {"fi": "pitkäaikaiset asiakkaat", "en": "long-time customers"},
    "phrase.tenure_low": {"fi": "uudet asiakkaat", "en": "new customers"},
    "phrase.returns_high": {"fi": "palauttaa paljon", "en": "return a lot"},
    "phrase.returns_low": {"fi": "palauttaa vähän", "en": "rarely return"},
    "phrase.complaint_yes": {"fi": "on reklamoinut", "en": "has complained"},
    "phrase.complaint_no": {"fi": "ei ole reklamoinut", "en": "has not complained"},
    "phrase.response_yes": {"fi": "vastasi kampanjaan", "en": "answered a campaign"},
    "phrase.response_no": {"fi": "ei vastannut kampanjaan", "en": "did not answer a campaign"},
    "phrase.interest_high": {"fi": "kiinnostus: {topic}", "en": "into {topic}"},
    "phrase.interest_low": {"fi": "vähäinen kiinnostus: {topic}", "en": "little interest in {topic}"},
    "phrase.distance_high": {"fi": "kaukana myymälästä", "en": "far from the store"},
    "phrase.distance_low": {"fi": "lähellä myymälää", "en": "close to the store"},
    "phrase.interval_high": {"fi": "pitkät ostovälit", "en": "long gaps between orders"},
    "phrase.interval_low": {"fi": "lyhyet ostovälit", "en": "short gaps between orders"},
    "number.millions": {"fi": "{value}\u00a0milj.", "en": "{value}M"},
    "number.billions": {"fi": "{value}\u00a0mrd.", "en": "{value}bn"},
    "phrase.women": {"fi": "naiset", "en": "women"},
    "phrase.men": {"fi": "miehet", "en": "men"},
    "phrase.age_band": {"fi": "{low}–{high}-vuotiaat", "en": "{low}–{high}-year-olds"},
    "phrase.born_band": {"fi": "syntyneet {low}–{high}", "en": "born {low}–{high}"},
    "phrase.category_mostly": {"fi": "ostaa eniten tuoteryhmää {category}", "en": "buys mostly {category}"},
    "phrase.category_more": {"fi": "ostaa usein tuoteryhmää {category}", "en": "often buys {category}"},
    "phrase.category_less": {"fi": "ostaa harvoin tuoteryhmää {category}", "en": "rarely buys {category}"},
    "phrase.channel_web": {"fi": "verkko-ostajat", "en": "web shoppers"},
    "phrase.channel_app": {"fi": "sovelluksen käyttäjät", "en": "app shoppers"},
    "phrase.channel_store": {"fi": "myymäläostajat", "en": "store shoppers"},
    "phrase.channel_phone": {"fi": "puhelinostajat", "en": "phone buyers"},
    "phrase.channel_catalog": {"fi": "luettelo-ostajat", "en": "catalogue buyers"},
    "phrase.channel_other": {"fi": "ostaa kanavassa {channel}", "en": "buys via {channel}"},
    "phrase.channel_less": {"fi": "ostaa harvoin kanavassa {channel}", "en": "rarely buys via {channel}"},
    "phrase.level": {"fi": "{label}: {level}", "en": "{label}: {level}"},
    "phrase.outside_place": {"fi": "muualla kuin {place}", "en": "outside {place}"},
    "phrase.yes": {"fi": "kyllä", "en": "yes"},
    "phrase.no": {"fi": "ei", "en": "no"},
    "phrase.band": {"fi": "{label} {band}", "en": "{label} {band}"},
    "phrase.higher": {"fi": "{label}: keskimääräistä suurempi", "en": "{label}: above average"},
    "phrase.lower": {"fi": "{label}: keskimääräistä pienempi", "en": "{label}: below average"},
    # persona content (library)
    "persona.trait_numeric": {
        "fi": "{column}: mediaani {value} (kaikki asiakkaat {overall}), puolet segmentistä välillä {low}–{high}; "
        "{strength} ({sd} × keskihajonta).",
        "en": "{column}: median {value} (all customers {overall}), half of the segment between {low} and {high}; "
        "{strength} ({sd} × the standard deviation).",
    },
    "persona.strength_much_higher": {"fi": "selvästi keskimääräistä suurempi", "en": "much higher than average"},
    "persona.strength_higher": {"fi": "keskimääräistä suurempi", "en": "higher than average"},
    "persona.strength_slightly_higher": {"fi": "hieman keskimääräistä suurempi", "en": "slightly higher than average"},
    "persona.strength_much_lower": {"fi": "selvästi keskimääräistä pienempi", "en": "much lower than average"},
    "persona.strength_lower": {"fi": "keskimääräistä pienempi", "en": "lower than average"},
    "persona.strength_slightly_lower": {"fi": "hieman keskimääräistä pienempi", "en": "slightly lower than average"},
    "persona.trait_level": {
        "fi": "{column} = {level}: {share} segmentistä (kaikista {overall}), {lift} kertaa yleisempi.",
        "en": "{column} = {level}: {share} of the segment (of all customers {overall}), {lift} times as common.",
    },
    "kpi.avg_order_value": {"fi": "Keskiostos", "en": "Average order value"},
    "kpi.purchase_frequency": {"fi": "Tilauksia / asiakas", "en": "Orders per customer"},
    "kpi.recency": {"fi": "Päiviä viime ostosta (mediaani)", "en": "Days since last purchase (median)"},
    "kpi.customer_value": {"fi": "Asiakasarvo (ostot yhteensä)", "en": "Customer value (total spend)"},
    "kpi.returns": {"fi": "Palautuksia / asiakas", "en": "Returns per customer"},
    "kpi.response_rate": {"fi": "Vastaus- tai konversioaste", "en": "Response or conversion rate"},
    "persona.trait_category_share": {
        "fi": "Tuoteryhmä {value}: {share} segmentin ostoista (kaikki asiakkaat {overall}).",
        "en": "{value}: {share} of the segment's spend (all customers {overall}).",
    },
    "persona.trait_channel_share": {
        "fi": "Kanava {value}: {share} segmentin ostoista (kaikki asiakkaat {overall}).",
        "en": "Channel {value}: {share} of the segment's spend (all customers {overall}).",
    },
    # action rules: what to do, and why the rule fired (with the segment's own figure)
    "rule.b2b_decision_makers.action": {
        "fi": "Tavoita päättäjät LinkedInissä ja henkilökohtaisella yhteydenotolla.",
        "en": "Reach the decision makers on LinkedIn and by personal contact.",
    },
    "rule.b2b_decision_makers.reason": {
        "fi": "Yleisin ostopäätöksen tekijä ({column}) on {level} ({share}); yrityspäättäjät tavoittaa "
        "todennäköisemmin LinkedInistä kuin Instagramista.",
        "en": "The most common decision maker ({column}) is {level} ({share}); business decision makers are "
        "more likely found on LinkedIn than on Instagram.",
    },
    "rule.young_adults.action": {
        "fi": "Kohdenna mainonta sosiaalisen median kanaviin ja heille sopiviin tuotteisiin.",
        "en": "Aim the advertising at social media channels and the products that suit them.",
    },
    "rule.young_adults.reason": {
        "fi": "Mediaani-ikä ({column}) on {value}, alle 30 vuotta: nuoret aikuiset tavoittaa parhaiten "
        "sosiaalisesta mediasta.",
        "en": "The median age ({column}) is {value}, under 30: young adults are best reached on social media.",
    },
    "rule.lapsed_high_value.action": {
        "fi": "Lähetä takaisinvoittotarjous (win-back) ennen kuin asiakkaat katoavat.",
        "en": "Send a win-back offer before these customers are lost.",
    },
    "rule.lapsed_high_value.reason": {
        "fi": "Viimeisestä ostosta on mediaanina {recency} päivää (kaikki {overall_recency}), vaikka ostot ovat "
        "keskimäärin {value} (kaikki {overall_value}): arvokkaita asiakkaita, jotka ovat hiljentyneet. Yksi "
        "palannut asiakas on arvokkaampi kuin monta uutta.",
        "en": "The median time since the last purchase is {recency} days (all customers {overall_recency}), yet "
        "they have spent {value} on average (all customers {overall_value}): valuable customers who have gone "
        "quiet. Winning one back is worth more than several new ones.",
    },
    "rule.reactivation.action": {
        "fi": "Muistuta itsestäsi: uutuudet tai ajankohtainen syy palata, ja poista listalta, jos ei reagoi.",
        "en": "Remind them you exist: news or a timely reason to come back; drop those who never react.",
    },
    "rule.reactivation.reason": {
        "fi": "Viimeisestä ostosta on mediaanina {recency} päivää (kaikki {overall_recency}): asiakkaat ovat "
        "hiljentymässä, ja vanhentuneet yhteystiedot heikentävät kaikkia kampanjoita.",
        "en": "The median time since the last purchase is {recency} days (all customers {overall_recency}): "
        "these customers are drifting away, and stale contacts weaken every campaign.",
    },
    "rule.first_time_recent.action": {
        "fi": "Aloita tervetulosarja: esittele valikoima ja kannusta toiseen ostoon.",
        "en": "Start a welcome series: introduce the range and encourage a second purchase.",
    },
    "rule.first_time_recent.reason": {
        "fi": "Tilauksia on mediaanina {orders} ja viime ostosta {recency} päivää (kaikki {overall_recency}): "
        "tuoreita ensiostajia, joiden toinen osto ratkaisee, jäävätkö he asiakkaiksi.",
        "en": "The median customer has {orders} order and bought {recency} days ago (all customers "
        "{overall_recency}): recent first-time buyers, whose second purchase decides whether they stay.",
    },
    "rule.frequent_small_baskets.action": {
        "fi": "Kasvata ostoskoria: tuotepaketit, lisämyynti ja ilmaisen toimituksen raja hieman nykyisen yläpuolelle.",
        "en": "Grow the basket: bundles, add-ons and a free-delivery threshold just above what they spend now.",
    },
    "rule.frequent_small_baskets.reason": {
        "fi": "Tilauksia on asiakasta kohden {orders} (kaikki {overall_orders}), mutta keskiostos on {basket} "
        "(kaikki {overall_basket}): uskollisia ostajia, joiden ostokset ovat pieniä.",
        "en": "They place {orders} orders per customer (all customers {overall_orders}) but the average order "
        "is {basket} (all customers {overall_basket}): loyal buyers with small baskets.",
    },
    "rule.most_valuable.action": {
        "fi": "VIP-kohtelu: kanta-asiakasedut, ennakkotiedot ja henkilökohtainen palvelu.",
        "en": "VIP care: loyalty benefits, early access and personal service.",
    },
    "rule.most_valuable.reason": {
        "fi": "Segmentti tuo {revenue} myynnistä, vaikka siinä on {share} asiakkaista: sen menettäminen maksaisi "
        "eniten.",
        "en": "The segment brings {revenue} of the revenue with {share} of the customers: losing it would cost "
        "the most.",
    },
    "rule.response_high.action": {
        "fi": "Lähetä kampanjat tälle segmentille ensin ja kokeile siinä uusia tarjouksia.",
        "en": "Send campaigns to this segment first and try new offers on it.",
    },
    "rule.response_high.reason": {
        "fi": "Vastausaste on {rate} (kaikki {overall}): segmentti reagoi viesteihin selvästi muita paremmin.",
        "en": "The response rate is {rate} (all customers {overall}): the segment reacts to messages clearly "
        "better than the rest.",
    },
    "rule.response_low.action": {
        "fi": "Vaihda viestiä tai kanavaa ja harvenna lähetyksiä ennen kuin lisäät panostusta.",
        "en": "Change the message or the channel and send less often before spending more on it.",
    },
    "rule.response_low.reason": {
        "fi": "Vastausaste on {rate} (kaikki {overall}): nykyiset kampanjat eivät tavoita tätä segmenttiä.",
        "en": "The response rate is {rate} (all customers {overall}): the current campaigns do not reach this segment.",
    },
    "rule.preferred_channel.action": {
        "fi": "Tavoita heidät kanavassa, jota he käyttävät: {channel}.",
        "en": "Reach them in the channel they use: {channel}.",
    },
    "rule.preferred_channel.reason": {
        "fi": "Kanava {channel} on segmentissä {lift} kertaa yleisempi kuin kaikilla asiakkailla: viesti "
        "menee perille siellä, missä asiakas jo on.",
        "en": "The channel {channel} is {lift} times as common in the segment as among all customers: a message "
        "lands where the customer already is.",
    },
    "rule.category_affinity.action": {
        "fi": "Nosta viesteissä ja valikoimassa esiin: {categories}.",
        "en": "Feature these in messages and the product range: {categories}.",
    },
    "rule.category_affinity.reason": {
        "fi": "{categories}: vahvin on {share} segmentin ostoista (kaikki {overall}), {lift}-kertainen; tarjoa "
        "sitä, mitä segmentti jo ostaa.",
        "en": "{categories}: the strongest is {share} of the segment's spend (all customers {overall}), {lift} "
        "times as much; offer what the segment already buys.",
    },
    "rule.email_consent.action": {
        "fi": "Tee segmentille oma sähköpostilista ja personoitu viesti.",
        "en": "Give the segment its own email list and a personalised message.",
    },
    "rule.email_consent.reason": {
        "fi": "{share} segmentistä on antanut markkinointiluvan: pienikin personointi toimii paremmin kuin "
        "yksi viesti kaikille.",
        "en": "{share} of the segment have given marketing consent: even a little personalisation works better "
        "than one message for all.",
    },
    "rule.signature.action": {
        "fi": "Rakenna viesti ja tarjous sen varaan, mikä erottaa segmentin: {trait}.",
        "en": "Build the message and the offer on what sets the segment apart: {trait}.",
    },
    "rule.signature.reason": {
        "fi": "Segmentin selvin ero muihin asiakkaisiin: {trait} ({figures}). Viesti, joka puhuu siitä, osuu "
        "paremmin kuin yleinen viesti.",
        "en": "The segment's clearest difference from the other customers: {trait} ({figures}). A message that "
        "speaks to it lands better than a general one.",
    },
    "rule.signature.level": {
        "fi": "{share} segmentistä, kaikista {overall}",
        "en": "{share} of the segment, of all {overall}",
    },
    "rule.signature.median": {
        "fi": "mediaani {value}, kaikki {overall}",
        "en": "median {value}, all customers {overall}",
    },
    "rule.pilot.action": {
        "fi": "Kokeile ensin pienellä pilottikampanjalla ja vertaa kontrolliryhmään.",
        "en": "Try a small pilot campaign first and compare it with a control group.",
    },
    "rule.pilot.reason": {
        "fi": "Pieni pilotti ennen laajaa käyttöönottoa pienentää riskiä, ja kontrolliryhmä näyttää, mikä "
        "vaikutus kampanjalla oikeasti oli.",
        "en": "A small pilot before rolling out lowers the risk, and a control group shows what the campaign "
        "really changed.",
    },
    # export contents (library)
    "contacts.reason_invalid_email": {
        "fi": "ei kelvollista sähköpostiosoitetta",
        "en": "no valid email address",
    },
    "contacts.reason_duplicate": {"fi": "sama osoite jo listalla", "en": "address already listed"},
    "contacts.reason_no_consent": {"fi": "ei markkinointilupaa", "en": "no marketing consent"},
    "contacts.reason_control": {"fi": "kontrolliryhmässä", "en": "in the control group"},
    "pilot.column": {"fi": "pilottiryhmä", "en": "pilot_group"},
    "pilot.test": {"fi": "testi", "en": "test"},
    "pilot.control": {"fi": "kontrolli", "en": "control"},
    "export.file_control": {"fi": "kontrolli", "en": "control"},
    "sheet.summary": {"fi": "Yhteenveto", "en": "Summary"},
    "sheet.personas": {"fi": "Persoonat", "en": "Personas"},
    "report.title": {"fi": "Asiakaspersoonat", "en": "Customer personas"},
    "report.source": {"fi": "Aineisto", "en": "Data"},
    "report.customers": {"fi": "Asiakkaita", "en": "Customers"},
    "report.segments": {"fi": "Segmenttejä", "en": "Segments"},
    "report.method": {"fi": "Menetelmä", "en": "Method"},
    "report.criteria": {"fi": "Kriteerit", "en": "Criteria"},
    "report.steps": {"fi": "Aineiston siivous", "en": "Data cleaning"},
    "report.pilot": {"fi": "Pilotti", "en": "Pilot"},
    "report.pilot_text": {
        "fi": "{percent} % jokaisesta segmentistä arvottu kontrolliryhmään (siemen {seed}).",
        "en": "{percent}% of every segment drawn into a control group (seed {seed}).",
    },
    "report.sizes": {"fi": "Segmenttien koot", "en": "Segment sizes"},
    "report.size": {"fi": "Koko", "en": "Size"},
    "report.share": {"fi": "Osuus asiakkaista", "en": "Share of customers"},
    "report.revenue_share": {"fi": "Osuus myynnistä", "en": "Share of revenue"},
    "report.traits": {"fi": "Erottuvat piirteet", "en": "Distinguishing traits"},
    "report.traits_chart": {
        "fi": "Ero kaikkiin asiakkaisiin (keskihajontoina)",
        "en": "Difference from all customers (in standard deviations)",
    },
    "report.no_traits": {
        "fi": "Segmentti ei erotu selvästi kaikista asiakkaista.",
        "en": "The segment does not clearly differ from all customers.",
    },
    "report.typical": {"fi": "Tyypillinen asiakas", "en": "A typical customer"},
    "report.kpis": {"fi": "Mittarit", "en": "KPIs"},
    "report.kpi": {"fi": "Mittari", "en": "KPI"},
    "report.segment_value": {"fi": "Segmentti", "en": "Segment"},
    "report.overall_value": {"fi": "Kaikki", "en": "All customers"},
    "report.affinity": {"fi": "Tuoteryhmät, joita ostetaan muita enemmän", "en": "Categories bought more than others"},
    "report.affinity_item": {
        "fi": "{category}: {share} ostoista (kaikki {overall}), {lift} ×",
        "en": "{category}: {share} of spend (all customers {overall}), {lift} ×",
    },
    "report.actions": {"fi": "Ehdotetut kanavat ja toimet", "en": "Suggested channels and actions"},
    "report.why": {"fi": "Miksi", "en": "Why"},
    "report.rules_note": {
        "fi": "Ehdotukset tulevat kiinteistä, luettavista säännöistä segmentin omien lukujen perusteella; ne "
        "ovat lähtökohtia, eivät tosiasioita.",
        "en": "The suggestions come from fixed, readable rules on each segment's own figures; they are starting "
        "points, not facts.",
    },
    "report.notes": {"fi": "Muistiinpanot", "en": "Notes"},
    "report.comparison": {"fi": "Segmentit rinnakkain", "en": "Segments side by side"},
    "report.number": {"fi": "Nro", "en": "No."},
    "report.name": {"fi": "Nimi", "en": "Name"},
    "report.top_traits": {"fi": "Tärkeimmät piirteet", "en": "Top traits"},
    "report.top_categories": {"fi": "Tuoteryhmät", "en": "Categories"},
    "report.first_action": {"fi": "Ensimmäinen toimi", "en": "First action"},
    "report.footer": {
        "fi": "Tehty segmentti-työkalulla. Raportti ei lataa mitään verkosta.",
        "en": "Made with segmentti. The report loads nothing from the internet.",
    },
    # personas page
    "page.personas": {"fi": "4 Persoonat", "en": "4 Personas"},
    "personas.title": {"fi": "Persoonat", "en": "Personas"},
    "personas.intro": {
        "fi": "Jokainen segmentti persoonana. Muokkaa nimeä ja kirjoita muistiinpanot: ne kulkevat mukana "
        "kaikissa vienneissä.",
        "en": "Every segment as a persona. Edit the name and write notes: they go into every export.",
    },
    "personas.name": {"fi": "Persoonan nimi", "en": "Persona name"},
    "personas.notes": {"fi": "Muistiinpanot", "en": "Notes"},
    "personas.suggested": {"fi": "Ehdotus: {name}", "en": "Suggested: {name}"},
    "personas.no_kpis": {
        "fi": "Mittarit (keskiostos, ostotiheys, viimeisin osto, asiakasarvo, palautukset) näkyvät, kun "
        "aineistossa on tilaustiedot.",
        "en": "KPIs (average order value, frequency, recency, customer value, returns) appear when the data "
        "has order history.",
    },
    "personas.next": {"fi": "Seuraavaksi: vie listat ja raportti", "en": "Next: export the lists and the report"},
    # export page
    "export.contacts_title": {
        "fi": "Yhteystietolistat (Mailchimp, HubSpot)",
        "en": "Contact lists (Mailchimp, HubSpot)",
    },
    "export.contacts_intro": {
        "fi": "Sarakkeet Email Address, First Name, Last Name ja Tags (persoonan nimi): tuonti sellaisenaan.",
        "en": "Columns Email Address, First Name, Last Name and Tags (the persona's name): import them as they are.",
    },
    "export.col_email": {"fi": "Sähköpostisarake", "en": "Email column"},
    "export.col_first": {"fi": "Etunimisarake", "en": "First-name column"},
    "export.col_last": {"fi": "Sukunimisarake", "en": "Last-name column"},
    "export.col_consent": {"fi": "Markkinointilupasarake", "en": "Consent column"},
    "export.no_column": {"fi": "(ei mikään)", "en": "(none)"},
    "export.only_consenting": {
        "fi": "Vain asiakkaat, jotka ovat antaneet markkinointiluvan",
        "en": "Only customers who have given marketing consent",
    },
    "export.no_email": {
        "fi": "Aineistossa ei ole sähköpostisaraketta; valitse se yllä, jos se on nimetty toisin.",
        "en": "The data has no email column; pick it above if it is named differently.",
    },
    "export.contacts_count": {
        "fi": "Listoilla {kept} asiakasta; pois jätettiin {left}.",
        "en": "{kept} customers on the lists; {left} left out.",
    },
    "export.left_reason": {"fi": "{reason}: {count}", "en": "{reason}: {count}"},
    "export.segment_title": {"fi": "Yksi segmentti", "en": "One segment"},
    "export.download_list": {
        "fi": "Lataa segmentin lista ({count} osoitetta, CSV)",
        "en": "Download the segment's list ({count} addresses, CSV)",
    },
    "export.download_zip": {
        "fi": "Lataa kaikkien segmenttien listat (ZIP)",
        "en": "Download every segment's list (ZIP)",
    },
    "export.pilot_title": {"fi": "Pilotti ja kontrolliryhmä", "en": "Pilot and control group"},
    "export.pilot_on": {
        "fi": "Arvo jokaisesta segmentistä kontrolliryhmä (ei saa viestiä)",
        "en": "Draw a control group from every segment (gets no message)",
    },
    "export.pilot_percent": {"fi": "Kontrolliryhmän koko (%)", "en": "Control group size (%)"},
    "export.pilot_seed": {"fi": "Arvonnan siemen", "en": "Seed of the draw"},
    "export.pilot_help": {
        "fi": "Kontrolliryhmä jää pois lähetettävistä listoista ja tulee ZIPiin omina listoinaan; kaikkien "
        "asiakkaiden tiedostoissa se näkyy sarakkeessa {column}.",
        "en": "The control group is left out of the lists to send to and comes in the ZIP as lists of its own; "
        "in the all-customers files it shows in the column {column}.",
    },
    "export.download_all_fi": {
        "fi": "Suomalainen Excel-CSV: kaikki {count} asiakasta (puolipiste, desimaalipilkku)",
        "en": "Finnish Excel CSV: all {count} customers (semicolon, decimal comma)",
    },
    "export.report_title": {"fi": "Työkirja ja persoonaraportti", "en": "Workbook and persona report"},
    "export.download_xlsx": {"fi": "Lataa Excel-työkirja (.xlsx)", "en": "Download the Excel workbook (.xlsx)"},
    "export.download_html": {
        "fi": "Lataa persoonaraportti (HTML, tulostettava)",
        "en": "Download the persona report (HTML, printable)",
    },
    "export.download_md": {"fi": "Lataa persoonaraportti (Markdown)", "en": "Download the persona report (Markdown)"},
    "export.file_lists": {"fi": "segmenttilistat", "en": "segment_lists"},
    "export.file_report": {"fi": "persoonaraportti", "en": "persona_report"},
    "export.file_workbook": {"fi": "segmentit", "en": "segments"},
    # errors
    "error.bad_pilot_share": {
        "fi": "Kontrolliryhmän osuuden pitää olla 0–90 % (annettu {percent}).",
        "en": "The control group must be 0–90% (got {percent}).",
    },
    "error.no_email_column": {
        "fi": "Sarake {column} ei ole aineistossa; valitse sähköpostisarake.",
        "en": "The data has no column {column}; choose the email column.",
    },
}
