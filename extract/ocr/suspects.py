"""OCR evidence that a cell was misread: its text breaks its column's grammar.

Each column of the amendment table has a vocabulary: 変更日 is a date, 提出時期 is 事前 or 事後,
a 項目 opens with the form's numbering (Ⅰ…Ⅵ, １．, ①), and no cell of these forms holds the
glyphs tesseract makes of table lines, stains or a character it could not read (``|``, ``~``,
``_``, ``\\`` …), nor ASCII letters standing where a Roman numeral belongs (``HI``, ``II``
for Ⅱ, Ⅲ).  A row whose OCR text breaks that gets an ``ocr_suspect`` doubt on that cell
(``RawRow.doubts``; the flag ``ocr_suspect:<field>``), which normalize/confidence.py weighs with
the rest of the row's evidence (``quality.weight_ocr_suspect``).
"""

from __future__ import annotations

from functools import lru_cache

import regex

from piatable.models import Doubt, RawRow
from piatable.normalize.dates import DATE_LINE, parse_date
from piatable.vocabulary import heading_key, top_headings

from .circled_lines import circled_misfits, given_anywhere
from .date_order import WHY as DATE_ORDER_WHY
from .date_order import date_order_suspects
from .date_repairs import UNKNOWN_ERA
from .heading_fixes import MISREAD_CIRCLED
from .item_lines import _PREFIX as ITEM_PREFIX
from .item_lines import _numbered, printed_headings, strip_numbering
from .list_numberings import mixed_list_widths
from .phrases import phrase_in_doubt
from .placeholder_reads import suspect_placeholder
from .word_glyphs import dot_for_one

