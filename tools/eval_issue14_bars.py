"""Issue 14's bars measured on outputs already written: item_key, change_kind, cover facts, pages.

    python tools/eval_issue14_bars.py xviii /work/newuser56/OUT_bc34      # set XVIII (run.sh's OUT)
    python tools/eval_issue14_bars.py xvii /work/newuser55/OUT_final      # set XVII
    python tools/eval_issue14_bars.py samples /tmp/OUT_s samples/office-cover57 samples/heldout-cover57
    python tools/eval_issue14_bars.py xviii OUT -v                        # also list what falls short

An OUT folder holds, per input, ``NAME.json`` (the records) and ``NAME.docs.json`` (the
documents), as the sets' ``run.sh`` write them.  ``samples`` reads each case of the sample sets
named (a folder with ``input.*`` and ``expected/records.json`` and/or ``expected/documents.json``)
once into OUT (``piatable.pipeline.extract_document``; an input already in OUT is not read again).

Rows of an input are aligned to its truth rows in order (as the sets' ``score.py`` do: the most
cells equal with all whitespace removed; a pair needs two equal cells).  The bars:

1. **One key per item** (≥ 97 %).  The truth rows of a set are grouped by their *printed item*,
   normalised: all whitespace removed (so a wrap or a space after the numbering is no
   difference) and full-width ASCII letters, digits and signs (U+FF01–FF5E) folded to half-width;
   nothing else (Ⅱ and ② stay).  A group *gets one key* when every aligned row of every input and
   route of the set that stands for one of its truth rows carries one and the same key
   ``(item_key, item_file, item_instance)`` (the record's key and its two parts that tell two
   files or two blocks of one table apart).  Also given per route: rows that carry the group's
   most common key.
2. **Different items, different keys** (≥ 99 % of pairs).  Each group's most common key; pairs of
   groups sharing it.  Pairs sharing only ``item_key`` (different file or block) are counted apart.
3. **change_kind** (≥ 98 %).  On rows whose six cells are right (whitespace aside), the record's
   ``change_kind`` against issue 14's rule applied to the truth's before / after
   (``eval_fields.truth_kind``, written apart from the code measured).
4. **Cover facts.**  Inputs of a table with a cover (``COVERS``; samples: ``documents.json``):
   ``published`` (ISO) and ``agency`` of the document, whitespace aside; a 公表日 read where the
   cover prints none counts as wrong.
5. **Pages of text inputs.**  Aligned rows of text inputs whose ``page_start`` / ``page_end``
   equal those of the same truth row read from the table's PDF (right rows of the PDF only;
   samples: the expected pages).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from eval_fields import truth_kind  # noqa: E402

FIELDS = ("change_date", "item", "before", "after", "timing", "explanation")
_WS = re.compile(r"\s+")
_HALF = str.maketrans({chr(0xFF01 + i): chr(0x21 + i) for i in range(0x5E)})
XVIII = Path("/work/newuser56")
XVII = Path("/work/newuser55")
# Tables of the sets printed with a cover: table → (公表日 ISO, 評価実施機関名).  Set XVIII's
# table I (gen/make_pdfs.py, the chromium_long route: 評価実施機関名　○○市長, 公表日　令和５年４月１日).
# Set XVII prints no real cover (t10 a summary table, t05 one agency line above the table).
COVERS = {"xviii": {"I": ("2023-04-01", "○○市長")}, "xvii": {}}
# Set XVII's truth names its cells in Japanese.
_XVII_FIELDS = {"変更日": "change_date", "項目": "item", "変更前": "before", "変更後": "after"}
_XVII_FIELDS |= {"提出時期": "timing", "説明": "explanation"}


def squash(text: object) -> str:
    return _WS.sub("", text if isinstance(text, str) else "" if text is None else str(text))


def printed_item(item: str) -> str:
    """The group of a truth row: its item with whitespace removed and full-width ASCII folded."""
    return squash(item).translate(_HALF)


@dataclass
class Input:
    """One input of a set: its records and documents as written (None: failed or missing)."""

    name: str
    table: str
    route: str
    records: list[dict] | None
    docs: list[dict] | None
    truth: list[dict]
    truth_pages: list[tuple[int, int] | None] | None = None
    cover: dict | None = None
    pairs: list[tuple[int, int]] = field(default_factory=list)


def cells_right(got: dict, want: dict) -> list[bool]:
    return [squash(got.get(f)) == squash(want.get(f)) for f in FIELDS]


def align(got: list[dict], truth: list[dict]) -> list[tuple[int, int]]:
    """Pairs (got index, truth index) in order: most equal cells, two at least per pair."""
    n, m = len(got), len(truth)
    s = [[sum(cells_right(got[i], truth[j])) for j in range(m)] for i in range(n)]
    dp = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            best = max(dp[i - 1][j], dp[i][j - 1])
            if s[i - 1][j - 1] >= 2:
                best = max(best, dp[i - 1][j - 1] + s[i - 1][j - 1])
            dp[i][j] = best
    pairs, i, j = [], n, m
    while i > 0 and j > 0:
        sc = s[i - 1][j - 1]
        if sc >= 2 and dp[i][j] == dp[i - 1][j - 1] + sc:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif dp[i][j] == dp[i - 1][j]:
            i -= 1
        else:
            j -= 1
    return pairs[::-1]


def _load(path: Path) -> list[dict] | None:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, list) else None


def xviii_inputs(out: Path) -> list[Input]:
    res = []
    for kind in ("pdf", "text", "scan"):
        for f in sorted((XVIII / "inputs" / kind).iterdir()):
            table = f.name.split("__")[0].split(".")[0]
            truth = json.loads((XVIII / "truth" / f"{table}.json").read_text("utf-8"))["rows"]
            route = (
                kind if kind != "text" else "text:" + re.sub(r"\.(txt|csv|md)$", "", f.name.split("__", 1)[1])
            )
            res.append(_input(out, f.name, table, route, truth, COVERS["xviii"].get(table)))
    return res


def xvii_inputs(out: Path) -> list[Input]:
    manifest = json.loads((XVII / "inputs" / "manifest.json").read_text("utf-8"))
    res = []
    for path, meta in sorted(manifest.items()):
        table = meta["table"]
        rows = json.loads((XVII / "truth" / f"{table}.json").read_text("utf-8"))["rows"]
        truth = [{_XVII_FIELDS.get(k, k): v for k, v in r.items()} for r in rows]
        fam = meta["family"]
        route = "pdf" if fam == "pdf" else "scan" if "/scan/" in path else "text:" + fam
        res.append(_input(out, Path(path).name, table, route, truth, COVERS["xvii"].get(table)))
    return res


def _input(out: Path, name: str, table: str, route: str, truth: list[dict], cover: tuple | None) -> Input:
    facts = {"published": cover[0], "agency": cover[1]} if cover else None
    return Input(
        name, table, route, _load(out / f"{name}.json"), _load(out / f"{name}.docs.json"), truth, cover=facts
    )


def sample_inputs(out: Path, sets: list[Path]) -> list[Input]:
    """The cases of sample sets, read into ``out`` once (``NAME.json`` / ``NAME.docs.json``)."""
    res = []
    for set_dir in sets:
        bases = [p.parent.name for p in set_dir.glob("*/input.pdf")]
        for exp in sorted(set_dir.glob("*/expected")):
            case = exp.parent
            found = sorted(p for p in case.glob("input.*") if p.suffix.lower() != ".json")
            if not found:
                continue
            name = f"{set_dir.name}__{case.name}"
            _read_once(found[0], out, name)
            truth = _load(exp / "records.json") or []
            pages = [(r["page_start"], r["page_end"]) if r.get("page_start") else None for r in truth]
            cover = (
                json.loads((exp / "documents.json").read_text("utf-8"))
                if (exp / "documents.json").exists()
                else None
            )
            route = _sample_route(case.name, found[0], bases)
            res.append(
                Input(
                    name,
                    f"{set_dir.name}/{case.name}",
                    route,
                    _load(out / f"{name}.json"),
                    _load(out / f"{name}.docs.json"),
                    truth,
                    pages if route.startswith("text") else None,
                    cover,
                )
            )
    return res


def _sample_route(case: str, path: Path, bases: list[str]) -> str:
    """``pdf``, ``scan`` or ``text:TOOL``: TOOL is what the case's name adds to its PDF case's
    (``writer-cover-t1-pypdf-nl`` beside ``writer-cover-t1``)."""
    base = max((b for b in bases if case.startswith(b + "-")), key=len, default=None)
    tool = case[len(base) + 1 :] if base else ""
    if path.suffix.lower() != ".pdf":
        return f"text:{tool or 'text'}"
    return "scan" if tool.startswith("scan") else "pdf"


def _read_once(path: Path, out: Path, name: str) -> None:
    if (out / f"{name}.json").exists():
        return
    from piatable.pipeline import extract_document

    out.mkdir(parents=True, exist_ok=True)
    res = extract_document(path)  # an input's failure comes back in the result
    recs = [r.to_dict() for r in res.records]
    (out / f"{name}.json").write_text(json.dumps(recs, ensure_ascii=False, default=str), "utf-8")
    from piatable.documents import document_row

    (out / f"{name}.docs.json").write_text(json.dumps([document_row(res)], ensure_ascii=False), "utf-8")


# What a key is made of: the record's ``item_key`` with ``item_file`` and ``item_instance`` (``full``),
# or without the file (``nofile``: a file a row does not name but its table does is the table's).
KEY_PARTS = {"full": ("item_key", "item_file", "item_instance"), "nofile": ("item_key", "item_instance")}
_key_parts = KEY_PARTS["full"]


def _full_key(rec: dict) -> tuple:
    return tuple(rec.get(k) for k in _key_parts)


def _aligned(inputs: list[Input]) -> Iterator[tuple[Input, dict, dict, int]]:
    for inp in inputs:
        if inp.records is None:
            continue
        inp.pairs = align(inp.records, inp.truth)
        for i, j in inp.pairs:
            yield inp, inp.records[i], inp.truth[j], j


def _pdf_pages(inputs: list[Input]) -> dict[str, list[tuple[int, int] | None]]:
    """Per table, the pages of each truth row as the table's text-layer PDF reads them (right rows)."""
    out: dict[str, list[tuple[int, int] | None]] = {}
    for inp in inputs:
        if inp.records is None or inp.name != f"{inp.table}.pdf":
            continue
        pages: list[tuple[int, int] | None] = [None] * len(inp.truth)
        for i, j in inp.pairs or align(inp.records, inp.truth):
            r = inp.records[i]
            if all(cells_right(r, inp.truth[j])) and r.get("page_start"):
                pages[j] = (r["page_start"], r["page_end"])
        out[inp.table] = pages
    return out


