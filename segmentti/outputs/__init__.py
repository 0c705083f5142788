"""Segments → files and charts: one run assembler, labelled tables, contact lists, report, workbook, charts."""

from segmentti._lazy import lazy_exports

__getattr__, __dir__, __all__ = lazy_exports(
    __name__,
    {
        "Pilot": "run",
        "RunFiles": "run",
        "assemble_run": "run",
        "write_outputs": "run",
        "label_customers": "tables",
        "label_with_personas": "tables",
        "to_csv_bytes": "tables",
        "to_finnish_csv_bytes": "tables",
        "build_summary": "tables",
        "draw_control_group": "tables",
        "find_contact_columns": "contacts",
        "build_contact_lists": "contacts",
        "build_lists_zip": "contacts",
        "PersonaView": "persona_view",
        "build_persona_view": "persona_view",
        "render_markdown": "report",
        "render_html": "report",
        "build_workbook": "workbook",
        "segment_colours": "palette",
        "build_segment_map": "charts",
        "build_size_chart": "charts",
        "build_profile_heatmap": "charts",
        "build_metric_chart": "charts",
        "build_trait_chart": "persona_charts",
    },
)