# Glyphs no cell of an amendment table prints but tesseract produces from rulings, specks and
# characters it could not read; a lone △ or □ (a pair is the forms' placeholder, 株式会社△△:
# set XII, put back by triangles.restore_triangles; □□村: set XXV's t08, placeholder_reads).
STRAY_GLYPHS = regex.compile(r"[|~_\\^`{}¦§¨¬°±¶×÷■▲▼▽◆◇●◎★☆]|(?<!△)△(?!△)|(?<!□)□(?!□)")
# Upper-case ASCII letters standing where the form's Roman numerals are (a heading's opening):
# Ⅱ read as II, HI, Il, 1I …
ASCII_NUMERAL = regex.compile(r"^\s*[IVXHLl1|]{1,4}\s*(?=\p{Han}|\p{Katakana}|\p{Hiragana})")
# Latin capitals wedged between Japanese characters (ビSSアン): a line tesseract made up.  Two
# or three capitals followed by a hiragana are a word taking its particle (ユーザIDによる, 退職者の
# IDは, とVRSの登録: 4 right rows of the held-out scans were warned so); one letter, in either
# width, is not (返信用封筒の宛先と / Ｅ民票 for 住民票; no true cell of the samples holds one).
WEDGED_LATIN = regex.compile(
    r"(?<=[\p{Han}\p{Hiragana}\p{Katakana}])(?:[A-ZＡ-Ｚ](?![A-ZＡ-Ｚ])|[A-Z]{2,3}(?!\p{Hiragana}))"
    r"(?=[\p{Han}\p{Hiragana}\p{Katakana}])"
)
# A vertical stroke read as a letter between an opening bracket and Japanese text (（I旧氏）):
# the bracket read twice or a ruling's speck; no true cell of the samples opens a bracket with a
# lone I or l (session 47's new users' scans, a silent wrong row).
STROKE_AFTER_BRACKET = regex.compile(r"[（(「『][IlｌＩ|｜](?=[\p{Han}\p{Hiragana}\p{Katakana}])")
# A kanji read twice opening a line (上上記を新規追加): Japanese writes a repeated kanji with 々.
DOUBLED_KANJI = regex.compile(r"^\s*(\p{Han})\1")
# A kana wedged inside a Latin word (ｅしＴＡＸ for ｅＬＴＡＸ): a letter misread as a kana.
WEDGED_KANA = regex.compile(r"[A-Za-zＡ-Ｚａ-ｚ][\p{Hiragana}\p{Katakana}][A-Za-zＡ-Ｚａ-ｚ]")
# One word in two widths (ＬＧWAN, 1９): a document prints a word in one font and width.
MIXED_WIDTH = regex.compile(r"[A-Za-z][Ａ-Ｚａ-ｚ]|[Ａ-Ｚａ-ｚ][A-Za-z]|[0-9][０-９]|[０-９][0-9]")
# Numbers of one kind (the same counter after them: １０万 / 100万, ５年 / 6年; a date's ３年 /
# 4月) in two widths in one cell: a document prints its numbers of a kind in one width (an
# address's 〒123-4567 beside １番１号 is two kinds).  The counter is a kanji; the number's run
# and its counter in groups.
# A law's branch number after its article, paragraph or item (第30条の11, 第８号の２) counts as a
# reference too: its kanji is the one before の.
NUMBER_AND_COUNTER = regex.compile(
    r"(?<=(?P<of>[条項号])の)(?:(?P<bh>[0-9]+)|(?P<bf>[０-９]+))"
    r"|(?:(?P<half>[0-9]+)|(?P<full>[０-９]+))の?(?P<counter>\p{Han})"
)
# Counters that make one kind together: a date's year, month and day (令和３年4月1日); a law's
# article, paragraph and item and an address's block and lot (第１９条第7号, 一丁目１番1号: no
# truth cell of the samples mixes their widths; measured on the tuning scans, such mixes are
# misreads).
COUNTER_KINDS = {
    "年": "date",
    "月": "date",
    "日": "date",
    "条": "reference",
    "項": "reference",
    "号": "reference",
    "番": "reference",
}
# Digits of one number with a space between them (第1 9条, 別表第二の4 2の項): tesseract measured
# the glyphs apart, and the width it gave each is in doubt (no truth cell of the samples has one).
SPLIT_NUMBER = regex.compile(r"[0-9０-９][ \u3000]+[0-9０-９]")
# 第 opens an ordinal (第１９条, 別表第二): without a numeral after it, the numeral did not read.
ORPHAN_ORDINAL = regex.compile(r"第(?![0-9０-９一二三四五六七八九十百千何]|\s*$)|第$")
TIMINGS = frozenset({"事前", "事後"})
# A heading's number followed by a comma or a middle dot (４、特定個人情報…): the form prints ４．
# there (no item line of the samples opens so).
MISREAD_NUMBER_STOP = regex.compile(r"^\s*[0-9０-９]{1,2}[、,，・]")
# A heading's number followed by a sentence's full stop anywhere in the item (…対策１。監査: ．
# misread, and the break before it lost); no true item cell of the samples holds one.
# A dash after the number closing an item line (提供先２-, システム３ー: set X's W3, 200 dpi): no
# heading of the forms ends so; a speck or the cell's ruling read.
BLOCK_NUMBER_DASH = regex.compile(r"[0-9０-９][-－‐―ー一]\s*$")
NUMBER_SENTENCE_STOP = regex.compile(r"[0-9０-９]{1,2}。")
# A paragraph numbered N) in a row whose other paragraphs are numbered (N): the opening bracket
# did not read ((1)窓口… / 1)窓口…); none of the samples' 2,969 true rows mixes the two.
PAREN_NUMBERED = regex.compile(r"^\s*[（(][0-9０-９]{1,2}[)）]")
BARE_NUMBERED = regex.compile(r"^\s*[0-9０-９]{1,2}[)）]")
# A case particle read twice (…機能ににおける, …にについて): tesseract reads one glyph twice;
# Japanese does not double these.  (ので, ことと, ものの double other kana: not listed.)
DOUBLED_PARTICLE = regex.compile(r"(に|を|が|は|で|へ)\1")
# Two circled numerals opening one heading, not in sequence (⑨⑧入手方法, not ①②の措置): one
# of them a misread or a speck.  In sequence they open a heading only as a reference to both
# (①②の…); before anything else they are one numeral read as two (IPA Mincho's ① read ③④ in
# ③④システムの名称: Writer scans at 250-300 dpi, session 53).
DOUBLED_NUMERAL = regex.compile(r"^([①-⑳])([①-⑳])(.?)")
# Ruling remnants and specks at a cell's edge (F14): a line of one or two characters with no
# kana or kanji (``8``, ``B``, ``.``, ``・``), a letter or digit after a sentence's 。, or a long
# vowel mark after no katakana (``…の項ーー``, ``別表第一のーの項``: 一 misread, word_glyphs.py
# mends it where the dictionary decides): the forms print none of these (nor do the samples'
# 3,136 true lines).
EDGE_LINE = regex.compile(r"^[^\p{Han}\p{Hiragana}\p{Katakana}ー①-⑳]{1,2}$")
AFTER_STOP = regex.compile(r"。[A-Za-z0-9０-９Ａ-Ｚａ-ｚ.．]{1,2}$")
LOOSE_VOWEL_MARK = regex.compile(r"(?<![\p{Katakana}ー])ー")
# Closing brackets and the opening bracket each closes.
_CLOSE_OF = {"）": "（", ")": "(", "」": "「", "』": "『", "】": "【", "］": "［", "〕": "〔"}
_WS = regex.compile(r"\s+")


