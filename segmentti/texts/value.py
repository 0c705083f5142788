"""Texts of customer value: the BG/NBD and Gamma-Gamma models' errors and warnings, the value page and the value columns."""

TEXTS: dict[str, dict[str, str]] = {
    # errors
    "error.value_unit": {
        "fi": "Aikayksikkö {unit} ei käy. Valitse jokin näistä: {units}.",
        "en": "The time unit {unit} is not one we know. Choose one of: {units}.",
    },
    "error.value_nothing_before": {
        "fi": "Päivään {as_of} mennessä ei ole yhtään ostoa. Valitse myöhäisempi päivä.",
        "en": "There is no purchase on or before {as_of}. Choose a later day.",
    },
    "error.value_no_repeat": {
        "fi": "Yksikään asiakas ei ole ostanut kahtena eri päivänä, joten ostotiheyttä ja asiakkaiden poistumista "
        "ei voi arvioida. Asiakasarvoon tarvitaan toistuvia ostoja (pidempi ostohistoria).",
        "en": "No customer has bought on two different days, so purchase rates and dropout cannot be estimated. "
        "Customer value needs repeat purchases (a longer purchase history).",
    },
    "error.value_no_repeat_spend": {
        "fi": "Toistuvista ostoista ei ole euromääriä (kaikki 0), joten ostojen arvoa ei voi ennustaa.",
        "en": "The repeat purchases have no amounts (all 0), so the value of purchases cannot be predicted.",
    },
    "error.value_too_short": {
        "fi": "Kaikki ostot ovat samalta päivältä. Asiakasarvoon tarvitaan ostoja useammalta päivältä.",
        "en": "All purchases are from a single day. Customer value needs purchases from several days.",
    },
    "error.value_not_converged": {
        "fi": "{model}-mallin sovitus ei löytänyt luotettavia arvoja tälle aineistolle, joten ennusteita ei näytetä. "
        "Kokeile pidempää ostohistoriaa tai toista aikayksikköä.",
        "en": "Fitting the {model} model did not reach values this data supports, so no predictions are shown. "
        "Try a longer purchase history or the other time unit.",
    },
    "error.value_horizon": {
        "fi": "Ennustejakso {horizon} ei käy: anna päivien määrä 1–3650.",
        "en": "The horizon {horizon} does not work: give a number of days from 1 to 3650.",
    },
    "error.value_discount": {
        "fi": "Diskonttokorko {discount} ei käy: anna vuosikorko väliltä 0–0,99 (esim. 0,1 = 10 %).",
        "en": "The discount rate {discount} does not work: give a yearly rate from 0 to 0.99 (e.g. 0.1 = 10%).",
    },
    "error.value_holdout_short": {
        "fi": "Tarkistusjakso on liian lyhyt: kalibrointijakson jälkeen pitää olla ostohistoriaa vähintään {days} päivää.",
        "en": "The holdout period is too short: there must be at least {days} days of history after the calibration period.",
    },
    # warnings
    "value.warn_few_repeat_buyers": {
        "fi": "Toistuvia ostajia on vähän: mallin arvot ovat epävarmoja. Katso tarkistus ennen kuin luotat lukuihin.",
        "en": "There are few repeat buyers: the model's values are uncertain. Look at the holdout check before trusting the numbers.",
    },
    "value.warn_short_history": {
        "fi": "Ostohistoria on lyhyt (alle 90 päivää): ennusteet pitkälle eteenpäin ovat epävarmoja.",
        "en": "The purchase history is short (under 90 days): predictions far ahead are uncertain.",
    },
    "value.warn_no_dropout": {
        "fi": "Ostohistoriassa ei juuri näy asiakkaiden poistumista: malli pitää lähes kaikkia yhä asiakkaina, joten "
        "poistumariskiä ei vielä voi erottaa. Pidempi historia kertoo enemmän.",
        "en": "The purchase history shows almost no customers leaving: the model holds nearly everyone to be still a "
        "customer, so churn risk cannot be told apart yet. A longer history tells more.",
    },
    "value.warn_spend_follows_frequency": {
        "fi": "Ostojen keskiarvo riippuu tässä aineistossa ostotiheydestä, mitä Gamma-Gamma-malli ei oleta: "
        "ennustettu arvo voi olla vinossa.",
        "en": "In this data the spend per purchase depends on how often customers buy, which the Gamma-Gamma model "
        "does not assume: the predicted value may be biased.",
    },
    # churn-risk and value bands
    "value.risk_active": {"fi": "Aktiivinen", "en": "Active"},
    "value.risk_slipping": {"fi": "Hiipumassa", "en": "Slipping"},
    "value.risk_at_risk": {"fi": "Vaarassa", "en": "At risk"},
    "value.risk_lost": {"fi": "Todennäköisesti menetetty", "en": "Probably lost"},
    "value.risk_once": {"fi": "Ostanut kerran", "en": "Bought once"},
    "value.band_top": {"fi": "Arvokkain 20 %", "en": "Top 20%"},
    "value.band_middle": {"fi": "Seuraavat 30 %", "en": "Next 30%"},
    "value.band_low": {"fi": "Alempi puolisko", "en": "Lower half"},
    # column labels
    "label.p_alive": {"fi": "Todennäköisyys olla yhä asiakas", "en": "Probability still a customer"},
    "label.expected_spend": {"fi": "Odotettu ostos", "en": "Expected spend per purchase"},
    "label.predicted_value": {"fi": "Ennustettu arvo", "en": "Predicted value"},
    "label.churn_risk": {"fi": "Poistumariski", "en": "Churn risk"},
    "label.predicted_value_band": {"fi": "Arvoluokka", "en": "Value band"},
}
TEXTS.update(
    {
        # charts
        "value.alive_title": {
            "fi": "Todennäköisyys, että asiakas on yhä asiakas (ostot ja viimeisimmän oston ajankohta)",
            "en": "Probability a customer is still a customer (purchases and when the last one was)",
        },
        "value.alive_hover": {
            "fi": "toistuvia ostoja %{y}, viimeisin osto %{x} ensioston jälkeen: %{z:.0%}",
            "en": "%{y} repeat purchases, last one %{x} after the first: %{z:.0%}",
        },
        "value.recency_axis_weeks": {
            "fi": "Viimeisin osto, viikkoja ensioston jälkeen",
            "en": "Last purchase, weeks after the first",
        },
        "value.recency_axis_days": {
            "fi": "Viimeisin osto, päiviä ensioston jälkeen",
            "en": "Last purchase, days after the first",
        },
        "value.frequency_axis": {"fi": "Toistuvia ostoja", "en": "Repeat purchases"},
        "value.histogram_title": {
            "fi": "Ennustettu arvo asiakasta kohden, {days} pv",
            "en": "Predicted value per customer, {days} days",
        },
        "value.value_axis": {
            "fi": "Ennustettu arvo ({currency}; suurimmat 1 % jätetty pois)",
            "en": "Predicted value ({currency}; the top 1% left out)",
        },
        "value.customers_axis": {"fi": "Asiakkaita", "en": "Customers"},
        "value.risk_title": {"fi": "Asiakkaat poistumariskin mukaan", "en": "Customers by churn risk"},
        "value.holdout_title": {
            "fi": "Tarkistus: ennustetut ja toteutuneet ostot {days} päivän tarkistusjaksolla",
            "en": "Holdout check: predicted and actual purchases in the {days}-day holdout period",
        },
        "value.holdout_actual": {"fi": "Toteutuneet", "en": "Actual"},
        "value.holdout_predicted": {"fi": "Ennustetut", "en": "Predicted"},
        "value.holdout_axis": {
            "fi": "Toistuvia ostoja kalibrointijaksolla",
            "en": "Repeat purchases in the calibration period",
        },
        "value.holdout_y": {"fi": "Ostoja asiakasta kohden", "en": "Purchases per customer"},
    }
)
TEXTS.update(
    {
        # the page
        "page.value": {"fi": "Asiakasarvo", "en": "Customer value"},
        "value.title": {"fi": "Asiakasarvo ja poistumariski", "en": "Customer value and churn risk"},
        "value.intro": {
            "fi": "RFM katsoo taaksepäin; tämä sivu ennustaa. BG/NBD-malli arvioi tilausriveistä, kuinka todennäköisesti "
            "kukin asiakas on yhä asiakas ja montako ostoa häneltä on odotettavissa, Gamma-Gamma-malli ostojen arvon. "
            "Yhdessä ne antavat jokaiselle asiakkaalle ennustetun arvon ja poistumariskin.",
            "en": "RFM looks back; this page looks ahead. From the order lines, the BG/NBD model estimates how likely "
            "each customer is still a customer and how many purchases to expect, the Gamma-Gamma model what a purchase "
            "is worth. Together they give every customer a predicted value and a churn risk.",
        },
        "value.use_sample_orders": {
            "fi": "Käytä esimerkkiaineiston tilausrivejä (yhdistetään asiakastunnuksella customer_id)",
            "en": "Use the sample's order lines (joined on customer_id)",
        },
        "value.needs_orders": {
            "fi": "Asiakasarvo lasketaan tilausriveistä. Lataa Aineisto-sivulla tilausrivit (asiakas, päivä, summa) "
            "tai valitse esimerkkiaineisto.",
            "en": "Customer value is computed from order lines. Load order lines (customer, date, amount) on the Data "
            "page or choose a sample.",
        },
        "value.source": {"fi": "Tilausrivit: {name} ({lines} riviä)", "en": "Order lines: {name} ({lines} lines)"},
        "value.unit": {"fi": "Aikayksikkö", "en": "Time unit"},
        "value.unit_weeks": {"fi": "viikot", "en": "weeks"},
        "value.unit_days": {"fi": "päivät", "en": "days"},
        "value.horizon": {"fi": "Ennustejakso (päivää)", "en": "Horizon (days)"},
        "value.discount": {"fi": "Diskonttokorko (% vuodessa)", "en": "Discount rate (% a year)"},
        "value.discount_help": {
            "fi": "Myöhemmin odotetut ostot ovat nyt vähemmän arvoisia; 0 = ei diskonttausta.",
            "en": "Purchases expected later are worth less today; 0 = no discounting.",
        },
        "value.fitting": {"fi": "Sovitetaan malleja…", "en": "Fitting the models…"},
        "value.metric_customers": {"fi": "Asiakkaita", "en": "Customers"},
        "value.metric_repeat": {"fi": "Toistuvia ostajia", "en": "Repeat buyers"},
        "value.metric_purchases": {"fi": "Odotetut ostot, {days} pv", "en": "Expected purchases, {days} d"},
        "value.metric_value": {"fi": "Ennustettu arvo, {days} pv", "en": "Predicted value, {days} d"},
        "value.metric_at_risk": {"fi": "Vaarassa tai menetetty", "en": "At risk or lost"},
        "value.parameters": {"fi": "Mallien parametrit", "en": "The models' parameters"},
        "value.parameters_text": {
            "fi": "BG/NBD: r = {r}, α = {alpha}, a = {a}, b = {b} · Gamma-Gamma: p = {p}, q = {q}, v = {v} "
            "(aikayksikkö {unit}, tilanne {as_of}).",
            "en": "BG/NBD: r = {r}, α = {alpha}, a = {a}, b = {b} · Gamma-Gamma: p = {p}, q = {q}, v = {v} "
            "(time unit {unit}, as of {as_of}).",
        },
        "value.alive_caption": {
            "fi": "Kerran ostanut on mallin mukaan aina ”yhä asiakas” (ylin rivi): siksi heidät näytetään omana "
            "ryhmänään ”Ostanut kerran” eikä heille arvioida riskiä.",
            "en": 'By the model\'s construction a customer who bought once is always "still a customer" (the top row): '
            'so they are shown as a band of their own, "Bought once", with no risk told.',
        },
        "value.at_risk_title": {
            "fi": "Arvokkaimmat vaarassa olevat asiakkaat",
            "en": "The most valuable customers at risk",
        },
        "value.col_customer": {"fi": "Asiakas", "en": "Customer"},
        "value.col_spend": {"fi": "Ostot tähän asti", "en": "Spend so far"},
        "value.col_p_alive": {"fi": "P(yhä asiakas)", "en": "P(still a customer)"},
        "value.col_predicted": {"fi": "Ennustettu arvo", "en": "Predicted value"},
        "value.col_risk": {"fi": "Poistumariski", "en": "Churn risk"},
        "value.download_at_risk": {
            "fi": "Lataa vaarassa olevat asiakkaat ({count}, CSV)",
            "en": "Download the customers at risk ({count}, CSV)",
        },
        "value.rfm_title": {"fi": "RFM-segmentit ja arvoluokat", "en": "RFM segments and value bands"},
        "value.rfm_chart_title": {
            "fi": "Asiakkaat RFM-segmentin ja ennustetun arvon luokan mukaan",
            "en": "Customers by RFM segment and predicted-value band",
        },
        "value.holdout_heading": {"fi": "Voiko malliin luottaa?", "en": "Can the model be trusted?"},
        "value.holdout_intro": {
            "fi": "Malli sovitetaan ostoihin valittuun päivään asti ja sen ennustetta verrataan siihen, mitä asiakkaat "
            "sen jälkeen todella ostivat. Jos viivat kulkevat lähellä toisiaan, ennusteet ovat uskottavia.",
            "en": "The model is fitted to the purchases up to the chosen day and its prediction compared with what "
            "customers really bought after it. When the lines run close together, the predictions are credible.",
        },
        "value.calibration_end": {
            "fi": "Kalibrointijakson viimeinen päivä",
            "en": "Last day of the calibration period",
        },
        "value.holdout_caption": {
            "fi": "Tarkistusjaksolla {customers} asiakasta osti {actual} kertaa; malli ennusti {predicted}.",
            "en": "In the holdout period {customers} customers bought {actual} times; the model predicted {predicted}.",
        },
        "value.use_heading": {"fi": "Käytä tuloksia", "en": "Use the results"},
        "value.add": {
            "fi": "Lisää ennustettu arvo ja poistumariski asiakastietoihin",
            "en": "Add predicted value and churn risk to the customer data",
        },
        "value.added": {
            "fi": "Asiakastiedoissa on nyt ennustettu arvo ja poistumariski: ne voi valita kriteereiksi, persoonat "
            "näyttävät segmenttien arvon ja kaikki viennit sisältävät ne.",
            "en": "The customer data now has predicted value and churn risk: they can be chosen as criteria, the "
            "personas show each segment's value and every export carries them.",
        },
        "value.no_id_column": {
            "fi": "Asiakastiedoissa ei ole asiakastunnusta, jolla arvot voisi liittää asiakkaisiin.",
            "en": "The customer data has no customer id to attach the values to.",
        },
        "value.download_all": {
            "fi": "Lataa kaikkien asiakkaiden arvo ({count}, CSV)",
            "en": "Download every customer's value ({count}, CSV)",
        },
        "value.bands_caption": {
            "fi": "Poistumariski toistuvilla ostajilla: Aktiivinen (P ≥ 70 %), Hiipumassa (40–70 %), Vaarassa (15–40 %), "
            "Todennäköisesti menetetty (alle 15 %). Luokat: {bands}.",
            "en": "Churn risk of repeat buyers: Active (P ≥ 70%), Slipping (40–70%), At risk (15–40%), Probably lost "
            "(under 15%). Bands: {bands}.",
        },
        # persona action
        "rule.value_at_risk.action": {
            "fi": "Voita takaisin poistumassa olevat: henkilökohtainen yhteydenotto tai tarjous arvokkaimmille heistä.",
            "en": "Win back the customers slipping away: a personal contact or offer for the most valuable of them.",
        },
        "rule.value_at_risk.reason": {
            "fi": "Asiakasarvomallin mukaan {share} segmentin asiakkaista on vaarassa tai todennäköisesti menetetty "
            "(kaikista {overall}). Asiakasarvo-sivulta saa listan vaarassa olevista ostojen mukaan järjestettynä.",
            "en": "By the customer-value model {share} of the segment are at risk or probably lost (all customers "
            "{overall}). The Customer value page lists those at risk, biggest spenders first.",
        },
        # persona KPIs
        "kpi.predicted_value": {"fi": "Ennustettu arvo / asiakas", "en": "Predicted value per customer"},
        "kpi.future_revenue_share": {"fi": "Osuus tulevasta myynnistä", "en": "Share of future revenue"},
        "kpi.at_risk_share": {"fi": "Vaarassa olevien osuus", "en": "Share at risk"},
    }
)
TEXTS.update(
    {
        # the command line
        "cli.help_value": {
            "fi": "ennusta tilausriveistä jokaisen asiakkaan todennäköisyys olla yhä asiakas, odotetut ostot ja arvo "
            "(BG/NBD ja Gamma-Gamma)",
            "en": "predict from order lines each customer's probability of still being a customer, expected purchases "
            "and value (BG/NBD and Gamma-Gamma)",
        },
        "cli.help_unit": {
            "fi": "aikayksikkö, jossa malli sovitetaan (oletus weeks)",
            "en": "time unit the models are fitted in (default weeks)",
        },
        "cli.help_horizon": {
            "fi": "ennustejakso päivinä (oletus 365); odotetut ostot myös 30, 90 ja 365 päivälle",
            "en": "horizon in days (default 365); expected purchases are also given for 30, 90 and 365 days",
        },
        "cli.help_discount": {
            "fi": "vuotuinen diskonttokorko ennustetulle arvolle, esim. 0.1 (oletus 0)",
            "en": "yearly discount rate of the predicted value, e.g. 0.1 (default 0)",
        },
        "cli.help_out_value": {
            "fi": "CSV-tiedosto, johon kirjoitetaan rivi asiakasta kohden",
            "en": "CSV file to write one row per customer to",
        },
        "cli.help_value_json": {
            "fi": "tulosta mallien parametrit ja yhteenveto JSON-muodossa",
            "en": "print the models' parameters and the totals as JSON",
        },
        "cli.value_done": {
            "fi": "{customers} asiakasta, joista {repeat} ostanut useammin kuin kerran; tilanne {as_of}, aikayksikkö "
            "{unit}. BG/NBD: r = {r}, α = {alpha}, a = {a}, b = {b}. Gamma-Gamma: p = {p}, q = {q}, v = {v}.",
            "en": "{customers} customers, {repeat} of them bought more than once; as of {as_of}, time unit {unit}. "
            "BG/NBD: r = {r}, α = {alpha}, a = {a}, b = {b}. Gamma-Gamma: p = {p}, q = {q}, v = {v}.",
        },
        "cli.value_totals": {
            "fi": "Seuraavan {days} päivän aikana odotetaan {purchases} ostoa, ennustettu arvo {value}.",
            "en": "In the next {days} days {purchases} purchases are expected, predicted value {value}.",
        },
        "cli.value_risk": {"fi": "Poistumariski: {bands}.", "en": "Churn risk: {bands}."},
        "cli.value_written": {"fi": "Kirjoitettu {out}", "en": "Wrote {out}"},
    }
)
