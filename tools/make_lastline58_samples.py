"""Explanations whose last wrapped line is a lone word of the column labels (提出, 時期, 説明, 変更,
事前, 事後), printed by LibreOffice Calc and Writer and read by nine extractors (issues 10 / 12,
branch lastline58, set XIX kind 1).

    python tools/make_lastline58_samples.py                            # both sets
    python tools/make_lastline58_samples.py --set office-lastline58    # or heldout-lastline58

A cell wraps at any character, so an explanation such as ``…重要な変更に当たるため事前に提出``
printed in a narrow 説明 column may end on a line ``提出`` alone: a word that is also a piece of the
label 提出時期 (set XIX's t03 Writer, t04 Chromium and t08 Calc lost it in 10 inputs).  Each case is
a run of a pool table's rows (``make_office_samples.plain_case``: font, size, widths, date style);
a probe render measures how many characters a line of the case's 説明 column holds (``W``), and
three rows in four then get, as their explanation's last paragraph, a closing sentence ending in
one of ``TAIL_WORDS`` with a lead-in cut so that the paragraph's length is a whole number of
lines plus the word (its last line: the word alone), no line opening with a character kinsoku
would move.  The fourth row keeps the table's own explanation.  The truth is each row's six
fields; ``cases.json`` says, per case, how many rows print the word alone on their last line
(``lone_tails``, counted in the PDF with pdfplumber).  ``office-lastline58`` (tuning) draws from
the tuning tables; ``heldout-lastline58`` (measure only, never tune on it) from the held-out
tables, in their fonts and sizes.  Each case keeps its PDF and ``TEXTS`` (form-feed and ``+nl``).
"""

from __future__ import annotations

import math
import random
import shutil
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as mos

SETS = ("office-lastline58", "heldout-lastline58")
TEXTS = (
    "pdftotext-layout",
    "pdftotext-layout+nl",
    "pdftotext-raw",
    "pdfplumber-layout+nl",
    "pdfplumber+nl",
    "pypdf-layout+nl",
    "pymupdf-sort+nl",
    "pypdfium2+nl",
)
# The closing sentences and the label word each ends in.
TAIL_WORDS = {
    "提出": "重要な変更に当たるため事前に提出",
    "時期": "しきい値判断の結果を踏まえ評価の実施時期",
    "説明": "変更の内容は別紙において説明",
    "変更": "対象人数の増加に伴う記載の変更",
    "事前": "重要な変更に当たるため評価書の提出は事前",
    "事後": "重要な変更に当たらないため提出は事後",
}
# Whole clauses put in front of a closing sentence (full-width text only), as many as make the
# paragraph's length: any length from 2 on is a sum of them.
LEAD_CLAUSES = (
    "なお",
    "また",
    "併せて",
    "庁内協議の上",
    "記載を整理し",
    "表現を改め",
    "所管課と調整の上",
    "条文の移動に合わせ",
    "前回の評価以降の状況を踏まえ",
    "特に",
)
# Characters a line may not open with (kinsoku) and may not end with.
NOT_AT_START = frozenset("、。，．）」』】ー々ぁぃぅぇぉっゃゅょァィゥェォッャュョ・：；？！")
NOT_AT_END = frozenset("（「『【")
PROBE = "あ" * 60
KEEP_EVERY = 4  # every fourth row keeps its own explanation (a control)
PAGE_ROWS = 3  # Calc: rows a page
# (set, maker, tables, rows) per case.
CASES = {
    "office-lastline58": (
        ("ll58-calc-a", "calc", ("juki", "kokuho"), 8),
        ("ll58-writer-a", "writer", ("seed",), 8),
        ("ll58-calc-b", "calc", ("seed", "juki"), 8),
    ),
    "heldout-lastline58": (
        ("hl58-calc-a", "calc", ("kaigo_hoken", "koseki_fuhyo"), 8),
        ("hl58-writer-a", "writer", ("jidou_teate", "yobou_sesshu"), 8),
        ("hl58-writer-b", "writer", ("koseki_fuhyo",), 7),
    ),
}


def _table(names: tuple[str, ...], heldout: bool) -> list[dict]:
    """The printable rows of the named pool tables, one after another."""
    paths = [mos.HELDOUT_DIR / f"{n}.json" if heldout else mos.TUNING_TABLES[n] for n in names]
    return [r for p in paths for r in mos._printable(mos.load_table(p))]


def _fits(par: str, width: int) -> bool:
    """Whether no line of ``par`` wrapped every ``width`` characters opens or ends where kinsoku
    would move a character."""
    return all(
        par[k] not in NOT_AT_START and par[k - 1] not in NOT_AT_END for k in range(width, len(par), width)
    )


def _leads(need: int, rng: random.Random) -> list[str]:
    """Orders of ``LEAD_CLAUSES`` (each clause once at most, joined by ``、``, the last one
    followed by ``、`` or not) whose length is ``need``, shuffled by ``rng``; [] when none is."""
    found: list[str] = []
    clauses = list(LEAD_CLAUSES)
    for mask in range(1, 1 << len(clauses)):
        chosen = [c for b, c in enumerate(clauses) if mask >> b & 1]
        rng.shuffle(chosen)
        for end in ("、", ""):  # the last clause followed by 、 or run on into the sentence
            if sum(map(len, chosen)) + len(chosen) - 1 + len(end) == need:
                found.append("、".join(chosen) + end)
    rng.shuffle(found)
    return found


