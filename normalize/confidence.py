"""One verdict per row and per cell: the evidence of doubt combined into calibrated confidences.

Evidence comes from three places, all gathered here:

* the reader and its own certainty, ``RawRow.confidence``: the stream partition's margin over
  the runner-up cut, the OCR lines' median confidence, 0.3–0.6 for cells paired column by
  column; it enters as ``x_reconstruction = -ln(RawRow.confidence)``, and text or OCR input as
  ``x_reader_text`` / ``x_reader_ocr`` = 1;
* the row's flags (``truncated:<field>``, ``date_unparsed``, ``column_order`` …), one term each;
* the doubts the reader and the checks of ``normalize/evidence.py`` found (``RawRow.doubts``),
  each with a strength 0–1; those at least ``quality.doubt_flag_strength`` strong also become
  flags (``column_guess``, ``row_split_guess``, ``ocr_suspect:<field>``).

The row's confidence is a logistic model over that evidence::

    confidence = 1 / (1 + exp(-(prior_logit - Σ weight_k · x_k)))

with one named weight per kind of evidence (``quality.weight_<kind>``, ``quality.prior_logit``),
fitted on the bundled samples so that among rows with confidence c about c are right
(``python tools/bench_calibration.py --fit`` prints the fit; ``make bench`` prints the
reliability table).  A cell's confidence uses ``quality.cell_prior_logit`` and only the evidence
about that cell or about the whole row (a flag or doubt naming another cell does not count).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable

from piatable.models import Doubt, RawRow, Record
from piatable.models.record import CELL_FIELDS
from piatable.settings import QualitySettings

# The cells a flag is about; flags not listed here (and ``kind:<field>`` flags name their own
# cell) are about the whole row.
FLAG_FIELDS: dict[str, tuple[str, ...]] = {
    "date_unparsed": ("change_date",),
    "date_implausible": ("change_date",),
    "date_ambiguous": ("change_date",),
    "timing_missing": ("timing",),
    "timing_invalid": ("timing",),
    "before_equals_after": ("before", "after"),
    "empty_change": ("before", "after"),
    "item_unknown": ("item",),
}
# Informational flags: they say how a row was read, not that it is in doubt.  ``item_key_fuzzy``
# is a doubt about the derived ``item_key``, not about the six printed cells (on the bundled
# samples it fired on right rows only): no warning, and no confidence cost (``NO_COST``).  On the
# new users' sets IX-XII (base outputs, tools/flag_precision.py) it fired on 109 wrong rows and
# 22 right ones, but it was the only warning of 1 wrong row and 14 right ones: the wrong rows it
# marks carry a warning of their own, so counting it (as those sets' scorers do) adds noise.
INFORMATIONAL = frozenset({"ocr", "ocr_corrected", "row_continued", "merged_cell_filled", "item_key_fuzzy"})
# Flags that never enter the confidence (not even through a weight ``--fit`` could give them).
NO_COST = frozenset({"item_key_fuzzy"})

# Doubts that only lower the confidence: alone they do not tell wrong rows from right ones
# (``clipped_text``: the flag it comes with is ``truncated:<field>``).
CONFIDENCE_ONLY = frozenset({"close_cut", "cut_guess", "ocr_unsure", "clipped_text", "column_order"})

# Findings listed in the evidence whatever their strength, never a doubt (OCR corrections:
# what was read and what was written).
NOTES_ONLY = frozenset({"ocr_corrected"})
# Doubts listed in the evidence whatever their strength (a reader's near guess, weak or not,
# says why the confidence is what it is).
# ``truncated``: a truncation verdict's reasons (its flag, ``truncated:<field>``, is set by
# normalize/flags.py and weighs there).  ``column_order``: how a column-ordered row was read
# (whole in row order or not), which sets its confidence.
ALWAYS_LISTED = NOTES_ONLY | {"cut_guess", "truncated", "column_order"}

# Filled by tools/bench_calibration.py --fit: called with (record, features) for every row.
FEATURE_SINK: list[Callable[[Record, dict[str, dict[str, float]]], None]] = []


def _logistic(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def flag_fields(flag: str) -> tuple[str, ...]:
    """The cells a flag is about (all six for a flag about the whole row)."""
    base, _, field = flag.partition(":")
    if field in CELL_FIELDS:
        return (field,)
    return FLAG_FIELDS.get(base, CELL_FIELDS)


def doubt_flag(d: Doubt) -> str:
    """The flag a doubt becomes: ``ocr_suspect:<field>`` names its cell, the others do not."""
    return f"{d.kind}:{d.field}" if d.kind == "ocr_suspect" and d.field else d.kind


def features(row: RawRow, flags: list[str], doubts: list[Doubt]) -> dict[str, dict[str, float]]:
    """Evidence per cell: ``{field: {kind: x}}`` (row-wide evidence is listed under every cell)
    and the whole row under ``"row"``."""
    out: dict[str, dict[str, float]] = {f: defaultdict(float) for f in (*CELL_FIELDS, "row")}
    recon = -math.log(max(min(row.confidence, 1.0), 0.01))
    # The reader: text (wrap widths estimated from the text) and OCR rows start less sure;
    # ``pdftotext -layout`` text, whose rows were placed by the words' positions (``positioned``),
    # less so than text read in the extractor's order (its own weight, ``reader_layout``).
    text = any(w for w in row.widths.values())
    ocr = any(cl.conf is not None for cells in row.cells.values() for cl in cells)
    layout = text and row.positioned and not ocr
    for f in out:
        out[f]["reconstruction"] = recon
        if text:
            out[f]["reader_layout" if layout else "reader_text"] = 1.0
        if ocr:
            out[f]["reader_ocr"] = 1.0
    if layout and any(f == "merged_cell_filled" or f.startswith("truncated:") for f in flags):
        # A -layout row with a value filled in from a merged cell (placed by distance alone) or
        # a cell that ends short: right less often than the same flags on a PDF's rows
        # (``layout_filled``, on top of the flag's own weight).
        for f in out:
            out[f]["layout_filled"] = 1.0
    for flag in flags:
        base = flag.partition(":")[0]
        if base in NO_COST:
            continue
        if ocr and base == "row_continued":
            base = "ocr_row_continued"  # a scan's rulings show the continuation: its own weight
        for f in flag_fields(flag):
            out[f][base] = 1.0
        out["row"][base] += 1.0
    for d in doubts:
        for f in (d.field,) if d.field in CELL_FIELDS else CELL_FIELDS:
            out[f][d.kind] = max(out[f][d.kind], d.strength)
        out["row"][d.kind] = max(out["row"][d.kind], d.strength)
    return {k: dict(v) for k, v in out.items()}


def logit_of(
    x: dict[str, float], prior: float, q: QualitySettings, weights: dict[str, float] | None = None
) -> float:
    """``prior - Σ weight_k · x_k`` (evidence without a weight costs nothing).  ``weights``: the
    weights of ``q`` already looked up, by kind, which the look-ups here add to."""
    if weights is None:
        weights = {}
    for k in x:
        if k not in weights:
            weights[k] = float(getattr(q, f"weight_{k}", 0.0))
    return prior - sum([weights[k] * v for k, v in x.items()])


def score_record(
    record: Record, row: RawRow, q: QualitySettings, doubts: list[Doubt] | None = None
) -> Record:
    """Add the flags of strong doubts (``doubts``, default ``row.doubts``); set ``evidence``,
    ``confidence`` and ``cell_confidence`` (3 places)."""
    doubts = row.doubts if doubts is None else doubts
    flags = set(record.flags)
    flags.update(
        doubt_flag(d)
        for d in doubts
        if d.strength >= q.doubt_flag_strength and d.kind not in CONFIDENCE_ONLY | NOTES_ONLY
    )
    record.flags = sorted(flags)
    record.evidence = [
        f"{d.field or 'row'}: {doubt_flag(d)}: {d.why}"
        for d in doubts
        if d.strength >= q.doubt_flag_strength or d.kind in ALWAYS_LISTED
    ]
    x = features(row, record.flags, doubts)
    for sink in FEATURE_SINK:
        sink(record, x)
    weights: dict[str, float] = {}  # q's weights, looked up once for the row and its cells
    record.confidence = round(_logistic(logit_of(x["row"], q.prior_logit, q, weights)), 3)
    record.cell_confidence = {
        f: round(_logistic(logit_of(x[f], q.cell_prior_logit, q, weights)), 3) for f in CELL_FIELDS
    }
    return record


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def add_late_flags(record: Record, flags: set[str], q: QualitySettings) -> None:
    """Add ``flags`` found after ``record`` was scored (``score_record``): a page's
    ``unmapped_glyphs`` or a scan's unread ink (``unplaced_text``), a poppler Shift-JIS text's
    full-width forms.  Each flag the record did not carry costs its weight
    (``quality.weight_<flag>``) on the row's confidence and on the cells it is about, as if it
    had been scored with the others (branch rightwarn61b: such rows kept the confidence of rows
    without the flag, set XXII's ``unmapped_glyphs`` rows at 0.934, two of them wrong)."""
    new = sorted(f for f in flags if f not in record.flags)
    if not new:
        return
    record.flags = sorted({*record.flags, *new})
    costs = {f: float(getattr(q, f"weight_{f.partition(':')[0]}", 0.0)) for f in new}
    cost = sum(costs.values())
    record.confidence = round(_logistic(_logit(record.confidence) - cost), 3)
    for field, c in list(record.cell_confidence.items()):
        cell_cost = sum(w for f, w in costs.items() if field in flag_fields(f))
        record.cell_confidence[field] = round(_logistic(_logit(c) - cell_cost), 3)


def add_page_flags(records: list[Record], page_flags: dict[int, str], q: QualitySettings) -> None:
    """``add_late_flags`` of each record's pages' flags (``page_flags``: page → one flag, or several
    separated by spaces, extract/ocr/page_doubts.py)."""
    for r in records:
        extra = {f for p in (r.page_start, r.page_end) if p in page_flags for f in page_flags[p].split()}
        if extra:
            add_late_flags(r, extra, q)
