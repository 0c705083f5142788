"""Presentation page: the flow in five steps for a projector (data, choosing k, the map, personas, lists)."""

from ui.presentation import show_presentation
from ui.widgets import require_app_frame

require_app_frame("present")
show_presentation()