def _pct(a: int, b: int) -> str:
    return f"{a}/{b} = {100 * a / b:.1f}%" if b else "0/0"


def _one_key_lines(
    groups: dict[str, Counter], by_route: dict[str, list], label: str, verbose: bool
) -> list[str]:
    one = [g for g, c in groups.items() if len(c) == 1]
    lines = [f"   {label}: items with one key {_pct(len(one), len(groups))}"]
    major = {g: c.most_common(1)[0][0] for g, c in groups.items()}
    for route, pairs in sorted(by_route.items()):
        agree = sum(major[g] == k for g, k in pairs)
        lines.append(f"     {route:30s} rows with their item's key {_pct(agree, len(pairs))}")
    if verbose:
        for g, c in sorted(groups.items()):
            if len(c) > 1:
                lines.append(f"     split {g[:70]}")
                lines.extend(f"       {n:4d} × {k}" for k, n in c.most_common())
    return lines


def measure(inputs: list[Input], verbose: bool) -> list[str]:
    """The five bars' lines (module docstring)."""
    groups: dict[str, dict[str, Counter]] = {"right": defaultdict(Counter), "all": defaultdict(Counter)}
    in_table: dict[str, Counter] = defaultdict(Counter)  # table + printed item → key with its file
    by_route: dict[str, dict[str, list]] = {"right": defaultdict(list), "all": defaultdict(list)}
    kinds = Counter()
    kind_wrong: list[str] = []
    for inp, rec, want, _j in _aligned(inputs):
        g = printed_item(want["item"])
        if not g:
            continue
        tiers = ("all", "right") if printed_item(rec.get("item") or "") == g else ("all",)
        if len(tiers) == 2:
            in_table[f"{inp.table} {g}"][tuple(rec.get(k) for k in KEY_PARTS["full"])] += 1
        for tier in tiers:
            groups[tier][g][_full_key(rec)] += 1
            by_route[tier][inp.route].append((g, _full_key(rec)))
        if all(cells_right(rec, want)):
            kinds["rows"] += 1
            tk = truth_kind(want.get("before") or "", want.get("after") or "")
            ok = rec.get("change_kind") == tk
            kinds["agree"] += ok
            if not ok:
                kind_wrong.append(
                    f"   {inp.name} {squash(want['before'])[:30]!r}→{squash(want['after'])[:30]!r}: "
                    f"got {rec.get('change_kind')}, want {tk}"
                )
    lines = ["1. one key per item over every input and route (bar ≥ 97% of items):"]
    lines += _one_key_lines(
        groups["right"], by_route["right"], "rows whose 項目 text was read right", verbose
    )
    lines += _one_key_lines(groups["all"], by_route["all"], "every aligned row (misread 項目 too)", False)
    one = [g for g, c in in_table.items() if len(c) == 1]
    lines.append(
        f"   items of one table with one (item_key, item_file, item_instance) over its routes"
        f" (項目 read right): {_pct(len(one), len(in_table))}"
    )
    if verbose:
        for g, c in sorted(in_table.items()):
            if len(c) > 1:
                lines.append(
                    f"     split {g[:70]}: " + "; ".join(f"{n} × {k[1:]}" for k, n in c.most_common())
                )
    major = {g: c.most_common(1)[0][0] for g, c in groups["all"].items()}
    shared = full_shared = 0
    pairs = list(combinations(sorted(major), 2))
    for a, b in pairs:
        if major[a] == major[b]:
            full_shared += 1
            if verbose:
                lines.append(f"   shared key {major[a]}: {a[:50]} | {b[:50]}")
        elif major[a][0] == major[b][0]:
            shared += 1
    lines.append(
        f"2. pairs of different items with different keys: {_pct(len(pairs) - full_shared, len(pairs))}"
        f"  (bar ≥ 99%); sharing item_key only (file or block apart): {shared}"
    )
    lines.append(f"3. change_kind right on right rows: {_pct(kinds['agree'], kinds['rows'])}  (bar ≥ 98%)")
    if verbose:
        lines.extend(kind_wrong[:30])
    lines.extend(_covers(inputs, verbose))
    lines.extend(_pages(inputs, verbose))
    return lines


