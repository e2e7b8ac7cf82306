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
  Unless the before cell's last paragraph ends with the same words (TWIN_TAIL: a value that
  states a purpose, ``…の交付及び本人確認のため。`` in both cells: a reason cut into the after
  cell does not end the before cell too; set XVIII's E / G / H / I, 18 right rows of row-ordered
  texts warned, none of the 9 wrong rows it fired on ended its before cell so);
* ``reason_run_on_doubts``: the after cell's last paragraph ends inside a reason (a reason's
  word and a few characters, ``…組織改正による部署名の変更及び使用``) while the explanation's first
  paragraph is short and ends as explanations do (``部署の追加``): the reason was cut between
  the two cells, ``column_guess`` on both (no place to cut it back is known).

Two mends of branch raw47 (new users' sets V and VI: Calc and Writer tables whose explanation
column is about half as wide as the after column, their reasons wrapping over its lines):

* ``mend_reason_run_on``: a reason cut between the two cells (``…必要となる。`` /
  ``ガバメントクラウドへの移行`` | ``に伴う変更``) is joined in the explanation when the break
  falls inside a phrase or inside the reason's words;
* ``mend_value_tail``: the after cell's last line runs on and the explanation opens with that
  sentence's end (``実施する。``) before a reason: the end goes back to the after cell.

Both leave a weak ``cut_guess``.  Measured on the row-ordered texts of samples/office-raw47,
office-raw40/46, office-writerraw and office (tuning): cells right up, no right row turned
wrong.

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
from piatable.text_thresholds import MENDED_CUT_STRENGTH
from piatable.vocabulary import EXPLANATION_ENDING, EXPLANATION_PHRASES

from .chars import BODY_MARKER, display_width
from .page_lists import list_number
from .period_lines import closes_period, period_goes_on
from .tokenizer import Tokenizer, default_tokenizer, word_spans_break

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
# A line ending on a reason's word (…への移行に伴う): the reason goes on in the next line.
_REASON_WORD_END = regex.compile(r"(?:に伴[いう]|による|により|を受け)$")
# The change's own words, as a reason names them after its reason word (…による部署名の変更).
_CHANGE_WORD = regex.compile(r"修正|変更|追加|追記|削除|見直し|訂正|整理|反映|明確化")
RUN_ON_MAX_CHARS = 30
RUN_ON_WHY = (
    "the after cell ends inside a reason ({}) that the explanation's first paragraph ends: one reason cut?"
)
LONE_AFTER_WHY = "a lone one-line value of a row whose explanation speaks of adding: the after cell"
LONE_VALUE_WHY = "a lone one-line value with no after cell: the before or the after cell?"
VALUE_TAIL_WHY = (
    "the explanation opened with the end of the after cell's last sentence, before a reason; moved back"
)
# The explanation's opening lines that may end the after cell's last sentence, and how many
# display units a run-on line may fall short of the after cell's widest line (kinsoku, a
# half-width character).
VALUE_TAIL_MAX_LINES = 2
FULL_LINE_SLACK_UNITS = 2
SENTENCE_ENDS = "。．.）)」』】＞>"
MOVED_WHY = "the after cell's last paragraph reads as a reason (the explanation's opening); moved there"
RUN_ON_MOVED_WHY = (
    "the after cell's last paragraph and the explanation's opening read as one reason cut mid-phrase; "
    "joined in the explanation"
)
# A katakana word cut in two (サー|ビス) and kana after a particle or inside a word (…の移行|に伴う).
_KATAKANA = regex.compile(r"[\p{Katakana}ー]")
# What opens a wrapped line mid-phrase, but not a list's ``・`` (which opens a paragraph).
_HEAD_MID_PHRASE = regex.compile(r"^[\p{Hiragana}、。，．）」』】〕ー]")
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
    if row.positioned or row.ruled or not after:
        return
    if expl and not _weight_sentence(expl[0]):
        return
    if _pair_beside_reason(row):
        return
    if len(after) < 2:
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


def _pair_beside_reason(row: RawRow) -> bool:
    """Calc's one-line before and after printed on one line of pass 1 (``株式会社○○システムズ
    ○○情報サービス株式会社``) read as the before cell, and the reason (pass 2) as the after
    cell: when the after cell's lines (at most ``REASON_MAX_LINES``) read wholly as a reason and
    the before cell is one line printed apart from them that parts into two alike values
    (``paired_values``), the reason moves to the explanation's start (a weak ``cut_guess``) and
    ``mend_paired_values`` parts the line after this.  Whether it moved."""
    from .paired_values import alike_pieces  # (it imports from modules that import this one)

    before, after, expl = row.cells["before"], row.cells["after"], row.cells["explanation"]
    if len(before) != 1 or len(after) > REASON_MAX_LINES or _printed_before(before, after[0]):
        return False
    pieces = before[0].text.split()
    text = "".join(cl.text.strip() for cl in after)
    if len(pieces) != 2 or not alike_pieces(*pieces) or not reads_as_reason(text):
        return False
    row.cells["explanation"] = [*after, *expl]
    row.cells["after"] = []
    row.doubts.append(Doubt("cut_guess", "explanation", MOVED_WHY, MENDED_CUT_STRENGTH))
    return True


