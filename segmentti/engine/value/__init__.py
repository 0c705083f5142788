"""Customer value: BG/NBD and Gamma-Gamma fitted from order lines, P(alive), expected purchases, predicted value."""

from segmentti._lazy import lazy_exports

__getattr__, __dir__, __all__ = lazy_exports(
    __name__,
    {
        "UNITS": "history",
        "PurchaseHistory": "history",
        "purchase_days": "history",
        "summarize_history": "history",
        "BgNbd": "models",
        "GammaGamma": "models",
        "fit_bgnbd": "models",
        "fit_gamma_gamma": "models",
        "CustomerValue": "prediction",
        "RISK_BANDS": "prediction",
        "VALUE_BANDS": "prediction",
        "estimate_value": "prediction",
        "value_from_orders": "prediction",
        "HoldoutCheck": "holdout",
        "check_holdout": "holdout",
    },
)
