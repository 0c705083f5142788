"""Data page: pick samples or upload files, correct what was detected, map order lines, join files, set column roles."""

import hashlib

import pandas as pd
import streamlit as st

from segmentti.data.assembly import KINDS, Part, assemble, guess_id_column
from segmentti.data.columns import EDITABLE_ROLES, Family, describe_columns
from segmentti.data.loading import DATE_ORDERS, DECIMAL_MARKS, ENCODINGS, SEPARATORS, LoadOptions
from segmentti.data.order_detection import guess_order_lines
from segmentti.data.orders import OrderMapping
from segmentti.data.samples import SAMPLE_DIR, SAMPLE_SETS, SAMPLES, sample_files
from segmentti.errors import SegmenttiError
from segmentti.insight.naming import column_label
from segmentti.insight.personas import DEFAULT_CURRENCY
from segmentti.texts import format_number
from ui import state
from ui.cached import cached_customers, cached_table
from ui.project import apply_waiting_project
from ui.project_files import AUTO, plan_uploads
from ui.widgets import next_step, require_app_frame, show_error

require_app_frame("data")

UPLOAD_TYPES = ["csv", "tsv", "txt", "gz", "zip", "xlsx", "xlsm", "parquet"]
CURRENCIES = (DEFAULT_CURRENCY, "$", "£", "kr", "SEK", "NOK", "DKK", "CHF", "")
"""Currencies offered for money figures; ``""`` shows plain numbers."""


def _currency_name(option: str, none: str = state.t("data.currency_none")) -> str:
    return option or none


st.title(state.t("data.title"))
st.write(state.t("data.intro_files"))

loaded = state.source_dataset()
source = st.radio(
    state.t("data.source"),
    options=["sample", "upload"],
    index=1 if loaded is not None and loaded.sample is None else 0,  # back from another page: keep the upload
    format_func=state.formatter("data.source_"),
    horizontal=True,
    key=state.DATA_SOURCE,
)

files: list[tuple[str, bytes]] = []
sample_name = None
if source == "sample":
    names = list(SAMPLES) + list(SAMPLE_SETS)
    sample_name = st.selectbox(
        state.t("data.sample"),
        options=names,
        index=names.index(loaded.sample) if loaded is not None and loaded.sample in names else 0,
        format_func=state.formatter("sample."),
        key=state.SAMPLE_CHOICE,
    )
    files = [(file_name, (SAMPLE_DIR / file_name).read_bytes()) for file_name in sample_files(sample_name)]
else:
    uploads = st.file_uploader(
        state.t("data.upload_files"),
        type=UPLOAD_TYPES,
        help=state.t("data.upload_help"),
        key=state.UPLOAD,
        accept_multiple_files=True,
    )
    files = [(upload.name, upload.getvalue()) for upload in uploads or []]


def _choice(label_key: str, options: list, key: str, labels=None, index: int = 0):
    auto = state.t("data.auto")  # texts bound now: Streamlit may call format_func outside the run
    return st.selectbox(
        state.t(label_key),
        options=options,
        index=index,
        key=key,
        format_func=labels or (lambda option: auto if option == AUTO else str(option)),
    )


def _optional(label_key: str, columns: list[str], guess: str | None, key: str) -> str | None:
    options = [None, *columns]
    none = state.t("data.none")
    chosen = st.selectbox(
        state.t(label_key),
        options=options,
        index=options.index(guess) if guess in options else 0,
        key=key,
        format_func=lambda option: none if option is None else option,
    )
    return chosen


