"""Amendment tables whose rows under cells merged over several rows meet a page break (issues
11 / 12, pagecarry50): a new row at the top of a page under a merged 変更日 / 項目 / 提出時期 was
taken as the rest of the row above it (a row lost with no warning, a new user's report).

    python tools/make_pagecarry50_samples.py                          # both sets
    python tools/make_pagecarry50_samples.py --set office-pagecarry50  # or heldout-pagecarry50

Kinds (``KINDS``), each a run of a pool's rows in a look ``make_office_samples.plain_case``
draws, with a group of ``GROUP_ROWS`` rows sharing the cells ``merge_keys`` names (their values
made equal, so the truth gives every covered row the merged text):

- ``w-dit`` / ``w-dite`` / ``w-di`` / ``w-i``: Writer, 変更日 + 項目 + 提出時期 (+ 説明) / 変更日 +
  項目 / 項目 alone merged over the group, the page break falling before the group's last row
  (the number of rows before the group is searched for such a break, ``WRITER_LEADS``);
- ``c-di`` / ``c-di4``: Calc, 変更日 + 項目 merged and centred over the group (of four rows in
  ``c-di4``, two on each side), a manual page break inside it;
- ``c-et``: Calc, the rows after a manual page break with empty 提出時期 cells (the row before
  the break has one).

``office-pagecarry50`` (tuning) draws from the tuning tables' rows; ``heldout-pagecarry50``
(measure only, never tune on it) from the held-out tables' rows, in the held-out fonts.  PDFs
only (the text readers are not this kind's subject).
"""

from __future__ import annotations

import random
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
from make_boxes42_samples import _pool
from make_flow22_samples import build_redrawn, split_sets
from make_office_samples import Case

# Rows a merged group covers.
GROUP_ROWS = 3
# kind → (maker, merged keys).
KINDS = {
    "w-dit": ("writer", ("change_date_raw", "item", "timing")),
    "w-dite": ("writer", ("change_date_raw", "item", "timing", "explanation")),
    "w-di": ("writer", ("change_date_raw", "item")),
    "w-i": ("writer", ("item",)),
    "c-di": ("calc", ("change_date_raw", "item")),
    "c-di4": ("calc", ("change_date_raw", "item")),
    "c-et": ("calc", ()),
}
TUNING_KINDS = ("w-dit", "w-dite", "w-di", "w-i", "c-di", "c-di4", "c-et")
HELDOUT_KINDS = ("w-dit", "w-di", "w-i", "c-di", "c-di4", "c-et")
# Writer: how many of the pool's rows may stand before the group (searched for a page break
# before the group's last row).
WRITER_LEADS = range(2, 22)
# Calc: rows per page (a manual break every N rows) and rows after the group.
CALC_ROWS_PER_PAGE = (3, 4)
TAIL_ROWS = 2


def _group(rows: list[dict], at: int, keys: tuple[str, ...], size: int = GROUP_ROWS) -> list[dict]:
    """``rows`` with the ``size`` rows from ``at`` sharing the first one's ``keys`` (and
    its change_date with its date), the rows around them keeping other values."""
    out = [dict(r) for r in rows]
    head = out[at]
    for r in out[at + 1 : at + size]:
        for k in keys:
            r[k] = head[k]
        if "change_date_raw" in keys:
            r["change_date"] = head["change_date"]
    return out


def _look(name: str, rows: list[dict], maker: str, heldout: bool) -> Case:
    c = office.plain_case(name, rows, maker, heldout=heldout)
    return replace(c, rows=rows, texts=False, rows_per_page=None, merge=False, fallback_glyphs="○□")


