"""The workshop's frame: the presentation switch, opening a view link, and "Share this view" with its QR code.

A view link carries settings only (:mod:`segmentti.outputs.share_link`): opening it gives the
participant a session of their own on the same sample, criteria, weights, method, k, language
and page. Whatever it asks for that does not exist is left out and said once, in the
participant's language, on the page the link opens.
"""

from __future__ import annotations

import functools
from urllib.parse import urlsplit

import streamlit as st

from segmentti.data.order_detection import guess_order_lines
from segmentti.data.samples import SAMPLE_DIR, SAMPLES
from segmentti.engine.clustering import K_MAX, K_MIN, METHODS
from segmentti.errors import SegmenttiError
from segmentti.outputs.share_link import (
    PARAMETERS,
    LinkChoices,
    ViewSettings,
    qr_svg,
    read_view_link,
    unknown_criteria,
    view_url,
)
from segmentti.texts import LANGUAGES, translate
from ui import state
from ui.cached import cached_sample, cached_suggestion
from ui.engine import SEED, weight_pairs
from ui.widgets import PAGES, load_sample_dataset

PRESENT_PAGE = "present"
STEPS = ("data", "k", "map", "personas", "lists")
"""The presentation's steps, in order."""
STEP_PAGES = {"data": "data", "k": "segments", "map": "segments", "personas": "personas", "lists": "export"}
"""The app page that shows what each presentation step shows (a participant's link opens it)."""
K_LIMIT = 15
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})


def presenting() -> bool:
    """Whether the session shows the presentation view."""
    return bool(state.widget_value(state.PRESENTING, False))


def set_presenting(on: bool) -> None:
    """Switch the presentation view on or off; the address keeps ``?present=1`` while on, so a reload stays in it."""
    state.keep(state.PRESENTING, bool(on))
    if on:
        st.query_params["present"] = "1"
    else:
        for name in ("present", "step"):
            st.query_params.pop(name, None)


def present_step() -> int:
    """The position of the presentation's current step in :data:`STEPS`."""
    step = state.widget_value(state.PRESENT_STEP, 0)
    return step if isinstance(step, int) and 0 <= step < len(STEPS) else 0


def go_to_step(position: int) -> None:
    """Show step ``position`` of :data:`STEPS` next (clamped to the first and last)."""
    state.keep(state.PRESENT_STEP, max(0, min(len(STEPS) - 1, int(position))))


def leave_presentation() -> None:
    """``on_click`` of "Leave presentation": back to the app page of the step shown."""
    set_presenting(False)
    state.set_pending_page(STEP_PAGES[STEPS[present_step()]])


def presentation_switch() -> None:
    """The sidebar's presentation switch (its label in the user's language)."""
    state.init_widget(state.PRESENT_SWITCH, presenting(), valid=lambda on: on == presenting())
    st.sidebar.toggle(
        state.t("present.switch"),
        key=state.PRESENT_SWITCH,
        on_change=_apply_switch,
        help=state.t("present.switch_help"),
    )


def _apply_switch() -> None:
    set_presenting(bool(state.widget_value(state.PRESENT_SWITCH)))


def route(page) -> None:
    """After the navigation is set up: keep the presentation on its page, and say once what a link left out.

    ``page`` is the page :func:`streamlit.navigation` chose. Opening the presentation page by
    its address switches the view on; with the view on, any other page gives way to it.
    """
    on_present_page = page.url_path == PRESENT_PAGE
    if on_present_page and not presenting():
        set_presenting(True)
    elif presenting() and not on_present_page:
        st.switch_page(PAGES[PRESENT_PAGE])
    problems = state.widget_value(state.LINK_PROBLEMS)
    if problems:
        state.keep(state.LINK_PROBLEMS, [])
        lang = state.lang()
        lines = [translate(key, lang, **params) for key, params in problems]
        st.warning(
            translate("link.heading", lang) + "\n\n" + "\n".join(f"- {line}" for line in lines),
            icon=":material/link:",
        )


def link_choices() -> LinkChoices:
    """What a view link may ask for in this app."""
    return LinkChoices(
        samples=tuple(SAMPLES),
        methods=METHODS,
        pages=tuple(name for name in PAGES if name != PRESENT_PAGE),
        steps=STEPS,
        languages=LANGUAGES,
        k_min=K_MIN,
        k_max=K_LIMIT,
        seed=SEED,
    )


