"""Checks for a flattened-text row whose after cell spilled into the explanation, or moved.

pypdfium2 and ``pdftotext -raw`` print a row's cells one after the other with no positions; the
reader chooses where the after cell stops and the explanation starts.  Where it stops too early,
the after cell's last sentence (or its 上記を新規追加) opens the explanation; where a before cell
is empty, the after value can land in the explanation and the before value in the after cell.
None of these tears a word (``cut_checks.torn_word_doubts`` sees those), so each check looks at
what the text says on both sides of the cut.  Each returns ``column_guess`` doubts:

* ``marker``: a paragraph of the explanation after its first is 上記を新規追加 / 上記を削除,
  the words that close an after cell (``placed_doubts`` sees an explanation opening so);
* ``rejoined``: the after cell's last characters and the explanation's first, put together,
  are a run of the before cell (``…通知対象`` | ``者の情報を抽出し…`` where the before cell reads
  ``…通知対象者の情報を抽出し…``): one sentence cut in two, the after cell being mostly the
  before cell amended;
* ``open sentence``: the last body cell ends open (``flags.ending_open``: a particle, an
  attributive verb, a stem: ``…に係る``, ``…として``) and the explanation's first paragraph is
  a sentence ending with 。 with more paragraphs after it (``リスクを軽減する…確認した。`` /
  ``上記を新規追加``): the rest of the after cell's sentence;
* ``shifted``: the before cell is empty and the explanation's first paragraph, not worded as an
  explanation ends (…に伴う修正, …該当しない), shares at least
  ``quality.shifted_value_share`` of its character pairs with the after cell (``市民部市民課``
  in the after cell, ``市民生活部市民課`` in the explanation): the before and after values each
  read one column to the right.

Two more look at text whose cells were cut by position too (``pdftotext -layout``), where a
wrapped line of one cell can be printed beside the next cell's text:

* ``beside``: the after (or before) cell's first paragraph opens with a piece, a space apart from
  the rest, that the other body cell lacks and that runs on into one of the other cell's lines
  further in the paragraph (after ``○○市本 ○○市総務部…○○市本町一丁目…`` beside a before cell
  whose line reads ``町一丁目…``): the other cell's wrapped piece read into this one;
* ``two dates``: one of before / after is empty and the other holds two dates
  (``平成28年8月25日令和2年11月20日``): both values read into one cell; not a period printed as
  one value (``…から…まで``, ``_period``).

Measured on the ``-raw`` / pypdfium2 rows of every tuning sample (``tools/bench_calibration.py``
and the rows it aligns; see README, issue 12 branch calib13): marker 20 wrong rows (5 warned by
nothing else), rejoined 79 (5), open sentence 24 (8), shifted 12 (3); none fires on a right
row (held-out, measured only: 6, 31, 2, 8 wrong rows, no right one).  On the ``-layout`` rows
of the tuning samples: beside 3 wrong rows, two dates 1 (all warned by nothing else); on the
-raw / pypdfium2 rows they add nothing (two dates: 10 wrong rows, all warned already); neither
fires on a right row (held-out: neither fires).  The first four only for text read
without positions (``RawRow.widths`` set, not ``positioned``, not paired column by column), like
``shared_line_checks``; the last two for any text row (``RawRow.widths`` set).
"""

from __future__ import annotations

import regex

from piatable.models import Doubt, RawRow, Record
from piatable.settings import QualitySettings
from piatable.vocabulary import EXPLANATION_PHRASES

from .chars import paragraphs
from .cut_checks import EXPLANATION_END
from .flags import ending_open
from .list_checks import list_doubts
from .mark_checks import any_text_doubts, mark_doubts
from .tokenizer import Tokenizer

# 上記を新規追加 / 上記を削除 (/ 上記を追加) as a paragraph of its own: an after cell's last words.
_AFTER_MARKER = regex.compile(r"^上記を(?:新規追加|追加|削除)$")
# How explanations end (…に伴う修正, …の変更, 重大な変更に該当しない): such a paragraph is the
# explanation's own, whatever it shares with the after cell.
_EXPLANATION_WORDING = regex.compile(r"(?:修正|追加|追記|変更|削除|見直し|該当しない)[。．]?$")
# The shortest run of the before cell (characters, at least 2 on each side of the cut) that
# shows the after cell's end and the explanation's start are one sentence.
_REJOIN_MIN, _REJOIN_SIDE_MAX = 6, 6


