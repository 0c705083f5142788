"""segmentti — the Streamlit app's entry point: page frame, language switch and navigation."""

import streamlit as st

from ui import state
from ui.allocators import return_freed_memory
from ui.project import project_sidebar
from ui.warmup import prepare_sample_view
from ui.widgets import PAGES, ensure_default_data, language_switch, resume_pending_page
from ui.workshop import open_view_link, presentation_switch, presenting, route, share_view

st.set_page_config(page_title="segmentti", page_icon="🍩", layout="wide")

return_freed_memory()  # a workshop room's memory goes back when it leaves (ui/allocators.py)

ensure_default_data()
open_view_link()
language_switch()
presentation_switch()
if not presenting():
    project_sidebar()
st.sidebar.caption(state.t("app.privacy"))

navigation = st.navigation(
    [
        st.Page(PAGES["data"], title=state.t("page.data"), icon=":material/upload_file:", default=True),
        st.Page(PAGES["quality"], title=state.t("page.quality"), icon=":material/cleaning_services:"),
        st.Page(PAGES["criteria"], title=state.t("page.criteria"), icon=":material/tune:"),
        st.Page(PAGES["segments"], title=state.t("page.segments"), icon=":material/bubble_chart:"),
        st.Page(PAGES["rfm"], title=state.t("page.rfm"), icon=":material/grid_view:"),
        st.Page(PAGES["rules"], title=state.t("page.rules"), icon=":material/rule:"),
        st.Page(PAGES["value"], title=state.t("page.value"), icon=":material/savings:"),
        st.Page(PAGES["personas"], title=state.t("page.personas"), icon=":material/groups:"),
        st.Page(PAGES["export"], title=state.t("page.export"), icon=":material/download:"),
        st.Page(PAGES["score"], title=state.t("page.score"), icon=":material/person_add:"),
        st.Page(PAGES["compare"], title=state.t("page.compare"), icon=":material/compare_arrows:"),
        st.Page(PAGES["present"], title=state.t("page.present"), icon=":material/co_present:"),
    ],
    position="hidden" if presenting() else "sidebar",
)
resume_pending_page()
route(navigation)
if not presenting():
    with st.sidebar.popover(state.t("share.button"), icon=":material/qr_code_2:"):
        share_view(navigation.url_path)
navigation.run()
prepare_sample_view()  # after the page is drawn: the room's Segments view is computed while the facilitator talks
