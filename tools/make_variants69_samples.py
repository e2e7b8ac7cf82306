"""Tables whose cells print names with variant kanji (異体字: 髙, 﨑, 德, 濵 …), characters beyond
the BMP (𠮷) and ideographic variation sequences (辻 + U+E0100), made by LibreOffice Writer
(python-docx) and Calc (openpyxl), with their texts as extractors give them and as a writer saves
them in a legacy encoding with ``errors="replace"`` (branch variants69; session 68's unseen set).

    python tools/make_variants69_samples.py                           # both sets
    python tools/make_variants69_samples.py --set office-variants69   # or heldout-variants69

Each case is a run of consecutive rows of one of the set's tables; two of its rows get a
personnel change (変更前 ``市民課長　髙橋一郎``, 変更後 ``市民課長　山﨑花子``) and one row's 説明
names a person.  Each case keeps its PDF, the texts of ``TEXTS`` and the pypdfium2 text saved in
each of ``SAVES`` (CP932, EUC-JP, ISO-2022-JP with every character the encoding lacks written
``?``, as Python's ``errors="replace"`` and most Windows programs do; UTF-16 holds them all).
The truth is always the printed cell: a text that lost a character cannot give it, and its row
must be warned (``unmapped_glyphs``).  The first one-page case of each set is also scanned at
300 dpi (``*-scan``: a JPEG and tesseract's read of it, ``make_ocr40_samples``).
``heldout-variants69`` (measure only, never tune on it) draws other tables, names and glyphs.
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as mos
from make_ocr40_samples import scan, write_ocr
from make_pdfs import extract_text
from pypdf import PdfReader

SETS = ("office-variants69", "heldout-variants69")
TEXTS = ("pdftotext-layout", "pymupdf")  # beside build_set's (pdftotext, -raw, pdfminer, pypdfium2)
SAVES = ("cp932", "euc_jp", "iso2022_jp", "utf-16")  # of the pypdfium2 text
SCAN_DPI = 300
ROWS = (5, 7)
IVS = "\U000e0100"
TUNING_NAMES = (
    "髙橋一郎", "山﨑花子", "渡邉健", "齋藤明子", f"辻{IVS}本太郎", "𠮷田花子", "德永修", "濵田優子",
    "舘野誠", "當山正", "渡邊茂",
)  # fmt: skip
HELDOUT_NAMES = (
    "髙木洋子", "岡﨑実", f"葛{IVS}西直樹", "𠮷川聡", "德山和子", "濵口勇", "舘林恵", "當間進",
    "齋木亮", "邉見智子",
)  # fmt: skip
ROLES = ("市民課長", "保険年金課長", "税務課長", "情報政策課長")
USE = {False: "tuning", True: "held out: measured only, never tune on it (other tables, names)"}
README = """{name} ({use})