def _cut_mid_phrase(tail: str, head: str) -> bool:
    """Whether the break between ``tail`` (a cell's last line) and ``head`` (the next cell's
    first line) falls inside a phrase: ``head`` opens as no paragraph does (``_HEAD_MID_PHRASE``), a
    katakana word runs across it, or ``tail`` ends on a particle or comma (``_OPEN_END``) and
    ``head`` does not read as a reason alone."""
    if not tail or not head:
        return False
    if _HEAD_MID_PHRASE.match(head) or (_KATAKANA.match(tail[-1]) and _KATAKANA.match(head[0])):
        return True
    # A line ending on a particle (…受付開始に | 伴う追記) may also end a value (…まで): only
    # when ``head`` cannot stand as a reason of its own.
    return bool(_OPEN_END.search(tail)) and not reads_as_reason(head)


def _inside_reason(tail: str, head: str, tok: Tokenizer) -> bool:
    """Whether ``tail`` ends inside a reason (a reason's word and a few more characters,
    ``…に伴う認証方式の変``, or the word itself, ``…への移行に伴う``) whose rest ``head`` is,
    neither reading as a reason alone: a break between two kanji that only the joined reason
    explains."""
    if reads_as_reason(tail) or reads_as_reason(head):
        return False
    if _REASON_WORD_END.search(tail):
        return True
    # After the reason's word the cut text must hold the change's own word (…による部署名の変更
    # 及び使用 | 部署の追加) or be cut inside a word (…に伴う条 | 項ずれの修正): a value that only
    # holds a reason's word (職権による記載時 | 記載の明確化) is no reason cut.
    m = _REASON_RUN_ON.search(tail)
    return bool(m) and (bool(_CHANGE_WORD.search(m.group(1))) or word_spans_break(tok, tail, head))


def _printed_before(cell: list[CellLine], first: CellLine) -> bool:
    """Whether ``cell``'s last line is the printed line right before ``first``."""
    last = cell[-1] if cell else None
    return (
        last is not None
        and last.line_no is not None
        and first.line_no is not None
        and last.page == first.page
        and last.line_no + 1 == first.line_no
    )


def mend_reason_run_on(row: RawRow, tok: Tokenizer | None = None) -> None:
    """Join a reason cut between the after cell's end and the explanation's start (in place).

    In row-ordered text LibreOffice's explanation column wraps narrower than the after column,
    and the reader may end the after cell a line or two into the explanation
    (``…必要となる。`` / ``ガバメントクラウドへの移行`` | ``に伴う変更``).  The after cell's last
    ``k`` lines (at most ``REASON_MAX_LINES``, after a line that does not run on) and the
    explanation's first ``j`` lines move together when, joined, they read wholly as a reason
    (``reads_as_reason``) and the break between them falls inside a phrase (``_cut_mid_phrase``)
    or inside the reason's words (``_inside_reason``); the explanation's line after the ``j``
    must not run on from them (the reason ends there).  The after cell keeps a line.  Where the
    after cell came from Calc's one-line pass (its lines printed elsewhere) and the before cell
    is the one printed right before the explanation, the same holds for the before cell, which
    may give all its lines (an added row's empty before: ``コンビニ交付システムの導入に伴`` /
    ``う追加``).  A weak ``cut_guess`` (``MENDED_CUT_STRENGTH``) names the move.  Rows read by
    positions are left alone."""
    after, before, expl = row.cells["after"], row.cells["before"], row.cells["explanation"]
    if row.positioned or row.ruled or not expl:
        return
    tok = tok or default_tokenizer()
    body, keep = after, 1
    if not _printed_before(after, expl[0]) and _printed_before(before, expl[0]) and after:
        body, keep = before, 0
    elif (
        len(before) == 1
        and after
        and _printed_before(after, expl[0])
        and not _printed_before(before, after[0])
    ):
        # A lone one-line value printed apart (Calc's pass 1) beside an after cell printed right
        # before the explanation: the after cell may be all the reason's (an added row whose
        # one-line after was read as its before: ``_lone_value_is_after``).
        keep = 0
    if len(body) < keep + 1:
        return
    for k in range(1, min(REASON_MAX_LINES, len(body) - keep) + 1):
        tail = "".join(cl.text.strip() for cl in body[-k:])
        above = body[-k - 1].text.strip() if k < len(body) else "。"
        if not tail or _MID_PHRASE.match(tail) or not above or _OPEN_END.search(above):
            continue
        if continues_a_list(tail, [cl.text for cl in body[:-k]]) or period_goes_on(above, body[-k].text):
            continue  # (nor the second half of a period: ``2018/12/1 から`` / ``2018/12/31 まで``)
        if closes_period(tail):
            continue  # a period (``…から…まで``) is a value, never a reason's opening
        last, first = body[-1].text.strip(), expl[0].text.strip()
        if not (_cut_mid_phrase(last, first) or _inside_reason(tail, first, tok)):
            continue
        for j in range(1, min(REASON_MAX_LINES, len(expl)) + 1):
            head = "".join(cl.text.strip() for cl in expl[:j])
            if not reads_as_reason(tail + head):
                continue
            if j < len(expl) and _cut_mid_phrase(head, expl[j].text.strip()):
                continue
            moved = body[-k:]
            del body[-k:]
            row.cells["explanation"] = [*moved, *expl]
            row.doubts.append(Doubt("cut_guess", "explanation", RUN_ON_MOVED_WHY, MENDED_CUT_STRENGTH))
            if not after:
                _lone_value_is_after(row)
            return


