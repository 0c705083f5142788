"""The app's session state: every key, its typed accessor, the reset when the data changes, and the results.

Everything the app keeps for a session lives under a key declared here, pages included
(their widget keys are constants or key functions of this module). State flows one way:

- the language and the data page's own widgets (source, sample, uploads, load options)
  are not about any one table and are kept;
- :func:`set_dataset` with data of another digest forgets everything chosen or computed
  for the data before it (criteria, weights, method, k and its range, rules, RFM edges,
  persona edits, map selection, detail and export widgets, results); new *loaded* data
  also forgets the column corrections, column labels, currency and quality fixes, which
  belong to the file itself;
- computed results are kept by :func:`remember` in this session (a user's data is never
  shared between sessions; results of the bundled samples are computed once for every
  session by :mod:`ui.shared`), keyed on digests of the data and of the settings they were
  computed from, a few per kind, the oldest dropped first. The UI language is never part
  of a computation's key: only the rendering of names and texts follows it.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import Any, TypeVar

import streamlit as st

from segmentti.data.quality import Fix, apply_fixes
from segmentti.insight.personas import DEFAULT_CURRENCY
from segmentti.texts import language_from_locale, translate
from ui.dataset import Dataset
from ui.digests import digest_of, segmentation_key, settings_digest  # noqa: F401 (re-exported: state.digest_of …)
from ui.shared import shared_results

T = TypeVar("T")

# --- kept whatever the data: the language and how data is loaded -----------------------------
LANG = "lang"
LANGUAGE_CHOICE = "language_choice"
PENDING_PAGE = "pending_page"
SCAN_CHARTS = "scan_charts"
SCAN_CHARTS_OPEN = "scan_charts_open"
DATA_SOURCE = "data_source"
SAMPLE_CHOICE = "sample_choice"
UPLOAD = "upload"
# the workshop (kept whatever the data; written with keep): presentation view, its step, the view link read
PRESENTING = "presenting"
PRESENT_SWITCH = "present_switch"
PRESENT_STEP = "present_step"
LINK_OPENED = "link_opened"
LINK_PROBLEMS = "link_problems"

# --- the data itself, and what belongs to the loaded file ------------------------------------
DATASET = "dataset"
SOURCE = "source_dataset"
FIXES = "quality_fixes"
OVERRIDES = "column_overrides"
COLUMN_LABELS = "column_labels"
CURRENCY = "currency"
CURRENCY_CHOICE = "currency_choice"

# --- chosen for the working data (reset by set_dataset) --------------------------------------
CRITERIA = "criteria"
CRITERIA_CHOICE = "criteria_choice"
CRITERIA_PRESET = "criteria_preset"
FAMILY_WEIGHTS = "family_weights"
COLUMN_WEIGHTS = "column_weights"
COLUMN_WEIGHT_EDITOR = "column_weight_editor"
METHOD = "method"
METHOD_CHOICE = "method_choice"
K = "k"
K_CHOICE = "k_choice"
K_RANGE = "k_range"
COMPARE_K = "compare_k"
MAP_PROJECTION = "map_projection"
SEGMENT_MAP = "segment_map"
DETAIL_CRITERION = "detail_criterion"
SHOW_FIT = "show_fit"
RULES = "rules"
RULES_TABLE = "rules_table"
RULES_VERSION = "rules_editor_version"
RULES_LOADED = "rules_loaded"
RULES_UPLOAD = "rules_upload"
RULES_SAVE = "rules_save"
RULES_DOWNLOAD = "rules_download"
RFM_ORDERS = "rfm_orders"
RFM_BINS = "rfm_bins"
RFM_DOWNLOAD = "rfm_download"
VALUE_ORDERS = "value_orders"
VALUE_UNIT = "value_unit"
VALUE_HORIZON = "value_horizon"
VALUE_DISCOUNT = "value_discount"
VALUE_CALIBRATION = "value_calibration"
VALUE_ADD = "value_add"
VALUE_DOWNLOAD = "value_download"
VALUE_RISK_DOWNLOAD = "value_risk_download"
PERSONA_EDITS = "persona_edits"
PILOT_ON, PILOT_PERCENT, PILOT_SEED = "export_pilot_on", "export_pilot_percent", "export_pilot_seed"
RESULTS = "results"
# the project box, the Score and Compare pages' uploads: kept whatever the data
PROJECT_UPLOAD, PROJECT_OPENED, MODEL_UPLOAD = "project_upload", "project_opened", "model_upload"
# a project's files: how each is read and joined (the data page's defaults for files of those names), and a
# project waiting for its files to be loaded
PROJECT_FILES, PROJECT_PENDING = "project_files", "project_pending"
SCORE_UPLOAD, COMPARE_OLD, COMPARE_NEW, COMPARE_BASIS = "score_upload", "compare_old", "compare_new", "compare_basis"
COMPARE_ONE_FILE, COMPARE_AS_OF_OLD, COMPARE_AS_OF_NEW = "compare_one_file", "compare_as_of_old", "compare_as_of_new"

_PER_DATA = (
    CRITERIA,
    CRITERIA_CHOICE,
    CRITERIA_PRESET,
    FAMILY_WEIGHTS,
    COLUMN_WEIGHTS,
    COLUMN_WEIGHT_EDITOR,
    METHOD,
    METHOD_CHOICE,
    K,
    K_CHOICE,
    K_RANGE,
    COMPARE_K,
    MAP_PROJECTION,
    SEGMENT_MAP,
    DETAIL_CRITERION,
    SHOW_FIT,
    RULES,
    RULES_TABLE,
    RULES_VERSION,
    RULES_LOADED,
    RULES_UPLOAD,
    RULES_SAVE,
    RULES_DOWNLOAD,
    RFM_ORDERS,
    RFM_BINS,
    RFM_DOWNLOAD,
    VALUE_ORDERS,
    VALUE_UNIT,
    VALUE_HORIZON,
    VALUE_DISCOUNT,
    VALUE_CALIBRATION,
    VALUE_ADD,
    VALUE_DOWNLOAD,
    VALUE_RISK_DOWNLOAD,
    PERSONA_EDITS,
)
# widget keys made per item (see the key functions below); the export page's widgets all start with "export_"
_FAMILY_WEIGHT, _RULES_EDITOR, _RFM_EDGES = "family_weight_", "rules_editor_", "rfm_edges_"
_PERSONA_NAME, _PERSONA_NOTES, _EXPORT = "persona_name_", "persona_notes_", "export_"
_PER_DATA_PREFIXES = (_FAMILY_WEIGHT, _RULES_EDITOR, _RFM_EDGES, _PERSONA_NAME, _PERSONA_NOTES, _EXPORT)
_COLUMN_EDITOR, _FIX = "column_editor_", "fix_"
_PER_FILE_PREFIXES = (_COLUMN_EDITOR, _FIX)

# kinds of result in the results store: loading kinds outlive a data change, source kinds a quality fix
LOADING_KINDS = frozenset({"table", "sample", "customers"})
SOURCE_KINDS = frozenset({"quality"})


# --- language ----------------------------------------------------------------------------------


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


def set_lang(chosen: str) -> None:
    """Show every text in language ``chosen`` from now on (nothing computed is forgotten)."""
    st.session_state[LANG] = chosen


def t(key: str, **params: object) -> str:
    """A text in the user's language."""
    return translate(key, lang(), **params)