def _covers(inputs: list[Input], verbose: bool) -> list[str]:
    tally: dict[str, Counter] = defaultdict(Counter)
    wrong = []
    for inp in inputs:
        if not inp.cover:
            continue
        doc = (inp.docs or [{}])[0] or {}
        t = tally[inp.route.split(":")[0]]
        t["inputs"] += 1
        ok = True
        for fact in ("published", "agency"):
            want = inp.cover.get(fact)
            got = doc.get(fact)
            right = squash(got) == squash(want)
            t[fact] += right
            ok &= right
            if not right:
                wrong.append(f"   {inp.name}: {fact} {got!r} (raw {doc.get(fact + '_raw')!r}), want {want!r}")
        t["both"] += ok
    if not tally:
        return ["4. cover facts: no input of a table with a cover"]
    out = ["4. cover facts (公表日 / 評価実施機関名 / both right; bar: every one):"]
    for k, t in sorted(tally.items()):
        out.append(
            f"     {k:8s} {_pct(t['published'], t['inputs'])} / {_pct(t['agency'], t['inputs'])}"
            f" / {_pct(t['both'], t['inputs'])}"
        )
    if verbose:
        out.extend(wrong)
    return out


def _pages(inputs: list[Input], verbose: bool) -> list[str]:
    ref = _pdf_pages(inputs)
    tally: dict[str, Counter] = defaultdict(Counter)
    wrong = []
    for inp in inputs:
        if not inp.route.startswith("text") or inp.records is None:
            continue
        want_pages = inp.truth_pages if inp.truth_pages is not None else ref.get(inp.table)
        if not want_pages:
            continue
        t = tally[inp.route]
        for i, j in inp.pairs:
            want = want_pages[j]
            if want is None:
                continue
            r = inp.records[i]
            got = (r.get("page_start"), r.get("page_end"))
            t["rows"] += 1
            t["right"] += got == want
            if got != want:
                wrong.append(f"   {inp.name} row {i}: pages {got}, want {want}")
    total = sum(tally.values(), Counter())
    out = [f"5. pages of text inputs' rows as the PDF prints them: {_pct(total['right'], total['rows'])}"]
    out.extend(f"     {k:28s} {_pct(t['right'], t['rows'])}" for k, t in sorted(tally.items()))
    if verbose:
        out.extend(wrong)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("which", choices=("xviii", "xvii", "samples"))
    ap.add_argument("out", type=Path, help="the OUT folder (samples: where their records are kept)")
    ap.add_argument("sets", nargs="*", type=Path, help="sample sets (samples only)")
    ap.add_argument("--only", help="regular expression: only inputs whose name matches")
    ap.add_argument(
        "--key", choices=tuple(KEY_PARTS), default="full", help="what a key is made of, across tables"
    )
    ap.add_argument("-v", "--verbose", action="store_true")
    ns = ap.parse_args(argv)
    global _key_parts
    _key_parts = KEY_PARTS[ns.key]
    if ns.which == "xviii":
        inputs = xviii_inputs(ns.out)
    elif ns.which == "xvii":
        inputs = xvii_inputs(ns.out)
    else:
        inputs = sample_inputs(ns.out, ns.sets)
    if ns.only:
        inputs = [i for i in inputs if re.search(ns.only, i.name)]
    missing = sum(i.records is None for i in inputs)
    print(f"{ns.which} {ns.out}: {len(inputs)} inputs ({missing} without records)")
    print("\n".join(measure(inputs, ns.verbose)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