def _lone_value_is_after(row: RawRow) -> None:
    """A row left with a lone one-line before cell and no after cell once its reason went to the
    explanation: when the explanation speaks of adding (``ADDITION_REASON``) and not of removing,
    the value is an added row's after cell (変更前 empty), with a weak ``cut_guess``; else it stays,
    and the row gets ``column_guess`` (which of the two it is, the text does not say)."""
    from .shared_line_checks import ADDITION_REASON, DELETION_REASON  # (it imports this module)

    text = "".join(cl.text for cl in row.cells["explanation"])
    if ADDITION_REASON.search(text) and not DELETION_REASON.search(text):
        row.cells["after"], row.cells["before"] = row.cells["before"], []
        row.doubts.append(Doubt("cut_guess", "after", LONE_AFTER_WHY, MENDED_CUT_STRENGTH))
    else:
        row.doubts.append(Doubt("column_guess", "before", LONE_VALUE_WHY))


def _opens_with_reason(lines: list[CellLine]) -> bool:
    """Whether the first ``REASON_MAX_LINES`` lines or fewer of ``lines`` read as a reason."""
    return any(
        reads_as_reason("".join(cl.text.strip() for cl in lines[:m]))
        for m in range(1, min(REASON_MAX_LINES, len(lines)) + 1)
    )


def mend_value_tail(row: RawRow) -> None:
    """Give the after cell back the end of its last sentence read as the explanation's opening
    (in place).

    The after cell's last line runs on (it ends on a particle or comma, ``…３年に１回外部監査を``,
    or is as wide as the cell's widest line and ends no sentence), and the explanation opens with
    a short piece that ends a sentence (``実施する。``, at most ``VALUE_TAIL_MAX_LINES`` lines, no
    list marker) and does not read as a reason, while the explanation's next lines do
    (``監査体制の見直しに伴う変更``): the piece is the after cell's last sentence's end, cut
    into the explanation.  It moves back with a weak ``cut_guess`` (``MENDED_CUT_STRENGTH``).
    Rows read by positions are left alone."""
    after, expl = row.cells["after"], row.cells["explanation"]
    if row.positioned or row.ruled or not after or len(expl) < 2:
        return
    last = after[-1].text.strip()
    if not last or last[-1] in SENTENCE_ENDS:
        return
    widest = max((display_width(cl.text.strip()) for cl in after[:-1]), default=0)
    if not (_OPEN_END.search(last) or (widest and display_width(last) >= widest - FULL_LINE_SLACK_UNITS)):
        return
    for j in range(1, min(VALUE_TAIL_MAX_LINES, len(expl) - 1) + 1):
        head = "".join(cl.text.strip() for cl in expl[:j])
        if not head.endswith("。"):
            continue
        if BODY_MARKER.match(head) or reads_as_reason(head) or not _opens_with_reason(expl[j:]):
            return
        after.extend(expl[:j])
        del expl[:j]
        row.doubts.append(Doubt("cut_guess", "after", VALUE_TAIL_WHY, MENDED_CUT_STRENGTH))
        return


def reason_tail_doubts(record: Record) -> list[Doubt]:
    """``column_guess`` on the after cell when its last paragraph ends as a reason does."""
    paras = [p.strip() for p in (record.after or "").split("\n") if p.strip()]
    if not paras:
        return []
    m = REASON_TAIL.search(regex.sub(r"[\s　]+", "", paras[-1]))
    if not m:
        return []
    before = [p.strip() for p in (record.before or "").split("\n") if p.strip()]
    if before and regex.sub(r"[\s　]+", "", before[-1]).endswith(m.group()):
        return []  # the changed value's own words, printed in both cells (TWIN_TAIL note)
    return [Doubt("column_guess", "after", TAIL_WHY.format(m.group()[-12:]))]


def continues_a_list(text: str, above: list[str]) -> bool:
    """Whether ``text`` opens with the next number of a list some paragraph of ``above`` opens
    (``２．外部の専門家による監査`` under ``１．…``): a list's own item, not a reason cut from the
    explanation, however its words end (…による監査)."""
    found = list_number(text.strip())
    if found is None or found[1] < 2:
        return False
    return any(list_number(line.strip()) == (found[0], found[1] - 1) for line in above)


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
    if continues_a_list(after[-1], after[:-1]):
        return []
    why = RUN_ON_WHY.format(m.group()[-12:] + "|" + expl[0][:12])
    return [Doubt("column_guess", "after", why), Doubt("column_guess", "explanation", why)]
