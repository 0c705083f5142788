"""``--engine duckdb|spark`` of ``features``, ``segment`` and ``score``: the runs past memory, and what they report."""

from __future__ import annotations

import argparse
import sys

from segmentti.cli.parsing import EXIT_OK, help_text

ENGINE_CHOICES = ("auto", "pandas", "duckdb", "spark")  # segmentti.engine.large.ENGINES, without importing it


def add_large_options(command: argparse.ArgumentParser, lang: str, features: bool = False) -> None:
    """``--engine`` and ``--spark-master``; ``features`` chooses DuckDB by itself from any size (:func:`chosen_engine`)."""
    group = command.add_argument_group(help_text("cli.help_engine_group", lang))
    engine_help = help_text("cli.help_engine_features" if features else "cli.help_engine", lang)
    group.add_argument("--engine", choices=ENGINE_CHOICES, default="auto", help=engine_help)
    group.add_argument("--spark-master", dest="spark_master", help=help_text("cli.help_spark_master", lang))


def chosen_engine(args: argparse.Namespace, features: bool = False) -> str:
    """The engine that runs this command: ``--engine``, or for ``auto`` the input's size decides.

    ``features`` goes through DuckDB from a smaller size than the commands that segment: building
    the customers is all it does, and DuckDB does that faster from mid-sized files on.
    """
    from segmentti.engine.large import FEATURES_FILE_BYTES, pick_engine

    if args.spark_master and args.engine != "spark":
        from segmentti.errors import SegmenttiError

        raise SegmenttiError("error.spark_master_without_spark")
    corrections = (args.encoding, args.header_row, args.date_order, args.separator == "space")
    if features and args.engine == "auto" and any(corrections):
        return "pandas"  # the loader's corrections: encoding, header row, day/month order, runs of spaces
    return pick_engine(args.input, args.engine, FEATURES_FILE_BYTES if features else None)


def _separator_and_decimal(args: argparse.Namespace) -> tuple[str | None, str | None]:
    from segmentti.cli.options import load_options

    options = load_options(args)
    return options.separator, options.decimal


def _recognised(args: argparse.Namespace, lang: str, engine: str, separator, decimal):
    """Order lines recognised on the first rows of INPUT, as the in-memory path recognises them (said on stderr)."""
    from pathlib import PurePath

    from segmentti.cli.inputs import recognised_order_lines
    from segmentti.data.loading import Table
    from segmentti.engine.large import head_rows

    head = head_rows(engine, args.input, separator=separator, decimal=decimal, master=args.spark_master)
    return recognised_order_lines(Table(head, PurePath(str(args.input)).name, "head"), lang)


def report_counts(counts, lang: str, file=None) -> None:
    """What building customers counted and left out, as the in-memory path reports it."""
    from segmentti.cli.counts import report_features

    report_features(counts, lang, file=file)


def run_features(args: argparse.Namespace, lang: str, engine: str, may_fall_back: bool = False) -> int | None:
    """``features`` on DuckDB or Spark: the customers written to ``--out``, the counts reported.

    ``may_fall_back`` (``--engine auto`` chose DuckDB): ``None`` instead of an error, so that the
    in-memory loader reads the file and has the last word: DuckDB may read a cell or the encoding
    otherwise (numbers with thousands separators, a Windows-1252 euro sign, a type changing past
    DuckDB's sample), and a bad file gets the loader's message. Nothing is reported then. Asked for
    by name (``--engine duckdb``), a file whose bytes or cells DuckDB refuses is the user's error,
    with the way out (``--engine pandas``).
    """
    from segmentti.cli.options import as_of, order_mapping
    from segmentti.engine.large import features_large
    from segmentti.errors import SegmenttiError
    from segmentti.texts import translate

    separator, decimal = _separator_and_decimal(args)
    mapping = order_mapping(args)
    try:
        run = features_large(
            engine, args.input, mapping, args.out,  # type: ignore[arg-type]
            as_of=as_of(args.as_of), separator=separator, decimal=decimal, master=args.spark_master,
        )  # fmt: skip
    except SegmenttiError:
        if may_fall_back:
            return None
        raise
    except Exception as error:
        if not (engine == "duckdb" and _is_duckdb_error(error)):
            raise
        if may_fall_back:
            return None
        if not _is_duckdb_error(error, reading=True):
            raise  # DuckDB refusing our SQL is a bug of ours, not the user's file
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise SegmenttiError("error.duckdb_unreadable", path=str(args.input), reason=reason) from None
    for column in run.ambiguous_dates:  # as the in-memory path warns (segmentti.cli.inputs.read_input)
        print("warning: " + translate("cli.ambiguous_dates", lang, column=column, order="dmy"), file=sys.stderr)
    report_counts(run.counts, lang)
    print(translate("cli.features_written_engine", lang, out=str(args.out), engine=engine))
    return EXIT_OK