def open_view_link() -> None:
    """On a session's first run, open the view its address asks for (a shared link); later runs leave it be."""
    if state.widget_value(state.LINK_OPENED):
        return
    state.keep(state.LINK_OPENED, True)
    params = {name: st.query_params.get_all(name) for name in PARAMETERS if name in st.query_params}
    if not params:
        return
    settings, found = read_view_link(params, link_choices())
    problems = [(problem.key, dict(problem.params)) for problem in found]
    for name in PARAMETERS:
        st.query_params.pop(name, None)  # applied once: a reload keeps what the participant changed since
    if settings.lang:
        state.set_lang(settings.lang)
    page = settings.page
    if settings.sample:
        table = cached_sample(settings.sample)
        if guess_order_lines(table.frame).is_order_lines:  # order lines become customers on the data page only
            state.keep(state.SAMPLE_CHOICE, settings.sample)
            page, settings = "data", ViewSettings(lang=settings.lang)
        elif state.dataset() is None or state.dataset().sample != settings.sample:
            load_sample_dataset(settings.sample)
    _apply_choices(settings, problems)
    state.keep(state.LINK_PROBLEMS, problems)
    if settings.present:
        set_presenting(True)
        go_to_step(STEPS.index(settings.step) if settings.step else 0)
    elif page:
        state.set_pending_page(page)


def _apply_choices(settings: ViewSettings, problems: list) -> None:
    """Set the link's criteria, weights, method and k on the loaded data, leaving out what the data lacks."""
    frame = state.dataset().table.frame
    chosen = None
    if settings.criteria:
        missing = unknown_criteria(settings.criteria, frame.columns)
        if missing:
            problems.append(("link.unknown_criteria", {"columns": ", ".join(missing)}))
        chosen = [name for name in settings.criteria if name not in missing]
        if chosen:
            state.keep(state.CRITERIA, chosen)
        else:
            problems.append(("link.no_criteria", {}))
            chosen = None
    if settings.weights:
        in_use = chosen or cached_suggestion(state.dataset().digest, state.column_overrides(), frame)
        stray = [name for name, _ in settings.weights if name not in in_use]
        if stray:
            problems.append(("link.unknown_weight", {"columns": ", ".join(stray)}))
        state.column_weights().update({name: weight for name, weight in settings.weights if name in in_use})
    if settings.method:
        state.set_method(settings.method)
    if settings.k is not None:
        state.set_k(settings.k)
        state.keep(state.K_RANGE, (min(K_MIN, settings.k), max(K_MAX, settings.k)))


def current_view(page: str) -> ViewSettings:
    """The settings of what this session shows on ``page`` (a key of :data:`ui.widgets.PAGES`), for a link."""
    current = state.dataset()
    sample = current.sample if current is not None and _is_plain_sample(current) else None
    chosen = state.criteria()
    weights = ()
    if current is not None:
        try:
            weights = weight_pairs(current.table.frame, chosen)
        except SegmenttiError:
            weights = ()
    on_present = presenting()
    step = STEPS[present_step()]
    return ViewSettings(
        sample=sample,
        criteria=tuple(chosen) if chosen else None,
        weights=weights,
        method=state.method(),
        k=state.k(),
        seed=SEED,
        lang=state.lang(),
        page=STEP_PAGES[step] if on_present else page,
        present=on_present,
        step=step if on_present else None,
    )


def _is_plain_sample(current: state.Dataset) -> bool:
    """Whether ``current`` is a bundled sample exactly as a link reloads it (not joined, fixed or built from lines)."""
    return current.sample in SAMPLES and current.digest == _sample_digest(current.sample)


@functools.cache
def _sample_digest(name: str) -> str:
    """The digest a bundled sample's file loads with (read once per server process)."""
    return state.digest_of((SAMPLE_DIR / SAMPLES[name]).read_bytes())


def share_view(page: str) -> None:
    """The "Share this view" panel: the link of this view, its QR code drawn here, and what the link cannot carry."""
    settings = current_view(page if page in PAGES else "data")  # the default page's address has no name
    base = st.context.url or "http://127.0.0.1:8501/"
    url = view_url(base, settings)
    host = urlsplit(base).hostname or ""
    if host in LOCAL_HOSTS:  # first: a link to this machine reaches nobody else
        st.caption(":material/lan: " + state.t("share.local_only", host=host))
    st.caption(state.t("share.intro"))
    st.code(url, language=None, wrap_lines=True)
    # the drawing depends on the link alone; a sample's link is the same for every participant on that view
    drawing = state.remember("share_qr", url, lambda: qr_svg(url), 8, public=settings.sample is not None)
    st.image(drawing, caption=state.t("share.qr"), width=320 if presenting() else 240)
    if state.dataset() is not None and settings.sample is None:
        st.caption(state.t("share.own_data"))
