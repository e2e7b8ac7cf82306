"""Merged 項目 runs inside merged 変更日 blocks, empty 変更前 / 変更後 beside a two-line other
cell, and dates inside a cell's running text, made by LibreOffice Calc (.xlsx merged cells) and
Writer (.docx vMerge), with their row-ordered texts (issues 10 and 12, branch merged62).

    python tools/make_merged62_samples.py                          # both sets
    python tools/make_merged62_samples.py --set office-merged62    # or heldout-merged62

Set XXIII's kinds: a 項目 merged over 2–5 rows inside a 変更日 merged over 10–14 rows (Calc and
Writer) printed once in row-ordered text, so that later rows took their neighbours' 変更前 /
変更後 (10 rows, unwarned); an empty 変更前 (blank, 記載なし, －) beside a two-line 変更後 read as
a before and an after (6); a date inside a cell's text (``令和6年4月1日付の通知により``) taken
for a row's 変更日 (2).  Each case is two or three date blocks of ``BLOCK_ROWS`` rows, each one
date merged over its rows, the block's rows in runs of 1–5 sharing one merged 項目 (``ITEM_RUNS``);
a share of rows (``SHAPES``) get an empty before beside a two-line after, the mirror (a two-line
before beside an empty after or 削除), or a date set inside the after or explanation's text.
The truth (``expected/records.json``) is the six fields of every row, a merged cell's text in
each row it spans.  ``office-merged62`` (tuning) draws from the tuning tables, marks and date
phrases; ``heldout-merged62`` (measure only, never tune on it) from the held-out tables, with
marks, phrases, fonts and widths of its own.  Each case keeps its PDF and the texts of ``TEXTS``.
"""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from flatten import render_date
from make_office_samples import (
    SetCase,
    _four_tables,
    _printable,
    load_table,
    made_sets_main,
    plain_case,
    render,
    settings_of,
)

from piatable.normalize.dates import is_date_line

SETS = {"office-merged62": False, "heldout-merged62": True}
TEXTS = ("pypdfium2", "pdftotext-raw", "pdfplumber", "pypdf+nl")
# Cases: (maker, date blocks), tuning and held out (three each: the committed files stay small).
CASES = {False: (("calc", 2), ("calc", 3), ("writer", 2)), True: (("calc", 3), ("writer", 2), ("writer", 3))}
BLOCK_ROWS = {False: (10, 12), True: (10, 14)}
# A block's rows are cut into runs sharing one merged 項目: lengths drawn from these.
ITEM_RUNS = (1, 2, 2, 3, 4, 5)
# Shares of rows given each shape (the rest stay as the table prints them).
SHAPES = (("empty_before", 0.18), ("empty_after", 0.12), ("date_in_text", 0.12))
# An empty before / after as printed: blank, or a mark.
TUNING_BEFORE_MARKS = ("", "", "記載なし")
HELDOUT_BEFORE_MARKS = ("", "－", "記載なし")
TUNING_AFTER_MARKS = ("", "削除")
HELDOUT_AFTER_MARKS = ("削除", "")
# A date inside running text: (phrase with {d}, where it goes: "after" opens the after cell's
# first paragraph, "explanation" opens the explanation, "inline" follows text on the line).
TUNING_PHRASES = (
    ("{d}付の通知により", "after"),
    ("{d}の条例改正に伴い", "explanation"),
    ("（{d}施行）", "inline"),
)
HELDOUT_PHRASES = (
    ("{d}より", "after"),
    ("{d}付の通知に基づき", "explanation"),
    ("（{d}改正）", "inline"),
    ("{d}に", "after"),
)
# An "after" phrase before a paragraph that opens with a list mark (・生体認証…, ※…, (1)…) ends a
# sentence of its own, a paragraph above the list: 「令和4年7月1日より・生体認証」 is no sentence.
SENTENCE_OF = {
    "{d}より": "{d}より施行。",
    "{d}に": "{d}に改正。",
    "{d}付の通知により": "{d}付の通知により変更。",
}
LIST_MARK = re.compile(r"^[・※○●◆◇■□\-－]|^[（(]?[0-9０-９]+[)）]|^[①-⑳]")
TUNING_IN_TEXT_STYLES = ("wareki", "seireki")
HELDOUT_IN_TEXT_STYLES = ("wareki", "wareki_fw", "seireki")
TUNING_DATE_STYLES = ("slash", "wareki", "short")
HELDOUT_DATE_STYLES = ("wareki", "slash0", "seireki")
# Closing marks, no value's paragraph; a paragraph when a row has too few.
MARKS = re.compile(r"(上記を)?(新規)?追加|削除|新規")
FILLER = "関係部署との連携体制を整備する。"
# Dates the blocks take, one a block, oldest first.
BLOCK_DATES = ("2021-04-01", "2022-10-01", "2023-07-15", "2024-04-01", "2025-01-20")