def _file_part(position: int, name: str, data: bytes, several: bool) -> Part | None:
    """Load one file with the user's corrections; ask what it holds and how it maps."""
    key = state.file_key(data, position)
    auto = state.t("data.auto")
    separators = {option: state.t(f"separator.{ord(option)}") for option in SEPARATORS}
    orders = {option: state.t(f"date_order.{option}") for option in DATE_ORDERS}
    st.markdown(f"**{name}**")
    with st.expander(state.t("data.correct_detected")):
        cols = st.columns(5)
        with cols[0]:
            separator = _choice(
                "data.opt_separator",
                [AUTO, *SEPARATORS],
                state.file_widget_key(key, "sep"),
                labels=lambda option: auto if option == AUTO else separators[option],
            )
        with cols[1]:
            encoding = _choice("data.opt_encoding", [AUTO, *ENCODINGS], state.file_widget_key(key, "enc"))
        with cols[2]:
            decimal = _choice("data.opt_decimal", [AUTO, *DECIMAL_MARKS], state.file_widget_key(key, "dec"))
        with cols[3]:
            header_row = st.number_input(
                state.t("data.opt_header_row"),
                min_value=0,
                max_value=10_000,
                value=0,
                step=1,
                key=state.file_widget_key(key, "hdr"),
            )
        with cols[4]:
            date_order = _choice(
                "data.opt_date_order",
                [AUTO, *DATE_ORDERS],
                state.file_widget_key(key, "dates"),
                labels=lambda option: auto if option == AUTO else orders[option],
            )
    options = LoadOptions(
        separator=None if separator == AUTO else separator,
        encoding=None if encoding == AUTO else encoding,
        decimal=None if decimal == AUTO else decimal,
        header_row=int(header_row) or None,
        date_order=None if date_order == AUTO else date_order,
    )
    sheet = state.widget_value(state.file_widget_key(key, "sheet"))
    digest = hashlib.sha256(state.digest_of(data, sheet).encode() + repr(options).encode()).hexdigest()
    if options == LoadOptions():
        digest = state.digest_of(data, sheet)
    try:
        table = cached_table(digest, name, sheet, options, data)
    except SegmenttiError as error:  # said by name; the other files still load
        message = error.message(state.lang())
        if name not in message:
            message = state.t("data.file_failed", name=name, error=message)
        st.error(message, icon=":material/error:")
        return None
    if len(table.sheet_names) > 1:
        st.selectbox(state.t("data.sheet"), options=table.sheet_names, key=state.file_widget_key(key, "sheet"))
    st.caption(_detected(table))
    for column in table.ambiguous_dates:
        st.warning(
            state.t("data.ambiguous_dates", column=column, order=state.t(f"date_order.{table.date_order}")),
            icon=":material/event:",
        )
    frame = table.frame
    guess = guess_order_lines(frame)
    if guess.is_order_lines:
        st.info(
            state.t("data.looks_like_orders", per=f"{guess.lines_per_customer:.1f}"), icon=":material/receipt_long:"
        )
    kind = st.radio(
        state.t("data.kind"),
        options=list(KINDS),
        index=1 if guess.is_order_lines else 0,
        format_func=state.formatter("data.kind_"),
        horizontal=True,
        key=state.file_widget_key(key, "kind"),
    )
    columns = [str(column) for column in frame.columns]
    if kind == "orders":
        mapped = guess.mapping or OrderMapping(columns[0], columns[0])
        cols = st.columns(4)
        with cols[0]:
            customer = st.selectbox(
                state.t("data.map_customer"),
                columns,
                index=columns.index(mapped.customer),
                key=state.file_widget_key(key, "customer"),
            )
            date = st.selectbox(
                state.t("data.map_date"),
                columns,
                index=columns.index(mapped.date),
                key=state.file_widget_key(key, "date"),
            )
        with cols[1]:
            amount = _optional("data.map_amount", columns, mapped.amount, state.file_widget_key(key, "amount"))
            order = _optional("data.map_order", columns, mapped.order, state.file_widget_key(key, "order"))
        with cols[2]:
            quantity = _optional("data.map_quantity", columns, mapped.quantity, state.file_widget_key(key, "quantity"))
            price = _optional("data.map_price", columns, mapped.price, state.file_widget_key(key, "price"))
        with cols[3]:
            category = _optional("data.map_category", columns, mapped.category, state.file_widget_key(key, "category"))
            channel = _optional("data.map_channel", columns, mapped.channel, state.file_widget_key(key, "channel"))
        as_of = st.date_input(
            state.t("data.as_of"), value=None, key=state.file_widget_key(key, "as_of"), help=state.t("data.as_of_help")
        )
        mapping = OrderMapping.chosen(customer, date, amount, quantity, price, category, channel, order)
        return Part(table, digest, "orders", customer, mapping, as_of.isoformat() if as_of else None)
    id_column = None
    if several:
        guessed = guess_id_column(frame)
        id_column = _optional("data.join_id", columns, guessed, state.file_widget_key(key, "id"))
    return Part(table, digest, "customers", id_column)


