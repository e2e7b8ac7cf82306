"""The explanation's first paragraph (its reason) read into the end of the after cell of
row-ordered text (``pdftotext -raw``, pypdfium2; issues 10 and 12, branch raw46).

In row-ordered text a row's wrapped cells follow one another (item, before, after, explanation)
and nothing marks where the after cell ends.  Where the 提出時期 is printed apart from the
explanation (centred, at the row's foot, or in Calc's pass 1 with the one-line cells), the
explanation's opening paragraph, a reason (``組織改正による部署名の変更``, ``システム更改のため``,
``番号法の改正に伴い、記載を修正``, ``誤記の訂正``), can be cut into the after cell, and the
explanation keeps only its second paragraph (``重大な変更に該当しない``) or nothing.

A before/after cell's value does not end as a reason does: of the 1,237 distinct after cells of
the tuning samples' truth, one last paragraph ends so (``…を行うため``, and only with the bare
``ため`` that ``REASON_TAIL`` does not take alone).  So:

* ``mend_reason_tail`` (in place, on the raw row): the after cell's last lines make one
  paragraph that reads wholly as a reason (``REASON_PARAGRAPH``: no list or bracket marker, at
  most ``REASON_MAX_CHARS`` characters, ending as a reason ends), the after cell keeps a
  paragraph before them, and the explanation is empty or opens with a stock sentence on the
  change's weight (重大な変更に該当しない, ``EXPLANATION_PHRASES``: an explanation's second
  paragraph, never its reason): the lines move to the explanation's start, with a weak
  ``cut_guess`` (``MENDED_CUT_STRENGTH``) naming the move;
* ``reason_tail_doubts`` (on the record): the after cell's last paragraph still ends as a reason
  ends (``REASON_TAIL``): ``column_guess`` on the after cell, the evidence naming the words;
* ``reason_run_on_doubts``: the after cell's last paragraph ends inside a reason (a reason's
  word and a few characters, ``…組織改正による部署名の変更及び使用``) while the explanation's first
  paragraph is short and ends as explanations do (``部署の追加``): the reason was cut between
  the two cells, ``column_guess`` on both (no place to cut it back is known).

A ``cut_guess`` there would not warn: these rows carry a reader's ``cut_guess`` already (a
doubt's kind counts once per cell, at its strongest), and their confidence stayed at 0.59–0.64.

Measured on the row-ordered texts (pypdfium2, ``pdftotext -raw``) of the tuning sets
(samples/office, office-raw20/21/22/23/40/46, office-writerraw; 1,621 rows): the tail fires on
20 wrong rows (2 of them warned by nothing else, mended) and no right one; the reason cut in two
on 27 wrong rows (6 warned by nothing else) and no right one, and on no row of the tuning
samples' truth (27,625 rows).
"""

from __future__ import annotations

import regex

from piatable.models import CellLine, Doubt, RawRow, Record
from piatable.settings import MENDED_CUT_STRENGTH
from piatable.vocabulary import EXPLANATION_ENDING, EXPLANATION_PHRASES

from .chars import BODY_MARKER