def _bigrams(text: str) -> set[str]:
    t = "".join(text.split())
    return {t[k : k + 2] for k in range(len(t) - 1)}


def _both(a: str, b: str, why: str) -> list[Doubt]:
    return [Doubt("column_guess", a, why), Doubt("column_guess", b, why)]


def marker_doubts(record: Record) -> list[Doubt]:
    """``marker`` (see the module notes)."""
    expl = paragraphs(record.explanation)
    p = next((p for p in expl[1:] if _AFTER_MARKER.match(p)), "")
    if not p:
        return []
    return _both("after", "explanation", f"the explanation holds {p}, the after cell's closing words")


# A reason clause's end (…を行わなくなったため): how an explanation's reason ends, not a before
# or after text.
_REASON_END = regex.compile(r"ため[。．]?$")
# A body cell that says only that its row deletes or adds (the reason then explains that).
_MARK_ALONE = regex.compile(r"^(?:上記を)?(?:新規追加|追加|削除)$")
_SENTENCE_ENDS = frozenset("。．")


def reason_doubts(record: Record) -> list[Doubt]:
    """``reason``: the explanation holds only the stock sentences on significance (重大な変更に
    該当しない) while the before or after cell's last paragraph ends as a reason does (…ため):
    the explanation's first paragraph read into the body cell (a 削除 row of pdftotext -raw).

    Only where that paragraph stands after a sentence of the cell's own (the one before it ends
    with 。) and the other body cell says nothing of its own (empty, or 削除 / 上記を新規追加
    alone): the row deletes or adds, and the reason is why.  A cell stating a purpose (使用目的:
    ``…の記録を行うため``) ends so too, beside any explanation: on a new user's tables (boxes44)
    the check fired on 6 right rows and no wrong one before it asked for both."""
    expl = paragraphs(record.explanation)
    if not expl or not all(any(p.rstrip("。．") == s for s in EXPLANATION_PHRASES) for p in expl):
        return []
    for field, other in (("before", "after"), ("after", "before")):
        body = paragraphs(getattr(record, field))
        rest = paragraphs(getattr(record, other))
        marked = not rest or (len(rest) == 1 and _MARK_ALONE.match(rest[0].strip()))
        appended = len(body) >= 2 and body[-2].rstrip()[-1:] in _SENTENCE_ENDS
        if marked and appended and _REASON_END.search(body[-1]):
            why = f"the {field} cell ends as a reason ends ({body[-1][-10:]}) beside a stock explanation"
            return _both(field, "explanation", why)
    return []


def rejoined_doubts(record: Record) -> list[Doubt]:
    """``rejoined`` (see the module notes)."""
    expl, after = paragraphs(record.explanation), "".join(paragraphs(record.after))
    before = "".join(paragraphs(record.before))
    if not expl or not after or not before:
        return []
    head = expl[0]
    for m in range(2, _REJOIN_SIDE_MAX + 1):
        for n in range(max(2, _REJOIN_MIN - m), _REJOIN_SIDE_MAX + 1):
            if len(after) >= m and len(head) >= n and after[-m:] + head[:n] in before:
                why = (
                    "the after cell's end and the explanation's start read on in the before cell"
                    f" ({after[-m:]}|{head[:n]})"
                )
                return _both("after", "explanation", why)
    return []


def open_sentence_doubts(record: Record, tokenizer: Tokenizer | None = None) -> list[Doubt]:
    """``open sentence`` (see the module notes)."""
    expl = paragraphs(record.explanation)
    if len(expl) < 2 or not expl[0].endswith("。"):
        return []
    field = next((f for f in ("after", "before") if paragraphs(getattr(record, f))), "")
    if not field:
        return []
    last = paragraphs(getattr(record, field))[-1]
    if ending_open(last, tokenizer) < 1.0:
        return []
    why = (
        f"the {field} cell ends open and the explanation opens with a sentence's end"
        f" ({last[-6:]}|{expl[0][:8]})"
    )
    return _both(field, "explanation", why)