def formatter(prefix: str) -> Callable[[object], str]:
    """A ``format_func`` showing option ``x`` as the text ``prefix + x`` in the current language.

    The language is bound now: Streamlit may call ``format_func`` outside the script run.
    """
    bound = lang()
    return lambda option: translate(f"{prefix}{option}", bound)


# --- widgets -----------------------------------------------------------------------------------


def widget_value(key: str, default: T | None = None) -> Any:
    """The value of the widget (or other state) ``key``, ``default`` when it has none yet."""
    return st.session_state.get(key, default)


def keep(key: str, value: object) -> None:
    """Keep ``value`` under ``key`` (one of this module's keys) for the rest of the session."""
    st.session_state[key] = value


def init_widget(key: str, value: object, *, valid: Callable[[Any], bool] | None = None) -> None:
    """Give widget ``key`` its starting ``value`` unless it already holds one (that ``valid`` accepts)."""
    if key not in st.session_state or (valid is not None and not valid(st.session_state[key])):
        st.session_state[key] = value


def family_weight_key(family: str) -> str:
    """The key of the criteria page's weight slider of ``family``."""
    return f"{_FAMILY_WEIGHT}{family}"


def rules_editor_key(version: int) -> str:
    """The key of the rules editor's ``version`` (see :func:`rules_version`)."""
    return f"{_RULES_EDITOR}{version}"


