"""Research fields and OCR brackets (issues 12, 14 and 11, branch keys61): tables whose added rows
print 記載なし as the 変更前, deleted rows 記載なし as the 変更後, a repeated block (システム５ /
①システムの名称 …) added or deleted whole in the body, and choices in full-width brackets
(``［　10人未満　］``) beside half-width check boxes (``[○]紙``), as set XXII's forms print them.

    python tools/make_keys61_samples.py [--set office-keys61|heldout-keys61]

Each set holds LibreOffice Calc and Writer tables (rows of the set's pool, from
``make_ocr55_samples``' pools: rows with check boxes and choices) as PDFs with their flattened
texts (``TEXTS``: form feeds and ``+nl``), and the same tables scanned grey (tesseract reads them,
``make_scan54_samples``).  Set XXII showed: change_kind ``modified`` for 記載なし → text (40
right rows), one item given four keys by the headings of its block's body, and ``[ 10人未満]``
for ``［　10人未満　］`` unwarned.  The held-out set draws its rows from the held-out tables, in
other fonts and sizes; measure on it, never tune on it.

Needs LibreOffice, poppler and the fonts (fc-list :lang=ja).
"""

from __future__ import annotations

import random
import sys
import tempfile
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_ocr55_samples as o55
import make_office_samples as mos
import make_scan54_samples as s54

SETS = {name: mos.SAMPLES / name for name in ("office-keys61", "heldout-keys61")}
TEXTS = ("pdftotext-layout", "pdftotext-raw", "pdftotext+nl", "pypdfium2+nl", "pdfplumber+nl", "pdfminer")
SYSTEM_ITEM = "Ⅰ基本情報\n２．特定個人情報ファイルを取り扱う事務において使用するシステム"
# (block number, name, function) of the システム block a row adds or deletes whole.
SYSTEMS = {
    "office-keys61": ((5, "団体内統合宛名システム", "宛名番号を付番し、個人番号と紐付けて管理する。"),),
    "heldout-keys61": ((6, "サービス検索・電子申請機能", "住民が電子申請を行うための機能"),),
}
# (case name, program, font, size pt, first row of the pool, rows, date style, scan look).
KINDS = {
    "office-keys61": (
        ("k61-calc-gothic-t1", "calc", "IPAexGothic", 10.0, 0, 4, "wareki_fw",
         {"dpi": 200, "angle": 0.3, "save": "png"}),
        ("k61-writer-mincho-t2", "writer", "IPAexMincho", 9.0, 4, 4, "slash",
         {"dpi": 300, "save": "jpeg", "jpeg": 75}),
    ),
    "heldout-keys61": (
        ("hk61-calc-mincho-h1", "calc", "IPAMincho", 10.0, 0, 4, "wareki",
         {"dpi": 250, "angle": -0.4, "save": "png"}),
        ("hk61-writer-gothic-h2", "writer", "IPAGothic", 10.5, 3, 4, "wareki_fw",
         {"dpi": 200, "save": "jpeg", "jpeg": 70}),
    ),
}  # fmt: skip
# A choice printed in full-width brackets with full-width spaces; check boxes stay half width.
_CHOICE = regex.compile(r"\[ ([^\[\]\n○]+?) \]")


def mixed_brackets(text: str) -> str:
    """``text`` with the form's choices in full-width brackets (``［　十分である　］``), its check
    boxes (``[○]``, ``[ ]``) half width as typed."""
    return _CHOICE.sub(lambda m: f"［　{m.group(1)}　］", text)


def _rows(name: str, case_name: str, start: int, n: int, style: str) -> list[dict]:
    """``n`` pool rows from ``start`` with mixed brackets, the first made an added row (変更前
    記載なし), the second a deleted one (変更後 記載なし), and a row adding (Calc) or deleting
    (Writer) a システム block whole."""
    pool = o55.HELDOUT_POOL if name.startswith("heldout") else o55.TUNING_POOL
    rows = []
    for table, i in (pool[(start + k) % len(pool)] for k in range(n)):
        path = mos.TUNING_TABLES.get(table) or mos.HELDOUT_DIR / table
        row = {k: v for k, v in mos.load_table(path)[i].items() if k not in ("change_kind", "item_id")}
        for key in ("before", "after"):
            row[key] = mixed_brackets(row[key])
        rows.append(row)
    rows[0]["before"] = "記載なし"
    rows[1]["after"] = "記載なし"
    number, system, function = SYSTEMS[name][0]
    number = str(number).translate(str.maketrans("0123456789", "０１２３４５６７８９"))  # as forms print it
    block = f"システム{number}\n①システムの名称　{system}\n②システムの機能　{function}"
    added = "calc" in case_name
    rows.append(
        dict(rows[-1], item=SYSTEM_ITEM, before="" if added else block, after=block if added else "削除")
    )
    return mos.printed_rows(rows, style)


def set_cases(name: str) -> list[tuple[mos.Case, dict]]:
    """The cases of set ``name`` (``KINDS``) with their scan looks."""
    heldout = name.startswith("heldout")
    out = []
    for case_name, maker, font, size, start, n, style, look in KINDS[name]:
        rng = random.Random(f"piatable-keys61-{case_name}")
        case = mos.Case(
            name=case_name,
            rows=_rows(name, case_name, start, n, style),
            maker=maker,
            font=font,
            size=size,
            widths=rng.choice(mos.widths_of(maker, heldout)),
            texts=False,
        )
        out.append((case, look))
    return out


def build(root: Path, name: str) -> None:
    """Folder ``root`` made anew: each case's scan (``<case>-scan``), its PDF and texts, their
    truth and ``cases.json``."""
    cases = set_cases(name)
    scans = [(mos.Case(**{**vars(c), "name": f"{c.name}-scan"}), look) for c, look in cases]
    # Scans in a set of their own (samples/scan-keys61, heldout-scan-keys61), as other scan sets.
    scan_root = root.parent / name.replace("keys61", "scan-keys61")
    mos.write_manifest(scan_root, s54.build_scans(scan_root, name, scans))
    manifest: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        made = mos.render([c for c, _ in cases], Path(tmp))
        for case, _ in cases:
            _, pdf, expected = made[case.name]
            manifest[case.name] = mos.write_case_with_texts(root, case, pdf, expected, TEXTS)
    mos.write_manifest(root, manifest)


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return mos.build_named(argv, __doc__, SETS, lambda name: build(SETS[name], name))


if __name__ == "__main__":
    raise SystemExit(main())
