"""One item, one key: how far ``item_key`` holds over printings, wraps and extractors (issue 14).

    python tools/eval_item_keys.py                                  # the default sets (ITEMKEY_SETS)
    python tools/eval_item_keys.py --sets office-itemkey54,heldout-itemkey54 -v
    python tools/eval_item_keys.py --cache /tmp/ik-cache            # keep each input's records

Three measures, each for the tuning sets and the held-out sets (``heldout*``) apart:

1. **Rows read** (per family: ``pdf-calc``, ``pdf-writer``, ``pdftotext-layout``, … as
   ``tools/eval_office.py`` names them).  Every input of the chosen sets with expected records is
   read; its rows are aligned with the expected rows (``eval_text.align``); a row *agrees* when
   its ``item_key`` is the key of the expected 項目 text, keyed as a table as the records are
   (``eval_fields.truth_keys``).  An item of a table (one expected row) *splits* when the rows the
   table's inputs (its PDF and the extractors' texts) read for it carry more than one key, or a
   key that is not the truth's: those items are listed with every key they got (``-v``: each
   row that disagrees).
2. **Printings of one form item** (sets holding ``items.json``: printed item → its plain
   printing, written by tools/make_itemkey54_samples.py).  The truth key of every printed item
   against the key of its plain printing: one form item printed with a bare section numeral,
   ASCII or arabic numerals, bracketed block numbers, other numbering, on one line or several,
   must get one key; and the rows read against the plain printing's key.
3. **Reprinted items** (no input read): every expected item of the chosen sets printed again the
   ways bodies print it (``reprintings``: section numeral alone, ``II`` or ``２．``; block number
   as ``委託事項（１）``, ``(1)``, `` 1``; circled numbers as ``(1)`` / ``1.``; ordinary numbers
   as ``(4)`` / ``4.``; full-width digits half-width; one line with spaces), each keyed alone
   (``item_key``) against the item's own key: the share kept, and the share given another
   expected item's key (never wanted).

4. **Pages of text without form feeds** (``--pages``; issue 14 item 5).  Every extractor's text of
   the chosen sets that holds form feeds and whose table spans two pages or more is read again
   with its form feeds taken out (``nofeed``: only a repeated title or label row shows a page's
   head) and with each form feed replaced by a page-number line (``footer``: ``- 3 -``,
   ``3/12``, ``３ページ`` in turn, as a page's foot prints it); a row agrees when its
   ``page_start`` and ``page_end`` are the expected pages counted from the text's first page
   (``-layout``) or the table's (row-ordered text).  Rows whose cells differ from the reading with
   form feeds are counted apart (the reading changed, not only its pages).

The machine is shared: read only the sets named (``--sets``); ``--cache`` keeps the records of each
input so that a second run reads none.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import regex  # noqa: E402
from eval_fields import SAMPLES, _read_kind, kind_cases, squash, truth_keys  # noqa: E402
from eval_office import family  # noqa: E402
from eval_text import align  # noqa: E402

from piatable.normalize.item_key import item_key  # noqa: E402

ITEMKEY_SETS = (
    "office-itemkey17",
    "office-itemkey49",
    "office-itemkey54",
    "office-itemkey55",
    "office-block46",
    "heldout-itemkey17",
    "heldout-itemkey49",
    "heldout-itemkey54",
    "heldout-itemkey55",
    "heldout-block46",
)
_FULL = str.maketrans("0123456789", "０１２３４５６７８９")
_HALF = str.maketrans("０１２３４５６７８９", "0123456789")
_ROMAN_ASCII = {"Ⅰ": "I", "Ⅱ": "II", "Ⅲ": "III", "Ⅳ": "IV", "Ⅴ": "V", "Ⅵ": "VI"}
_BLOCK = regex.compile(r"(委託事項|再委託事項|提供先|移転先|システム)([0-9０-９]{1,2})(?![0-9０-９．.])")
_SECTION = regex.compile(r"^([ⅠⅡⅢⅣⅤⅥ])[ 　]?(\S+)$")
_CIRCLED = regex.compile(r"^([①-⑳])\s*")
_ORDINARY = regex.compile(r"^([0-9０-９]{1,2})[．.]\s*")


def _family(kind: str, path: Path) -> str:
    return kind if kind.startswith("scan") else family(path)


def measure_rows(sets: tuple[str, ...], heldout: bool, cache: Path | None, verbose: bool) -> dict:
    """Measure 1 over the tables of ``sets`` (tuning or held-out)."""
    per_family: dict[str, Counter] = {}
    items = split_items = 0
    splits: list[str] = []
    plain_rows = plain_agree = 0
    for table, kinds in sorted(kind_cases(heldout, only=sets).items()):
        first = kinds[0][1].parent
        expected = json.loads((first / "expected" / "records.json").read_text("utf-8"))
        truth = truth_keys(expected)
        plain = _plain_items(first.parent)
        got_keys: list[Counter] = [Counter() for _ in expected]
        for kind, path in kinds:
            fam = _family(kind, path)
            tally = per_family.setdefault(fam, Counter())
            got = _read_kind(kind, path, cache)
            pairs = dict((j, i) for i, j in align(got, expected))
            tally["rows"] += len(expected)
            for j, e in enumerate(expected):
                if j not in pairs:
                    tally["not_found"] += 1
                    continue
                g = got[pairs[j]]
                got_keys[j][g["item_key"]] += 1
                tally["aligned"] += 1
                tally["agree"] += g["item_key"] == truth[j]
                if squash(g["item"]) == squash(e["item"]):
                    # The 項目 text read right (whitespace aside): a key that differs is the key
                    # rules' fault, not the reader's.
                    tally["text_right"] += 1
                    tally["text_right_agree"] += g["item_key"] == truth[j]
                if plain and e["item"] in plain:
                    plain_rows += 1
                    plain_agree += g["item_key"] == _plain_key(plain[e["item"]])
                if verbose and g["item_key"] != truth[j]:
                    print(
                        f"  {table} [{fam}] {squash(g['item'])[:70]!r}\n      got  {g['item_key']}"
                        f"\n      want {truth[j]}",
                        file=sys.stderr,
                    )
        for j, keys in enumerate(got_keys):
            items += 1
            if set(keys) - {truth[j]}:
                split_items += 1
                listed = ", ".join(f"{k} ×{n}" for k, n in keys.most_common())
                splits.append(f"{table} {squash(expected[j]['item'])[:60]}: want {truth[j]}; got {listed}")
    return {
        "per_family": {f: dict(c) for f, c in sorted(per_family.items())},
        "items": items,
        "items_split": split_items,
        "splits": splits,
        "plain_rows": plain_rows,
        "plain_rows_agree": plain_agree,
    }


def _plain_items(set_dir: Path) -> dict[str, str]:
    path = set_dir / "items.json"
    return json.loads(path.read_text("utf-8")) if path.exists() else {}


def _plain_key(text: str) -> str:
    return item_key(text).form_key


def measure_plain(sets: tuple[str, ...]) -> dict:
    """Measure 2: each printed item of the sets' ``items.json`` against its plain printing."""
    total = agree = 0
    wrong: list[str] = []
    for name in sets:
        for printed, plain in _plain_items(SAMPLES / name).items():
            total += 1
            got, want = item_key(printed).form_key, _plain_key(plain)
            agree += got == want
            if got != want:
                wrong.append(f"{name}: {printed!r}\n      got  {got}\n      want {want}")
    return {"printed_items": total, "printed_items_agree": agree, "wrong": wrong}


