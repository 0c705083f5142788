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
    "label.value_band": {"fi": "Arvoluokka", "en": "Value band"},
}