def suspect_fields(row: RawRow, own_numbered: frozenset[int] = frozenset()) -> list[tuple[str, str]]:
    """(column, why) for each column of a row whose OCR text breaks the column's grammar (empty
    cells aside: the record checks flag those).  ``own_numbered``: the item cell's lines whose
    circled number is the document's own numbering (``own_numbered_lines``), not in doubt."""
    out: list[tuple[str, str]] = []
    for column in ("change_date", "item", "before", "after", "timing", "explanation"):
        lines = [cl.text for cl in row.cells.get(column, [])]
        flat = _WS.sub("", "".join(lines))
        if not flat:
            continue
        stray = STRAY_GLYPHS.search(flat) or WEDGED_LATIN.search(flat)
        why = (
            f"{stray.group(0)!r} is not printed in these forms: a line, speck or glyph misread"
            if stray
            else ""
        )
        if not why and column in ("item", "before", "after", "explanation"):
            why = _broken_text(lines, flat) or suspect_placeholder(flat)
        if column == "change_date" and not (DATE_LINE.match(flat) and parse_date(flat)):
            why = f"the date cell reads {flat[:20]!r}, not a date"
        elif column == "timing" and flat not in TIMINGS:
            why = f"the timing cell reads {flat[:10]!r}, not 事前 or 事後"
        elif column == "item" and any(ASCII_NUMERAL.match(line) for line in lines):
            why = "ASCII letters where the heading's Roman numeral belongs"
        elif column == "item" and any(MISREAD_NUMBER_STOP.match(line) for line in lines):
            why = "a heading's number followed by a comma, where the form prints ．"
        elif column == "item" and any(BLOCK_NUMBER_DASH.search(line) for line in lines):
            why = "a dash after a block's number (提供先２-), which the forms never print: a speck read"
        elif column == "item" and (m := NUMBER_SENTENCE_STOP.search(flat)):
            why = f"{m.group(0)!r}: a heading's number followed by 。, where the form prints ．"
        elif column == "item" and not why:
            why = _near_heading(lines) or _cut_heading(lines) or _misnumbered_heading(lines, own_numbered)
        elif column == "explanation" and not why:
            why = phrase_in_doubt(lines)
        if not why and column in ("before", "after", "explanation"):
            why = mixed_list_widths(lines)
        if not why and column in ("item", "before", "after", "explanation"):
            from .near_swaps import near_swap

            # A heading of the form read whole is the form's word (人手を介在させる作業).
            headings = printed_headings() if column == "item" else frozenset()
            why = near_swap([line for line in lines if strip_numbering(line.strip()) not in headings])
        if why:
            out.append((column, why))
    done = {c for c, _ in out}
    for column in _bare_numbered(row):
        if column not in done:
            out.append((column, "a paragraph numbered N) where the row's others are numbered (N)"))
            done.add(column)
    for column, why in _echo_misreads(row):
        if column not in done:
            out.append((column, why))
    return out


def _bare_numbered(row: RawRow) -> list[str]:
    """The text columns with a line numbered N) (BARE_NUMBERED) when a line of the row's text
    cells is numbered (N) (PAREN_NUMBERED)."""
    columns = ("before", "after", "explanation")
    lines = {c: [cl.text for cl in row.cells.get(c, [])] for c in columns}
    if not any(PAREN_NUMBERED.match(t) for c in columns for t in lines[c]):
        return []
    return [c for c in columns if any(BARE_NUMBERED.match(t) for t in lines[c])]