def reprintings(item: str) -> dict[str, str]:
    """The printings of a 項目 text (lines joined by ``\\n``) that bodies use for the same item:
    name → text; only those that differ from ``item``."""
    lines = [ln.strip() for ln in item.split("\n") if ln.strip()]
    out: dict[str, str] = {}

    def put(name: str, new: list[str]) -> None:
        text = "\n".join(new)
        if text != "\n".join(lines):
            out[name] = text

    m = _SECTION.match(lines[0]) if lines else None
    if m:
        put("section_ascii", [f"{_ROMAN_ASCII[m.group(1)]} {m.group(2)}", *lines[1:]])
        put("section_space", [f"{m.group(1)}　{m.group(2)}", *lines[1:]])
        if len(lines) > 1:
            put("section_bare", [m.group(1), *lines[1:]])
        put(
            "section_arabic", [f"{'ⅠⅡⅢⅣⅤⅥ'.index(m.group(1)) + 1}．{m.group(2)}".translate(_FULL), *lines[1:]]
        )
    for style, fmt in (
        ("block_bracket_full", "{}（{}）"),
        ("block_bracket", "{}({})"),
        ("block_space", "{} {}"),
    ):
        put(
            style,
            [
                _BLOCK.sub(
                    lambda b, f=fmt, s=style: f.format(
                        b.group(1), b.group(2).translate(_FULL if s.endswith("full") else _HALF)
                    ),
                    ln,
                )
                for ln in lines
            ],
        )
    for style, fmt in (("number_paren", "({}) "), ("number_stop", "{}. ")):
        put(
            style,
            [
                _ORDINARY.sub(lambda o, f=fmt: f.format(o.group(1).translate(_HALF)), ln)
                if _ORDINARY.match(ln)
                else _CIRCLED.sub(lambda c, f=fmt: f.format(ord(c.group(1)) - ord("①") + 1), ln)
                for ln in lines
            ],
        )
    put("halfwidth", [ln.translate(_HALF) for ln in lines])
    out["one_line"] = " ".join(lines)
    return out