# How a reason ends: a change's word after …に伴う / …による / …のため / …を受け (``組織改正による
# 部署名の変更``), or …のため / …に伴い alone, or a correction (誤記の訂正).  The bare ``ため`` is
# left out (a value's sentence may end ``…を行うため``).
REASON_TAIL = regex.compile(
    r"(?:(?:に伴[いう]|による|により|のため|を受け)[^。、]{0,24}?"
    r"(?:修正|変更|追加|追記|削除|見直し|訂正|整理|反映|明確化)"
    r"|のため|に伴い|誤記(?:の)?訂正\S{0,12}|の訂正)[。]?$"
)
# A reason paragraph is short: at most this many characters (the tuning samples' reasons hold
# 4 to 32).
REASON_MAX_CHARS = 40
# What opens a wrapped line mid-phrase (LibreOffice applies no kinsoku): no paragraph opens so.
_MID_PHRASE = regex.compile(r"^[\p{Hiragana}、。，．）」』】〕ー・]")
# How a line ends that goes on in the next (a particle, a comma, an opening bracket): the line
# after it is no paragraph's opening.
_OPEN_END = regex.compile(r"[、，のをにがはとでへもや（「『【〔]$")
# The after cell's last lines looked at for a reason paragraph (a reason wraps over at most this
# many lines of an after column).
REASON_MAX_LINES = 3
# An after cell's last paragraph ending inside a reason: a reason's word and at most 12 more
# characters with no punctuation or bracket, not ending as a verb does (…による部署名の変更及び使用,
# …に伴う保存期間の); the explanation's first paragraph, shorter than ``RUN_ON_MAX_CHARS``,
# ending as explanations do (部署の追加, 開始に伴う追記) is the rest of that reason.
_REASON_RUN_ON = regex.compile(
    r"(?:に伴[いう]|による|により|のため|を受け)([^、。，．\s（）()「」［］\[\]]{1,12})$"
)
_VERB_END = "るたいすう"
RUN_ON_MAX_CHARS = 30
RUN_ON_WHY = (
    "the after cell ends inside a reason ({}) that the explanation's first paragraph ends: one reason cut?"
)
MOVED_WHY = "the after cell's last paragraph reads as a reason (the explanation's opening); moved there"
TAIL_WHY = "the after cell ends as an explanation's reason does ({}): the explanation's opening?"


def reads_as_reason(text: str) -> bool:
    """Whether a paragraph reads wholly as a reason: short, no list or bracket marker, ending as
    a reason ends (``REASON_TAIL``)."""
    t = regex.sub(r"[\s　]+", "", text)
    return 0 < len(t) <= REASON_MAX_CHARS and not BODY_MARKER.match(t) and bool(REASON_TAIL.search(t))


def _weight_sentence(line: CellLine) -> bool:
    t = regex.sub(r"[\s　。]+", "", line.text)
    return any(t == p for p in EXPLANATION_PHRASES)


def mend_reason_tail(row: RawRow) -> None:
    """Move the after cell's last paragraph to the explanation's start when it reads wholly as
    a reason and the explanation is empty or opens with a stock sentence on the change's
    weight (see the module notes); in place.  Rows read by positions are left alone."""
    after, expl = row.cells["after"], row.cells["explanation"]
    if row.positioned or row.ruled or len(after) < 2:
        return
    if expl and not _weight_sentence(expl[0]):
        return
    for k in range(1, min(REASON_MAX_LINES, len(after) - 1) + 1):
        tail = after[-k:]
        text = "".join(cl.text.strip() for cl in tail)
        if _MID_PHRASE.match(text) or not reads_as_reason(text):
            continue
        # The line above the tail must end a paragraph: the tail is a paragraph of its own.
        above = after[-k - 1].text.strip()
        if not above or _OPEN_END.search(above) or reads_as_reason(above):
            return
        del after[-k:]
        row.cells["explanation"] = [*tail, *expl]
        row.doubts.append(Doubt("cut_guess", "explanation", MOVED_WHY, MENDED_CUT_STRENGTH))
        return


def reason_tail_doubts(record: Record) -> list[Doubt]:
    """``column_guess`` on the after cell when its last paragraph ends as a reason does."""
    paras = [p.strip() for p in (record.after or "").split("\n") if p.strip()]
    if not paras:
        return []
    m = REASON_TAIL.search(regex.sub(r"[\s　]+", "", paras[-1]))
    if not m:
        return []
    return [Doubt("column_guess", "after", TAIL_WHY.format(m.group()[-12:]))]


def reason_run_on_doubts(record: Record) -> list[Doubt]:
    """``column_guess`` on the after cell and the explanation when a reason is cut between them
    (see the module notes)."""
    after = [p.strip() for p in (record.after or "").split("\n") if p.strip()]
    expl = [p.strip() for p in (record.explanation or "").split("\n") if p.strip()]
    if not after or not expl or len(expl[0]) >= RUN_ON_MAX_CHARS:
        return []
    m = _REASON_RUN_ON.search(after[-1])
    if not m or m.group(1)[-1] in _VERB_END or not EXPLANATION_ENDING.search(expl[0]):
        return []
    why = RUN_ON_WHY.format(m.group()[-12:] + "|" + expl[0][:12])
    return [Doubt("column_guess", "after", why), Doubt("column_guess", "explanation", why)]