def _detected(table) -> str:
    details = [state.t("data.shape", rows=len(table.frame), columns=len(table.frame.columns))]
    if table.separator is not None:
        details.append(state.t("data.separator", separator=state.t(f"separator.{ord(table.separator)}")))
    if table.encoding is not None:
        details.append(state.t("data.encoding", encoding=table.encoding))
    if table.sheet is not None:
        details.append(state.t("data.sheet_used", sheet=table.sheet))
    details.append(state.t("data.decimal", decimal=table.decimal))
    if table.header_row:
        details.append(state.t("data.header_row", row=table.header_row))
    else:
        details.append(state.t("data.no_header"))
    if table.date_formats:
        formats = ", ".join(f"{column} {fmt}" for column, fmt in table.date_formats)
        details.append(state.t("data.date_formats", formats=formats))
    return " · ".join(details)


def _number(value: float, decimals: int = 0) -> str:
    return format_number(value, state.lang(), decimals)


def _features_of(part: Part):
    return cached_customers(part.digest, part.mapping, part.as_of, part.table.frame)


if files:
    plan_uploads(files)  # the files of a project opened are read and joined as it says
    parts = [_file_part(position, name, data, len(files) > 1) for position, (name, data) in enumerate(files)]
    usable = [part for part in parts if part is not None]
    failed = [name for (name, _), part in zip(files, parts, strict=True) if part is None]
    if usable and failed:  # a bad file left beside good ones must not block them
        st.warning(state.t("data.loaded_without", names=", ".join(failed)), icon=":material/warning:")
    if usable:
        try:
            assembly = assemble(usable, features_of=_features_of)
        except SegmenttiError as error:
            show_error(error)
            if state.dataset() is not None:
                st.info(state.t("data.kept_previous", name=state.dataset().label))
        else:
            current = state.dataset()
            source_before = state.source_dataset()
            if source_before is None or source_before.digest != assembly.digest:
                orders = tuple(part for part in usable if part.kind == "orders")
                dataset = state.Dataset(
                    assembly.table, assembly.digest, sample=sample_name, orders=orders, parts=tuple(usable)
                )
                state.set_dataset(dataset)
            apply_waiting_project()
            for name, built in assembly.features:
                st.success(
                    state.t(
                        "data.built_customers",
                        name=name,
                        lines=_number(built.lines),
                        customers=_number(len(built.frame)),
                        purchase_lines=_number(built.purchase_lines),
                        return_lines=_number(built.return_lines),
                        spend=_number(built.gross_spend, 2),
                        returns=_number(built.returns_value, 2),
                        net=_number(built.total_spend, 2),
                        as_of=built.as_of.date().isoformat(),
                    ),
                    icon=":material/group:",
                )
                for text_key, count in (
                    ("data.left_out_no_id", built.lines_without_id),
                    ("data.left_out_no_date", built.lines_without_date),
                    ("data.left_out_no_amount", built.lines_without_amount),
                    ("data.left_out_after_as_of", built.lines_after_as_of),
                    ("data.zero_lines", built.zero_lines),
                    ("data.left_out_only_returns", built.customers_without_purchase),
                ):
                    if count:
                        st.caption(state.t(text_key, count=_number(count)))
            for name, joined in assembly.joins:
                st.info(
                    state.t(
                        "data.joined",
                        name=name,
                        matched=_number(joined.matched),
                        only_left=_number(joined.only_left),
                        only_right=_number(joined.only_right),
                        left_examples=", ".join(joined.only_left_examples) or "—",
                        right_examples=", ".join(joined.only_right_examples) or "—",
                    ),
                    icon=":material/join:",
                )
    elif state.dataset() is not None:
        st.info(state.t("data.kept_previous", name=state.dataset().label))
