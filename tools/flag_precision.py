"""Flag precision on a private set: which flags fire on right rows, which on wrong (issue 12).

    python tools/flag_precision.py /work/newuser50 OUT_lead50            # one set's run
    python tools/flag_precision.py /work/newuser50 OUT_lead50 --rows unwarned   # + the unwarned wrong rows
    python tools/flag_precision.py SET OUT --json figures.json

A set is a folder of a new user's (``score.py``, ``truth/``, ``inputs/``, ``OUT_*/``, as written by
its ``run.sh``).  Nothing of the set is copied here: its own ``score.py`` is imported and its own
row alignment and cell equality are used, so a row is right or wrong exactly as the set's scorer
says.  Five scorer shapes are known (sets IX-XII, XXXI): ``cell_eq`` + ``align(truth, out)`` (XII),
``cells_equal`` + ``align(T, R)`` with ``inputs/manifest.json`` (XI), ``align(truth, out)`` with
whitespace-free equality (IX), ``cellmatch`` + ``align(out, truth)`` (X), and ``score_input``
returning each row's verdict (XXXI).

Printed: per flag (``truncated:*`` folded into ``truncated``) and per input kind, the right and the
wrong rows it fires on, and how often it is the only warning of a right row (the rows a narrower
condition would make quiet); the reliability table (confidence bins against the share of rows
right) per kind; wrong and right rows warned by issue 12's definition (a flag other than the
informational ones, or confidence < 0.5), with and without ``item_key_fuzzy`` counted.  Output rows
matched to no truth row are wrong rows (as in the scorers).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

SIX = ("change_date_raw", "item", "before", "after", "timing", "explanation")
# The flags the scorers (and tools/bench_calibration.py) do not count as a warning.
SCORER_INFORMATIONAL = frozenset({"ocr", "ocr_corrected", "row_continued", "merged_cell_filled"})
README_INFORMATIONAL = SCORER_INFORMATIONAL | {"item_key_fuzzy"}
WARN_BELOW = 0.5
BINS = (0.0, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 1.0001)
_WS = re.compile(r"\s+")


@dataclass
class Row:
    """One output row (or one lost truth row: ``lost``) of one input, judged by the set's scorer."""

    name: str
    kind: str
    right: bool
    lost: bool
    flags: list[str]
    confidence: float
    wrong_fields: list[str]
    got: dict
    truth: dict | None