def tail_paragraph(word: str, width: int, lines: int, rng: random.Random) -> str:
    """A closing paragraph ending in ``word``: whole lines of ``width`` characters and the word
    alone on a last line (at least ``lines`` full lines), whole clauses of ``LEAD_CLAUSES`` in
    front of ``TAIL_WORDS[word]``, none of its line breaks where kinsoku would move a character."""
    tail = TAIL_WORDS[word]
    lines = max(lines, math.ceil((len(tail) - len(word)) / width))
    for more in range(8):
        need = (lines + more) * width + len(word) - len(tail)
        for lead in _leads(need, rng) if need > 0 else [""]:
            if _fits(lead + tail, width):
                return lead + tail
    raise ValueError(f"no lead-in fits a column of {width} characters before {tail}")


def _probe_width(pdf: Path) -> tuple[int, float]:
    """(the characters of the probe's longest line: how many the 説明 column holds, the x of the
    column's text in points)."""
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        tops: dict[float, int] = {}
        left = math.inf
        for page in doc.pages:
            for ch in page.chars:
                if ch["text"] == "あ":
                    key = round(ch["top"], 0)
                    tops[key] = tops.get(key, 0) + 1
                    left = min(left, ch["x0"])
    return max(tops.values()), left


def lone_tails(pdf: Path, rows: list[dict], left: float) -> int:
    """Rows of ``rows`` whose explanation's last word stands alone on a line of ``pdf`` (pdfplumber
    words split at line ends)."""
    import pdfplumber

    words = set()
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            lines: dict[float, list[str]] = {}
            for ch in page.chars:
                if ch["x0"] >= left - 1:
                    lines.setdefault(round(ch["top"], 0), []).append(ch["text"])
            words.update("".join(t).strip() for t in lines.values())
    return sum(any(r["explanation"].endswith(w) and w in words for w in TAIL_WORDS) for r in rows)


# Case name → the x (points) where its 説明 column's text starts (measured by the probe).
lefts: dict[str, float] = {}


def cases(name: str, work: Path) -> list[mos.Case]:
    """The set's cases, their explanations fitted to the widths a probe render measured."""
    heldout = name.startswith("heldout")
    made = []
    for case_name, maker, tables, n in CASES[name]:
        rng = random.Random(f"piatable-lastline58-{case_name}")
        table = _table(tables, heldout)
        first = rng.randrange(max(1, len(table) - n))
        case = mos.plain_case(case_name, table[first : first + n], maker, heldout)
        # Calc: a page break every three rows under repeated print titles, so that a page's last
        # row's explanation ends right above the next page's label row (-raw, pypdfium2).
        per_page = PAGE_ROWS if maker == "calc" else None
        case = replace(case, merge=False, rows_per_page=per_page, repeat_header=True)
        made.append(case)
    probes = [replace(c, name=f"{c.name}-probe", rows=[{**c.rows[0], "explanation": PROBE}]) for c in made]
    rendered = mos.render(probes, work)
    out = []
    words = list(TAIL_WORDS)
    lefts.clear()
    for case, probe in zip(made, probes, strict=True):
        width, left = _probe_width(rendered[probe.name][1])
        lefts[case.name] = left
        rng = random.Random(f"piatable-lastline58-{case.name}-rows")
        offset = rng.randrange(len(words))
        rows = []
        for i, r in enumerate(case.rows):
            if i % KEEP_EVERY == KEEP_EVERY - 1:
                rows.append(r)
                continue
            head = r["explanation"].split("\n")[0]
            par = tail_paragraph(words[(i + offset) % len(words)], width, rng.choice((1, 2)), rng)
            rows.append({**r, "explanation": f"{head}\n{par}"})
        print(f"{case.name}: 説明 column {width} characters a line", file=sys.stderr)
        # (Calc fits a row's height to its text in its own metrics: a spare line keeps a last
        # line of a paragraph that fills its lines exactly inside the cell.)
        spare = {i: 1 for i in range(len(rows))} if case.maker == "calc" else {}
        out.append(replace(case, rows=rows, extra_spare=spare))
    return out


def build(name: str) -> None:
    """``samples/<name>`` made anew: each case's PDF, texts and truth, and ``cases.json``."""
    root = mos.SAMPLES / name
    with tempfile.TemporaryDirectory() as tmp:
        made_cases = cases(name, Path(tmp))
        made = mos.render(made_cases, Path(tmp))
        if root.exists():
            shutil.rmtree(root)
        manifest: dict = {}
        for case in made_cases:
            _, pdf, expected = made[case.name]
            manifest[case.name] = mos.write_case_with_texts(root, case, pdf, expected, TEXTS)
            manifest[case.name]["lone_tails"] = lone_tails(pdf, case.rows, lefts[case.name])
            print(f"{name}/{case.name}: {len(expected)} rows, {manifest[case.name]}", file=sys.stderr)
    mos.write_manifest(root, manifest)


def main(argv: list[str] | None = None) -> int:
    return mos.build_named(argv, __doc__, SETS, build)


if __name__ == "__main__":
    raise SystemExit(main())