elif source == "upload" and loaded is not None and loaded.sample is None:
    st.caption(state.t("data.upload_again", name=loaded.label))

current = state.dataset()
if current is not None:
    frame = current.table.frame
    st.subheader(state.t("data.loaded", name=current.label))
    st.caption(state.t("data.shape", rows=len(frame), columns=len(frame.columns)))
    st.dataframe(frame.head(100), width="stretch", hide_index=True)

    st.subheader(state.t("data.columns"))
    st.write(state.t("data.columns_help"))
    overrides = state.column_overrides()
    guessed = {info.name: info for info in describe_columns(frame)}
    infos = describe_columns(frame, overrides)
    role_labels = {state.t(f"role.{role.value}"): role.value for role in EDITABLE_ROLES}
    family_labels = {state.t(f"family.{family.value}"): family.value for family in Family}
    shown_roles = {info.name: state.t(f"role.{info.role.value}") for info in infos}
    own_labels = state.column_labels()
    made_labels = {info.name: column_label(info.name, state.lang()) for info in infos}
    table = pd.DataFrame(
        {
            "column": [info.name for info in infos],
            "label": [own_labels.get(info.name) or made_labels[info.name] for info in infos],
            "role": [shown_roles[info.name] for info in infos],
            "family": [state.t(f"family.{info.family.value}") for info in infos],
            "distinct": [info.distinct for info in infos],
            "missing": [f"{info.missing_share:.0%}" for info in infos],
            "usable": [info.usable for info in infos],
        }
    )
    edited = st.data_editor(
        table,
        key=state.column_editor_key(current.digest, state.lang()),
        hide_index=True,
        width="stretch",
        disabled=["column", "distinct", "missing", "usable"],
        column_config={
            "column": st.column_config.TextColumn(state.t("data.col_name")),
            "label": st.column_config.TextColumn(
                state.t("data.col_label"), help=state.t("data.col_label_help"), max_chars=60
            ),
            "role": st.column_config.SelectboxColumn(
                state.t("data.col_role"), options=[*role_labels, state.t("role.empty"), state.t("role.constant")]
            ),
            "family": st.column_config.SelectboxColumn(state.t("data.col_family"), options=list(family_labels)),
            "distinct": st.column_config.NumberColumn(state.t("data.col_distinct")),
            "missing": st.column_config.TextColumn(state.t("data.col_missing")),
            "usable": st.column_config.CheckboxColumn(state.t("data.col_usable")),
        },
    )
    labels = {}
    for _, row in edited.iterrows():
        text = str(row["label"] or "").strip() if pd.notna(row["label"]) else ""
        if text and text != made_labels[row["column"]]:  # only the user's own labels are kept
            labels[row["column"]] = text
    if labels != own_labels:
        state.set_column_labels(labels)
    changed = dict(overrides)
    for _, row in edited.iterrows():
        name = row["column"]
        entry = dict(changed.get(name, {}))
        role = role_labels.get(row["role"])
        if role is not None and row["role"] != shown_roles[name]:
            entry["role"] = role
        family = family_labels.get(row["family"])
        if family is not None and family != guessed[name].family.value:
            entry["family"] = family
        elif family is not None and family == guessed[name].family.value:
            entry.pop("family", None)
        if entry:
            changed[name] = entry
    if changed != overrides:
        state.set_column_overrides(changed)
        st.rerun()

    state.init_widget(state.CURRENCY_CHOICE, state.currency(), valid=lambda chosen: chosen in CURRENCIES)
    st.selectbox(
        state.t("data.currency"),
        options=list(CURRENCIES),
        format_func=_currency_name,
        help=state.t("data.currency_help"),
        key=state.CURRENCY_CHOICE,
        on_change=lambda: state.set_currency(state.widget_value(state.CURRENCY_CHOICE, DEFAULT_CURRENCY)),
    )
    next_step("quality", "data.next_quality")