def _is_duckdb_error(error: Exception, reading: bool = False) -> bool:
    """Whether DuckDB raised ``error``; with ``reading``, one of the errors a file's bytes or cells cause."""
    from segmentti.data.streamed import duckdb_engine

    duckdb = duckdb_engine(relations=False)
    kinds = (duckdb.InvalidInputException, duckdb.ConversionException, duckdb.IOException) if reading else duckdb.Error
    return isinstance(error, kinds)


def run_segment(args: argparse.Namespace, lang: str, engine: str) -> int:
    """``segment`` on DuckDB or Spark: a sample fitted, every customer labelled, lists and summary written."""
    from segmentti.cli.options import as_of, criteria_names, integer, order_mapping
    from segmentti.engine.large import segment_large
    from segmentti.errors import SegmenttiError
    from segmentti.texts import format_number, translate

    if args.rules or args.method in ("rfm", "rules") or args.preset or args.kinds or args.weights:
        raise SegmenttiError("error.large_options", engine=engine)
    seed = integer(args.seed, "--seed")
    k = None if args.k == "auto" else integer(args.k, "--k")
    if k is not None and not 2 <= k <= 50:
        raise SegmenttiError("error.bad_k_option", value=args.k)
    mapping_given = any(
        value is not None
        for value in (args.date, args.amount, args.quantity, args.price, args.category, args.channel, args.order)
    )
    mapping = order_mapping(args) if mapping_given else None
    separator, decimal = _separator_and_decimal(args)
    if mapping is None and args.customer is None and not getattr(args, "customer_table", False):
        mapping = _recognised(args, lang, engine, separator, decimal)
    run = segment_large(
        engine, args.input, args.out,
        mapping=mapping, id_column=None if mapping_given else args.customer, as_of=as_of(args.as_of),
        criteria=criteria_names(args.criteria), k=k, seed=seed, method=args.method, lang=lang,
        separator=separator, decimal=decimal, master=args.spark_master,
    )  # fmt: skip
    if run.counts is not None:
        report_counts(run.counts, lang, file=sys.stderr)
    summary = run.summary or {}
    model = write_large_model(run, mapping, args, engine)
    customers = format_number(summary["customers"], lang)
    print(translate("cli.segment_done_large", lang, rows=customers, k=summary["k"], out=str(args.out)))
    key = "cli.fitted_on_sample" if summary["fitted_on_sample"] else "cli.fitted_on_all"
    print(
        translate(
            key, lang, sample=format_number(summary["sample_size"], lang), customers=customers,
            limit=format_number(summary["sample_limit"], lang), engine=engine,
        )
    )  # fmt: skip
    print_segments(summary["segments"], lang)
    print(translate("cli.model_written_large", lang, path=model))
    return EXIT_OK


