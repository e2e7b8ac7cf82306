"""Writer tables whose cells carry group ruby (furigana) over words of kanji and okurigana
(``漏えい`` ろうえい, ``取り扱い`` とりあつかい) as well as over kanji words, with the texts of eleven
extractors (``make_office_samples.TEN_TEXTS`` and PyMuPDF's sorted text) (branch glue73).

    python tools/make_okurigana73_samples.py                                # both sets
    python tools/make_okurigana73_samples.py --set office-glue73       # or heldout-glue73

Set XXXIV's n11 (Word ``w:ruby`` over ``漏えい``) read ``特定個人情報のろうえい\\n漏えいその他…`` into
every text's cell, unwarned: the text rules read kanji-only words only.  Each case is a Writer
table (``make_office_samples.plain_case``) of rows drawn from the pool whose cells hold such
words, with ruby over one word of some cells (``make_ruby66_samples.add_docx_ruby``),
okurigana words first.  Some cells get a line of their own that is kana only and the cell's own
text (``なし``, ``あり``, ``ございません``): readings must go, those stay.  The truth is the table
without ruby.  ``office-glue73`` (tuning) and ``heldout-glue73`` (measure only, never
tune on it) draw rows, sizes and seeds of their own.
"""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Iterator
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as mos
import make_ruby66_samples as r66

SETS = {"office-glue73": False, "heldout-glue73": True}
TEXTS = (*mos.TEN_TEXTS, "pymupdf-sort")
TUNING_CASES, HELDOUT_CASES = 4, 3
ROWS = (7, 10)
RUBY_CELL_SHARE = 0.15
# Kana-only lines that are a cell's own text (never ruby): a cell gets one as its last line.
OWN_KANA = ("なし", "あり", "ございません", "とくになし")
OWN_KANA_SHARE = 0.15
_OKURIGANA = re.compile(r"^(?=.*[\u4e00-\u9fff々])(?=.*[ぁ-ゖ])[\u4e00-\u9fff々ぁ-ゖ]{2,}$")
# Words of kanji and okurigana a cell may be given when the pool's rows hold too few (appended to
# an explanation as a clause of its own).
EXTRA_CLAUSES = (
    "特定個人情報の漏えいその他の事態を発生させるリスクに変動はない。",
    "取り扱いの見直しに伴う修正。",
    "申し込みの受け付け方法の変更。",
    "届け出の取り扱いを改める。",
    "引き続き適切に取り扱う。",
)


def okurigana_words(text: str) -> list[tuple[str, str]]:
    """(word, reading in hiragana) of each SudachiPy word of ``text`` of kanji and okurigana whose
    kanji read at least two kana (``漏えい`` ろうえい; not ``子ども``)."""
    if r66._TOK is None:
        r66._TOK = r66._tokenizer()
    out = []
    for m in r66._TOK.tokenize(text):
        s, r = m.surface(), r66._hira(m.reading_form())
        kana = sum(1 for c in s if "ぁ" <= c <= "ゖ")
        if _OKURIGANA.match(s) and re.fullmatch(r"[ぁ-ゖー]+", r) and len(r) - kana >= 2 and len(r) >= 4:
            out.append((s, r))
    return out


def plan(rows: list[dict], rng: random.Random) -> dict[tuple[int, str], list[tuple[str, list]]]:
    """{(row, field): [(word, [(word, reading)])]}: group ruby over one word of a cell: its first
    okurigana word, else (in ``RUBY_CELL_SHARE`` of the cells) one of its kanji words."""
    out: dict[tuple[int, str], list[tuple[str, list]]] = {}
    for i, r in enumerate(rows):
        for f in r66.RUBY_FIELDS:
            oku = list(dict.fromkeys(okurigana_words(r[f])))
            kan = list(dict.fromkeys(r66.kanji_words(r[f])))
            if not oku and (not kan or rng.random() >= RUBY_CELL_SHARE):
                continue
            w, rd = oku[0] if oku else rng.choice(kan)
            out[(i, f)] = [(w, [(w, rd)])]
    return out


def _rows(heldout: bool, k: int, rng: random.Random) -> list[dict]:
    """Rows of one case: drawn from the pool of one of the four tables, each explanation given
    an okurigana clause now and then, some cells a kana-only line of their own."""
    tables = mos._four_tables(heldout)
    pool = mos._printable(mos.load_table(tables[k % len(tables)][1]))
    n = min(rng.randint(*ROWS), len(pool))
    first = rng.randrange(max(len(pool) - n, 0) + 1)
    rows = [dict(r) for r in pool[first : first + n]]
    for r in rows:
        if rng.random() < 0.5:
            head = r["explanation"] + "\n" if r["explanation"] else ""
            r["explanation"] = head + rng.choice(EXTRA_CLAUSES)
        if rng.random() < OWN_KANA_SHARE and r["after"]:
            r["after"] = r["after"] + "\n" + rng.choice(OWN_KANA)
        if not r["before"] and rng.random() < 0.5:
            r["before"] = "なし"
    return rows


def _cases(work: Path, heldout: bool) -> Iterator[mos.SetCase]:
    """Each case's PDF (Writer, made in ``work``), truth and ``cases.json`` entry."""
    mos.stream_text = r66.base_page_texts  # the truth's pages: ruby left out
    for k in range(HELDOUT_CASES if heldout else TUNING_CASES):
        name = f"{'h' if heldout else ''}ok73-writer-{k}"
        rng = random.Random(f"piatable-okurigana73-{name}")
        case = mos.plain_case(name, _rows(heldout, k, rng), "writer", heldout=heldout)
        ruby = plan(case.rows, rng)
        share = rng.choice((0.5, 0.55) if heldout else (0.5, 0.6))
        src = work / f"{name}.docx"
        mos.write_docx(src, case)
        r66.add_docx_ruby(src, case, ruby, share)
        mos.convert([src], work)
        pdf = work / f"{name}.pdf"
        expected = mos.expected_records(pdf, case)
        entry = mos.settings_of(case) | {
            "program": "LibreOffice Writer (.docx with w:ruby)",
            "ruby_size": share,
            "ruby_words": sum(len(w) for w in ruby.values()),
            "readings": r66._readings(ruby),
            "rows": len(expected),
        }
        yield name, pdf, expected, entry


README = (
    "# {name}\n\nWriter tables with group ruby over words of kanji and okurigana (漏えい) and kanji "
    "words, the texts of " + ", ".join(TEXTS) + " (tools/make_okurigana73_samples.py). The truth is "
    "the table without ruby. office-glue73: tuning; heldout-glue73: held out, measure on it, never "
    "tune on it.\n"
)


def main(argv: list[str] | None = None) -> int:
    return mos.made_sets_main(argv, __doc__, SETS, partial(_cases), TEXTS, README)


if __name__ == "__main__":
    raise SystemExit(main())
