"""The review report: one self-contained HTML file and its JSON twin.

``write_report(results, path, settings)`` writes ``path`` (HTML: inline CSS, JS and SVG, no
reference to anything outside the file) and its JSON twin ``NAME.data.json`` beside it.  The HTML is a review
queue: the rows that need a look first, least sure first, each with its file, page and evidence
(which cell, which flag, why); then the flags (one row each, with a link that filters the queue),
the worst documents (sortable), charts, inputs with errors or notes and the settings that differ
from the defaults.

- ``data``: what the report shows as plain data (the JSON twin), and which rows need a look;
- ``pieces``: escaping, the before/after diff, bar charts, flags and evidence;
- ``page``: the HTML page and ``write_report``.
"""

from .data import needs_review, report_data, review_order, section_of, year_of
from .page import render_html, write_report
from .pieces import bar_chart, diff_html

__all__ = [
    "bar_chart",
    "diff_html",
    "needs_review",
    "render_html",
    "report_data",
    "review_order",
    "section_of",
    "write_report",
    "year_of",
]
