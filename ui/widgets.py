"""Widgets and page parts that several pages share."""

from __future__ import annotations

import streamlit as st

from segmentti.data.samples import DEFAULT_SAMPLE, SAMPLE_DIR, SAMPLES
from segmentti.errors import SegmenttiError
from segmentti.texts import LANGUAGES
from ui import state
from ui.cached import cached_sample

LANGUAGE_NAMES = {"fi": "Suomi", "en": "English"}
PAGES = {
    "data": "pages/data.py",
    "quality": "pages/quality.py",
    "criteria": "pages/criteria.py",
    "segments": "pages/segments.py",
    "personas": "pages/personas.py",
    "export": "pages/export.py",
    "rfm": "pages/rfm.py",
    "rules": "pages/rules.py",
    "score": "pages/score.py",
    "compare": "pages/compare.py",
    "present": "pages/present.py",
    "value": "pages/value.py",
}


def language_switch() -> None:
    """The sidebar's language choice; it changes every text at once.

    Its label is in both languages and never changes, so the widget keeps its identity
    when the language does.
    """
    state.init_widget(state.LANGUAGE_CHOICE, state.lang(), valid=lambda chosen: chosen in LANGUAGES)
    st.sidebar.segmented_control(
        "Kieli · Language",
        options=list(LANGUAGES),
        format_func=LANGUAGE_NAMES.__getitem__,
        key=state.LANGUAGE_CHOICE,
        on_change=_apply_language,
    )


def _apply_language() -> None:
    chosen = state.widget_value(state.LANGUAGE_CHOICE)
    if chosen in LANGUAGES:
        state.set_lang(chosen)


def load_sample_dataset(name: str) -> None:
    """Load bundled sample ``name`` as the working data."""
    table = cached_sample(name)
    digest = state.digest_of((SAMPLE_DIR / SAMPLES[name]).read_bytes())
    state.set_dataset(state.Dataset(table, digest, sample=name))


def ensure_default_data() -> None:
    """On a session's first run, load the default sample so the app works without an upload."""
    if state.dataset() is None:
        load_sample_dataset(DEFAULT_SAMPLE)


def require_app_frame(page: str) -> None:
    """Send page ``page`` (a key of :data:`PAGES`) through ``app.py`` when opened on its own.

    Right after a server start, Streamlit serves a ``pages/`` file requested by URL (a
    bookmark, a reloaded tab) without running ``app.py`` until ``st.navigation`` has run
    once in the process. Going through ``app.py`` loads the data and the navigation, and
    :func:`resume_pending_page` then opens the page that was asked for.
    """
    if state.dataset() is None:
        state.set_pending_page(page)
        st.switch_page("app.py")


def resume_pending_page() -> None:
    """After the navigation is set up, open the page a direct link asked for (see :func:`require_app_frame`)."""
    page = state.pop_pending_page()
    if page in PAGES:
        st.switch_page(PAGES[page])


def show_error(error: SegmenttiError) -> None:
    """Show a user error in the user's language."""
    st.error(error.message(state.lang()), icon=":material/error:")


def next_step(page: str, label_key: str) -> None:
    """A link to the next step of the flow."""
    st.page_link(PAGES[page], label=state.t(label_key), icon=":material/arrow_forward:")


def dataset_caption() -> None:
    """One line saying which data is in use."""
    current = state.dataset()
    if current is not None:
        frame = current.table.frame
        st.caption(state.t("app.using_data", name=current.label, rows=len(frame), columns=len(frame.columns)))