def _writer_case(name: str, pool: list[dict], keys: tuple[str, ...], heldout: bool, lead: int) -> Case:
    """The case ``name`` with ``lead`` rows before its group (its look and rows drawn by the
    name alone, so that the leads differ only in where the page break falls)."""
    rng = random.Random(f"piatable-pagecarry50-{name}")
    n = max(WRITER_LEADS) + GROUP_ROWS + TAIL_ROWS
    start = rng.randrange(len(pool) - n)
    style, valign = rng.choice(office.DATE_STYLES), rng.choice(("top", "center"))
    rows = office.printed_rows(pool[start : start + lead + GROUP_ROWS + TAIL_ROWS], style)
    rows = _group(rows, lead, keys)
    c = _look(name, rows, "writer", heldout)
    return replace(c, merge=True, merge_keys=keys, valign=valign)


def _calc_case(name: str, pool: list[dict], kind: str, heldout: bool) -> Case:
    rng = random.Random(f"piatable-pagecarry50-{name}")
    per_page = rng.choice(CALC_ROWS_PER_PAGE)
    n = 2 * per_page + TAIL_ROWS
    start = rng.randrange(len(pool) - n)
    rows = office.printed_rows(pool[start : start + n], rng.choice(office.DATE_STYLES))
    if kind in ("c-di", "c-di4"):
        # The group opens two rows above the break: one row of it on the next page (c-di) or
        # two (c-di4, its centre at the break).
        rows = _group(rows, per_page - 2, KINDS[kind][1], GROUP_ROWS + (kind == "c-di4"))
        c = _look(name, rows, "calc", heldout)
        return replace(
            c,
            merge=True,
            merge_keys=KINDS[kind][1],
            merge_over_breaks=True,
            rows_per_page=per_page,
            valign="center",
        )
    # c-et: the rows after the first break print no 提出時期.
    rows[per_page - 1]["timing"] = rows[per_page - 1]["timing"] or "事後"
    for r in rows[per_page : 2 * per_page]:
        r["timing"] = ""
    c = _look(name, rows, "calc", heldout)
    return replace(c, rows_per_page=per_page, valign=rng.choice(("top", "center")))


def _break_before_last(pdf: Path, case: Case, at: int) -> bool:
    """True when the PDF prints the group's last row (from ``at``) on a later page than the
    row before it: its 変更前 text starts on the next page, the row before ends on its page."""
    pages = office.stream_text(pdf)

    def page_of(text: str) -> int | None:
        want = office.squash(text)[:12]
        found = [k for k, p in enumerate(pages) if want and want in p]
        return found[0] if len(found) == 1 else None

    last, before = case.rows[at + GROUP_ROWS - 1], case.rows[at + GROUP_ROWS - 2]
    a = page_of(before["before"] or before["after"])
    b, c = page_of(last["before"] or last["after"]), page_of((last["before"] or last["after"])[-12:])
    return a is not None and b is not None and b == a + 1 and c == b


def _writer_search(name: str, pool: list[dict], keys: tuple[str, ...], heldout: bool) -> Case:
    """The first case of ``name`` (rows before the group from ``WRITER_LEADS``) whose page
    break falls before the group's last row."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        cases = [
            replace(_writer_case(name, pool, keys, heldout, lead), name=f"{name}-{lead}")
            for lead in WRITER_LEADS
        ]
        for c in cases:
            office.write_docx(work / f"{c.name}.docx", c)
        office.convert([work / f"{c.name}.docx" for c in cases], work)
        for lead, c in zip(WRITER_LEADS, cases, strict=True):
            if _break_before_last(work / f"{c.name}.pdf", c, lead):
                return replace(c, name=name)
    raise SystemExit(f"{name}: no page break before the group's last row")


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    """One case per kind, named ``[h]pc50-<kind>``."""
    pool = _pool(heldout)
    out = []
    for kind in HELDOUT_KINDS if heldout else TUNING_KINDS:
        name = f"{'h' if heldout else ''}pc50-{kind}"
        maker, keys = KINDS[kind]
        if name in redrawn:
            name += "-r"
        if maker == "writer":
            out.append(_writer_search(name, pool, keys, heldout))
        else:
            out.append(_calc_case(name, pool, kind, heldout))
    return out


SETS = split_sets("pagecarry50", _cases)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