def write_large_model(run, mapping, args: argparse.Namespace, engine: str) -> str:
    """Write ``--out``/model.json of a segment run past memory (the sample's model, for ``score``); its path.

    The segment sizes are those of every customer labelled (``summary.json``), not the sample's;
    on Spark the file is written through Spark's file system, so ``--out`` may be ``hdfs://``.
    """
    import dataclasses
    from pathlib import PurePath

    from segmentti.project.saved_model import MODEL_FILE, model_to_bytes, save_model

    fit = run.fit
    source = PurePath(str(args.input).rstrip("/")).name
    saved = save_model(fit.model, fit.names, notes=[persona.notes for persona in fit.personas], orders=mapping,
                       source=source)  # fmt: skip
    saved = dataclasses.replace(saved, sizes=tuple(segment["customers"] for segment in run.summary["segments"]))
    if engine == "spark":
        from segmentti.data.spark_lines import spark_errors, spark_session
        from segmentti.engine.spark_segments import join_path, write_bytes

        target = join_path(args.out, MODEL_FILE)
        with spark_errors():
            write_bytes(spark_session(args.spark_master), target, model_to_bytes(saved))
        return target
    from segmentti.cli.options import write_file

    target = str(PurePath(args.out) / MODEL_FILE)
    write_file(target, model_to_bytes(saved))
    return target


def print_segments(segments, lang: str) -> None:
    """Each segment of ``summary.json`` on a line: customers, share and number: name, in the user's number format."""
    from segmentti.texts import format_number

    for segment in segments:
        size = format_number(segment["customers"], lang)
        share = format_number(100 * segment["share"], lang, 1) + " %"
        print(f"  {size:>9}  {share:>7}  {segment['segment']}: {segment['name']}")


def run_score(args: argparse.Namespace, lang: str, engine: str) -> int:
    """``score`` on DuckDB or Spark: every customer placed by the saved model, the files of ``segment --engine``.

    The model is read on this machine; on Spark a ``hdfs://`` or ``s3a://`` model file is read
    through Spark's file system. A project gives how INPUT is read; its pilot is drawn in memory only.
    """
    from segmentti.cli.options import as_of
    from segmentti.cli.projects import merged_load_options, read_project
    from segmentti.errors import SegmenttiError
    from segmentti.project.large_scoring import score_large
    from segmentti.texts import format_number, translate

    saved = _saved_model(args.model, engine, args.spark_master)
    project = read_project(args)
    if project is not None and project.pilot_percent is not None:
        raise SegmenttiError("error.large_score_pilot", engine=engine)
    options = merged_load_options(args, project)
    run = score_large(
        engine, args.input, saved, args.out,
        as_of=as_of(args.as_of), separator=options.separator, decimal=options.decimal, master=args.spark_master,
        lang=lang,
    )  # fmt: skip
    if run.counts is not None:
        report_counts(run.counts, lang, file=sys.stderr)
    summary = run.summary or {}
    customers = format_number(summary["customers"], lang)
    print(translate("cli.score_done_large", lang, rows=customers, k=summary["k"], out=str(args.out), engine=engine))
    print_segments(summary["segments"], lang)
    return EXIT_OK


def _saved_model(path: str, engine: str, master: str | None):
    """The saved model at ``path``: a local file, or on Spark any path Spark's file systems read."""
    from segmentti.cli.score import load_model
    from segmentti.data.spark_lines import is_local

    if engine != "spark" or is_local(path):
        return load_model(path)
    from segmentti.data.spark_lines import read_small_file, spark_errors, spark_session
    from segmentti.errors import SegmenttiError
    from segmentti.project.saved_model import MAX_MODEL_BYTES, model_from_bytes

    name = path.rstrip("/").rpartition("/")[2]
    with spark_errors():
        data = read_small_file(spark_session(master), path, MAX_MODEL_BYTES)
    if data is None:
        raise SegmenttiError("error.model_too_large", name=name, limit=MAX_MODEL_BYTES // (1024 * 1024))
    return model_from_bytes(data, name)
