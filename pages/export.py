"""Export page: contact lists for Mailchimp/HubSpot, all customers as CSV, the workbook and the persona report."""

import streamlit as st

from segmentti.errors import SegmenttiError
from segmentti.outputs.contacts import ContactColumns, find_contact_columns
from segmentti.outputs.run import (
    FINNISH_CSV,
    LISTS_ZIP,
    MEDIA_TYPES,
    PERSONAS_MD,
    REPORT_HTML,
    SEGMENTS_CSV,
    WORKBOOK,
    Pilot,
    RunFiles,
    assemble_run,
)
from segmentti.texts import format_number
from ui import state
from ui.personas import current_segmentation
from ui.widgets import dataset_caption, next_step, require_app_frame, show_error

require_app_frame("export")

st.title(state.t("export.title"))
dataset_caption()
current = current_segmentation()
lang = state.lang()
frame = current.dataset.table.frame
personas = current.personas
stem = current.dataset.label.rsplit(".", 1)[0]
st.write(state.t("export.intro", k=current.result.segmentation.k))


def number_text(value: int) -> str:
    """A count in the user's number format (``12 345`` in Finnish)."""
    return format_number(value, lang)


# pilot split: chosen first, because every export carries it
st.subheader(state.t("export.pilot_title"))
pilot = None
if st.toggle(state.t("export.pilot_on"), key=state.PILOT_ON):
    left, right = st.columns(2)
    percent = left.slider(state.t("export.pilot_percent"), 1, 50, 10, key=state.PILOT_PERCENT)
    seed = int(right.number_input(state.t("export.pilot_seed"), 0, 1_000_000, 0, step=1, key=state.PILOT_SEED))
    st.caption(state.t("export.pilot_help", column=state.t("pilot.column")))
    pilot = Pilot(percent, seed)

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


columns = ContactColumns(
    email=pick(picks[0], "export.col_email", found.email, "export_col_email"),
    first_name=pick(picks[1], "export.col_first", found.first_name, "export_col_first"),
    last_name=pick(picks[2], "export.col_last", found.last_name, "export_col_last"),
    consent=pick(picks[3], "export.col_consent", found.consent, "export_col_consent"),
)
only_consenting = columns.consent is not None and st.checkbox(
    state.t("export.only_consenting"), value=True, key="export_only_consenting"
)


def assemble(pilot: Pilot | None) -> RunFiles:
    """Every file of this run, from the library's one assembler (built only when downloaded)."""
    return assemble_run(
        frame,
        current.result,
        personas,
        lang,
        source=current.dataset.label,
        steps=[step.text(lang) for step in current.dataset.steps],
        pilot=pilot,
        contact_columns=columns,
        only_consenting=only_consenting,
        segment_column=state.t("export.col_segment"),
        name_column=state.t("export.col_segment_name"),
        column_labels=state.column_labels(),
    )


try:
    run = assemble(pilot)
except SegmenttiError as error:  # a pilot share the library refuses: say so and export without a pilot
    show_error(error)
    run = assemble(None)

lists = None
if columns.email is None:
    st.info(state.t("export.no_email"), icon=":material/info:")
else:
    try:
        lists = run.lists
    except SegmenttiError as error:
        show_error(error)
    else:
        left_out = sum(lists.left_out.values())
        st.write(
            state.t(
                "export.contacts_count", kept=number_text(lists.kept + lists.in_control), left=number_text(left_out)
            )
        )
        reasons = [
            state.t("export.left_reason", reason=state.t(f"contacts.reason_{reason}"), count=number_text(count))
            for reason, count in lists.left_out.items()
            if count
        ]
        if lists.in_control:
            reasons.append(
                state.t(
                    "export.left_reason",
                    reason=state.t("contacts.reason_control"),
                    count=number_text(lists.in_control),
                )
            )
        if reasons:
            st.caption(" · ".join(reasons))


def download(label: str, name: str, icon: str, key: str) -> None:
    """A button that downloads the run's file ``name``, built only when clicked.

    One button a line, as wide as the page: a label in a narrow column would be cut off.
    """
    st.download_button(
        label,
        data=lambda: run[name],
        file_name=run.download_name(name, stem),
        mime=MEDIA_TYPES[name[name.rindex(".") :]],
        icon=icon,
        key=key,
        on_click="ignore",
        width="stretch",
    )


# one segment: its customers (every column) and its contact list
st.subheader(state.t("export.segment_title"))
number = st.selectbox(
    state.t("export.choose_segment"),
    options=[persona.number for persona in personas],
    format_func=lambda n: f"{n}. {personas[n - 1].name} ({number_text(personas[n - 1].size)})",
    key="export_segment",
)
members = int((run.labels == number - 1).sum())
st.download_button(
    state.t("export.download_segment", count=number_text(members)),
    data=lambda: run.segment_csv(number),
    file_name=run.segment_download_name(number, stem),
    mime=MEDIA_TYPES[".csv"],
    icon=":material/download:",
    key="download_segment",
    on_click="ignore",
    width="stretch",
)
if lists is not None:
    chosen_list = lists.lists[number - 1]
    download(
        state.t("export.download_list", count=number_text(len(chosen_list))),
        run.list_name(number),
        ":material/contact_mail:",
        "download_list",
    )
    st.dataframe(chosen_list.head(20), width="stretch", hide_index=True, key="export_list_preview")

# all customers and every list
st.subheader(state.t("export.all_title"))
download(
    state.t("export.download_all", count=number_text(len(frame))), SEGMENTS_CSV, ":material/download:", "download_all"
)
download(
    state.t("export.download_all_fi", count=number_text(len(frame))),
    FINNISH_CSV,
    ":material/download:",
    "download_all_fi",
)
if lists is not None:
    download(state.t("export.download_zip"), LISTS_ZIP, ":material/folder_zip:", "download_zip")

# workbook and report
st.subheader(state.t("export.report_title"))
download(state.t("export.download_xlsx"), WORKBOOK, ":material/table:", "download_xlsx")
download(state.t("export.download_html"), REPORT_HTML, ":material/description:", "download_html")
download(state.t("export.download_md"), PERSONAS_MD, ":material/description:", "download_md")
next_step("data", "export.again")
