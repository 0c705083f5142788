"""Prepare the bundled sample's Segments view in the background when the server's first session opens the app.

A workshop starts with the facilitator opening the app on the sample (``make run``) and the
room following minutes later. The scan, the segments of the recommended k and the map
positions are the same for everyone, so the first session's run starts a background thread
that computes them (and the segments of every other k of the scan, for the room's k changes)
into the shared store (:mod:`ui.shared`) while the facilitator talks; the
room then opens a Segments page that is already computed. Once per server process, only on a
bundled sample with the app's default settings, never on anyone's upload.

The thread carries the first session's script context, so :func:`ui.state.remember` sees the
same data and settings as that session and stores under the very keys its pages use. Set
``SEGMENTTI_PREPARE_SAMPLE=0`` to turn it off (the tests do: they measure what they compute).
"""

from __future__ import annotations

import logging
import os
import threading

from streamlit.runtime.scriptrunner import add_script_run_ctx

from segmentti.engine.clustering import K_MAX, K_METHODS, K_MIN
from segmentti.errors import SegmenttiError
from ui import state
from ui.cached import cached_projection, scan_with_progress
from ui.engine import SEED, current_features, segments

_LOG = logging.getLogger(__name__)
_STARTED = threading.Event()
SWITCH = "SEGMENTTI_PREPARE_SAMPLE"


def prepare_sample_view() -> None:
    """Start computing the sample's default Segments view in the background, once per server process."""
    current = state.dataset()
    if os.environ.get(SWITCH, "1") == "0" or _STARTED.is_set() or current is None or current.sample is None:
        return
    if state.criteria() is not None or state.column_overrides() or state.column_weights():
        return  # not the default view: the session's own choices are computed when its pages ask
    _STARTED.set()
    # Not a daemon: a process that ends while the thread is inside scikit-learn or NumPy aborted
    # ("double free or corruption") as the interpreter tore down under it; the exit now waits
    # for the few seconds the preparation takes.
    worker = threading.Thread(target=_prepare, args=(state.lang(),), name="segmentti-prepare-sample", daemon=False)
    add_script_run_ctx(worker)
    worker.start()


def _prepare(lang: str) -> None:
    try:
        current = state.dataset()
        features, weights = current_features()
        key = (current.digest, features.criteria)
        method = state.method()
        cached_projection(*key, weights, "pca", SEED, features)
        if method not in K_METHODS:
            return
        k_range = tuple(state.widget_value(state.K_RANGE, (K_MIN, K_MAX)))
        scan = scan_with_progress((*key, weights, method, k_range), SEED, features, lambda done: None)
        recommended = scan.recommended_k
        others = [score.k for score in scan.scores if score.k != recommended]
        for k in [recommended, *others]:  # the room's first k, then the others it may move to
            segments(k, lang, method, scan.score(k).silhouette, scan.fits.get(k))
    except SegmenttiError:
        return  # the Segments page says what is wrong when someone opens it
    except Exception:  # a background helper must never take the server down
        _LOG.exception("preparing the sample's Segments view failed")