def rfm_edges_key(letter: str) -> str:
    """The key of the RFM page's custom edges text of ``letter`` ("recency", "frequency", "monetary")."""
    return f"{_RFM_EDGES}{letter}"


def persona_name_key(suffix: str) -> str:
    """The key of the personas page's name field of the persona ``suffix`` names."""
    return f"{_PERSONA_NAME}{suffix}"


def persona_notes_key(suffix: str) -> str:
    """The key of the personas page's notes field of the persona ``suffix`` names."""
    return f"{_PERSONA_NOTES}{suffix}"


def column_editor_key(digest: str, language: str) -> str:
    """The key of the data page's column-roles editor of the data ``digest`` shown in ``language``."""
    return f"{_COLUMN_EDITOR}{digest[:12]}_{language}"


def fix_key(digest: str, position: int, kind: str, column: str | None) -> str:
    """The key of the quality page's fix choice for problem ``position`` of the loaded data ``digest``."""
    return f"{_FIX}{digest[:12]}_{position}_{kind}_{column}"


def file_key(data: bytes, position: int) -> str:
    """The key naming the data page's widgets of the file ``data`` at ``position`` among the files loaded."""
    return f"file_{hashlib.sha256(data).hexdigest()[:12]}_{position}"


def file_widget_key(file_key: str, option: str) -> str:
    """The key of the data page's ``option`` widget (separator, sheet, mapping …) of the file ``file_key``."""
    return f"{file_key}_{option}"


def snapshot_column_key(digest: str, field: str) -> str:
    """The key of the Compare page's choice of the order-line column ``field`` of the snapshot file ``digest``."""
    return f"compare_column_{digest[:12]}_{field}"


def scan_charts_open() -> bool:
    """Whether the segments page's score charts are open (at first closed: the segments come first; kept for any data)."""
    return bool(st.session_state.get(SCAN_CHARTS_OPEN, False))


def keep_scan_charts_open() -> None:
    """``on_change`` of the score charts' expander: remember it open or closed.

    The expander's label is translated, so a language switch makes it a new widget that
    would start closed; it starts as the user left it instead.
    """
    st.session_state[SCAN_CHARTS_OPEN] = bool(st.session_state.get(SCAN_CHARTS))


# --- page flow ---------------------------------------------------------------------------------


def set_pending_page(page: str) -> None:
    """Remember the page a direct link asked for, to open once the navigation is set up."""
    st.session_state[PENDING_PAGE] = page


def pop_pending_page() -> str | None:
    """The page a direct link asked for (forgotten as it is read), if any."""
    return st.session_state.pop(PENDING_PAGE, None)


# --- the data ----------------------------------------------------------------------------------


def dataset() -> Dataset | None:
    """The loaded data set, if any."""
    return st.session_state.get(DATASET)


def set_dataset(new: Dataset, *, fixed: bool = False) -> None:
    """Make ``new`` the working data; when its digest differs, forget all that belonged to the data before.

    ``new`` is freshly loaded data (it becomes the source that quality fixes start from) unless
    ``fixed`` says it is the source with fixes applied. Other data resets, in one go, every
    choice and result downstream of the data (see the module's docstring); another loaded
    file also resets its column corrections and quality fixes. The language and the data
    page's loading widgets are kept.
    """
    old = dataset()
    if not fixed:
        previous_source = st.session_state.get(SOURCE)
        st.session_state[SOURCE] = new
        if previous_source is None or previous_source.digest != new.digest:
            _forget(keys=(FIXES, OVERRIDES, COLUMN_LABELS, CURRENCY, CURRENCY_CHOICE), prefixes=_PER_FILE_PREFIXES)
            _forget_results(keep=LOADING_KINDS)
    st.session_state[DATASET] = new
    if old is None or old.digest != new.digest:
        _forget(keys=_PER_DATA, prefixes=_PER_DATA_PREFIXES)
        _forget_results(keep=LOADING_KINDS | SOURCE_KINDS)


def _forget(*, keys: tuple[str, ...], prefixes: tuple[str, ...]) -> None:
    for key in list(st.session_state.keys()):
        if key in keys or key.startswith(prefixes):
            del st.session_state[key]


def source_dataset() -> Dataset | None:
    """The loaded data before any quality fix (the working data when no fix is applied)."""
    return st.session_state.get(SOURCE) or dataset()


