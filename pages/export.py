"""Export page: contact lists for Mailchimp/HubSpot, all customers as CSV, the workbook and the persona report."""

import streamlit as st

from segmentti.errors import SegmenttiError
from segmentti.outputs.contacts import (
    ContactColumns,
    build_contact_lists,
    build_lists_zip,
    file_stem,
    find_contact_columns,
)
from segmentti.outputs.report import ReportContext, escape_markdown, render_html, render_markdown
from segmentti.outputs.tables import draw_control_group, label_with_personas, to_csv_bytes, to_finnish_csv_bytes
from segmentti.outputs.workbook import build_workbook
from ui import state
from ui.personas import current_segmentation
from ui.widgets import dataset_caption, next_step, require_app_frame, show_error

require_app_frame("export")

st.title(state.t("export.title"))
dataset_caption()
current = current_segmentation()
lang = state.lang()
frame = current.dataset.table.frame
labels = current.result.segmentation.labels
personas = current.personas
stem = current.dataset.label.rsplit(".", 1)[0]
st.write(state.t("export.intro", k=current.result.segmentation.k))

# pilot split: chosen first, because every export carries it
st.subheader(state.t("export.pilot_title"))
pilot_on = st.toggle(state.t("export.pilot_on"), key="export_pilot_on")
control = None
percent, seed = None, None
if pilot_on:
    left, right = st.columns(2)
    percent = left.slider(state.t("export.pilot_percent"), 1, 50, 10, key="export_pilot_percent")
    seed = int(right.number_input(state.t("export.pilot_seed"), 0, 1_000_000, 0, step=1, key="export_pilot_seed"))
    st.caption(state.t("export.pilot_help", column=state.t("pilot.column")))
    try:
        control = draw_control_group(labels, percent, seed)
    except SegmenttiError as error:
        show_error(error)

# contact lists
st.subheader(state.t("export.contacts_title"))
st.caption(state.t("export.contacts_intro"))
found = find_contact_columns(frame)
none = state.t("export.no_column")
options = [none, *map(str, frame.columns)]
picks = st.columns(4)


def pick(column, label_key: str, default: str | None, key: str) -> str | None:
    """A column choice defaulting to the detected column; ``None`` for "(none)"."""
    chosen = column.selectbox(
        state.t(label_key), options, index=options.index(default) if default in options else 0, key=key
    )
    return None if chosen == none else chosen


email = pick(picks[0], "export.col_email", found.email, "export_col_email")
first = pick(picks[1], "export.col_first", found.first_name, "export_col_first")
last = pick(picks[2], "export.col_last", found.last_name, "export_col_last")
consent = pick(picks[3], "export.col_consent", found.consent, "export_col_consent")
only_consenting = consent is not None and st.checkbox(
    state.t("export.only_consenting"), value=True, key="export_only_consenting"
)

labelled = label_with_personas(
    frame,
    labels,
    personas,
    lang,
    control,
    segment_column=state.t("export.col_segment"),
    name_column=state.t("export.col_segment_name"),
)
lists = None
if email is None:
    st.info(state.t("export.no_email"), icon=":material/info:")
else:
    columns = ContactColumns(email=email, first_name=first, last_name=last, consent=consent)
    try:
        lists = build_contact_lists(frame, labels, personas, columns, only_consenting, control)
    except SegmenttiError as error:
        show_error(error)
    else:
        left_out = sum(lists.left_out.values())
        st.write(state.t("export.contacts_count", kept=lists.kept + lists.in_control, left=left_out))
        reasons = [
            state.t("export.left_reason", reason=state.t(f"contacts.reason_{reason}"), count=count)
            for reason, count in lists.left_out.items()
            if count
        ]
        if lists.in_control:
            reasons.append(
                state.t("export.left_reason", reason=state.t("contacts.reason_control"), count=lists.in_control)
            )
        if reasons:
            st.caption(" · ".join(reasons))

# one segment: its customers (every column) and its contact list
st.subheader(state.t("export.segment_title"))
number = st.selectbox(
    state.t("export.choose_segment"),
    options=[persona.number for persona in personas],
    format_func=lambda n: f"{n}. {personas[n - 1].name} ({personas[n - 1].size})",
    key="export_segment",
)
members = labelled[labels == number - 1]
buttons = st.columns(2)
buttons[0].download_button(
    state.t("export.download_segment", count=len(members)),
    data=lambda: to_csv_bytes(members),
    file_name=f"{stem}_{state.t('export.file_segment')}_{number}.csv",
    mime="text/csv",
    icon=":material/download:",
    key="download_segment",
    on_click="ignore",
)
if lists is not None:
    chosen_list = lists.lists[number - 1]
    buttons[1].download_button(
        state.t("export.download_list", count=len(chosen_list)),
        data=lambda: to_csv_bytes(chosen_list),
        file_name=f"{stem}_{file_stem(personas[number - 1])}.csv",
        mime="text/csv",
        icon=":material/contact_mail:",
        key="download_list",
        on_click="ignore",
    )
    st.dataframe(chosen_list.head(20), width="stretch", hide_index=True, key="export_list_preview")

# all customers and every list
st.subheader(state.t("export.all_title"))
buttons = st.columns(3)
if lists is not None:
    buttons[2].download_button(
        state.t("export.download_zip"),
        data=lambda: build_lists_zip(lists, personas, lang),
        file_name=f"{stem}_{state.t('export.file_lists')}.zip",
        mime="application/zip",
        icon=":material/folder_zip:",
        key="download_zip",
        on_click="ignore",
    )
buttons[0].download_button(
    state.t("export.download_all", count=len(labelled)),
    data=lambda: to_csv_bytes(labelled),
    file_name=f"{stem}_{state.t('export.file_all')}.csv",
    mime="text/csv",
    icon=":material/download:",
    key="download_all",
    on_click="ignore",
)
buttons[1].download_button(
    state.t("export.download_all_fi", count=len(labelled)),
    data=lambda: to_finnish_csv_bytes(labelled),
    file_name=f"{stem}_{state.t('export.file_all')}_excel_fi.csv",
    mime="text/csv",
    icon=":material/download:",
    key="download_all_fi",
    on_click="ignore",
)

# workbook and report
st.subheader(state.t("export.report_title"))
context = ReportContext(
    source=current.dataset.label,
    n_customers=len(frame),
    method=str(current.result.segmentation.method),
    criteria=tuple(current.result.features.criteria),
    steps=tuple(step.text(lang) for step in current.dataset.steps),
    pilot_percent=percent if control is not None else None,
    pilot_seed=seed if control is not None else None,
)
buttons = st.columns(3)
buttons[0].download_button(
    state.t("export.download_xlsx"),
    data=lambda: build_workbook(labelled, labels, personas, context, lang),
    file_name=f"{stem}_{state.t('export.file_workbook')}.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    icon=":material/table:",
    key="download_xlsx",
    on_click="ignore",
)
buttons[1].download_button(
    state.t("export.download_html"),
    data=lambda: render_html(personas, context, lang).encode("utf-8"),
    file_name=f"{stem}_{state.t('export.file_report')}.html",
    mime="text/html",
    icon=":material/description:",
    key="download_html",
    on_click="ignore",
)
buttons[2].download_button(
    state.t("export.download_md"),
    data=lambda: render_markdown(personas, context, lang).encode("utf-8"),
    file_name=f"{stem}_{state.t('export.file_report')}.md",
    mime="text/markdown",
    icon=":material/description:",
    key="download_md",
    on_click="ignore",
)
st.caption(escape_markdown(", ".join(f"{persona.number}. {persona.name}" for persona in personas)))
next_step("data", "export.again")