def _echo_misreads(row: RawRow) -> list[tuple[str, str]]:
    """(column, why) for the one of before and after that reads like the other but for one
    character inside a shared stretch, and worse by the dictionary (echoes.echo_diffs)."""
    from .echoes import echo_diffs

    out: list[tuple[str, str]] = []
    for d in echo_diffs(row):
        why = (
            f"reads {d.read or '(nothing)'!r} where the other side has {d.other or '(nothing)'!r}"
            " in the same words"
        )
        if d.worse not in {c for c, _ in out}:
            out.append((d.worse, why))
    return out


def _broken_text(lines: list[str], flat: str) -> str:
    """Why a text cell's OCR breaks the grammar of the form's texts ("" when it does not): a
    word in two widths, numbers of one kind in two widths, 第 without its numeral, a case
    particle read twice (にに), two circled numerals opening a line (⑨⑧).  Measured on the
    tuning scans: the last two fired on 11 wrong rows and no right one.  (A line of a
    kana or two alone, the tail of a sentence misread, was tried and left out: wrapped tails
    such as ない are as common.)"""
    if m := MIXED_WIDTH.search(flat):
        return f"{m.group(0)!r}: one word read in two widths"
    if mixed := mixed_number_widths(flat):
        return f"{mixed[0]!r} and {mixed[1]!r}: numbers of one kind read in two widths"
    for k, line in enumerate(lines):
        text = line.strip()
        if flat == "－":
            # The form's mark of "nothing here" filling the cell (dash_cells writes it from ink).
            break
        if text and EDGE_LINE.match(text) and not _wrapped_closer(text, "".join(lines[:k])):
            return f"{text!r}: a line of no word at the cell's edge (a ruling's remnant or a speck)"
        if m := AFTER_STOP.search(text):
            return f"{m.group(0)!r}: a stray glyph at the cell's edge"
    # A long vowel mark after no kana, in the cell's text read as one (a line opening with the
    # ー of a katakana word wrapped before it, ネットワ / ーク, is no stray: measured on the
    # tuning scans, such wraps warned 3 right rows).
    if m := LOOSE_VOWEL_MARK.search(flat):
        near = flat[max(m.start() - 2, 0) : m.end() + 2]
        return f"{near!r}: a long-vowel mark after no katakana (一 or a speck misread)"
    if dot := dot_for_one(flat):
        return f"{dot!r}: a middle dot before a word that 一 would make (一 misread)"
    for line in lines:
        if m := SPLIT_NUMBER.search(line):
            return f"{m.group(0)!r}: a number's digits read apart (their widths in doubt)"
        if m := DOUBLED_KANJI.match(line):
            return f"{m.group(0).strip()!r}: a kanji read twice opening a line"
    if m := WEDGED_KANA.search(flat):
        return f"{m.group(0)!r}: a kana inside a Latin word"
    if m := STROKE_AFTER_BRACKET.search(flat):
        return f"{m.group(0)!r}: a stroke read as a letter after a bracket"
    if ORPHAN_ORDINAL.search(flat):
        return "第 without a numeral after it: the numeral did not read"
    if m := UNKNOWN_ERA.search(flat):
        return f"{flat[max(m.start() - 1, 0) : m.end() + 4]!r}: a date whose era name did not read"
    if m := DOUBLED_PARTICLE.search(flat):
        return f"{m.group(0)!r}: a particle read twice"
    for line in lines:
        m = DOUBLED_NUMERAL.match(line.strip())
        if m and ord(m.group(2)) != ord(m.group(1)) + 1:
            return f"{m.group(0)[:2]!r}: two numerals out of sequence opening one heading"
        if m and m.group(3) not in ("の", "、", "・", ""):
            return f"{m.group(0)[:2]!r}: two numerals opening one heading, not a reference to both"
    return ""


