"""Issue 14's keys when a reader lost every section line of a table (``eval_fields --synthetic``'s
``sections_lost``): each 項目 cell without its section (Ⅰ…Ⅵ), keyed as a table with the form the
document's cover names and without it.

    python tools/eval_fields.py --synthetic
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from piatable.normalize.item_key import item_key  # noqa: E402
from piatable.vocabulary import SECTION_NUMERALS  # noqa: E402

SAMPLES = ROOT / "samples"


def _section_lost(item: str) -> list[str]:
    """The 項目 lines with the section's (Ⅰ…Ⅵ, wrapped over lines or not) left out: the lines
    before the first that opens a heading below it (numbered, or the file line)."""
    lines = item.split("\n")
    if not lines or lines[0][:1] not in SECTION_NUMERALS:
        return lines
    k = item_key(item)
    if len(k.path) < 2:
        return lines
    below = k.path[1]
    for j in range(1, len(lines)):
        if canonical_item(lines[j]).startswith(below[:4]) or item_key(lines[j]).path[:1] == (below,):
            return lines[j:]
    return lines


def canonical_item(line: str) -> str:
    """A 項目 line as the key reads its words (``item_key``'s first component, numbering cut)."""
    k = item_key(line)
    return k.path[0] if k.path else ""


def form_tables(heldout: bool = False) -> list[tuple[str, str, list[dict]]]:
    """(case, form, truth rows) of every sample whose expected document facts name a form
    (``expected/documents.json``) and whose truth table's printed sections are that form's
    (``item_context._table_forms``: a generated cover may name another form than its table's)."""
    from piatable.normalize.heading_lexicon import FORM_PREFIXES
    from piatable.normalize.item_context import _document_sections, _table_forms

    out = []
    for docs in sorted(SAMPLES.rglob("expected/documents.json")):
        folder = docs.parent.parent
        rel = folder.relative_to(SAMPLES)
        if rel.parts[0].startswith("heldout") != heldout or not (docs.parent / "records.json").exists():
            continue
        form = (json.loads(docs.read_text("utf-8")) or {}).get("form")
        expected = json.loads((docs.parent / "records.json").read_text("utf-8"))
        keys = [item_key(e["item"]) for e in expected]
        if form and expected and FORM_PREFIXES[form] in _table_forms(_document_sections(keys)):
            out.append((str(rel), form, expected))
    return out


def measure_sections_lost(heldout: bool = False) -> dict:
    """Every 項目 cell of a table printed without its section (a reader that lost the section
    lines), keyed as a table with the form the document's cover names and without it: rows
    given the truth's key each way, and rows given another truth item's key.  Tables whose
    cover names a form (``form_tables``), each table once (its extractors' copies share one
    truth)."""
    from eval_fields import truth_keys

    from piatable.normalize.records import table_item_keys

    seen: set[str] = set()
    rows = with_form = without = other = 0
    for _case, form, expected in form_tables(heldout):
        table = json.dumps([e["item"] for e in expected], ensure_ascii=False)
        if table in seen:
            continue
        seen.add(table)
        truth = truth_keys(expected)
        cells = [(_section_lost(e["item"]), e.get("before"), e.get("after")) for e in expected]
        got = [k.form_key for k in table_item_keys(cells, form)]
        bare = [k.form_key for k in table_item_keys(cells)]
        for t, g, b in zip(truth, got, bare, strict=True):
            rows += 1
            with_form += g == t
            without += b == t
            other += g != t and g in truth
    return {
        "tables": len(seen),
        "rows": rows,
        "rows_truth_key_with_form": with_form,
        "rows_truth_key_without_form": without,
        "rows_other_items_key_with_form": other,
    }
