"""The library's named choices — criteria families, presets, clustering methods, reading options — in one light module.

Nothing here imports pandas, NumPy or scikit-learn, so the command line can offer these choices
in ``--help`` and check them while parsing without paying for the libraries that use them. The
modules that implement each choice import its names from here.
"""

from __future__ import annotations

from enum import StrEnum


class Family(StrEnum):
    """The criteria family of a column: the usual bases of market segmentation (who, where, means, behaviour, attitudes, firm)."""

    DEMOGRAPHIC = "demographic"
    GEOGRAPHIC = "geographic"
    SOCIO_ECONOMIC = "socio_economic"
    BEHAVIOURAL = "behavioural"
    PSYCHOGRAPHIC = "psychographic"
    FIRMOGRAPHIC = "firmographic"
    OTHER = "other"


class Preset(StrEnum):
    """A ready set of criteria families: who the customers are, how they buy, what they think."""

    WHO = "who"
    HOW = "how"
    THINK = "think"


METHODS: tuple[str, ...] = ("kmeans", "gmm", "ward", "hdbscan")
"""The clustering methods' names; ``"kmeans"`` (the first) is the default (:mod:`segmentti.engine.methods`)."""

K_MIN, K_MAX = 2, 10
"""The range of k offered by default."""

SEPARATORS: tuple[str, ...] = (",", ";", "\t", "|", " ")
"""Field separators; ``" "`` stands for runs of spaces and tabs (fixed-width-looking text such as CDNOW's)."""
ENCODINGS: tuple[str, ...] = ("utf-8", "cp1252", "latin-1")
DECIMAL_MARKS: tuple[str, ...] = (".", ",")
DATE_ORDERS: tuple[str, ...] = ("dmy", "mdy")
"""Day/month orders of ``1.2.2025``-style dates: day first (Finnish) or month first (US)."""
