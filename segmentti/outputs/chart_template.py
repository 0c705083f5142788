"""The look every chart starts from: plotly_white's layout, without its per-trace defaults."""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

CHART_TEMPLATE = go.layout.Template(layout=pio.templates["plotly_white"].layout)
"""White background, light grid and plotly_white's fonts and colour scales.

The full ``"plotly_white"`` template also carries defaults for every trace type, and plotly
copies and validates all of them into each figure: about 0.1 s per chart, most of a k change's
drawing time when a workshop room asks for many k at once. Every chart here sets its own trace
colours, so the layout part alone draws the same.
"""
