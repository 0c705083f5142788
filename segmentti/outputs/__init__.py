"""Outputs: segments → files and figures.

- ``run``: :func:`~segmentti.outputs.run.assemble_run` puts every file of a run together
  (customers with their segment, ``summary.json``, persona report, workbook, contact lists)
  and :func:`~segmentti.outputs.run.write_outputs` writes them; the app and the command line
  both get their files from it.
- ``persona_view``: :func:`~segmentti.outputs.persona_view.build_persona_view`, a persona's
  card formatted once for the page, Markdown, HTML and the workbook.
- ``palette``: :func:`~segmentti.outputs.palette.segment_colour`, one colour per segment everywhere.
- ``tables``, ``contacts``, ``report``, ``workbook``: the files' formats.
- ``charts``, ``persona_charts``: plotly figures from computed results.
"""