def measure_reprinted(sets: tuple[str, ...], verbose: bool) -> dict:
    """Measure 3 over the distinct expected items of ``sets``."""
    items: dict[str, str] = {}
    for name in sets:
        for exp in sorted((SAMPLES / name).rglob("expected/records.json")):
            for e in json.loads(exp.read_text("utf-8")):
                if e["item"].strip():
                    items.setdefault(squash(e["item"]), e["item"])
    own = {s: item_key(t).form_key for s, t in items.items()}
    others = set(own.values())
    total = kept = foreign = 0
    by_style: dict[str, Counter] = {}
    wrong: list[str] = []
    for s, text in items.items():
        for style, printed in reprintings(text).items():
            got = item_key(printed).form_key
            total += 1
            kept += got == own[s]
            foreign += got != own[s] and got in others
            tally = by_style.setdefault(style, Counter())
            tally["n"] += 1
            tally["kept"] += got == own[s]
            if got != own[s]:
                wrong.append(f"[{style}] {printed!r}\n      got  {got}\n      want {own[s]}")
    if verbose:
        for w in wrong[:60]:
            print("  " + w, file=sys.stderr)
    return {
        "items": len(items),
        "printings": total,
        "kept": kept,
        "another_items_key": foreign,
        "by_style": {k: dict(v) for k, v in sorted(by_style.items())},
        "wrong": wrong,
    }


FOOTERS = ("- {n} -", "{n}/{total}", "{n}ページ")


def _cells(d: dict) -> tuple:
    return tuple(
        "".join((d.get(f) or "").split()) for f in ("change_date_raw", "item", "before", "after", "timing")
    )


def _printed_page_number(page: str) -> bool:
    from piatable.vocabulary import is_page_number

    return any(is_page_number(line) for line in page.split("\n"))


def measure_pages(sets: tuple[str, ...]) -> dict:
    """Measure 4 over the text inputs of ``sets``."""
    import tempfile

    from piatable.pipeline import extract_document

    out: dict[str, Counter] = {}
    wrong: list[str] = []
    for name in sets:
        for exp in sorted((SAMPLES / name).rglob("expected/records.json")):
            path = next(iter(sorted(exp.parent.parent.glob("input.txt"))), None)
            if path is None:
                continue
            text = path.read_text("utf-8")
            if "\f" not in text:
                continue
            with_feeds = [r.to_dict() for r in extract_document(path).records]
            if not with_feeds or max(r["page_end"] or 1 for r in with_feeds) <= min(
                r["page_start"] or 1 for r in with_feeds
            ):
                continue
            first = min(r["page_start"] or 1 for r in with_feeds)
            fam = family(path)
            pages = text.split("\f")
            variants = {"nofeed": "".join(pages)}
            if not any(_printed_page_number(page) for page in pages):
                # A page-number line at each page's foot, where the pages print none of their own.
                variants["footer"] = "".join(
                    page
                    + (
                        "\n" + FOOTERS[k % len(FOOTERS)].format(n=k + 1, total=len(pages)) + "\n"
                        if k + 1 < len(pages)
                        else ""
                    )
                    for k, page in enumerate(pages)
                )
            for variant, body in variants.items():
                with tempfile.TemporaryDirectory() as tmp:
                    plain = Path(tmp) / "copied.txt"
                    plain.write_text(body, "utf-8")
                    got = [r.to_dict() for r in extract_document(plain).records]
                tally = out.setdefault(f"{variant} {fam}", Counter())
                tally["inputs"] += 1
                same = [_cells(g) for g in got] == [_cells(r) for r in with_feeds]
                if not same:
                    tally["rows_cells_differ"] += len(with_feeds)
                    continue
                for g, r in zip(got, with_feeds, strict=True):
                    tally["rows"] += 1
                    ok = (g["page_start"], g["page_end"]) == (
                        r["page_start"] - first + 1,
                        r["page_end"] - first + 1,
                    )
                    tally["rows_right"] += ok
                    if not ok and len(wrong) < 30:
                        wrong.append(
                            f"{variant} {path.parent.relative_to(SAMPLES)} row {g['row_index']}: pages"
                            f" {g['page_start']}-{g['page_end']},"
                            f" want {r['page_start'] - first + 1}-{r['page_end'] - first + 1}"
                        )
    return {"by_variant_family": {k: dict(v) for k, v in sorted(out.items())}, "wrong": wrong}


