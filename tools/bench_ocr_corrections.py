"""Per correction function of the OCR layer (extract/ocr/corrections.py and the modules it
calls): how many lines it turned from right to wrong (harm) and from wrong to right (help),
judged against the expected records.

    python tools/bench_ocr_corrections.py --scans 200,300 --scan-office samples/office [--list]

Each correction function is wrapped for the run; every line it changes is judged: a line is
right when its text (whitespace aside) is found in an expected cell of the document (of its own
column for the functions that take rows; of any column for those that take text), so a line
that read right and was changed to a text the truth does not print is harm.  Committed scan
samples (their ``ocr/`` TSV) are always read; ``--scans`` adds the generated scans of
``--scan-office`` (cached OCR, as tools/bench_calibration.py).
"""

from __future__ import annotations

import argparse
import functools
import importlib
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT))
import bench_calibration as bc  # noqa: E402

# Functions that take text (a line, or a cell's lines) and return it corrected.
TEXT_FUNCTIONS = (
    "fix_date",
    "even_date_digits",
    "_fix_wrapped_heading",
    "fix_marks",
    "restore_title_bracket",
    "fix_check_boxes",
    "restore_ticked_box",
    "drop_double_reads",
    "fix_placeholder_run",
    "fix_placeholder",
    "even_running_dates",
    "drop_stray_kana",
    "drop_stray_open_bracket",
    "drop_double_reads_across",
    "snap_top_heading",
    "snap_to_headings",
    "snap_item_lines",
    "form_numbering",
    "snap_numbered",
    "form_instance_numbers",
    "restore_circled_gaps",
    "drop_box_specks",
    "restore_number_brackets",
    "fix_confusions",
    "lone_katakana_to_kanji",
    "fix_number_dashes",
    "fix_symbols",
    "restore_full_stops",
    "restore_choice_brackets",
    "snap_phrases",
    "snap_closing_note",
)
# Functions that take the rows and correct them in place: module, name.
ROW_FUNCTIONS = (
    ("heading_fixes", "restore_numerals"),
    ("punctuation", "fix_punctuation"),
    ("block_titles", "restore_block_titles"),
    ("stop_misreads", "mend_misread_stops"),
    ("speck_lines", "drop_speck_marks"),
    ("date_repairs", "repair_dates"),
    ("structure_fixes", "even_numbering"),
    ("structure_fixes", "even_date_widths"),
    ("structure_fixes", "even_placeholders"),
    ("choice_widths", "even_choices"),
    ("number_widths", "even_number_widths"),
    ("word_widths", "even_word_widths"),
    ("echoes", "mend_echoes"),
    ("echoes", "echo_full_stops"),
    ("item_numbers", "number_bare_heading_rows"),
    ("document_words", "mend_from_document"),
    ("document_words", "mend_confident_from_document"),
    ("ordinals", "restore_ordinals"),
)

COUNTS: Counter[tuple[str, str]] = Counter()
EXAMPLES: list[tuple[str, str, str, str, str]] = []
TRUTH: dict[str, str] = {}  # column (or "" for any) → the document's cells, squashed, joined
CASE = [""]


def _lines(value: object) -> list[str] | None:
    if isinstance(value, tuple):
        value = value[0]
    if isinstance(value, str):
        return value.split("\n")
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    return None


def _judge(name: str, old: str, new: str, column: str = "") -> None:
    o, n = bc.squash(old), bc.squash(new)
    if o == n:
        return
    truth = TRUTH.get(column, TRUTH[""])
    was_right, is_right = bool(o) and o in truth, (not n) or n in truth
    if not o:
        was_right = False
    verdict = "harm" if was_right and not is_right else "help" if is_right and not was_right else "neutral"
    COUNTS[(name, verdict)] += 1
    EXAMPLES.append((verdict, name, CASE[0], old, new))


def _judge_lines(name: str, old: list[str], new: list[str], column: str = "") -> None:
    if len(old) == len(new):
        for a, b in zip(old, new, strict=True):
            if a != b:
                _judge(name, a, b, column)
    else:
        _judge(name, "".join(old), "".join(new), column)


def _wrap_text(fn):  # type: ignore[no-untyped-def]
    @functools.wraps(fn)
    def wrapper(*args, **kw):  # type: ignore[no-untyped-def]
        out = fn(*args, **kw)
        old, new = _lines(args[0]) if args else None, _lines(out)
        if old is not None and new is not None and old != new:
            _judge_lines(fn.__name__, old, new)
        return out

    return wrapper


def _wrap_rows(fn):  # type: ignore[no-untyped-def]
    @functools.wraps(fn)
    def wrapper(rows, *args, **kw):  # type: ignore[no-untyped-def]
        was = [{c: [cl.text for cl in cells] for c, cells in r.cells.items()} for r in rows]
        out = fn(rows, *args, **kw)
        for r, before in zip(rows, was, strict=False):
            for column, cells in r.cells.items():
                _judge_lines(fn.__name__, before.get(column, []), [cl.text for cl in cells], column)
        return out

    return wrapper


def install() -> None:
    corrections = importlib.import_module("piatable.extract.ocr.corrections")
    heading_fixes = importlib.import_module("piatable.extract.ocr.heading_fixes")
    for name in TEXT_FUNCTIONS:
        wrapped = _wrap_text(getattr(corrections, name))
        setattr(corrections, name, wrapped)
        if hasattr(heading_fixes, name):  # snap_item_text's steps called inside heading_fixes
            setattr(heading_fixes, name, wrapped)
    for module, name in ROW_FUNCTIONS:
        mod = importlib.import_module(f"piatable.extract.ocr.{module}")
        wrapped = _wrap_rows(getattr(mod, name))
        setattr(mod, name, wrapped)
        if hasattr(corrections, name):
            setattr(corrections, name, wrapped)
    corrections.fix_rows = _wrap_rows(corrections.fix_rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scans", default="", help="comma-separated dpis of the generated scans")
    ap.add_argument("--scan-office", action="append", default=[], help="a set to scan (repeatable)")
    ap.add_argument("--no-samples", action="store_true", help="leave out the committed scan samples")
    ap.add_argument("--list", choices=("harm", "help", "neutral"), help="list the lines so judged")
    args = ap.parse_args(argv)
    install()
    cases = [] if args.no_samples else [c for c in bc.sample_cases() if c.family == "scan"]
    if args.scans:
        dpis = [int(d) for d in args.scans.split(",")]
        for source in args.scan_office:
            cases += bc.scan_cases(dpis, ROOT / source)
    for case in cases:
        CASE[0] = case.name
        TRUTH.clear()
        TRUTH[""] = "\x00".join(bc.squash(r.get(f)) for r in case.expected for f in bc.SIX)
        for f in bc.SIX:
            TRUTH[f] = "\x00".join(bc.squash(r.get(f)) for r in case.expected)
        case.run()  # type: ignore[operator]
    names = sorted({n for n, _ in COUNTS}, key=lambda n: -COUNTS[(n, "harm")])
    print(f"{len(cases)} cases")
    print(f"{'function':32} {'harm':>5} {'help':>5} {'neutral':>8}")
    for n in names:
        print(f"{n:32} {COUNTS[(n, 'harm')]:5} {COUNTS[(n, 'help')]:5} {COUNTS[(n, 'neutral')]:8}")
    if args.list:
        for verdict, name, case, old, new in EXAMPLES:
            if verdict == args.list:
                print(f"{name}\t{case}\t{old!r} → {new!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
