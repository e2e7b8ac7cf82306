"""False alarms of the row counts: committed texts read whole that are said to miss rows.

    python tools/partial_on_whole.py [SAMPLES_DIR]    # default: samples/ (some 3,400 texts, ~15 min)

For every ``input.txt`` with ``expected/records.json`` under the folder: rows expected and read,
the status, and whether the notes of branch loss25 fired (``hidden_items.hidden_rows_note``:
items of the form opening inside other rows' cells; ``conservation.timings_beyond_rows``: more
提出時期 than rows).  Prints the counts over the texts read into as many rows as their table has
(a note there is a false alarm of the count), over those read into more, and over those read
into fewer (each should be partial), then the cases the notes fired on among the whole ones.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from piatable.pipeline import extract_document

ROOT = Path(__file__).resolve().parent.parent
HIDDEN = "items of the form open inside other rows' cells"
TIMINGS = "more 提出時期"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0]) if args else ROOT / "samples"
    whole, more, fewer = [], [], []
    for path in sorted(root.rglob("input.txt")):
        truth = path.parent / "expected" / "records.json"
        if not truth.exists():
            continue
        expected = len(json.loads(truth.read_text("utf-8")))
        result = extract_document(path)
        fired = any(HIDDEN in n or TIMINGS in n for n in result.notes)
        case = (str(path.parent.relative_to(root)), result.status, fired)
        got = len(result.records)
        (whole if got == expected else more if got > expected else fewer).append(case)
    for name, cases in (("read whole", whole), ("read into more rows", more), ("read short", fewer)):
        partial = sum(status == "partial" for _, status, _ in cases)
        fired = sum(f for _, _, f in cases)
        print(f"{name}: {len(cases)} texts, {partial} partial, the row-count notes on {fired}")
    print(f"read short and success (rows lost silently): {[c for c, s, _ in fewer if s == 'success']}")
    for c, _, f in whole:
        if f:
            print(f"  whole, noted: {c}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