def _dated_value(row: dict) -> bool:
    """Whether the row's before or after holds a line that is a date alone (``平成28年8月25日``: a
    date item's value), which a row-ordered text reads as a row's 変更日 whatever the merged
    cells around it (another kind than this set's, left out)."""
    return any(is_date_line(p) for key in ("before", "after") for p in row[key].split("\n"))


def _pool(heldout: bool, rng: random.Random) -> list[dict]:
    """The four tables' printable rows without a date alone in the before or after cell
    (``_dated_value``), shuffled."""
    rows = [dict(r) for _, path in _four_tables(heldout) for r in _printable(load_table(path))]
    rows = [r for r in rows if not _dated_value(r)]
    rng.shuffle(rows)
    return rows


def _paragraphs(text: str) -> list[str]:
    """The text's paragraphs but a closing mark (削除, 上記を新規追加: no value's line)."""
    return [p for p in text.split("\n") if p.strip() and not MARKS.fullmatch(p.strip())]


def _two_lines(row: dict, other: dict, key: str) -> str:
    """``row[key]`` as two paragraphs at least: its own, or its first and ``other``'s first."""
    own = _paragraphs(row[key]) or _paragraphs(row["after"] + "\n" + row["before"])
    if len(own) >= 2:
        return "\n".join(own[:3])
    extra = _paragraphs(other["after"] + "\n" + other["before"]) or [FILLER]
    own = own or [FILLER]
    return "\n".join([*own[:1], extra[0] if extra[0] != own[0] else FILLER])


def _shape(row: dict, other: dict, shape: str, rng: random.Random, heldout: bool) -> dict:
    r = dict(row)
    if shape == "empty_before":
        r["before"] = rng.choice(HELDOUT_BEFORE_MARKS if heldout else TUNING_BEFORE_MARKS)
        r["after"] = _two_lines(row, other, "after")
    elif shape == "empty_after":
        r["before"] = _two_lines(row, other, "before")
        r["after"] = rng.choice(HELDOUT_AFTER_MARKS if heldout else TUNING_AFTER_MARKS)
    elif shape == "date_in_text":
        phrase, where = rng.choice(HELDOUT_PHRASES if heldout else TUNING_PHRASES)
        iso = f"{rng.randint(2019, 2024)}-{rng.choice((4, 7, 10)):02d}-01"
        style = rng.choice(HELDOUT_IN_TEXT_STYLES if heldout else TUNING_IN_TEXT_STYLES)
        text = phrase.format(d=render_date(iso, style))
        if where == "explanation":
            r["explanation"] = text + (r["explanation"] or "変更")
        elif where == "after" and LIST_MARK.match(r["after"]):
            r["after"] = SENTENCE_OF.get(phrase, phrase).format(d=render_date(iso, style)) + "\n" + r["after"]
        elif where == "after":
            r["after"] = text + (r["after"] or "変更")
        else:
            paras = _paragraphs(r["after"]) or ["記載を変更"]
            paras[0] = paras[0].rstrip("。") + text + ("。" if paras[0].endswith("。") else "")
            r["after"] = "\n".join(paras)
    return r


