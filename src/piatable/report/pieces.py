"""Small pieces of the report's HTML: escaping, the before/after diff, bar charts, flags and
evidence.  Every piece of document text goes through ``esc``."""

from __future__ import annotations

import html
from collections.abc import Iterable

from piatable.models import Record
from piatable.normalize.diff import text_diff
from piatable.normalize.flags import describe_flag

# Cells below this confidence are marked in the review queue.
DOUBTFUL_CELL = 0.9
CELL_LABELS = {
    "change_date": "変更日",
    "item": "項目",
    "before": "変更前",
    "after": "変更後",
    "timing": "提出時期",
    "explanation": "説明",
    "row": "row",
}


def esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def diff_html(before: str, after: str) -> tuple[str, str]:
    """Before and after as HTML with the segments that differ marked ``<del>``/``<ins>``
    (the records' own diff, ``normalize.diff.text_diff``); all text escaped."""
    left: list[str] = []
    right: list[str] = []
    for op, text in text_diff(before, after):
        t = esc(text)
        if op == "kept":
            left.append(t)
            right.append(t)
        elif op == "deleted":
            left.append(f"<del>{t}</del>")
        else:
            right.append(f"<ins>{t}</ins>")
    return "".join(left), "".join(right)


def bar_chart(title: str, data: dict[str, int], labels: dict[str, str] | None = None) -> str:
    """A horizontal bar chart as inline SVG (no external references), labels escaped."""
    labels = labels or {}
    row_h, label_w, bar_w, pad = 22, 150, 160, 8
    n = max(len(data), 1)
    height = 28 + n * row_h + pad
    width = label_w + bar_w + 60
    top = max(data.values(), default=0) or 1
    parts = [
        f'<svg class="chart" role="img" aria-label="{esc(title)}" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}">',
        f'<text class="chart-title" x="0" y="16">{esc(title)}</text>',
    ]
    if not data:
        parts.append(f'<text class="chart-label" x="0" y="{28 + 15}">no rows</text>')
    for i, (key, value) in enumerate(data.items()):
        y = 28 + i * row_h
        w = round(bar_w * value / top, 1)
        label = labels.get(key, key)
        parts.append(
            f'<text class="chart-label" x="{label_w - 6}" y="{y + 15}" text-anchor="end">'
            f"{esc(label)}</text>"
            f'<rect class="bar" x="{label_w}" y="{y + 3}" width="{w}" height="{row_h - 6}">'
            f"<title>{esc(label)}: {value}</title></rect>"
            f'<text class="chart-value" x="{label_w + w + 5}" y="{y + 15}">{value}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def flag_span(flag: str, count: int | None = None) -> str:
    n = f"×{count}" if count is not None else ""
    return f'<span class="flag" title="{esc(describe_flag(flag))}">{esc(flag)}{n}</span>'


def flag_spans(flags: Iterable[str]) -> str:
    return "".join(flag_span(f) for f in flags)


def flag_link(flag: str) -> str:
    """A link that filters the review queue to the rows carrying ``flag`` and scrolls there."""
    return f'<a class="flag" href="#flag={esc(flag)}" title="{esc(describe_flag(flag))}">{esc(flag)}</a>'


def evidence_html(record: Record) -> str:
    """The row's evidence as a list: which cell, which flag, why.  Flags without a finding of
    their own (``truncated:after``, ``timing_missing`` …) are explained by their description;
    cells below ``DOUBTFUL_CELL`` are named with their confidence."""
    items: list[str] = []
    explained: set[str] = set()
    for line in record.evidence:
        field, _, rest = line.partition(": ")
        flag, _, why = rest.partition(": ")
        explained.add(flag)
        items.append(f"<li><b>{esc(CELL_LABELS.get(field, field))}</b> {flag_span(flag)} {esc(why)}</li>")
    for flag in record.flags:
        if flag in explained or flag in ("ocr",):
            continue
        field = flag.partition(":")[2]
        label = f"<b>{esc(CELL_LABELS.get(field, field))}</b> " if field else ""
        items.append(f"<li>{label}{flag_span(flag)} {esc(describe_flag(flag))}</li>")
    low = [
        f"{esc(CELL_LABELS[f])} {c:.2f}"
        for f, c in sorted(record.cell_confidence.items(), key=lambda fc: fc[1])
        if c < DOUBTFUL_CELL
    ]
    if low:
        items.append(f'<li class="muted">least sure cells: {", ".join(low)}</li>')
    return f'<ul class="ev">{"".join(items)}</ul>' if items else ""