def shifted_doubts(record: Record, q: QualitySettings) -> list[Doubt]:
    """``shifted`` (see the module notes)."""
    if (record.before or "").strip():
        return []
    expl = paragraphs(record.explanation)
    if not expl or _EXPLANATION_WORDING.search(expl[0]) or EXPLANATION_END.search(expl[0]):
        return []
    mine, after = _bigrams(expl[0]), _bigrams(record.after or "")
    if len(mine) < 3 or not after or len(mine & after) / len(mine) < q.shifted_value_share:
        return []
    why = (
        "the before cell is empty and the explanation opens with a value like the after cell's"
        f" ({expl[0][:12]})"
    )
    return [Doubt("column_guess", f, why) for f in ("before", "after", "explanation")]


_DATE = regex.compile(
    r"(?:令和|平成|昭和)(?:元|[0-9０-９]{1,2})年[0-9０-９]{1,2}月[0-9０-９]{1,2}日"
    r"|[0-9０-９]{4}[/／.年][0-9０-９]{1,2}[/／.月][0-9０-９]{1,2}日?"
)
_SPACES = regex.compile(r"[ 　]+")


def beside_doubts(record: Record) -> list[Doubt]:
    """``beside`` (see the module notes)."""
    for field, other_field in (("after", "before"), ("before", "after")):
        paras = paragraphs(getattr(record, field))
        other = paragraphs(getattr(record, other_field))
        parts = _SPACES.split(paras[0], maxsplit=1) if paras else []
        if len(parts) < 2 or len(parts[0]) < 2 or parts[0] in "".join(other):
            continue
        piece, rest = parts
        line = next((x for x in other if piece + x[:2] in rest), "")
        if line:
            why = f"the {field} cell opens with a piece of the {other_field} cell's text ({piece}|{line[:4]})"
            return _both(other_field, field, why)
    return []


# A period printed as one value: its two dates joined by から (or a wave dash), line breaks and
# spaces aside (``令和5年11月6日から令和5年12月5日までの30日間``, an 意見聴取 item's value).
_PERIOD_JOINERS = ("から", "～", "〜")


def _period(text: str) -> bool:
    """Whether ``text`` holds exactly two dates, the second right after the first and a
    ``_PERIOD_JOINERS`` word: one period, one cell's value (set XVII: 6 right rows added with
    such a period were doubted; the wrong rows of the kind all carry other doubts)."""
    found = list(_DATE.finditer(text))
    if len(found) != 2:
        return False
    between = _SPACES.sub("", text[found[0].end() : found[1].start()]).replace("\n", "")
    return between in _PERIOD_JOINERS


def two_dates_doubts(record: Record) -> list[Doubt]:
    """``two dates`` (see the module notes)."""
    before, after = (record.before or "").strip(), (record.after or "").strip()
    if bool(before) == bool(after) or len(_DATE.findall(before or after)) < 2 or _period(before or after):
        return []
    field = "before" if before else "after"
    why = f"the {field} cell holds two dates and the other is empty ({(before or after)[:24]})"
    return _both("before", "after", why)


def spill_doubts(
    row: RawRow, record: Record, q: QualitySettings, tokenizer: Tokenizer | None = None
) -> list[Doubt]:
    """For a text row (``RawRow.widths`` set; else none): beside, two dates and
    ``mark_checks.any_text_doubts``; for text read without positions also the others of this
    module, ``mark_checks.mark_doubts`` and ``list_checks.list_doubts``."""
    if not any(row.widths.values()) or any(d.kind == "column_order" for d in row.doubts):
        return []
    out = beside_doubts(record) + two_dates_doubts(record) + any_text_doubts(record, q)
    if row.positioned:
        return out
    return out + (
        mark_doubts(record, tokenizer)
        + marker_doubts(record)
        + reason_doubts(record)
        + rejoined_doubts(record)
        + open_sentence_doubts(record, tokenizer)
        + shifted_doubts(record, q)
        + list_doubts(record)
    )