def _load_scorer(set_dir: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"scorer_{set_dir.name}", set_dir / "score.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    saved = sys.argv
    sys.argv = [str(set_dir / "score.py")]  # X's scorer reads --lenient at import
    try:
        spec.loader.exec_module(mod)
    finally:
        sys.argv = saved
    return mod


def _ws(s: object) -> str:
    return _WS.sub("", "" if s is None else str(s))


def _inputs(set_dir: Path, out_dir: Path, sc: ModuleType) -> list[tuple[str, str, list[dict]]]:
    """(input name, kind, truth rows) for every input the run wrote an exit code for."""
    truth_dir = set_dir / "truth"
    manifest = set_dir / "inputs" / "manifest.json"
    names = sorted(p.name[:-3] for p in out_dir.glob("*.rc"))
    got = []
    if manifest.exists():
        man = json.loads(manifest.read_text(encoding="utf-8"))
        for n in names:
            if n in man:
                info = man[n]
                got.append(
                    (n, info["kind"], json.loads((truth_dir / info["truth"]).read_text(encoding="utf-8")))
                )
        return got
    for n in names:
        table = sc.table_of(n) if hasattr(sc, "table_of") else n.split(".")[0]
        got.append((n, sc.kind_of(n), json.loads((truth_dir / f"{table}.json").read_text(encoding="utf-8"))))
    return got


def _pairs_and_eq(sc: ModuleType, truth: list[dict], out: list[dict]):
    """[(truth index, output index)] by the scorer's own alignment, and its cell equality."""
    if hasattr(sc, "cellmatch"):  # X: align(out, truth) -> (oi, ti)
        return [(t, o) for o, t in sc.align(out, truth)], lambda t, o: sc.cellmatch(o, t)
    if hasattr(sc, "cell_eq"):  # XII
        return sc.align(truth, out), sc.cell_eq
    if hasattr(sc, "cells_equal"):  # XI
        return sc.align(truth, out), sc.cells_equal
    return sc.align(truth, out), lambda t, o: [_ws(t[f]) == _ws(o.get(f)) for f in SIX]  # IX


def _judge_by_detail(sc: ModuleType, out_dir: Path) -> list[Row]:
    """Rows as a scorer with ``score_input(folder, name) -> (figures, detail)`` judges them (XXXI):
    detail is ``(tag, out row, truth row, wrong fields)`` with tag OK / WRONG / EXTRA / MISSING."""
    rows: list[Row] = []
    for name in sorted(p.name[:-3] for p in out_dir.glob("*.rc")):
        _, detail = sc.score_input(str(out_dir), name)
        for tag, o, t, bad in detail:
            lost = tag == "MISSING"
            wrong = list(SIX) if tag in ("EXTRA", "MISSING") else list(bad)
            flags = [] if lost else list(o.get("flags") or [])
            conf = 0.0 if lost else float(o.get("confidence", 1.0))
            rows.append(Row(name, sc.kind_of(name), tag == "OK", lost, flags, conf, wrong, o or {}, t))
    return rows


def judge(set_dir: Path, out_dir: Path) -> list[Row]:
    """Every output row of the run, right or wrong, plus one ``lost`` row per unmatched truth row."""
    sc = _load_scorer(set_dir)
    if hasattr(sc, "score_input") and hasattr(sc, "cell_ok"):
        return _judge_by_detail(sc, out_dir)
    rows: list[Row] = []
    for name, kind, truth in _inputs(set_dir, out_dir, sc):
        try:
            out = json.loads((out_dir / f"{name}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            out = []
        pairs, eq = _pairs_and_eq(sc, truth, out) if out else ([], None)
        by_out = {o: t for t, o in pairs}
        for j, o in enumerate(out):
            t = by_out.get(j)
            cells = eq(truth[t], o) if t is not None else [False] * 6
            wrong = [f for f, ok in zip(SIX, cells, strict=True) if not ok]
            rows.append(
                Row(
                    name,
                    kind,
                    t is not None and not wrong,
                    False,
                    list(o.get("flags") or []),
                    float(o.get("confidence", 1.0)),
                    wrong,
                    o,
                    truth[t] if t is not None else None,
                )
            )
        for i in set(range(len(truth))) - {t for t, _ in pairs}:
            rows.append(Row(name, kind, False, True, [], 0.0, list(SIX), {}, truth[i]))
    return rows


def warning_flags(flags: list[str], informational: frozenset[str]) -> list[str]:
    return [f for f in flags if f not in informational and not f.startswith("truncated:")]


def warned(r: Row, informational: frozenset[str]) -> bool:
    return bool(warning_flags(r.flags, informational)) or r.confidence < WARN_BELOW


def _flag_name(f: str) -> str:
    return "truncated" if f.startswith("truncated:") else f


def flag_table(rows: list[Row]) -> dict[str, dict[str, Counter]]:
    """flag -> kind ('all' too) -> Counter(right, wrong, sole_right, sole_wrong)."""
    tab: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    for r in rows:
        if r.lost:
            continue
        warn = warning_flags(r.flags, README_INFORMATIONAL)
        for f in sorted({_flag_name(f) for f in r.flags}):
            sole = warn == [f] or (f == "item_key_fuzzy" and not warn)
            for k in (r.kind, "all"):
                c = tab[f][k]
                c["right" if r.right else "wrong"] += 1
                if sole:
                    c["sole_right" if r.right else "sole_wrong"] += 1
    return tab


def reliability(rows: list[Row]) -> dict[str, list[tuple[str, int, int]]]:
    """kind ('all' too) -> [(bin, rows, right rows)] over the output rows."""
    rel: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        if r.lost:
            continue
        b = next(i for i in range(len(BINS) - 1) if r.confidence < BINS[i + 1])
        for k in (r.kind, "all"):
            rel[k][(b, "n")] += 1
            rel[k][(b, "ok")] += r.right
    return {
        k: [
            (f"{BINS[b]:.2f}-{min(BINS[b + 1], 1.0):.2f}", c[(b, "n")], c[(b, "ok")])
            for b in range(len(BINS) - 1)
            if c[(b, "n")]
        ]
        for k, c in rel.items()
    }


def summary(rows: list[Row]) -> dict[str, dict[str, int]]:
    """kind ('all' too) -> right, right warned, wrong, wrong warned (scorer's and README's definition)."""
    s: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        if r.lost:
            continue
        for k in (r.kind, "all"):
            c = s[k]
            side = "right" if r.right else "wrong"
            c[side] += 1
            c[side + "_warned"] += warned(r, SCORER_INFORMATIONAL)
            c[side + "_warned_readme"] += warned(r, README_INFORMATIONAL)
    return {k: dict(v) for k, v in s.items()}


def _pct(x: int, y: int) -> str:
    return f"{100.0 * x / y:5.1f}%" if y else "   - "


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("set_dir", type=Path)
    ap.add_argument("out", help="the run's output folder (relative to the set, or a path)")
    ap.add_argument("--rows", choices=("unwarned", "wrong", "none"), default="none")
    ap.add_argument("--json", type=Path)
    a = ap.parse_args(argv)
    out_dir = Path(a.out) if os.path.isabs(a.out) else a.set_dir / a.out
    rows = judge(a.set_dir, out_dir)
    summ = summary(rows)
    kinds = sorted(k for k in summ if k != "all") + ["all"]
    print(
        f"{a.set_dir} {a.out}: wrong warned / wrong, right warned / right (scorer's warning; README's, "
        "item_key_fuzzy informational)"
    )
    for k in kinds:
        c = summ[k]
        print(
            f"  {k:18} wrong {c.get('wrong_warned', 0):4}/{c.get('wrong', 0):<4} right "
            f"{c.get('right_warned', 0):4}/{c.get('right', 0):<4} "
            f"{_pct(c.get('right_warned', 0), c.get('right', 0))}"
            f" | README: wrong {c.get('wrong_warned_readme', 0):4} right {c.get('right_warned_readme', 0):4}"
        )
    tab = flag_table(rows)
    print("\nflag: fires on right / wrong rows (sole warning: right / wrong), all kinds then per kind")
    for f in sorted(tab, key=lambda f: -sum(tab[f]["all"].values())):
        c = tab[f]["all"]
        per = ", ".join(
            f"{k} {tab[f][k]['right']}/{tab[f][k]['wrong']}" for k in sorted(tab[f]) if k != "all"
        )
        print(f"  {f:32} {c['right']:4}/{c['wrong']:<4} (sole {c['sole_right']}/{c['sole_wrong']})  {per}")
    print("\nreliability: confidence bin: rows, share right")
    for k, bins in sorted(reliability(rows).items(), key=lambda kv: (kv[0] == "all", kv[0])):
        print(f"  {k:18} " + "  ".join(f"[{b}] {n} {_pct(ok, n).strip()}" for b, n, ok in bins))
    if a.rows != "none":
        print(f"\n{a.rows} wrong rows")
        for r in rows:
            if r.right or r.lost or (a.rows == "unwarned" and warned(r, SCORER_INFORMATIONAL)):
                continue
            print(
                f"  {r.name} [{r.kind}] conf {r.confidence:.2f} flags {','.join(r.flags) or '-'} "
                f"wrong {','.join(r.wrong_fields)}"
            )
            for f in r.wrong_fields:
                t = (r.truth or {}).get(f)
                print(f"      {f}: truth {t!r:.90}\n      {' ' * len(f)}  got   {r.got.get(f)!r:.90}")
    if a.json:
        a.json.write_text(
            json.dumps(
                {
                    "summary": summ,
                    "flags": {f: {k: dict(c) for k, c in v.items()} for f, v in tab.items()},
                    "reliability": reliability(rows),
                },
                ensure_ascii=False,
                indent=1,
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
