"""The app's session state: one named accessor per thing a user has loaded or chosen."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

from segmentti.data.loading import Table
from segmentti.data.quality import Fix, Step, apply_fixes
from segmentti.texts import language_from_locale, translate

LANG = "lang"
DATASET = "dataset"
CRITERIA = "criteria"
K = "k"
OVERRIDES = "column_overrides"
SOURCE = "source_dataset"
FIXES = "quality_fixes"
METHOD = "method"
FAMILY_WEIGHTS = "family_weights"
COLUMN_WEIGHTS = "column_weights"
RULES = "rules"


@dataclass(frozen=True, eq=False)
class Dataset:
    """The table the user works on and where it came from.

    ``digest`` (SHA-256 of the file's bytes plus the sheet) keys every cached result,
    so a result can only ever be served for the very same data.
    """

    table: Table
    digest: str
    sample: str | None = None
    steps: tuple[Step, ...] = ()
    """The data-quality fixes applied to the loaded data, in order (translatable; exports list them)."""

    @property
    def label(self) -> str:
        """The file name, or the sample's name."""
        return self.table.source_name


def digest_of(data: bytes, sheet: str | None = None) -> str:
    """SHA-256 of ``data`` and the sheet name: the cache key of a loaded file."""
    return hashlib.sha256(data + b"\x00sheet=" + (sheet or "").encode()).hexdigest()


def lang() -> str:
    """The user's language; on the first run, from the browser's locale."""
    if LANG not in st.session_state:
        locale = None
        try:
            locale = st.context.locale or st.context.headers.get("Accept-Language")
        except Exception:  # no browser context (e.g. a bare script run)
            locale = None
        st.session_state[LANG] = language_from_locale(locale)
    return st.session_state[LANG]


def t(key: str, **params: object) -> str:
    """A text in the user's language."""
    return translate(key, lang(), **params)


def formatter(prefix: str) -> Callable[[object], str]:
    """A ``format_func`` showing option ``x`` as the text ``prefix + x`` in the current language.

    The language is bound now: Streamlit may call ``format_func`` outside the script run.
    """
    bound = lang()
    return lambda option: translate(f"{prefix}{option}", bound)


def dataset() -> Dataset | None:
    """The loaded data set, if any."""
    return st.session_state.get(DATASET)


def set_dataset(new: Dataset, *, fixed: bool = False) -> None:
    """Make ``new`` the working data; forget choices made for other data.

    ``new`` is freshly loaded data (it becomes the source that quality fixes start from, and
    earlier fixes are forgotten) unless ``fixed`` says it is the source with fixes applied.
    """
    old = dataset()
    if not fixed:
        previous_source = st.session_state.get(SOURCE)
        st.session_state[SOURCE] = new
        if previous_source is None or previous_source.digest != new.digest:
            st.session_state.pop(FIXES, None)
    st.session_state[DATASET] = new
    if old is None or old.digest != new.digest:
        st.session_state.pop(CRITERIA, None)
        st.session_state.pop(K, None)


def column_overrides() -> dict[str, dict[str, str]]:
    """The user's corrections of column roles and families: ``{column: {"role": ..., "family": ...}}``.

    Empty until the data page lets the user edit them; every page that describes columns
    passes this to the library so all pages agree.
    """
    return st.session_state.setdefault(OVERRIDES, {})


def criteria() -> list[str] | None:
    """The chosen criteria, or ``None`` before the user has chosen (use the suggestion)."""
    return st.session_state.get(CRITERIA)


def set_criteria(chosen: list[str], suggested: list[str]) -> None:
    """Remember the chosen criteria; a choice other than the one in use resets the chosen k.

    Before the user has chosen, the ``suggested`` criteria are the ones in use.
    """
    in_use = st.session_state.get(CRITERIA)
    if chosen != (suggested if in_use is None else in_use):
        st.session_state.pop(K, None)
    st.session_state[CRITERIA] = list(chosen)


def method() -> str:
    """The clustering method chosen on the segments page (default k-means)."""
    return st.session_state.get(METHOD, "kmeans")


def family_weights() -> dict[str, float]:
    """The weight of each criteria family the user set (unset families weigh 1)."""
    return st.session_state.setdefault(FAMILY_WEIGHTS, {})


def column_weights() -> dict[str, float]:
    """The weight of each criterion the user set (unset criteria weigh 1)."""
    return st.session_state.setdefault(COLUMN_WEIGHTS, {})


def rules() -> list:
    """The user's segment rules (:class:`segmentti.engine.rules.Rule`), in order."""
    return st.session_state.setdefault(RULES, [])


PERSONA_EDITS = "persona_edits"


def segmentation_key(digest: str, criteria: tuple[str, ...], k: int, method: str) -> str:
    """A short key naming one segmentation (data, criteria, k, method): persona edits belong to it."""
    text = "\x00".join([digest, *criteria, str(k), method])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def persona_edits(key: str) -> dict[int, dict[str, str]]:
    """The user's persona names and notes for the segmentation ``key``: ``{number: {"name": ..., "notes": ...}}``.

    They live as long as the session, so they survive visits to other pages and come back
    when the user returns to the same segmentation.
    """
    return st.session_state.setdefault(PERSONA_EDITS, {}).setdefault(key, {})


def source_dataset() -> Dataset | None:
    """The loaded data before any quality fix (the working data when no fix is applied)."""
    return st.session_state.get(SOURCE) or dataset()


def fixes() -> list[Fix]:
    """The quality fixes the user has chosen for the loaded data."""
    return list(st.session_state.get(FIXES, []))


def set_fixes(chosen: list[Fix]) -> None:
    """Apply ``chosen`` fixes to a copy of the loaded data and make the result the working data.

    The loaded data itself is never changed; its digest and the fixes make the new digest.
    """
    source = source_dataset()
    if source is None:
        return
    digest = source.digest if not chosen else hashlib.sha256((source.digest + repr(chosen)).encode()).hexdigest()
    st.session_state[FIXES] = list(chosen)
    current = dataset()
    if current is not None and current.digest == digest:
        return
    if not chosen:
        set_dataset(source, fixed=True)
        return
    result = apply_fixes(source.table.frame, chosen, column_overrides())
    table = dataclasses.replace(source.table, frame=result.frame)
    set_dataset(Dataset(table, digest, sample=source.sample, steps=result.steps), fixed=True)