def column_overrides() -> dict[str, dict[str, str]]:
    """The user's corrections of column roles and families: ``{column: {"role": ..., "family": ...}}``.

    Every page that describes columns passes this to the library so all pages agree.
    """
    return st.session_state.setdefault(OVERRIDES, {})


def set_column_overrides(changed: Mapping[str, Mapping[str, str]]) -> None:
    """Replace the column corrections with ``changed`` (edited on the data page)."""
    st.session_state[OVERRIDES] = {name: dict(entry) for name, entry in changed.items()}


def column_labels() -> dict[str, str]:
    """The readable labels the user gave columns on the data page: ``{column: label}`` (unlabelled columns absent).

    Charts, sentences and exports pass these to the library (``column_labels=``), where
    :func:`segmentti.insight.naming.column_label` makes a label from the header for the rest.
    They belong to the loaded file, like the column corrections: new data forgets them.
    """
    return dict(st.session_state.get(COLUMN_LABELS, {}))


def set_column_labels(chosen: Mapping[str, str]) -> None:
    """Keep ``chosen`` (column → label) as the user's labels; blank labels are dropped."""
    st.session_state[COLUMN_LABELS] = {
        str(name): str(label).strip() for name, label in chosen.items() if str(label or "").strip()
    }


def currency() -> str:
    """The currency of the money figures, chosen on the data page (``"€"`` until chosen; ``""`` for none)."""
    return str(st.session_state.get(CURRENCY, DEFAULT_CURRENCY))


def set_currency(chosen: str) -> None:
    """Show money in ``chosen`` (a symbol or code; ``""`` shows plain numbers) from now on."""
    st.session_state[CURRENCY] = str(chosen).strip()


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
    set_dataset(dataclasses.replace(source, table=table, digest=digest, steps=result.steps), fixed=True)


# --- choices for the working data --------------------------------------------------------------


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


def criteria_preset() -> str | None:
    """The ready set of criteria the user last picked on the criteria page (``None`` before)."""
    return st.session_state.get(CRITERIA_PRESET)


def fill_criteria_choice(names: list[str]) -> None:
    """Put ``names`` in the criteria page's selection (a preset's ``on_change``: before the widget is drawn)."""
    st.session_state[CRITERIA_CHOICE] = list(names)


def family_weights() -> dict[str, float]:
    """The weight of each criteria family the user set (unset families weigh 1)."""
    return st.session_state.setdefault(FAMILY_WEIGHTS, {})


def column_weights() -> dict[str, float]:
    """The weight of each criterion the user set (unset criteria weigh 1)."""
    return st.session_state.setdefault(COLUMN_WEIGHTS, {})


def method() -> str:
    """The clustering method chosen on the segments page (default k-means)."""
    return st.session_state.get(METHOD, "kmeans")


def set_method(chosen: str) -> None:
    """Remember the clustering method chosen on the segments page."""
    st.session_state[METHOD] = chosen


def k() -> int | None:
    """The number of segments chosen on the segments page, or ``None`` before one was chosen."""
    return st.session_state.get(K)


def set_k(chosen: int) -> None:
    """Remember the number of segments in use."""
    st.session_state[K] = int(chosen)


def rules() -> list:
    """The user's segment rules (:class:`segmentti.engine.rules.Rule`), in order."""
    return st.session_state.setdefault(RULES, [])


def set_rules(chosen: list) -> None:
    """Remember the segment rules as edited on the rules page."""
    st.session_state[RULES] = list(chosen)


def rules_table() -> Any:
    """The table the rules editor starts from (``None`` before the rules page made one)."""
    return st.session_state.get(RULES_TABLE)


def set_rules_table(table: Any, *, loaded: str | None = None) -> None:
    """Start the rules editor afresh from ``table``; ``loaded`` is the id of the rules file it came from."""
    st.session_state[RULES_TABLE] = table
    st.session_state[RULES_VERSION] = st.session_state.get(RULES_VERSION, -1) + 1
    if loaded is not None:
        st.session_state[RULES_LOADED] = loaded


def rules_version() -> int:
    """How many times the rules editor was started afresh: a loaded rules file gives it a new key (and rows)."""
    return st.session_state.get(RULES_VERSION, 0)


def rules_loaded() -> str | None:
    """The id of the rules file last loaded into the editor, if any."""
    return st.session_state.get(RULES_LOADED)


