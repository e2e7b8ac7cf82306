"""How well the research fields (issue 14) hold: item keys, change kinds, cover facts.

    python tools/eval_fields.py            # all four measures
    python tools/eval_fields.py --json     # the figures as JSON
    python tools/eval_fields.py -v         # also list the items whose printings got other keys
    python tools/eval_fields.py --kinds    # only measure 5: one key per item over a table's kinds
    python tools/eval_fields.py --readers  # only measure 6: items as OCR / text readers misread them
    python tools/eval_fields.py --kinds --sets office-itemkey17,heldout-itemkey17 --scans 200,300

1. **One key per item.**  Every sample with expected records (samples/heldout apart, measured
   on its own: it is never tuned on) (``samples/**/input.*`` beside
   ``expected/records.json``: flattened texts of several extractors, PDFs, scans, generated
   texts, office files when present) is read; its rows are aligned with the expected rows
   (``tools/eval_text.align``).  An item (the expected 項目 text, whitespace aside) gets *one key*
   when every printing of it that was read gives the key of the expected text.  Reported over
   items and over rows, and separately over rows whose 項目 came out with other text than
   expected (misread or glued by an extractor, but still the same item).  Besides the samples,
   each item of the ground-truth tables is printed in synthetic ways (space after the
   numbering, half- or full-width digits, ASCII roman numerals, wraps at 6–20 characters,
   spaces between all characters, Kangxi radicals, two lines glued) and must keep its key; and
   misread (``misreadings``: a character of its words replaced, dropped or added, ③ for ②,
   ``7 .`` for ``７．``, a full-width space dropped, one character wrapped alone): the share
   keeping its key, and the share given another item's key (never wanted).
2. **Different items, different keys.**  Over all distinct expected items, the share of pairs of
   different items whose keys differ.
3. **change_kind.**  On aligned rows whose date, item, timing and explanation are right
   (whitespace aside), the share whose ``change_kind`` equals the kind of the expected before /
   after by issue 14's rule written out here on its own (``truth_kind``: not the code measured,
   which would agree with itself whatever it did).
4. **Cover facts.**  Assessments of 40 and 80 pages (``make_pdfs.make_long``: a cover,
   contents and filler pages; 公表日 in several styles, and left blank), their ``pdftotext``
   texts, a short assessment scanned (image-only PDF, read by OCR), and the generated
   whole-assessment texts: 公表日 (ISO) and 評価実施機関名 right, and no
   公表日 at all where the cover leaves it blank.  Every cover fact of Writer-made whole
   assessments per input kind (PDF, five extractors' texts, 300/200 dpi scans), and whether a
   wrong or missing fact is noted: tools/bench_covers.py.
5. **One key per item over a table's kinds** (``--kinds``, ``measure_kinds``).  Every table
   printed as a PDF and as extractors' texts (samples/office*, outsider*, mixed …; with
   ``--scans 200`` also scanned): the share of truth items whose row carries the truth's key in
   every kind, rows given another truth item's key, and pairs of different truth items sharing a
   key; tuning sets and held-out sets (samples/heldout*) apart.
6. **Items as OCR and flattened text readers misread them** (``--readers``,
   ``reader_misreadings``): every row of the truth tables with its numeral or circled number read
   as letters, ー as 一, or two characters of its 変更前 cell before or after a line; the share
   keeping the truth's key and those given another truth item's key.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import unicodedata  # noqa: E402

from eval_text import align  # noqa: E402

from piatable.normalize.item_key import item_key  # noqa: E402
from piatable.normalize.unicode import clean_text  # noqa: E402
from piatable.pipeline import extract_document  # noqa: E402

SAMPLES = ROOT / "samples"
INPUT_SUFFIXES = (".txt", ".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".docx", ".xlsx", ".doc", ".xls")
TRUTH_TABLES = [
    *sorted((ROOT / "samples" / "tables").glob("*.json")),
    *sorted((ROOT / "tests" / "data" / "tables").glob("*.json")),
]
_WS = re.compile(r"\s+")
_FW = str.maketrans({chr(0x30 + i): chr(0xFF10 + i) for i in range(10)})
_HW = str.maketrans({chr(0xFF10 + i): chr(0x30 + i) for i in range(10)})
_KANGXI = str.maketrans({"長": "⻑", "民": "⺠", "目": "⽬", "入": "⼊", "人": "⼈"})
_ROMAN_ASCII = {"Ⅰ": "I", "Ⅱ": "II", "Ⅲ": "III", "Ⅳ": "IV", "Ⅴ": "V", "Ⅵ": "VI"}


def squash(text: str | None) -> str:
    return _WS.sub("", text or "")


def _words(item: str) -> str:
    """The words of a 項目 cell, however printed: no spaces, NFKC, damaged code points repaired,
    numbering characters (①, Ⅱ, ３．) reduced to their digits by NFKC."""
    return unicodedata.normalize("NFKC", squash(clean_text(item)))


HELDOUT = SAMPLES / "heldout"


def truth_kind(before: str, after: str) -> str:
    """Issue 14's change kind of a truth row, in the rule's order: both empty → unchanged (one of
    the four kinds the record contract lists, DESIGN.md: the cells print no difference, and added
    or deleted would claim one; a cell of one dash 「－」 or of 記載なし / なし / 該当なし / 特になし
    is empty); an empty before, a before that
    is 新規追加 / （新規）, or an after that is 新規追加 / 上記を新規追加 → added; 削除 or an
    empty after → deleted; equal → unchanged; else modified."""
    nothing = ("－", "-", "―", "ー", "記載なし", "（記載なし）", "なし", "該当なし", "特になし")
    b, a = (("" if t in nothing else t) for t in (squash(before), squash(after)))
    if not b and not a:
        return "unchanged"
    if not b or a in ("新規追加", "上記を新規追加") or b in ("新規追加", "新規", "（新規）", "（新規追加）"):
        return "added"
    if not a or a == "削除":
        return "deleted"
    return "unchanged" if a == b else "modified"


def sample_inputs(heldout: bool = False) -> list[Path]:
    """Inputs with expected records: the tuning samples, or (``heldout``) samples/heldout only."""
    out = []
    for exp in sorted((HELDOUT if heldout else SAMPLES).rglob("expected/records.json")):
        if not heldout and HELDOUT in exp.parents:
            continue
        folder = exp.parent.parent
        found = [p for p in sorted(folder.glob("input.*")) if p.suffix.lower() in INPUT_SUFFIXES]
        if found:
            out.append(found[0])
    return out


# ----------------------------------------------------------------------------- synthetic printings


def _wrap(line: str, width: int) -> list[str]:
    return [line[i : i + width] for i in range(0, len(line), width)] or [line]


def printings(item: str) -> dict[str, str]:
    """The same 項目 cell printed in other ways (name → cell text with ``\\n`` between lines)."""
    lines = item.split("\n")
    out = {
        "space after numbering": "\n".join(
            re.sub(r"^([ⅠⅡⅢⅣⅤⅥ]|[０-９0-9]+[．.]|[①-⑳])", r"\1 ", ln) for ln in lines
        ),
        "half-width digits": item.translate(_HW),
        "full-width digits": item.translate(_FW),
        "ASCII roman numeral": re.sub("^[ⅠⅡⅢⅣⅤⅥ]", lambda m: _ROMAN_ASCII[m.group(0)], item),
        "section numeral as '2.'": re.sub("^[ⅠⅡⅢⅣⅤⅥ]", lambda m: f"{'ⅠⅡⅢⅣⅤⅥ'.index(m.group(0)) + 1}.", item),
        "section numeral as '（２）'": re.sub(
            "^[ⅠⅡⅢⅣⅤⅥ]", lambda m: f"（{chr(0xFF11 + 'ⅠⅡⅢⅣⅤⅥ'.index(m.group(0)))}）", item
        ),
        "spaces between characters": "\n".join(" ".join(ln) for ln in lines),
        "Kangxi radicals": item.translate(_KANGXI),
    }
    for width in (6, 9, 12, 15, 20):
        out[f"wrapped at {width}"] = "\n".join(w for ln in lines for w in _wrap(ln, width))
    for k in range(len(lines) - 1):
        glued = [*lines[:k], lines[k] + lines[k + 1], *lines[k + 2 :]]
        out[f"lines {k + 1}+{k + 2} glued"] = "\n".join(glued)
    return out


_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# Characters a misreading puts in place of a heading's (common kanji and kana of other words).
_STRANGERS = "体休木末未土士千干日目田由申甲入人八大太犬天夫"


def misreadings(item: str) -> dict[str, str]:
    """The same 項目 cell as a reader may misread it (name → cell text): in the longest line's
    words, one character replaced by another (the middle one), the last one dropped (a clipped
    cell), one added; the numbering misread (③ for ②, ``7 .`` for ``７．``); a full-width space
    dropped; a wrap leaving one character alone on a line.  Deterministic (no RNG)."""
    lines = item.split("\n")
    k = max(range(len(lines)), key=lambda i: len(lines[i]))
    line = lines[k]
    m = re.match(r"^(?:[ⅠⅡⅢⅣⅤⅥ]|[０-９0-9]+[．.]|[①-⑳]|[（(][０-９0-9]+[）)])?\s*", line)
    head, words = line[: m.end()], line[m.end() :]
    out: dict[str, str] = {}

    def put(name: str, new_line: str) -> None:
        out[name] = "\n".join([*lines[:k], new_line, *lines[k + 1 :]])

    if len(words) >= 4:
        mid = len(words) // 2
        stranger = next(c for c in _STRANGERS if c != words[mid])
        put("one character misread", head + words[:mid] + stranger + words[mid + 1 :])
        put("last character dropped", head + words[:-1])
        put("one character added", head + words[:mid] + stranger + words[mid:])
        put("wrap before the last character", head + words[:-1] + "\n" + words[-1])
    for j, ln in enumerate(lines):
        if ln[:1] in _CIRCLED and ln[:1] != "⑳":
            shifted = _CIRCLED[_CIRCLED.index(ln[0]) + 1] + ln[1:]
            out["circled number misread"] = "\n".join([*lines[:j], shifted, *lines[j + 1 :]])
        fw = re.match(r"^([０-９]+)．", ln)
        if fw:
            spaced = fw.group(1).translate(_HW) + " ." + ln[fw.end() :]
            out["numbering as '7 .'"] = "\n".join([*lines[:j], spaced, *lines[j + 1 :]])
    if "\u3000" in item:
        out["full-width space dropped"] = item.replace("\u3000", "", 1)
    return out


def truth_items(heldout: bool = False) -> list[str]:
    items: dict[str, str] = {}
    for path in sorted((HELDOUT / "tables").glob("*.json")) if heldout else TRUTH_TABLES:
        for row in json.loads(path.read_text("utf-8")):
            items.setdefault(squash(row["item"]), row["item"])
    return list(items.values())


# ----------------------------------------------------------------------------- measures


def truth_keys(expected: list[dict]) -> list[str]:
    """The keys of a truth table's rows, keyed as the records are (``records.table_item_keys``:
    as a table, so that what a key owes to its table is the truth's too; ``ItemKey.form_key``,
    the records' ``item_key``, without the file and the block's number)."""
    from piatable.normalize.records import table_item_keys

    rows = [(e["item"].split("\n"), e.get("before"), e.get("after")) for e in expected]
    return [k.form_key for k in table_item_keys(rows)]


def measure_samples(verbose: bool, heldout: bool = False) -> dict:
    by_item: dict[str, dict] = {}
    rows = same_rows = other_text_rows = other_text_same = reprinted_rows = reprinted_same = 0
    kind_rows = kind_right = kind_all_rows = kind_all_right = 0
    kind_wrong: list[tuple[str, str, str]] = []
    missing = 0
    for path in sample_inputs(heldout):
        expected = json.loads((path.parent / "expected" / "records.json").read_text("utf-8"))
        res = extract_document(path)
        got = [r.to_dict() for r in res.records]
        pairs = align(got, expected)
        missing += len(expected) - len(pairs)
        case = str(path.parent.relative_to(SAMPLES))
        truth = truth_keys(expected)
        for i, j in pairs:
            g, e = got[i], expected[j]
            truth_key = truth[j]
            entry = by_item.setdefault(squash(e["item"]), {"key": truth_key, "ok": True, "bad": []})
            same = g["item_key"] == truth_key
            rows += 1
            same_rows += same
            if squash(g["item"]) != squash(e["item"]):
                other_text_rows += 1
                other_text_same += same
                if _words(g["item"]) == _words(e["item"]):
                    # The same words printed otherwise (numbering, width, radicals, spaces).
                    reprinted_rows += 1
                    reprinted_same += same
            if not same:
                entry["ok"] = False
                entry["bad"].append((case, g["item_key"]))
            if all(squash(g[f]) == squash(e[f]) for f in ("change_date", "item", "timing", "explanation")):
                kind_rows += 1
                want = truth_kind(e["before"], e["after"])
                kind_right += g["change_kind"] == want
                if g["change_kind"] != want:
                    kind_wrong.append((case, g["change_kind"], want))
                if squash(g["before"]) == squash(e["before"]) and squash(g["after"]) == squash(e["after"]):
                    kind_all_rows += 1
                    kind_all_right += g["change_kind"] == want
    items_ok = sum(1 for v in by_item.values() if v["ok"])
    if verbose:
        for text, v in by_item.items():
            if not v["ok"]:
                print(f"  item {text[:60]} → {v['key'][:80]}", file=sys.stderr)
                for case, key in v["bad"][:6]:
                    print(f"      {case}: {key[:100]}", file=sys.stderr)
        for case, got_kind, want in kind_wrong:
            print(f"  change_kind {case}: {got_kind} (expected {want})", file=sys.stderr)
    return {
        "inputs": len(sample_inputs(heldout)),
        "items": len(by_item),
        "items_one_key": items_ok,
        "items_one_key_share": items_ok / len(by_item) if by_item else 0.0,
        "rows_aligned": rows,
        "rows_missing": missing,
        "rows_truth_key": same_rows,
        "rows_truth_key_share": same_rows / rows if rows else 0.0,
        "rows_item_text_differs": other_text_rows,
        "rows_item_text_differs_truth_key": other_text_same,
        "rows_item_reprinted": reprinted_rows,
        "rows_item_reprinted_truth_key": reprinted_same,
        "change_kind_all_cells_right_rows": kind_all_rows,
        "change_kind_all_cells_right": kind_all_right,
        "change_kind_rows": kind_rows,
        "change_kind_right": kind_right,
        "change_kind_share": kind_right / kind_rows if kind_rows else 0.0,
    }


def measure_printings(verbose: bool, heldout: bool = False) -> dict:
    total = same = 0
    items = truth_items(heldout)
    items_ok = 0
    for item in items:
        want = item_key(item).key
        ok = True
        for name, text in printings(item).items():
            total += 1
            got = item_key(text).key
            same += got == want
            if got != want:
                ok = False
                if verbose:
                    print(f"  printing '{name}' of {item[:40]!r}: {got[:80]} ≠ {want[:80]}", file=sys.stderr)
        items_ok += ok
    return {
        "items": len(items),
        "printings": total,
        "printings_truth_key": same,
        "printings_share": same / total if total else 0.0,
        "items_all_printings_one_key": items_ok,
    }


def measure_misreadings(verbose: bool, heldout: bool = False) -> dict:
    """Like ``measure_printings`` with ``misreadings``: the share keeping the truth's key, the
    share inferred from a near heading (``ItemKey.fuzzy``), and those given *another item's*
    key (a known item of the truth tables: the worst outcome, a wrong join)."""
    items = truth_items(heldout)
    keys = {item_key(t).key for t in items}
    total = same = fuzzy = other_item = 0
    for item in items:
        want = item_key(item).key
        for name, text in misreadings(item).items():
            total += 1
            got = item_key(text)
            same += got.key == want
            fuzzy += bool(got.fuzzy)
            if got.key != want and got.key in keys:
                other_item += 1
                if verbose:
                    print(f"  misreading '{name}' of {item[:40]!r} took another item's key", file=sys.stderr)
            elif got.key != want and verbose:
                shown = f"{got.key[-40:]} ≠ {want[-40:]}"
                print(f"  misreading '{name}' of {item[:40]!r}: {shown}", file=sys.stderr)
    return {
        "items": len(items),
        "misreadings": total,
        "misreadings_truth_key": same,
        "misreadings_share": same / total if total else 0.0,
        "misreadings_fuzzy": fuzzy,
        "misreadings_other_items_key": other_item,
    }


# What OCR reads a section numeral as with a look-alike stroke beside it, and a circled number.
_NUMERAL_STROKES = {"Ⅰ": "l", "Ⅱ": "IⅠ", "Ⅲ": "Ⅱl", "Ⅳ": "lV", "Ⅴ": "V", "Ⅵ": "Vl"}
_CIRCLED_AS_LETTERS = ("(D", "®", "0", "O")


def reader_misreadings(item: str, neighbour: str) -> dict[str, str]:
    """The 項目 cell as OCR and flattened text readers misread it in the ways issue 14's unseen
    tables showed (name → cell text): the section numeral read with a look-alike stroke (``IⅠ``
    for Ⅱ), a circled number read as letters (``(D``, ``®``, ``0``, ``O``, by the number), ー read as
    the kanji 一, and two characters of the neighbouring cell (``neighbour``: the row's 変更前 or
    変更後) printed after the cell's longest line or before its last line.  Deterministic."""
    out: dict[str, str] = {}
    lines = item.split("\n")
    if lines[0][:1] in _NUMERAL_STROKES:
        out["numeral with a look-alike stroke"] = _NUMERAL_STROKES[lines[0][0]] + item[1:]
    for j, ln in enumerate(lines):
        if ln[:1] in _CIRCLED:
            letters = _CIRCLED_AS_LETTERS[_CIRCLED.index(ln[0]) % len(_CIRCLED_AS_LETTERS)]
            out["circled number as letters"] = "\n".join([*lines[:j], letters + ln[1:], *lines[j + 1 :]])
    if "ー" in item:
        out["ー read as 一"] = item.replace("ー", "一")
    chars = squash(neighbour)[:2]
    if len(chars) == 2:
        k = max(range(len(lines)), key=lambda i: len(lines[i]))
        after = [*lines[:k], lines[k] + chars, *lines[k + 1 :]]
        out["neighbour's characters after a line"] = "\n".join(after)
        out["neighbour's characters before a line"] = "\n".join([*lines[:-1], chars + lines[-1]])
    return out


def measure_reader_misreadings(verbose: bool, heldout: bool = False) -> dict:
    """``reader_misreadings`` of every row of the truth tables: per kind, the share keeping the
    truth's key, and those given another truth item's key (never wanted)."""
    paths = sorted((HELDOUT / "tables").glob("*.json")) if heldout else TRUTH_TABLES
    rows = {squash(r["item"]): r for p in paths for r in json.loads(p.read_text("utf-8"))}
    keys = {item_key(r["item"]).key for r in rows.values()}
    per: dict[str, list[int]] = {}
    for r in rows.values():
        want = item_key(r["item"]).key
        for name, text in reader_misreadings(r["item"], r.get("before") or r.get("after") or "").items():
            got = item_key(text).key
            tally = per.setdefault(name, [0, 0, 0])
            tally[0] += 1
            tally[1] += got == want
            tally[2] += got != want and got in keys
            if got != want and verbose:
                print(f"  reader misreading '{name}' of {r['item'][:40]!r}: {got[-50:]}", file=sys.stderr)
    total = sum(v[0] for v in per.values())
    same = sum(v[1] for v in per.values())
    return {
        "readings": total,
        "readings_truth_key": same,
        "readings_share": same / total if total else 0.0,
        "readings_other_items_key": sum(v[2] for v in per.values()),
        "per_kind": {
            k: {"readings": v[0], "truth_key": v[1], "other_items_key": v[2]} for k, v in per.items()
        },
    }


def measure_distinct(verbose: bool) -> dict:
    items: dict[str, str] = {}
    heldout_tables = sorted((HELDOUT / "tables").glob("*.json"))
    for path in [*TRUTH_TABLES, *heldout_tables, *sorted(SAMPLES.rglob("expected/records.json"))]:
        for row in json.loads(path.read_text("utf-8")):
            items.setdefault(squash(row["item"]), row["item"])
    keys = {s: item_key(t).key for s, t in items.items()}
    pairs = shared = 0
    for a, b in combinations(sorted(keys), 2):
        pairs += 1
        if keys[a] == keys[b]:
            shared += 1
            if verbose:
                print(f"  shared key {keys[a][:80]}: {items[a][:40]!r} / {items[b][:40]!r}", file=sys.stderr)
    return {
        "items": len(items),
        "pairs": pairs,
        "pairs_sharing_a_key": shared,
        "pairs_distinct_share": (pairs - shared) / pairs if pairs else 1.0,
    }


# ----------------------------------------------------------------------------- lost lines


def lost_line_printings(item: str) -> list[str]:
    """The 項目 cell wrapped at 8 and at 12 characters with one wrapped line lost (a reader that
    dropped a line: OCR reading it as marks, a line taken with the neighbouring cell): every
    line but a heading's first (whose numbering the key cuts at) lost in turn."""
    lines = item.split("\n")
    out = []
    for width in (8, 12):
        wrapped = [(i, w) for i, ln in enumerate(lines) for w in _wrap(ln, width)]
        for j in range(1, len(wrapped)):
            if wrapped[j][0] == wrapped[j - 1][0]:
                out.append("\n".join(w for k, (_, w) in enumerate(wrapped) if k != j))
    return out


def measure_lost_lines(heldout: bool = False) -> dict:
    """Truth items with a wrapped line lost (``lost_line_printings``): the share keeping the
    truth's key, and those given another truth item's key (a wrong join)."""
    items = truth_items(heldout)
    keys = {item_key(t).key for t in items}
    total = same = other = 0
    for item in items:
        want = item_key(item).key
        for text in lost_line_printings(item):
            got = item_key(text).key
            total += 1
            same += got == want
            other += got != want and got in keys
    return {
        "printings": total,
        "printings_truth_key": same,
        "printings_share": same / total if total else 0.0,
        "printings_other_items_key": other,
    }


# ----------------------------------------------------------------------------- file lines


def _is_file_line(line: str) -> bool:
    """Whether a 項目 line is the form's file line alone (``（１）住民基本台帳ファイル``)."""
    k = item_key(line)
    return bool(k.file) and k.path == (k.file,)


def file_line_printings(expected: list[dict]) -> dict[str, list[dict]]:
    """A truth table as readers print its file lines (name → rows): on the first row of each run
    of rows naming one file only (a merged cell read once), and on no row (a line lost)."""
    out: dict[str, list[dict]] = {"file line on a run's first row only": [], "file lines lost": []}
    previous = None
    for e in expected:
        lines = e["item"].split("\n")
        files = [ln for ln in lines if _is_file_line(ln)]
        without = {**e, "item": "\n".join(ln for ln in lines if ln not in files)}
        out["file lines lost"].append(without)
        name = files[0] if files else None
        first = name is not None and name != previous
        out["file line on a run's first row only"].append(e if first or not files else without)
        previous = name if name is not None else previous
    return out


def measure_file_lines(heldout: bool = False) -> dict:
    """Rows keyed the truth's way (``truth_keys``) when the file lines of a truth table naming a
    特定個人情報ファイル are printed otherwise (``file_line_printings``): over every sample table
    with expected records (tuning, or samples/heldout* only), keyed as a table."""
    from piatable.normalize.records import table_item_keys

    rows = same = other = tables = 0
    for exp in sorted(SAMPLES.rglob("expected/records.json")):
        top = exp.relative_to(SAMPLES).parts[0]
        if top.startswith("heldout") != heldout:
            continue
        expected = json.loads(exp.read_text("utf-8"))
        if not any(_is_file_line(ln) for e in expected for ln in e["item"].split("\n")):
            continue
        tables += 1
        truth = truth_keys(expected)
        for variant in file_line_printings(expected).values():
            keys = [
                k.key
                for k in table_item_keys(
                    [(e["item"].split("\n"), e.get("before"), e.get("after")) for e in variant]
                )
            ]
            for j, k in enumerate(keys):
                rows += 1
                same += k == truth[j]
                other += k != truth[j] and k in truth
    return {
        "tables": tables,
        "rows": rows,
        "rows_truth_key": same,
        "rows_truth_key_share": same / rows if rows else 0.0,
        "rows_other_items_key": other,
    }


# ----------------------------------------------------------------------------- kinds of one table

_KIND_SUFFIXES = ("-pdftotext-layout", "-pdftotext-raw", "-pdftotext", "-pdfminer", "-pypdfium2")


def _table_and_kind(folder: Path) -> tuple[str, str]:
    """(the table a sample folder prints, the kind): ``samples/outsider/out-calc-7-pdfminer`` →
    (``outsider/out-calc-7``, ``pdfminer``); a folder without an extractor suffix is the PDF."""
    rel = str(folder.relative_to(SAMPLES))
    for suffix in _KIND_SUFFIXES:
        if rel.endswith(suffix):
            return rel[: -len(suffix)], suffix[1:]
    return rel, "pdf"


def kind_cases(
    heldout: bool,
    scan_dpis: tuple[int, ...] = (),
    scan_sets: tuple[str, ...] = ("outsider", "heldout-outsider"),
    only: tuple[str, ...] = (),
) -> dict[str, list[tuple[str, Path]]]:
    """Tables printed in several kinds: table → [(kind, input)], for every sample set that holds a
    table's PDF and at least one extractor's text of it (samples/office*, outsider*, mixed …;
    ``heldout``: the sets named heldout* only, else every other set).  With ``scan_dpis``, each
    table's PDF is also scanned (``bench_scan.generated``; its OCR cached as bench_calibration
    caches it) and read as one more kind, for the sets named in ``scan_sets`` (OCR is slow: about
    a minute a table on a shared machine); ``only``: these sample sets alone (their tables are
    scanned too)."""
    tables: dict[str, list[tuple[str, Path]]] = {}
    for exp in sorted(SAMPLES.rglob("expected/records.json")):
        folder = exp.parent.parent
        top = folder.relative_to(SAMPLES).parts[0]
        if top.startswith("heldout") != heldout or (only and top not in only):
            continue
        found = [p for p in sorted(folder.glob("input.*")) if p.suffix.lower() in INPUT_SUFFIXES]
        if found:
            table, kind = _table_and_kind(folder)
            tables.setdefault(table, []).append((kind, found[0]))
    out = {t: v for t, v in tables.items() if len(v) >= 2 and any(k == "pdf" for k, _ in v)}
    for table, kinds in out.items():
        pdf = next(p for k, p in kinds if k == "pdf")
        top = table.split("/")[0]
        if pdf.suffix.lower() == ".pdf" and (top.rstrip("0123456789") in scan_sets or top in only):
            kinds.extend((f"scan{dpi}", pdf) for dpi in scan_dpis)
    return out


def _read_kind(kind: str, path: Path, cache: Path | None) -> list[dict]:
    """The records of one printing (cached in ``cache`` by file, kind and content hash)."""
    import hashlib

    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    hit = cache / f"{digest}-{kind}.json" if cache else None
    if hit and hit.exists():
        return json.loads(hit.read_text("utf-8"))
    if kind.startswith("scan"):
        import bench_calibration
        import bench_scan

        folder = Path(tempfile.gettempdir()) / "piatable-bench-scans"
        folder.mkdir(exist_ok=True)
        dpi = int(kind[4:])
        case = path.parent
        target = folder / f"keys-{case.parent.name}-{case.name}-{dpi}.pdf"
        if not target.exists():
            import make_scans

            make_scans.scan_pdf(path, target, dpi, make_scans.Damage(angle=0.4, jpeg=65, noise=7, seed=dpi))
        _, recs = bench_calibration._scan_cached(target)
        del bench_scan
    else:
        res = extract_document(path)
        form = (res.documents or {}).get("form")
        recs = [{**r.to_dict(), "form": form} for r in res.records]
    keep = (
        "change_date",
        "item",
        "before",
        "after",
        "timing",
        "explanation",
        "item_key",
        "item_path",
        "flags",
        "form",
    )
    recs = [{f: r.get(f) for f in keep} for r in recs]
    if hit:
        hit.parent.mkdir(parents=True, exist_ok=True)
        hit.write_text(json.dumps(recs, ensure_ascii=False), "utf-8")
    return recs


def measure_kinds(
    verbose: bool,
    heldout: bool,
    scan_dpis: tuple[int, ...] = (),
    cache: Path | None = None,
    rekey=None,
    only: tuple[str, ...] = (),
) -> dict:
    """One key per item however printed: every table printed in several kinds (``kind_cases``);
    each expected row (a truth item of that table) is *one-keyed* when the row every kind read for
    it (aligned by ``eval_text.align``) carries the key of the truth's own 項目 text.  Rows no kind
    found are counted apart (row finding, not keys).  Also: rows given the key of *another* truth
    item of the same table (a wrong join), and pairs of different truth items (distinct 項目
    texts, whitespace aside, over all these tables) whose truth keys are equal.  ``rekey`` (for
    the cached records): a function of the rows in order giving their keys (``ItemKey``)."""
    cases = kind_cases(heldout, scan_dpis, only=only)
    items = items_ok = rows = rows_ok = missing = other_item = fuzzy_rows = 0
    # Rows without the truth's key split by whose fault: (a) the reader read the 項目 text wrong
    # (whitespace aside; the readers' fault), (b) the 項目 text is the truth's but the key differs
    # (the key rules' fault).
    missed_misread = missed_text_right = 0
    missed_b: list[str] = []
    # Every key a row read as each truth item got (by the truth's key): the keys two different
    # items' rows share (``output_collisions``).
    keys_got: dict[str, set[str]] = {}
    table_pairs = table_shared = 0
    per_kind: dict[str, list[int]] = {}
    truth_texts: dict[str, str] = {}
    for table, kinds in sorted(cases.items()):
        expected = json.loads((kinds[0][1].parent / "expected" / "records.json").read_text("utf-8"))
        truth = truth_keys(expected)
        in_table = {squash(e["item"]): k for e, k in zip(expected, truth, strict=True)}
        table_pairs += len(in_table) * (len(in_table) - 1) // 2
        table_shared += sum(a[1] == b[1] for a, b in combinations(sorted(in_table.items()), 2))
        for e in expected:
            truth_texts.setdefault(squash(e["item"]), e["item"])
        ok = [True] * len(expected)
        for kind, path in kinds:
            got = _read_kind(kind, path, cache)
            if rekey is not None:
                for g, k in zip(got, rekey(got), strict=True):
                    g["item_key"] = k.form_key
                    flags = [f for f in g.get("flags") or [] if f != "item_key_fuzzy"]
                    g["flags"] = flags + (["item_key_fuzzy"] if k.fuzzy else [])
            pairs = dict((j, i) for i, j in align(got, expected))
            tally = per_kind.setdefault(kind, [0, 0])
            for j in range(len(expected)):
                if j not in pairs:
                    missing += 1
                    continue
                g = got[pairs[j]]
                same = g["item_key"] == truth[j]
                owner = _nearest_item(g["item"], expected, j)
                if owner is not None and g["item_key"]:
                    keys_got.setdefault(truth[owner], set()).add(g["item_key"])
                rows += 1
                rows_ok += same
                tally[0] += 1
                tally[1] += same
                fuzzy_rows += "item_key_fuzzy" in (g.get("flags") or [])
                if not same:
                    ok[j] = False
                    other_item += g["item_key"] in truth
                    text_right = squash(g["item"]) == squash(expected[j]["item"])
                    missed_text_right += text_right
                    missed_misread += not text_right
                    if text_right:
                        missed_b.append(f"{table} [{kind}] {g['item_key'][:80]} (want {truth[j][:80]})")
                    if verbose:
                        print(
                            f"  {'(b)' if text_right else '(a)'} {table} [{kind}] {squash(g['item'])[:70]!r}"
                            f"\n      got  {g['item_key'][:110]}"
                            f"\n      want {truth[j][:110]}",
                            file=sys.stderr,
                        )
        items += len(expected)
        items_ok += sum(ok)
    keys = {s: item_key(t).key for s, t in truth_texts.items()}
    pairs_n = shared = 0
    for a, b in combinations(sorted(keys), 2):
        pairs_n += 1
        shared += keys[a] == keys[b]
    collisions = output_collisions(keys_got)
    return {
        "tables": len(cases),
        "kinds": sum(len(v) for v in cases.values()),
        "items": items,
        "items_one_key": items_ok,
        "items_one_key_share": items_ok / items if items else 0.0,
        "rows": rows,
        "rows_truth_key": rows_ok,
        "rows_missing": missing,
        "rows_other_items_key": other_item,
        "rows_missed_item_misread": missed_misread,
        "rows_missed_item_right": missed_text_right,
        "rows_missed_item_right_list": missed_b,
        "rows_fuzzy": fuzzy_rows,
        "per_kind": {k: {"rows": v[0], "truth_key": v[1]} for k, v in sorted(per_kind.items())},
        "distinct_items": len(keys),
        "pairs": pairs_n,
        "pairs_sharing_a_key": shared,
        "table_pairs": table_pairs,
        "table_pairs_sharing_a_key": table_shared,
        "output_items": len(keys_got),
        "output_pairs": len(keys_got) * (len(keys_got) - 1) // 2,
        "output_pairs_sharing_a_key": len(collisions),
        "output_collisions": sorted(collisions),
    }


# A row read is taken for the truth item it was aligned with when its 項目 text is at least this
# like that item's (difflib ratio, whitespace aside) and no other item of the table is likelier:
# a row the alignment paired with another item's (row finding, not keys) is left out.
ROW_ITEM_MIN_RATIO = 0.5


def _nearest_item(item: str | None, expected: list[dict], j: int) -> int | None:
    """The truth row ``j`` when the row read (its 項目 text ``item``) is that item's printing: its
    text most like item ``j``'s of all the table's distinct items, at least
    ``ROW_ITEM_MIN_RATIO``; else None (a misaligned row)."""
    from cydifflib import SequenceMatcher

    text = squash(item)
    own = squash(expected[j]["item"])
    best = SequenceMatcher(None, text, own, autojunk=False).ratio()
    if best < ROW_ITEM_MIN_RATIO:
        return None
    for e in expected:
        other = squash(e["item"])
        if other != own and SequenceMatcher(None, text, other, autojunk=False).ratio() > best:
            return None
    return j


def output_collisions(keys_got: dict[str, set[str]]) -> set[tuple[str, str, str]]:
    """Pairs of different items (truth keys) some of whose rows, over all kinds and tables, were
    given the same key, as (truth key, truth key, the shared key): the issue's "two different
    items never share a key", measured on the keys the readers' rows got, not the truth's."""
    by_key: dict[str, set[str]] = {}
    for truth, got in keys_got.items():
        for k in got:
            by_key.setdefault(k, set()).add(truth)
    out = set()
    for k, owners in by_key.items():
        for a, b in combinations(sorted(owners), 2):
            out.add((a, b, k))
    return {min((x for x in out if x[:2] == p), key=lambda x: x[2]) for p in {x[:2] for x in out}}


def kinds_lines(name: str, m: dict) -> list[str]:
    """The printed figures of ``measure_kinds``."""
    kinds = ", ".join(f"{k} {v['truth_key']}/{v['rows']}" for k, v in m["per_kind"].items())
    return [
        f"{name}: {m['tables']} tables in {m['kinds']} printings; truth items with the truth's key in"
        f" every kind: {m['items_one_key']}/{m['items']} = {m['items_one_key_share']:.1%}",
        f"  rows with the truth's key {m['rows_truth_key']}/{m['rows']} (not found {m['rows_missing']});"
        f" given another truth item's key {m['rows_other_items_key']}; flagged item_key_fuzzy"
        f" {m['rows_fuzzy']}",
        f"  rows without the truth's key: (a) 項目 text misread by the reader"
        f" {m['rows_missed_item_misread']}, (b) 項目 text right, key differs {m['rows_missed_item_right']}",
        *(f"    (b) {x}" for x in m["rows_missed_item_right_list"][:40]),
        f"  per kind: {kinds}",
        f"  different truth items sharing a key: {m['pairs_sharing_a_key']}/{m['pairs']} pairs"
        f" ({m['distinct_items']} items)",
        f"  different truth items of one table sharing the table's key: {m['table_pairs_sharing_a_key']}"
        f"/{m['table_pairs']} pairs",
        f"  different items whose rows read share a key: {m['output_pairs_sharing_a_key']}"
        f"/{m['output_pairs']} pairs ({m['output_items']} items)",
        *(f"    {a[:60]} ~ {b[:60]}: {k[:80]}" for a, b, k in m["output_collisions"][:40]),
    ]


COVER_VARIANTS = (
    ("令和5年3月31日", "2023-03-31", "サンプル市長"),
    ("令和５年３月３１日", "2023-03-31", "○○県知事"),
    ("2023/3/31", "2023-03-31", "△△広域連合長"),
    ("", None, "サンプル町長"),
)


def measure_covers(verbose: bool) -> dict:
    import make_pdfs

    cases: list[tuple[str, dict, str | None, str]] = []
    truth = json.loads((SAMPLES / "tables" / "zenkoumoku_juki.json").read_text("utf-8"))
    saved = make_pdfs.LONG_FACTS
    with tempfile.TemporaryDirectory() as tmp:
        for pages in (40, 80):
            for k, (published, iso, agency) in enumerate(COVER_VARIANTS):
                make_pdfs.LONG_FACTS = dict(saved, published=published, agency=agency)
                pdf = Path(tmp) / f"long{pages}_{k}.pdf"
                try:
                    make_pdfs.make_long(pdf, pages, records=truth)
                finally:
                    make_pdfs.LONG_FACTS = saved
                cases.append((pdf.name, extract_document(pdf).documents, iso, agency))
                text = Path(tmp) / f"long{pages}_{k}.txt"
                text.write_text(make_pdfs.extract_text(pdf, "pdftotext"), "utf-8")
                cases.append((text.name, extract_document(text).documents, iso, agency))
        # A scanned assessment (image-only PDF of cover, contents and table): OCR reads its cover.
        import pypdfium2 as pdfium

        published, iso, agency = COVER_VARIANTS[0]
        pdf = Path(tmp) / "short.pdf"
        make_pdfs.LONG_FACTS = dict(saved, published=published, agency=agency)
        try:
            make_pdfs.make_long(pdf, 3, records=truth[:3])
        finally:
            make_pdfs.LONG_FACTS = saved
        doc = pdfium.PdfDocument(str(pdf))
        images = [doc[i].render(scale=200 / 72).to_pil().convert("L") for i in range(len(doc))]
        doc.close()
        scan = Path(tmp) / "scan.pdf"
        images[0].save(scan, save_all=True, append_images=images[1:], resolution=200)
        cases.append((scan.name, extract_document(scan).documents, iso, agency))
    for folder in sorted((SAMPLES / "gen").glob("*whole_assessment*")):
        res = extract_document(next(folder.glob("input.*")))
        agency = "○○市長" if folder.name.startswith("juki") else "△△町長"
        cases.append((folder.name, res.documents, "2023-03-01", agency))
    published_ok = agency_ok = 0
    for name, facts, iso, agency in cases:
        p_ok = facts.get("published") == iso and (iso is not None or "published_raw" not in facts)
        a_ok = facts.get("agency") == agency
        published_ok += p_ok
        agency_ok += a_ok
        if verbose and not (p_ok and a_ok):
            print(f"  cover {name}: {facts} (expected {iso}, {agency})", file=sys.stderr)
    return {"documents": len(cases), "published_right": published_ok, "agency_right": agency_ok}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--no-covers", action="store_true", help="skip the long assessments (slow)")
    ap.add_argument(
        "--kinds",
        action="store_true",
        help="only the one-key-per-item measure over tables printed in several kinds (tuning and held-out)",
    )
    ap.add_argument(
        "--scans", default="", help="with --kinds: also each table's PDF scanned at these dpis (200,300)"
    )
    ap.add_argument(
        "--cache", type=Path, help="with --kinds: keep each printing's records here (re-runs read them)"
    )
    ap.add_argument(
        "--rekey",
        action="store_true",
        help="with --kinds --cache: key the cached rows anew as the records do (records.table_item_keys)",
    )
    ap.add_argument(
        "--no-form",
        action="store_true",
        help="with --rekey: key the rows without the form their document's cover names",
    )
    ap.add_argument("--sets", default="", help="with --kinds: only these sample sets (comma-separated)")
    ap.add_argument("--readers", action="store_true", help="only measure 6 (reader_misreadings), per kind")
    ap.add_argument(
        "--synthetic",
        action="store_true",
        help="only the measures that read no input: synthetic printings, misreadings, reader misreadings,"
        " a wrapped line lost, file lines printed otherwise, distinct items",
    )
    ns = ap.parse_args(argv)
    if ns.synthetic:
        res = {}
        for name, fn in (
            ("printings", measure_printings),
            ("misreadings", measure_misreadings),
            ("reader_misreadings", measure_reader_misreadings),
        ):
            res[name] = fn(ns.verbose)
            res[name + "_heldout"] = fn(ns.verbose, heldout=True)
        res["lost_lines"] = measure_lost_lines()
        res["lost_lines_heldout"] = measure_lost_lines(heldout=True)
        res["file_lines"] = measure_file_lines()
        res["file_lines_heldout"] = measure_file_lines(heldout=True)
        from eval_sections_lost import measure_sections_lost

        res["sections_lost"] = measure_sections_lost()
        res["sections_lost_heldout"] = measure_sections_lost(heldout=True)
        res["distinct"] = measure_distinct(ns.verbose)
        for name, m in res.items():
            print(
                name,
                json.dumps(
                    {k: v for k, v in m.items() if not isinstance(v, (list, dict))}, ensure_ascii=False
                ),
            )
        return 0
    if ns.readers:
        res = {
            "tuning": measure_reader_misreadings(ns.verbose),
            "heldout": measure_reader_misreadings(ns.verbose, heldout=True),
        }
        print(json.dumps(res, ensure_ascii=False, indent=1))
        return 0
    if ns.kinds:
        only = tuple(x for x in ns.sets.split(",") if x)
        dpis = tuple(int(d) for d in ns.scans.split(",") if d)
        rekey = None
        if ns.rekey:
            from piatable.normalize.records import table_item_keys

            def rekey(rows: list[dict]) -> list:
                # The form the document's cover names (cached with each row), unless --no-form.
                form = None if ns.no_form else next((r.get("form") for r in rows if r.get("form")), None)
                cells = [(r["item_path"], r["before"], r["after"]) for r in rows]
                return table_item_keys(cells, form) if form else table_item_keys(cells)

        res = {
            "tuning": measure_kinds(ns.verbose, False, dpis, ns.cache, rekey, only),
            "heldout": measure_kinds(ns.verbose, True, dpis, ns.cache, rekey, only),
        }
        if ns.json:
            print(json.dumps(res, ensure_ascii=False, indent=1))
        else:
            print(
                "\n".join([*kinds_lines("tuning", res["tuning"]), *kinds_lines("held-out", res["heldout"])])
            )
        return 0
    res = {
        "samples": measure_samples(ns.verbose),
        "heldout": measure_samples(ns.verbose, heldout=True),
        "printings": measure_printings(ns.verbose),
        "printings_heldout": measure_printings(ns.verbose, heldout=True),
        "misreadings": measure_misreadings(ns.verbose),
        "misreadings_heldout": measure_misreadings(ns.verbose, heldout=True),
        "distinct": measure_distinct(ns.verbose),
        "reader_misreadings": measure_reader_misreadings(ns.verbose),
        "reader_misreadings_heldout": measure_reader_misreadings(ns.verbose, heldout=True),
    }
    if not ns.no_covers:
        res["covers"] = measure_covers(ns.verbose)
    if ns.json:
        print(json.dumps(res, ensure_ascii=False, indent=1))
        return 0
    s, p, d, h = res["samples"], res["printings"], res["distinct"], res["heldout"]
    ph = res["printings_heldout"]
    right = s["rows_aligned"] - s["rows_item_text_differs"]
    right_keyed = s["rows_truth_key"] - s["rows_item_text_differs_truth_key"]
    out = [
        f"samples read: {s['inputs']}; rows aligned {s['rows_aligned']}, not found {s['rows_missing']}",
        f"items with one key over all their printings (samples): {s['items_one_key']}/{s['items']}"
        f" = {s['items_one_key_share']:.1%}",
        f"rows whose key is the truth's: {s['rows_truth_key']}/{s['rows_aligned']}"
        f" = {s['rows_truth_key_share']:.1%}",
        f"  項目 read right (whitespace aside): {right} rows, {right_keyed} with the truth's key",
        f"  項目 read with other text than the truth: {s['rows_item_text_differs']} rows,"
        f" {s['rows_item_text_differs_truth_key']} keep the key;"
        f" of them the same words printed otherwise: {s['rows_item_reprinted_truth_key']}"
        f"/{s['rows_item_reprinted']} keep the key",
        f"held-out set (samples/heldout, never tuned on): {h['inputs']} inputs; items with one key"
        f" {h['items_one_key']}/{h['items']} = {h['items_one_key_share']:.1%}; rows"
        f" {h['rows_truth_key']}/{h['rows_aligned']} = {h['rows_truth_key_share']:.1%}; change_kind"
        f" {h['change_kind_right']}/{h['change_kind_rows']} = {h['change_kind_share']:.1%}",
        f"synthetic printings with the truth's key: {p['printings_truth_key']}/{p['printings']}"
        f" = {p['printings_share']:.1%}; items all of whose printings keep it:"
        f" {p['items_all_printings_one_key']}/{p['items']}",
        f"  held-out tables: {ph['printings_truth_key']}/{ph['printings']} printings ="
        f" {ph['printings_share']:.1%}; items {ph['items_all_printings_one_key']}/{ph['items']}",
        *(
            f"misread items ({name}: one character replaced, dropped or added, a numbering misread,"
            f" a lone wrapped character) with the truth's key: {m['misreadings_truth_key']}"
            f"/{m['misreadings']} = {m['misreadings_share']:.1%}; inferred by a near heading"
            f" {m['misreadings_fuzzy']}; given another truth item's key {m['misreadings_other_items_key']}"
            for name, m in (("tuning", res["misreadings"]), ("held-out", res["misreadings_heldout"]))
        ),
        *(
            f"items as OCR and flattened readers misread them ({name}: numeral or circled number read"
            f" as letters, ー as 一, a neighbour's 2 characters before or after a line) with the truth's"
            f" key: {m['readings_truth_key']}/{m['readings']} = {m['readings_share']:.1%}; given another"
            f" truth item's key {m['readings_other_items_key']}"
            for name, m in (
                ("tuning", res["reader_misreadings"]),
                ("held-out", res["reader_misreadings_heldout"]),
            )
        ),
        f"different items, different keys: {d['pairs'] - d['pairs_sharing_a_key']}/{d['pairs']}"
        f" pairs = {d['pairs_distinct_share']:.2%} ({d['items']} items)",
        f"change_kind, rows with date/item/timing/explanation right: {s['change_kind_right']}"
        f"/{s['change_kind_rows']} = {s['change_kind_share']:.1%};"
        f" rows with all six cells right: {s['change_kind_all_cells_right']}"
        f"/{s['change_kind_all_cells_right_rows']}",
    ]
    if "covers" in res:
        c = res["covers"]
        out.append(
            f"cover facts: 公表日 right {c['published_right']}/{c['documents']},"
            f" 評価実施機関名 right {c['agency_right']}/{c['documents']}"
        )
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
