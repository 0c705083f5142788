"""Streamlit glue of the app: session state, cached library calls and shared widgets (imports streamlit)."""