def _rows(name: str, blocks: int, heldout: bool) -> list[dict]:
    """The case's truth rows: ``blocks`` date blocks, merged 項目 runs inside each, shaped rows."""
    rng = random.Random(f"piatable-merged62-{name}")
    pool = _pool(heldout, rng)
    styles = HELDOUT_DATE_STYLES if heldout else TUNING_DATE_STYLES
    style = rng.choice(styles)
    dates = sorted(rng.sample(BLOCK_DATES, blocks))
    out: list[dict] = []
    k = 0
    for date in dates:
        n = rng.randint(*BLOCK_ROWS[heldout])
        block: list[dict] = []
        while len(block) < n:
            run = min(rng.choice(ITEM_RUNS), n - len(block))
            item = pool[k % len(pool)]["item"]
            # A run's item differs from the one above (else the two runs print as one cell).
            while (block or out) and item == (block or out)[-1]["item"]:
                k += 1
                item = pool[k % len(pool)]["item"]
            for _ in range(run):
                row = dict(pool[k % len(pool)])
                other = pool[(k + 7) % len(pool)]
                k += 1
                roll, acc = rng.random(), 0.0
                for shape, share in SHAPES:
                    acc += share
                    if roll < acc:
                        row = _shape(row, other, shape, rng, heldout)
                        break
                row["item"] = item
                row["change_date"] = date
                row["change_date_raw"] = render_date(date, style)
                if not (row["before"] or row["after"]):
                    row["after"] = "記載を追加"
                block.append(row)
        out.extend(block)
    return out


def _case(name: str, maker: str, blocks: int, heldout: bool):  # type: ignore[no-untyped-def]
    base = plain_case(name, [], maker, heldout)
    rows = _rows(name, blocks, heldout)
    return replace(
        base,
        rows=rows,
        merge=True,
        merge_keys=("change_date_raw", "item"),
        valign="top",
        valign_of={"change_date_raw": "center", "item": "center"},
        rows_per_page=None,
        real_dates=False,
    )


def _names(heldout: bool) -> list[tuple[str, str, int]]:
    prefix = "hm62" if heldout else "m62"
    return [(f"{prefix}-{maker}-{blocks}b", maker, blocks) for maker, blocks in CASES[heldout]]


README = """# {name}: merged 項目 runs inside merged 変更日 blocks, empty cells, dates in text (merged62)

LibreOffice Calc (.xlsx merged cells) and Writer (.docx vMerge) tables of two or three 変更日
blocks of 10–14 rows, each date merged over its block and centred, the block's rows in runs of
1–5 sharing one merged, centred 項目; some rows with an empty 変更前 (blank or a mark) beside a
two-line 変更後, the mirror (a two-line 変更前 beside an empty or 削除 変更後), or a date inside
the after or explanation's running text.  The truth (`expected/records.json`) is every row's six
fields, a merged cell's text in each row it spans.  Each case is the PDF and 4 row-ordered texts
(`<case>-<extractor>`: pypdfium2 and pdfplumber (pages joined by form feeds), pdftotext -raw,
pypdf (pages joined by line ends, `+nl`)); settings per case in `cases.json`.

`samples/office-merged62` (tuning): the tuning tables, marks 記載なし / 削除, phrases `…付の通知により`.
`samples/heldout-merged62` (held out: measure on it, never tune on it): the held-out tables, marks
－ / 記載なし / 削除, phrases `…より`, `…付の通知に基づき`, `（…改正）`, other fonts and widths.

    python tools/make_merged62_samples.py
    python tools/eval_office.py samples/office-merged62 samples/heldout-merged62 --total
"""


def _cases(work: Path, heldout: bool) -> Iterator[SetCase]:
    """The set's cases made by office software in ``work``: (name, PDF, truth, cases.json entry)."""
    made = [_case(name, maker, blocks, heldout) for name, maker, blocks in _names(heldout)]
    done = render(made, work)
    for case in made:
        _src, pdf, truth = done[case.name]
        pages = max(r["page_end"] for r in truth)
        entry = settings_of(case) | {"rows": len(truth), "pages": pages}
        yield case.name, pdf, truth, entry


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return made_sets_main(argv, __doc__, SETS, _cases, TEXTS, README)


if __name__ == "__main__":
    raise SystemExit(main())