def pages_lines(m: dict) -> list[str]:
    lines = [
        "pages of text without form feeds (rows whose pages are right; inputs read with other cells apart):"
    ]
    for k, v in m["by_variant_family"].items():
        lines.append(
            f"  {k:34s} {_pct(v.get('rows_right', 0), v.get('rows', 0))} over {v['inputs']} inputs"
            f" (rows of inputs read with other cells: {v.get('rows_cells_differ', 0)})"
        )
    lines.extend(f"    {w}" for w in m["wrong"])
    return lines


def _pct(a: int, b: int) -> str:
    return f"{a}/{b} = {a / b:.1%}" if b else "0/0"


def report(name: str, rows: dict, plain: dict, reprinted: dict) -> list[str]:
    fams = rows["per_family"]
    out = [f"{name}:"]
    total = Counter()
    for f, c in fams.items():
        total.update(c)
        out.append(
            f"  {f:18s} rows agreeing {_pct(c.get('agree', 0), c.get('aligned', 0))}; of rows whose 項目 text"
            f" was read right {_pct(c.get('text_right_agree', 0), c.get('text_right', 0))}"
            f" (not found {c.get('not_found', 0)})"
        )
    out.append(
        f"  {'all':18s} rows agreeing {_pct(total['agree'], total['aligned'])}; of rows whose 項目 text"
        f" was read"
        f" right {_pct(total['text_right_agree'], total['text_right'])} (not found {total['not_found']})"
    )
    out.append(
        f"  items of a table whose rows split or miss the truth's key: {rows['items_split']}/{rows['items']}"
    )
    out.extend(f"    {s}" for s in rows["splits"][:40])
    if plain["printed_items"]:
        out.append(
            "  printed items keyed as their plain printing:"
            f" {_pct(plain['printed_items_agree'], plain['printed_items'])};"
            f" rows read: {_pct(rows['plain_rows_agree'], rows['plain_rows'])}"
        )
        out.extend(f"    {w}" for w in plain["wrong"][:20])
    out.append(
        f"  reprinted items keeping their key: {_pct(reprinted['kept'], reprinted['printings'])}"
        f" ({reprinted['items']} items); given another item's key {reprinted['another_items_key']}"
    )
    out.extend(f"    {k}: {_pct(v.get('kept', 0), v['n'])}" for k, v in reprinted["by_style"].items())
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default=",".join(ITEMKEY_SETS), help="sample sets (comma-separated)")
    ap.add_argument("--cache", type=Path, help="keep each input's records here (re-runs read them)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--pages", action="store_true", help="only measure 4: pages of text without form feeds")
    ns = ap.parse_args(argv)
    chosen = tuple(s for s in ns.sets.split(",") if s)
    if ns.pages:
        m = measure_pages(chosen)
        print(json.dumps(m, ensure_ascii=False, indent=1) if ns.json else "\n".join(pages_lines(m)))
        return 0
    res = {}
    for name, held in (("tuning", False), ("held-out", True)):
        sets = tuple(s for s in chosen if s.startswith("heldout") == held)
        if not sets:
            continue
        res[name] = {
            "sets": sets,
            "rows": measure_rows(sets, held, ns.cache, ns.verbose),
            "plain": measure_plain(sets),
            "reprinted": measure_reprinted(sets, ns.verbose),
        }
    if ns.json:
        print(json.dumps(res, ensure_ascii=False, indent=1))
        return 0
    for name, r in res.items():
        print("\n".join(report(f"{name} ({', '.join(r['sets'])})", r["rows"], r["plain"], r["reprinted"])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
