"""A document's records do not depend on what the same process read before it: the answers
remembered per process (``functools.lru_cache`` of the line-break, ending, item-key and heading
verdicts, the SudachiPy tokenizer, the PDF reader's character table) are functions of their
keys alone.  Two documents are read in one order, then in the other (each order in a fresh
process, so that the first read remembers nothing), and each one's status, notes and records
must be the same both times (``tools/check_read_order.py`` does the same over every sample
input, in sorted and in reverse order).

The pairs share a table (the same rows through two readers) or its items, so that the second
read meets answers the first one left behind.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SAMPLES

PAIRS = [
    # One table, as a LibreOffice PDF and as pdftotext -raw's flattened text of it.
    ("office/calc-juki/input.pdf", "office/calc-juki-pdftotext-raw/input.txt"),
    # Two flattened texts of another table: pypdfium2's and pdftotext -layout's.
    ("office/calc-juki-b-pypdfium2/input.txt", "office/calc-juki-b-pdftotext-layout/input.txt"),
    # Two tables of other bodies, both PDFs.
    ("office/writer-kokuho/input.pdf", "heldout/calc-jidou_teate/input.pdf"),
]


# Reads the paths given, in their order, in one fresh process; prints each one's status, notes
# and records (less their source) as one JSON list.
_READ_IN_ORDER = """
import json, sys
from piatable.pipeline import extract_document
out = []
for p in sys.argv[1:]:
    res = extract_document(p)
    recs = [{k: v for k, v in r.to_dict().items() if k != "source"} for r in res.records]
    out.append({"status": res.status, "notes": res.notes, "records": recs})
print(json.dumps(out, ensure_ascii=False, sort_keys=True, default=str))
"""


def _read_in_order(*paths: Path) -> list[dict]:
    """Each document's read, the documents read one after another in one fresh process (so
    that the first is read with nothing remembered from another)."""
    done = subprocess.run(
        [sys.executable, "-c", _READ_IN_ORDER, *map(str, paths)],
        check=True,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    return json.loads(done.stdout)


@pytest.mark.parametrize(("first", "second"), PAIRS, ids=[Path(a).parent.name for a, _ in PAIRS])
def test_two_documents_read_in_either_order_give_the_same_records(first: str, second: str):
    a, b = SAMPLES / first, SAMPLES / second
    a_first, b_after_a = _read_in_order(a, b)
    b_first, a_after_b = _read_in_order(b, a)
    assert a_first["records"], f"{first}: no records"
    assert b_first["records"], f"{second}: no records"
    assert a_after_b == a_first
    assert b_after_a == b_first