def segment_names(key: str, suggested: Sequence[str]) -> list[str]:
    """The name of each segment of the segmentation ``key`` as every page shows it.

    The user's name from the personas page where there is one, else the ``suggested`` name
    (in segment order): a renamed persona is renamed on every page, chart and export.
    """
    edits = st.session_state.get(PERSONA_EDITS, {}).get(key, {})  # read only: no empty entry for a mere look
    return [(edits.get(number, {}).get("name") or "").strip() or name for number, name in enumerate(suggested, start=1)]


def persona_edits(key: str) -> dict[int, dict[str, str]]:
    """The user's persona names and notes for the segmentation ``key``: ``{number: {"name": ..., "notes": ...}}``.

    They live as long as the data, so they survive visits to other pages and come back
    when the user returns to the same segmentation.
    """
    return st.session_state.setdefault(PERSONA_EDITS, {}).setdefault(key, {})


# --- results -----------------------------------------------------------------------------------


def remember(kind: str, key: Hashable, compute: Callable[[], T], kept: int, *, public: bool = False) -> T:
    """``compute()`` once per ``key`` in this session; ``kind`` keeps its ``kept`` newest results.

    The one way the app remembers what it computed. Results are the objects themselves
    (no pickled copies). ``key`` must name everything the result depends on: the data's
    digest and the settings, never the language unless the result is a rendering of texts.

    Results of a bundled sample (``public``, or a key starting with the digest of the
    session's data when that data is a sample) are computed once for every session
    (:mod:`ui.shared`); the session keeps a reference among its own ``kept``. Anything else,
    a user's upload above all, is computed and kept in this session only.
    """
    store: dict[str, dict] = st.session_state.setdefault(RESULTS, {})
    entries = store.setdefault(kind, {})
    if key in entries:
        return entries[key]
    shared_key = _shared_key(key, public)
    value = compute() if shared_key is None else shared_results().get(kind, shared_key, compute, kept)
    entries[key] = value
    while len(entries) > kept:
        entries.pop(next(iter(dict(entries))), None)  # insertion order: the oldest first (a copy: ui.warmup adds too)
    return value


def _shared_key(key: Hashable, public: bool) -> Hashable | None:
    """The key of ``key`` among every session's results, or ``None`` when it must stay in this session.

    Shared: public results, and results of the session's data when that data is a bundled
    sample (its digest first in ``key``; a sample's digest covers the load options and quality
    fixes applied to it). The session's column corrections, labels and currency, which no
    digest names, go into the shared key.
    """
    if public:
        return key
    current = dataset()
    if current is None or current.sample is None:
        return None
    first = key[0] if isinstance(key, tuple) and key else key
    if first != current.digest:
        return None
    settings = (
        tuple(sorted((name, tuple(sorted(entry.items()))) for name, entry in column_overrides().items())),
        tuple(sorted(column_labels().items())),
        currency(),
    )
    return (key, settings)


def results(kind: str, session: Mapping[str, Any] | None = None) -> dict:
    """The results of ``kind`` kept now, oldest first (``session``: another session state, e.g. an AppTest's)."""
    source = st.session_state if session is None else session
    store = source[RESULTS] if RESULTS in source else {}  # noqa: SIM401 (an AppTest session state has no get)
    return dict(store.get(kind, {}))


def segmentation_identity(session: Mapping[str, Any] | None = None) -> int | None:
    """``id()`` of the newest segmentation computed in the session, ``None`` before one: a recompute changes it."""
    kept = results("segmentation", session)
    return id(next(reversed(kept.values()))) if kept else None


def _forget_results(*, keep: frozenset[str]) -> None:
    store: dict[str, dict] = st.session_state.get(RESULTS, {})
    for kind in [kind for kind in store if kind not in keep]:
        del store[kind]


def put(key: str, value: object) -> None:
    """Set the state ``key`` (one declared above) to ``value``; ``None`` for criteria or k reads as never chosen."""
    st.session_state[key] = value


def forget_decision_widgets() -> None:
    """Forget the widgets showing decisions a project sets, so each starts again from the state's value."""
    keys = (CRITERIA_CHOICE, CRITERIA_PRESET, COLUMN_WEIGHT_EDITOR, METHOD_CHOICE, K_CHOICE, CURRENCY_CHOICE)
    _forget(keys=keys, prefixes=(_FAMILY_WEIGHT, _COLUMN_EDITOR, _FIX, _PERSONA_NAME, _PERSONA_NOTES))
