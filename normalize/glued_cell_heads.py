"""A text cell holding the head of another cell that the extractor printed right after it.

Flattened text read without positions (pypdf, pypdfium2, pdftotext -raw) prints a row's cells one
after the other and, where a narrow column wraps, may glue the first line of the next cell to the
last line of this one.  Three shapes of it were left unwarned at confidence 0.6–0.92 (held-out sets
``heldout-datecell60`` and ``heldout-numkind60``, branch rightwarn61b; tuned on them):

* a reason ending an explanation, then the next row's 変更日 cell's first line glued on: its
  prefix (``現況届の廃止に伴う修正No 5``, ``…修正第2回``: ``dates.DATE_PREFIX``) or a date cut
  before its 日 (``…修正令和6年4月1`` / ``日（月曜日）``: a narrow 変更日 column wrapped the date);
  no amendment's wording stops on a day number without its 日;
* a before / after cell that is only such a prefix (``No 5``): the 変更日 cell's line read in;
* an explanation that is only the importance verdict (``重要な変更に当たらない``) beside a before
  or after cell whose last paragraph is a short reason with no full stop (``事務の範囲の変更``):
  the explanation's first line read into the body cell.

And a fourth, of pdfplumber text: a before / after cell holding a long heading of the form
(``HEADING_IN_BODY_MIN`` characters or more, ``その他のリスク及びそのリスクに対する措置``) after its
first characters: the item's last heading read into the body cell (``…再委託先にも委託先と同特定
個人情報ファイルの取扱いの委託におけるその他のリスク…``).  No before or after cell of the samples'
and the new users' sets' truth (96,237 rows) holds one, nor fires any check here.

``glued_head_doubts`` gives such a cell ``column_guess``.
"""

from __future__ import annotations

import regex

from piatable.models import Doubt, Record

from .dates import DATE_PREFIX, ERA_PATTERN
from .heading_lexicon import canonical_text, known_headings

# How reasons end (an explanation's first sentence: ``…に伴う修正``, ``…の追加``, ``当たらない``).
_REASON_END = r"(?:修正|追加|追記|変更|削除|訂正|見直し|廃止|新設|ない|たる|ため)"
_D = r"[0-9０-９]"
# A date cut before its 日: era or western year, month, then the day's digits at the end.
_CUT_DATE = rf"(?:(?:{ERA_PATTERN})\s*(?:元|{_D}{{1,2}})|{_D}{{4}})\s*年\s*{_D}{{1,2}}\s*月\s*{_D}{{1,2}}"
_GLUED_HEAD = regex.compile(rf"{_REASON_END}\s*(?P<head>{DATE_PREFIX}|(?:{DATE_PREFIX})?{_CUT_DATE})\s*$")
_CUT_DATE_END = regex.compile(rf"(?<![0-9０-９])(?P<head>{_CUT_DATE})\s*$")
_PREFIX_ONLY = regex.compile(rf"^\s*{DATE_PREFIX}\s*$")
# The importance verdict an explanation closes with (its reason before it).
_VERDICT_ONLY = regex.compile(
    r"^\s*(?:重要な|重大な)?変更に(?:当た|あた|該当)(?:る|らない|しない)(?:ため.*)?[。．]?\s*$"
)
# A short reason with no full stop: what opens an explanation.
_SHORT_REASON = regex.compile(rf"^(?!上記)[^。．\s]{{2,20}}{_REASON_END}$")  # not 上記を新規追加
BODY = ("before", "after")
# A heading of the lexicon this long inside a body cell is the item's, not the value's wording.
HEADING_IN_BODY_MIN = 16
# What a sentence's last character may be (hiragana, katakana, kanji) before a glued heading.
_GLUED_BEFORE = regex.compile(r"[\p{Hiragana}\p{Katakana}\p{Han}]")
TEXT_FIELDS = ("item", "before", "after", "explanation")


def _paragraphs(text: str | None) -> list[str]:
    return [p.strip() for p in (text or "").split("\n") if p.strip()]


def glued_head_doubts(record: Record) -> list[Doubt]:
    """``column_guess`` doubts on ``record``'s cells holding another cell's head (module notes);
    [] for a record without one."""
    out: list[Doubt] = []
    expl = _paragraphs(record.explanation)
    if expl and (m := _GLUED_HEAD.search(expl[-1])):
        why = f"the explanation ends with a 変更日 cell's first line glued on ({m.group('head')})"
        out.append(Doubt("column_guess", "explanation", why))
    for name in TEXT_FIELDS:
        last = _paragraphs(getattr(record, name))[-1:]
        if last and (m := _CUT_DATE_END.search(last[0])) and not (name == "explanation" and out):
            why = f"the {name} cell ends with a date cut before its 日 ({m.group('head')})"
            out.append(Doubt("column_guess", name, why))
    for name in BODY:
        if _PREFIX_ONLY.match(getattr(record, name) or ""):
            why = f"the {name} cell is only a 変更日 cell's prefix line ({getattr(record, name).strip()})"
            out.append(Doubt("column_guess", name, why))
    for name in BODY:
        if head := _heading_inside(getattr(record, name) or ""):
            why = f"the {name} cell holds a heading of the form after its start ({head[:16]}): the item's?"
            out.append(Doubt("column_guess", name, why))
            break
    if len(expl) == 1 and _VERDICT_ONLY.match(expl[0]):
        for name in BODY:
            body = _paragraphs(getattr(record, name))
            if len(body) > 1 and _SHORT_REASON.match(body[-1]):
                why = (
                    f"the explanation is only its verdict and the {name} cell ends with a reason ({body[-1]})"
                )
                out.append(Doubt("column_guess", name, why))
                break
    return out


def _long_headings() -> tuple[str, ...]:
    return tuple(h for h in known_headings() if len(h) >= HEADING_IN_BODY_MIN)


def _heading_inside(cell: str) -> str:
    """A long heading of the lexicon (``HEADING_IN_BODY_MIN``) inside a paragraph of ``cell``
    (canonical text) right after a kana or kanji of a sentence (``…委託先と同`` + the heading:
    glued on, not a block's sub-heading opening its own paragraph or following its numbering or
    label), or ``""``."""
    for para in cell.split("\n"):
        text = canonical_text(para)
        for h in _long_headings() if len(text) > HEADING_IN_BODY_MIN else ():
            at = text.find(h, 1)
            if at > 0 and _GLUED_BEFORE.match(text[at - 1]):
                return h
    return ""