def _wrapped_closer(line: str, before: str) -> bool:
    """``line`` is only closing brackets (and a full stop or comma) that close brackets the
    cell's text ``before`` it left open: the end of a bracketed phrase wrapped onto a line of its
    own (…（委託に伴うものを除く。 / ）), no speck."""
    closers = regex.sub(r"[。、．，.,]", "", line)
    if not closers or not all(c in _CLOSE_OF for c in closers):
        return False
    depth = sum(before.count(o) for o in _CLOSE_OF.values()) - sum(before.count(c) for c in _CLOSE_OF)
    return depth >= len(closers)


def mixed_number_widths(text: str) -> tuple[str, str] | None:
    """The first two numbers of ``text`` with the same counter after them (or two of a date's
    年, 月, 日), one in half-width and one in full-width digits (``１０万人以上100万人未満`` →
    ``("１０万", "100万")``, ``令和３年4月1日`` → ``("３年", "4月")``), or None."""
    half: dict[str, str] = {}
    full: dict[str, str] = {}
    for m in NUMBER_AND_COUNTER.finditer(text):
        if m.group("of"):  # a branch number: its article's, paragraph's or item's kind
            groups = (m.group("bh"), m.group("bf"), m.group("of"))
        else:
            groups = (m.group("half"), m.group("full"), m.group("counter"))
        counter = COUNTER_KINDS.get(groups[2], groups[2])
        if groups[0]:
            half.setdefault(counter, m.group(0))
            if counter in full:
                return full[counter], m.group(0)
        else:
            full.setdefault(counter, m.group(0))
            if counter in half:
                return m.group(0), half[counter]
    return None


@lru_cache(maxsize=1)
def _headings_in_order() -> tuple[str, ...]:
    """The form's printed headings sorted: a message names the same heading whatever the
    process's hash seed (batch workers come from a forkserver with its own seed)."""
    return tuple(sorted(printed_headings()))


def _near_heading(lines: list[str]) -> str:
    """Why an item cell's line looks like a heading of the form misread ("" when none does): the
    line (without its numbering) is no heading, no part of one, yet within a character or two
    of one (the misreads item_lines.snap_item_lines could not settle)."""
    from .item_lines import NEAR_HEADING_EXTRA, allowed_edits, levenshtein, printed_headings, strip_numbering

    headings = printed_headings()
    for line in lines:
        body = strip_numbering(line.strip())
        if len(body) < 3 or body in headings or any(body in h for h in headings):
            continue
        for h in _headings_in_order():
            limit = allowed_edits(len(h)) + NEAR_HEADING_EXTRA
            if len(h) >= 3 and levenshtein(body, h, limit) <= limit:
                return f"{body[:24]!r} reads like the form's heading {h[:24]!r} misread"
    return ""


# A numbered item line this long (without its numbering) that is the start of one of the form's
# headings and no heading itself, the line after it not going on with that heading, lost its end
# (samples/scan-ocr49: ５．特定個人情報の提 over ③…, its 供・移転 line not read).
MIN_CUT_HEADING = 6


def _cut_heading(lines: list[str]) -> str:
    """Why an item cell's numbered heading line looks cut short ("" when none does): see
    ``MIN_CUT_HEADING``.  A heading wrapped on to the next line (…の提 / 供・移転) is whole."""
    from .item_lines import printed_headings, strip_numbering

    headings = printed_headings()
    stripped = [line.strip() for line in lines]
    for k, line in enumerate(stripped):
        body = strip_numbering(line)
        if body == line or len(body) < MIN_CUT_HEADING or body in headings:
            continue
        longer = [h for h in _headings_in_order() if h.startswith(body)]
        nxt = stripped[k + 1] if k + 1 < len(stripped) else ""
        if longer and not any(h.startswith(body + nxt[: len(h) - len(body)]) for h in longer if nxt):
            return f"{line[:24]!r} is the start of the form's heading {longer[0][:24]!r}, its end not read"
    return ""