Tables whose cells print names with variant kanji (髙, 﨑, 德, 濵, 舘, 當, 邉/邊, 齋), 𠮷 (beyond
the BMP) and ideographic variation sequences (辻/葛 + U+E0100), by LibreOffice Writer (python-docx)
and Calc (openpyxl), with the extractors' texts and the pypdfium2 text saved as CP932, EUC-JP,
ISO-2022-JP (`errors="replace"`: a character the encoding lacks is `?`) and UTF-16, and one
300-dpi scan; made by `tools/make_variants69_samples.py` (branch variants69).  The truth is the
printed cell; a text that lost a character must warn its row (`unmapped_glyphs`).  Settings per
case in `cases.json`.
"""


def _bmp(name: str) -> bool:
    return all(c <= "\uffff" for c in name)


def _named_rows(rows: list[dict], names: list[str], role: str) -> list[dict]:
    """``rows`` with rows 1 and 3 a personnel change (the role's holder, before and after) and
    row 2's explanation naming the one who asked for the change (``names[4]``: a name of BMP
    characters, as the held-out fonts print a narrow explanation's 𠮷 only in part)."""
    out = [dict(r) for r in rows]
    for k, i in enumerate((1, 3)):
        if i < len(out):
            out[i]["before"] = f"{role}\u3000{names[2 * k]}"
            out[i]["after"] = f"{role}\u3000{names[2 * k + 1]}"
            out[i]["explanation"] = "人事異動に伴う修正"
    if len(out) > 2:
        out[2]["explanation"] = f"{out[2]['explanation']}（担当：{names[4]}）"
    return out


def _cases(heldout: bool) -> list:
    """The set's cases: Writer and Calc on each of the set's tables (held out: one each)."""
    tables = mos._four_tables(heldout)
    pool_names = HELDOUT_NAMES if heldout else TUNING_NAMES
    plan = [(m, t) for t in tables for m in ("writer", "calc")][: 4 if heldout else 8]
    if heldout:
        plan = [("writer", tables[0]), ("calc", tables[1]), ("writer", tables[2]), ("calc", tables[3])]
    out = []
    for k, (maker, (table, path)) in enumerate(plan):
        name = f"{'h' if heldout else ''}var69-{maker}-{k}-{table}"
        rng = mos._rng(f"variants69-{name}")
        pool = mos._printable(mos.load_table(path))
        n = min(rng.choice(ROWS), len(pool))
        first = rng.randrange(len(pool) - n + 1)
        dates = "wareki" if maker == "calc" else None
        case = mos.plain_case(name, pool[first : first + n], maker, heldout, dates)
        # Calc with the IPA (not IPAex) fonts does not print 𠮷 whole: its cases take BMP names.
        usable = [m for m in pool_names if maker == "writer" or not heldout or _bmp(m)]
        names = rng.sample(usable, 4)
        names.append(rng.choice([m for m in usable if m not in names and _bmp(m)]))
        out.append(replace(case, rows=_named_rows(case.rows, names, rng.choice(ROLES))))
    return out


def build(name: str) -> None:
    """Write the set ``name`` under samples/ anew (module notes)."""
    root, heldout = mos.SAMPLES / name, name.startswith("heldout")
    cases = _cases(heldout)
    mos.build_set(root, cases, None)
    manifest = json.loads((root / "cases.json").read_text("utf-8"))
    scanned = False
    for case in cases:
        folder = root / case.name
        pdf = folder / "input.pdf"
        truth = (folder / "expected" / "records.json").read_bytes()
        texts = {tool: extract_text(pdf, tool) for tool in ("pypdfium2", *TEXTS)}
        files = {tool: text.encode("utf-8") for tool, text in texts.items() if tool in TEXTS}
        for enc in SAVES:
            files[f"pypdfium2-{enc.replace('_', '')}"] = texts["pypdfium2"].encode(enc, "replace")
        for tool, data in files.items():
            tfolder = root / f"{case.name}-{tool}"
            (tfolder / "expected").mkdir(parents=True, exist_ok=True)
            (tfolder / "input.txt").write_bytes(data)
            (tfolder / "expected" / "records.json").write_bytes(truth)
        if not scanned and len(PdfReader(str(pdf)).pages) == 1:  # one page: the scan holds it all
            scanned = True
            sfolder = root / f"{case.name}-scan"
            (sfolder / "expected").mkdir(parents=True, exist_ok=True)
            scan(pdf, sfolder / "input.jpg", {"dpi": SCAN_DPI, "angle": 0.0, "jpeg": 85})
            write_ocr(sfolder / "input.jpg")
            (sfolder / "expected" / "records.json").write_bytes(truth)
        manifest[case.name] |= {"saves": list(SAVES)}
    mos.write_manifest(root, manifest)
    (root / "README.md").write_text(README.format(name=root.name, use=USE[heldout]), "utf-8")
    mos.write_json(root / "names.json", {"names": list(HELDOUT_NAMES if heldout else TUNING_NAMES)})


def main(argv: list[str] | None = None) -> int:
    return mos.build_named(argv, __doc__, SETS, build)


if __name__ == "__main__":
    raise SystemExit(main())
