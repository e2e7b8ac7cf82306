"""Document-level honesty on joined texts (break22): prose pages around a table, and two
extractors' texts in one file.

``prose``: each table text of SET (``*-<extractor>/input.txt``) is joined by form feeds with the
prose pages of PROSE (``<name>/<extractor>.txt``, ``tools/make_prose_samples.py``) before,
between and after two copies of it; counted: the rows that differ from the table's text read
alone (twice), how many of them carry no warning, the documents' status and whether a note
names the prose pages.  ``mixed``: each ``-layout`` table text of SET is joined with another
case's pypdfium2 or ``-raw`` text; counted: status, whether a note names the other kind's pages,
the rows with no warning.

    python tools/bench_joined_texts.py samples/heldout-flow22 --prose samples/heldout-prose23/summary
"""

from __future__ import annotations

import argparse
import tempfile
from collections import Counter
from pathlib import Path

from piatable.pipeline import extract_document

FIELDS = ("change_date", "item", "before", "after", "timing", "explanation")
INFORMATIONAL = {"ocr", "ocr_corrected", "row_continued", "merged_cell_filled", "item_key_fuzzy"}
EXTRACTORS = ("pdftotext-layout", "pypdfium2", "pdftotext-raw")


def _rows(result) -> list[tuple[str, ...]]:
    return [tuple("".join(str(getattr(r, f) or "").split()) for f in FIELDS) for r in result.records]


def _warned(record) -> bool:
    return record.confidence < 0.5 or any(
        f not in INFORMATIONAL and not f.startswith("truncated:") for f in record.flags
    )


def _texts(folder: Path, extractor: str) -> list[Path]:
    return sorted(folder.glob(f"*-{extractor}/input.txt"))


def prose(folder: Path, prose_dir: Path, work: Path) -> None:
    for ex in EXTRACTORS:
        page = (prose_dir / f"{ex}.txt").read_text("utf-8").rstrip("\f")
        c: Counter = Counter()
        for table in _texts(folder, ex):
            body = table.read_text("utf-8").rstrip("\f")
            alone = Counter(_rows(extract_document(table)) * 2)
            joined = work / "prose.txt"
            joined.write_text("\f".join([page, body, page, body, page]), "utf-8")
            res = extract_document(joined)
            changed = []
            for record, key in zip(res.records, _rows(res), strict=True):
                if alone[key] > 0:
                    alone[key] -= 1
                else:
                    changed.append(record)
            c["documents"] += 1
            c["rows changed or made up"] += len(changed)
            c["of them unwarned"] += sum(not _warned(r) for r in changed)
            c[f"status {res.status}"] += 1
            c["prose pages named"] += any(
                "prose, no table" in n or "lines of text after" in n for n in res.notes
            )
        print(f"prose + {ex}: {dict(c)}")


def mixed(folder: Path, work: Path) -> None:
    layout = _texts(folder, "pdftotext-layout")
    for ex in EXTRACTORS[1:]:
        others = _texts(folder, ex)
        c: Counter = Counter()
        for first, second in zip(layout, others[1:] + others[:1], strict=True):
            joined = work / "mixed.txt"
            joined.write_text(
                first.read_text("utf-8").rstrip("\f") + "\f" + second.read_text("utf-8"), "utf-8"
            )
            res = extract_document(joined)
            c["documents"] += 1
            c[f"status {res.status}"] += 1
            c["pages named"] += any("another extractor" in n for n in res.notes)
            c["rows"] += len(res.records)
            c["rows unwarned"] += sum(not _warned(r) for r in res.records)
        print(f"-layout + {ex}: {dict(c)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("set", type=Path, help="a folder of cases with the three extractors' texts")
    parser.add_argument("--prose", type=Path, required=True, help="a folder of prose texts per extractor")
    ns = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        prose(ns.set, ns.prose, Path(tmp))
        mixed(ns.set, Path(tmp))


if __name__ == "__main__":
    main()