def _misnumbered_heading(lines: list[str], own_numbered: frozenset[int] = frozenset()) -> str:
    """Why an item cell's circled numbering is in doubt ("" when it is not): a heading of the
    form read with a circled number the forms give it nowhere, where the cell's earlier headings
    give it another (⑲再委託の有無, ④自己点検 under １．監査: item_lines.foreign_circled), or read
    without the one number they give it (保管場所 under ６．特定個人情報の保管・消去, for
    ①保管場所: item_lines.unnumbered_headings).  Measured on the tuning scans: 12 rows, each
    with its item wrong; on the samples' true item cells, 7 of 206 distinct ones number a
    heading their own way (the form's older editions) and none leaves a number out."""
    found = [m for m in foreign_circled([line.strip() for line in lines]) if m[0] not in own_numbered]
    if found:
        _, read, key, numbers = found[0]
        return f"{read}{key}: the forms number this heading {'/'.join(sorted(numbers))} here, never {read}"
    if lost := unnumbered_headings([line.strip() for line in lines]):
        _, key, number = lost[0]
        return f"{key}: read without the number {number} the forms give it here (a numeral lost)"
    return ""


# A document numbers its headings its own way (bodies add or skip items; the forms' editions
# number the sub-items of a heading, or leave one out: 委託事項's ②取扱いを委託する特定個人情報
# ファイルの範囲 with its three sub-items numbered ③–⑤ gives ⑨委託先名 and ⑩再委託の有無 for the
# current edition's ⑥ and ⑦; a 使用 section without 本人への明示 gives ⑥使用の主体 for ⑦).  A
# circled number the forms give a heading nowhere, but at most OWN_NUMBERING_SHIFT places from a
# number they give it, is read as such a numbering, one heading alone as much as several; a known
# look-alike of the forms' number (⑧ for ②, ⑨ for ③: heading_fixes.MISREAD_CIRCLED) is not.
# OCR's misreads of a circled number that no look-alike list holds land ten or more places off
# (⑯ for ⑥, ⑲ for ⑨: a stroke read as a 1) and stay in doubt.  On the unseen scans (figures
# of session 43's release) the doubt fired on 7 right rows (⑨委託先名 3, ③対象となる本人の数 2,
# ⑥使用の主体 1, ⑩再委託の有無 1) and 5 wrong ones: the earlier rule (two distinct headings
# near the forms' numbers, or at the same shift however far) left a heading alone in doubt.
# On the tuning scans the one misread within the shift (⑥物理的対策 for ⑤) is warned by its
# other cells.  Tesseract's confidence in the glyph does not tell them apart:
# on the scans of samples/scan-ocr40 right circled numbers read at 90–96, as the misread ones did.
OWN_NUMBERING_SHIFT = 3
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def own_numbered_lines(items: list[list[str]]) -> list[frozenset[int]]:
    """For each item cell of one document (``items``: its lines), the indexes of its lines whose
    circled number the forms give the heading nowhere (``foreign_circled``) yet reads as the
    document's own numbering: within OWN_NUMBERING_SHIFT places of a number the forms give it,
    that number not one the number read is a known misread of (``MISREAD_CIRCLED``)."""
    out: list[frozenset[int]] = []
    for lines in items:
        own = set()
        for i, read, _key, numbers in foreign_circled([line.strip() for line in lines]):
            if any(
                n in _CIRCLED
                and n not in MISREAD_CIRCLED.get(read, "")
                and abs(_CIRCLED.index(read) - _CIRCLED.index(n)) <= OWN_NUMBERING_SHIFT
                for n in numbers
            ):
                own.add(i)
        out.append(frozenset(own))
    return out


def foreign_circled(lines: list[str]) -> list[tuple[int, str, str, frozenset[str]]]:
    """The circled_misfits of an item cell whose number read the forms give that heading
    nowhere (⑲再委託の有無, ⑨監査): a misread, or a document's own numbering."""
    return [m for m in circled_misfits(lines) if not given_anywhere(m[1], m[2])]


def unnumbered_headings(lines: list[str]) -> list[tuple[int, str, str]]:
    """(index, heading, number) for each line of an item cell that is exactly a heading of the
    form without numbering (保管場所) where the cell's earlier headings give it one circled
    number (① under ６．特定個人情報の保管・消去) and the line before opens with no circled
    number (①自己点検 / 具体的なチェック方法: a sub-heading the number stands for too)."""
    out: list[tuple[int, str, str]] = []
    ancestors: list[str] = []
    run = ""
    for i, line in enumerate(lines):
        text = line.strip()
        prev = lines[i - 1].strip() if i else ""
        if (
            ancestors
            and text in printed_headings()
            and not ITEM_PREFIX.match(text).group(0)  # type: ignore[union-attr]
            and not regex.match(r"[①-⑳]", prev)
        ):
            key = heading_key(text)
            numbers: set[str] = set()
            for parent in ancestors:
                numbers |= _numbered().get((parent, key), frozenset())
            if len(numbers) == 1:
                out.append((i, text, next(iter(numbers))))
        run = text if ITEM_PREFIX.match(text).group(0) or not run else run + text  # type: ignore[union-attr]
        ancestors.extend(k for k in (heading_key(text), heading_key(run)) if k)
    return out


# An item cell whose first line is a section's title (特定個人情報ファイルの概要, リスク対策, or
# the start of one) without the section numeral (Ⅰ…Ⅵ) before it, or after a glyph or two of
# no word (１関連情 for Ⅰ関連情報), while at least this share of its document's other item cells
# open with a numeral: the numeral did not read.  An item that opens with a lower heading
# (３．特定個人情報の入手・使用 / ⑧使用方法) is printed without its section line, as tables do
# under the rows above: no doubt (on the unseen scans of session 43's release such items made 7
# right rows warned and no wrong one).
SECTION_SHARE = 0.7
SECTIONLESS_WHY = "the item opens with its section's title without a numeral (Ⅰ…Ⅵ): the numeral did not read"
_SECTION_OPENING = "ⅠⅡⅢⅣⅤⅥ"
# At most two glyphs of no word (a misread numeral) before a section's title; a numbering's
# stop (３．) is a lower heading's, not one of them.
_WORD_CHAR = r"\p{Han}\p{Hiragana}\p{Katakana}"
_BEFORE_TITLE = regex.compile(rf"^[^{_WORD_CHAR}．.]{{0,2}}(?=[{_WORD_CHAR}])")
# Characters of a title's start that tell it (リスク, 基本情).
MIN_TITLE_START = 3


def _untitled_section(line: str) -> bool:
    """``line`` (an item cell's first line, not opening with a section numeral) is a section's
    title, or its start when the cell wraps it, after at most two glyphs of no word."""
    m = _BEFORE_TITLE.match(line)
    if m is None:
        return False
    rest = line[m.end() :]
    return any(
        rest.startswith(title) or (len(rest) >= MIN_TITLE_START and title.startswith(rest))
        for title in top_headings()
    )


def _sectionless(rows: list[RawRow]) -> set[int]:
    """Indexes of the rows whose item cell opens with a section's title without its numeral
    (``_untitled_section``) while at least SECTION_SHARE of the other rows' item cells (two or
    more) open with a numeral."""
    opens = []
    firsts = []
    for row in rows:
        lines = [cl.text.strip() for cl in row.cells.get("item") or [] if cl.text.strip()]
        opens.append(None if not lines else lines[0][:1] in _SECTION_OPENING)
        firsts.append(lines[0] if lines else "")
    known = [o for o in opens if o is not None]
    out = set()
    for k, o in enumerate(opens):
        if o is False and _untitled_section(firsts[k]):
            others = len(known) - 1
            if others >= 2 and sum(known) >= SECTION_SHARE * others:
                out.add(k)
    return out


def flag_suspects(rows: list[RawRow]) -> list[str]:
    """An ``ocr_suspect`` doubt (flag ``ocr_suspect:<field>``) added to each row whose OCR text
    breaks a column's grammar (in place); a note counting the rows."""
    count = 0
    sectionless = _sectionless(rows)
    own = own_numbered_lines([[cl.text for cl in row.cells.get("item") or []] for row in rows])
    disordered = date_order_suspects(
        ["".join(cl.text for cl in row.cells.get("change_date") or []) for row in rows]
    )
    for k, row in enumerate(rows):
        found = suspect_fields(row, own[k])
        if k in sectionless and not any(c == "item" for c, _ in found):
            found.append(("item", SECTIONLESS_WHY))
        if k in disordered and not any(c == "change_date" for c, _ in found):
            found.append(("change_date", DATE_ORDER_WHY))
        for column, why in found:
            row.doubts.append(Doubt("ocr_suspect", column, why))
        count += bool(found)
    return [f"{count} OCR row(s) with a cell that breaks its column's grammar (ocr_suspect)"] if count else []
