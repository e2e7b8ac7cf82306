"""OCR character confusions, corrected only where a dictionary or the form says so.

Tesseract's ``jpn`` model confuses characters that look alike across scripts: the long-vowel mark
ー and the kanji 一, katakana ロ カ エ タ ヘ ニ and the kanji 口 力 工 夕 へ(hiragana) 二, O and 0 in
dates, and the Roman numerals of the form's top headings (Ⅱ read as ``Il``).  Nothing here
replaces blindly:

- a look-alike is swapped only when the swap turns the character from a stray one-character or
  out-of-vocabulary token into a known word of two or more characters (SudachiPy), next to a
  character of the swap's script (katakana beside katakana, kanji beside kanji);
- a date is corrected only when it does not parse and the corrected one does;
- a heading's numeral is restored only when the rest of the line is (the start of) a top heading
  of the form (``items.lexicon`` files), the numeral the form prints with it;
- ``[O]`` is the form's check mark ``[○]`` only as a paragraph's opening.

Headings and their numerals: ``heading_fixes``.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from piatable.models import Doubt, RawRow
from piatable.normalize.chars import starts_paragraph
from piatable.normalize.tokenizer import SudachiTokenizer, default_tokenizer
from piatable.vocabulary import DATA_DIR

from .cross_placeholders import fix_cross_run
from .date_repairs import fix_date
from .heading_fixes import (
    fix_heading,
    restore_numerals,
    snap_to_headings,
    snap_top_heading,
    split_like,
)
from .item_lines import snap_item_lines
from .item_numbers import (
    form_instance_numbers,
    form_numbering,
    heading_wraps,
    number_bare_heading_rows,
    snap_numbered,
)
from .lone_katakana import lone_katakana_in_lines
from .numbering_doubts import flag_rewritten_numberings
from .paragraph_counts import paren_numbers, restore_number_brackets
from .phrases import printed_phrases, snap_closing_note, snap_phrases
from .read_headings import keep_read_headings
from .stray_kana import drop_stray_before_katakana
from .structure_fixes import (
    drop_box_specks,
    drop_stray_open_bracket,
    even_date_digits,
    even_date_widths,
    even_numbering,
    even_placeholders,
    even_running_dates,
    fix_check_boxes,
    fix_number_dashes,
    fix_placeholder_run,
    restore_choice_brackets,
    restore_circled_gaps,
    restore_ticked_box,
    restore_title_bracket,
)
from .symbol_fixes import fix_symbols

# Look-alike pairs (both directions).
PAIRS = (("ー", "一"), ("ロ", "口"), ("カ", "力"), ("エ", "工"), ("タ", "夕"), ("ヘ", "へ"), ("ニ", "二"))
CONFUSABLE: dict[str, str] = {a: b for p in PAIRS for a, b in (p, p[::-1])}
# Characters tesseract's ``jpn`` model reads in place of others in print like the form's (Gothic
# and Mincho at 200-300 dpi), as measured on the generated scans (tools/bench_scan.py): the
# character read → the characters that may have been printed.
MISREADS: dict[str, str] = {
    "こ": "に",
    "た": "に",
    "で": "て",
    "ト": "上",
    "パ": "バ",
    "ピ": "ビ",
    "人": "入",
    "入": "人",
    "つ": "→",
    "膳": "謄",
    "明": "毀",
    "暖": "毀",
    "店": "庁",
    "軒": "置",
    "減": "滅",
    "面": "耐",
    "暴": "異",
    "員": "届",
    "必": "届",
    "著": "署",
    "駆": "賦",
    "農": "賦",
    "衰": "喪",
    "首": "告道",
    "呈": "号",
    "会": "令",
    "合": "台",
    "礎": "歴",
    "征": "年",
    "共": "基",
    "暫": "署",
    "短": "簿",
    "過": "賦",
    # 口 read with a stroke or a box more (窓口 → 窓日, 窓品, 窓昌: set X's 300 dpi 1-bit scan).
    "日": "口",
    "品": "口",
    "昌": "口",
    # 喪 and 溶 read as glyphs of their outline (資格表失届, 資格豪失届, 深解処理: set XXXIV's G4 TIFF
    # and 300 dpi staple-corner scans, 3 rows, 1 of them unwarned).
    "表": "喪",
    "豪": "喪",
    "深": "溶",
}
# A small kana read for its full-size glyph (正確かっ統一的に), never the reverse (いつ時点 → いっ時点).
MISREADS.update(zip("っッゃゅょャュョァィゥェォ", "つツやゆよヤユヨアイウエオ", strict=True))
# Characters of context on each side handed to the tokenizer.
CONTEXT = 6
# The shortest word a look-alike swap must produce (カ/力 alone are both words).
MIN_WORD = 2
# How much cheaper (SudachiPy path cost) the context must read after a swap.  On the generated
# scans' misreads and on every expected line of the samples (docs: tools/bench_scan.py), 2000
# kept 165 of 187 true corrections and let 2 of 860 wrong swaps through before the
# in-vocabulary check, which stops those two.
MIN_GAIN = 2000


@lru_cache(maxsize=1)
def form_words() -> frozenset[str]:
    """Words the forms print (data/ocr_form_words.tsv): a swap that makes one is taken."""
    text = DATA_DIR.joinpath("ocr_form_words.tsv").read_text("utf-8")
    return frozenset(w for line in text.splitlines() if (w := line.split("#")[0].strip()) and len(w) >= 2)


def _form_word_at(text: str, i: int) -> bool:
    """True when a word of the forms (form_words) covers position ``i`` of ``text``."""
    for w in form_words():
        start = text.find(w, max(0, i - len(w) + 1))
        while start != -1 and start <= i:
            if i < start + len(w):
                return True
            start = text.find(w, start + 1)
    return False


def _candidates(ch: str) -> str:
    return CONFUSABLE.get(ch, "") + MISREADS.get(ch, "")


def _token_at(tok, text: str, i: int) -> tuple[str, bool]:  # type: ignore[no-untyped-def]
    """(surface, out of vocabulary) of the token covering position ``i``."""
    pos = 0
    for m in tok.tokenize(text):
        s = m.surface()
        if pos <= i < pos + len(s):
            return s, m.is_oov()
        pos += len(s)
    return "", True


# Kanji numerals (一 read as ー, 二 as ニ) stand after 第 or before a counter (別表第二,
# 一丁目, 二次): SudachiPy reads a lone kanji numeral as an unknown word, so there the context
# (and the cost) decides alone.
KANJI_NUMERALS = "一二三"
_COUNTERS = ("丁目", "条", "号", "項", "次", "回", "番", "種", "類", "者")


def _counted_numeral(chars: list[str], i: int, alt: str) -> bool:
    """True when ``alt`` at ``i`` would be a kanji numeral after 第 or before a counter."""
    if alt not in KANJI_NUMERALS:
        return False
    after = "".join(chars[i + 1 : i + 3])
    return (i > 0 and chars[i - 1] == "第") or any(after.startswith(c) for c in _COUNTERS)


def fix_confusions(text: str, tokenizer: SudachiTokenizer | None = None) -> tuple[str, int]:
    """``text`` with misread characters swapped where the dictionary reads the context much more
    easily after the swap (its path cost falls by MIN_GAIN or more) and the swapped character
    sits in a known word; the number of swaps."""
    if not any(_candidates(ch) for ch in text):
        return text, 0
    st = tokenizer or default_tokenizer()
    chars = list(text)
    fixes = 0
    for i, ch in enumerate(chars):
        alts = _candidates(ch)
        if not alts:
            continue
        lo, hi = max(0, i - CONTEXT), min(len(chars), i + CONTEXT + 1)
        window = "".join(chars[lo:hi])
        limit = _reading_cost(st, window) - MIN_GAIN
        passing: list[tuple[int, str]] = []
        in_form = _form_word_at(window, i - lo)
        for alt in alts:
            swapped = window[: i - lo] + alt + window[i - lo + 1 :]
            if not in_form and _form_word_at(swapped, i - lo):
                # A word the forms print (店内連携 → 庁内連携): no dictionary gain needed.
                passing.append((-1, alt))
                continue
            cost = _reading_cost(st, swapped)
            if cost > limit:
                continue
            surface, oov = _token_at(st, swapped, i - lo)
            if _counted_numeral(chars, i, alt):
                passing.append((cost, alt))
                continue
            if oov or (len(surface) < MIN_WORD and alt in CONFUSABLE):
                continue
            passing.append((cost, alt))
        passing.sort()
        # Two readings the dictionary likes about as well (報首: 報告 or 報道): left as read.
        if passing and (len(passing) == 1 or passing[1][0] - passing[0][0] >= MIN_GAIN):
            chars[i] = passing[0][1]
            fixes += 1
    return "".join(chars), fixes


# Pairs tesseract prints when it reads one glyph twice (リスクヘへの, バパックアップ, 人入力):
# the glyph and a look-alike of it.
DOUBLE_READS = frozenset(
    {"ヘへ", "へヘ", "バパ", "パバ", "ビピ", "ピビ", "ブプ", "プブ", "ベペ", "ペベ", "ボポ", "ポボ"}
    | {"人入", "入人", "こに", "にこ", "たに", "にた", "にに", "かが", "がか", "シツ", "ツシ", "ソン", "ンソ"}
)
# What a character the dictionary does not know adds to a reading's cost: SudachiPy reads an
# unknown katakana run cheaply (リスクヘ as one word), which must not beat リスクへ.
UNKNOWN_CHAR_COST = 3000


def _reading_cost(st: SudachiTokenizer, text: str) -> int:
    ms = st.tokenize(text)
    unknown = sum(len(m.surface()) for m in ms if m.is_oov())
    return int(ms.get_internal_cost()) + UNKNOWN_CHAR_COST * unknown


# A kana read inside a katakana word where the glyphs meet (既存住基シとステム).
_STRAY_IN_KATAKANA = regex.compile(r"(?<=\p{Katakana})\p{Hiragana}(?=\p{Katakana})")
# A katakana read from a bracket's edge between the bracket and a katakana word (＜ズサービス):
# one of the strokes a bracket's edge makes (BRACKET_EDGE_KANA), not any katakana (（マイナンバー
# read whole: SudachiPy knows no マイナンバー and reads ナンバー more cheaply; set VIII).
BRACKET_EDGE_KANA = "ズスクノソンレシツ"
_STRAY_AFTER_BRACKET = regex.compile(rf"(?<=[＜<（(「])[{BRACKET_EDGE_KANA}](?=[\p{{Katakana}}ー]{{2}})")


def drop_double_reads(text: str, tokenizer: SudachiTokenizer | None = None) -> str:
    """``text`` (a cell line) with characters tesseract read where there was no glyph of their
    own dropped where the dictionary reads the line much more easily without them (MIN_GAIN;
    unknown characters counted at UNKNOWN_CHAR_COST): one of a look-alike pair in DOUBLE_READS
    (one glyph read twice), a hiragana inside a katakana word, or a katakana between an opening
    bracket and a katakana word (＜ズサービス)."""
    candidates = [(k, k + 1) for k in range(len(text) - 1) if text[k : k + 2] in DOUBLE_READS]
    candidates += [(m.start(),) for m in _STRAY_IN_KATAKANA.finditer(text)]
    after_bracket = {m.start() for m in _STRAY_AFTER_BRACKET.finditer(text)}
    candidates += [(q,) for q in sorted(after_bracket)]
    if not candidates:
        return text
    st = tokenizer or default_tokenizer()
    gone: set[int] = set()
    for choices in sorted(candidates):
        if any(q in gone or q - 1 in gone for q in choices):
            continue

        def without(q: int) -> str:
            return "".join(ch for k, ch in enumerate(text) if k not in gone and k != q)

        # The whole line is read: a window cut mid-word (バックアップデ) can favour either.
        limit = _reading_cost(st, without(-1)) - MIN_GAIN
        cost, q = min((_reading_cost(st, without(q)), q) for q in choices)
        if cost > limit:
            continue
        if (
            len(choices) == 1
            and q not in after_bracket
            and not _joins_one_word(st, without(q), q - sum(1 for g in gone if g < q))
        ):
            continue
        gone.add(q)
    return "".join(ch for k, ch in enumerate(text) if k not in gone)


# A hiragana tesseract reads out of a neighbour's strokes (行わなかいよう for 行わないよう): dropped
# only where the dictionary reads the window around it this much more easily without it (four
# times MIN_GAIN: on the samples' 895 distinct truth lines, 8000 drops nothing, 4000 drops the
# も of …ものか).
STRAY_KANA_GAIN = 8000
_KANA_BETWEEN_KANA = regex.compile(r"(?<=\p{Hiragana})\p{Hiragana}(?=\p{Hiragana})")


def drop_stray_kana(text: str, tokenizer: SudachiTokenizer | None = None) -> str:
    """``text`` (a cell line) without a hiragana between hiragana that the dictionary reads as a
    stray glyph (its window of CONTEXT characters each side costs STRAY_KANA_GAIN less without
    it), one per window at most; then ``stray_kana.drop_stray_before_katakana``."""
    if not _KANA_BETWEEN_KANA.search(text):
        return drop_stray_before_katakana(text, tokenizer)
    st = tokenizer or default_tokenizer()
    out = text
    for m in reversed(list(_KANA_BETWEEN_KANA.finditer(text))):
        q = m.start()
        if q + 1 >= len(out) or not _KANA_BETWEEN_KANA.match(out, q):
            continue
        lo, hi = max(0, q - CONTEXT), min(len(out), q + CONTEXT + 1)
        window = out[lo:hi]
        without = window[: q - lo] + window[q - lo + 1 :]
        if _reading_cost(st, window) - _reading_cost(st, without) >= STRAY_KANA_GAIN:
            out = out[:q] + out[q + 1 :]
    return drop_stray_before_katakana(out, st)


def _joins_one_word(st: SudachiTokenizer, text: str, at: int) -> bool:
    """True when one known word of ``text`` covers both sides of position ``at`` (where a
    character was taken out): シ|ステム reads as システム, while データ|カード stays two words."""
    pos = 0
    for m in st.tokenize(text):
        end = pos + len(m.surface())
        if pos < at < end:
            return not m.is_oov()
        pos = end
    return False


# The check mark [○] opening a line, its brackets read as their look-alikes (【O] in scan set G).
_CHECK = regex.compile(r"^(\s*)[\[［【〔][OoＯｏ0０〇○][\]］】〕IlＩｌ1１|｜jJ)）](?=\S)")
# The form's sub-headings ＜…における措置＞ with their brackets misread (く, ぐ; の, 5, 2): only
# with the opening one there (…における措置の may wrap on to 内容).
_MEASURE_TITLE = regex.compile(
    r"^(\s*)(?:[くぐ<＜][くぐごて]?)?([^<＜>＞\s]{2,30}における措置)[のっ52２>＞]?\s*$"
)


# ＜…＞ opens a paragraph in the form's cells (＜既存住基システムにおける措置＞); OCR reads ＜ as く/ぐ.
_ANGLE = regex.compile(
    r"^(\s*)(?:[くぐべご][くぐべごて]?|[<＜][くぐご]?)(?=[^<＜>＞\n]{2,40}\n?[^<＜>＞\n]{0,20}[>＞])"
)
# A bracketed title whose ＜ did not read at all: a line that closes a ＞ it never opened, after a
# line that ended its paragraph (or none).
_CLOSES_UNOPENED = regex.compile(r"^(\s*)(?=[^<＜>＞\n]{2,40}[>＞])")
_PARAGRAPH_END = regex.compile(r"(?:^|[。＞>）)])\s*$")


# ○ (the form's placeholder, ○○市) read as the kanji zero 〇, which only stands among kanji numerals.
_ZERO_RUN = regex.compile(r"(?<![一二三四五六七八九十百千〇])〇+(?![一二三四五六七八九十百千〇])")


def fix_placeholder(line: str) -> str:
    """〇 outside a kanji numeral (〇〇市, [〇]) → the placeholder/mark ○."""
    return _ZERO_RUN.sub(lambda m: "○" * len(m.group(0)), line)


def fix_marks(line: str, previous: str | None = None) -> str:
    """``[O]``/``[OI``/``[0]``/``【O]`` opening a line → the form's check mark ``[○]``; く/ぐ opening a
    line whose ＞ closes a bracketed title → ＜; and a ＜ that did not read at all restored
    before a title that closes with ＞ on a line of its own (``previous``: the line before, None
    for a cell's first)."""
    line = _CHECK.sub(lambda m: m.group(1) + "[○]", line)
    head, sep, tail = line.partition("\n")
    title = _MEASURE_TITLE.match(head)
    if title and head.lstrip()[:1] in "くぐ<＜":
        line = title.group(1) + "＜" + title.group(2) + "＞" + sep + tail
    line = _ANGLE.sub(lambda m: m.group(1) + "＜", line)
    if previous is None or _PARAGRAPH_END.search(previous):
        line = _CLOSES_UNOPENED.sub(lambda m: m.group(1) + "＜", line, count=1)
    return line


def _ends_sentence(st: SudachiTokenizer, text: str) -> bool:
    """True when ``text`` ends on a verb of two or more characters or an auxiliary, in its final
    form (している, 行う, ない, 図った); a lone verb character is more likely a word cut short
    (抑止す in a clipped cell)."""
    ms = st.tokenize(text[-12:])
    if not len(ms):
        return False
    last = ms[-1]
    pos = last.part_of_speech()
    if not pos[5].startswith("終止形"):
        return False
    return pos[0] == "助動詞" or (pos[0] == "動詞" and len(last.surface()) >= 2)


def restore_full_stops(lines: list[str], tokenizer: SudachiTokenizer | None = None) -> list[str]:
    """A cell's lines with the 。 that did not read put back: where a line ends a paragraph (the
    cell's last line, or the next opens a paragraph) on a sentence's final verb, in a cell that
    ends its other sentences with 。."""
    if not any("。" in line for line in lines):
        return lines
    st = tokenizer or default_tokenizer()
    out = list(lines)
    for j, line in enumerate(lines):
        text = line.rstrip()
        if not text or text[-1] in "。．.、，)）」』＞>":
            continue
        if j + 1 < len(lines) and not starts_paragraph(lines[j + 1].lstrip()):
            continue
        if _ends_sentence(st, text):
            out[j] = text + "。" + line[len(text) :]
    return out


def drop_double_reads_across(lines: list[str], tokenizer: SudachiTokenizer | None = None) -> list[str]:
    """``drop_double_reads`` on a cell's lines read as one text (a glyph read twice where a
    line wraps: 機能に|における), each line keeping the characters that stay."""
    if len(lines) < 2:
        return lines
    joined = "".join(lines)
    kept = drop_double_reads(joined, tokenizer)
    if kept == joined:
        return lines
    # Which characters went: walk both texts (only characters are dropped).
    out, k = [], 0
    for line in lines:
        piece = []
        for ch in line:
            if k < len(kept) and kept[k] == ch:
                piece.append(ch)
                k += 1
        out.append("".join(piece))
    return out if k == len(kept) else lines


def _fix_wrapped_heading(line: str, nxt: str) -> str:
    """``heading_fixes.fix_heading`` of an item line, judged with the next line when the heading
    wraps there (⑧＠提供先における用 / 途 → ②提供先における用)."""
    fixed = fix_heading(line)
    nxt = nxt.strip()
    if fixed != line or not nxt:
        return fixed
    joined = fix_heading(line.rstrip() + nxt)
    if joined != line.rstrip() + nxt and joined.endswith(nxt):
        return joined[: len(joined) - len(nxt)]
    return line


# The columns whose paragraphs a row numbers alike ((1)… in before, after and explanation).
_NUMBERED_COLUMNS = ("before", "after", "explanation")


def snap_item_text(texts: list[str]) -> list[str]:
    """An item cell's lines (one string each) snapped to the form's headings and numbering."""
    return form_instance_numbers(
        snap_numbered(form_numbering(snap_item_lines(snap_to_headings(snap_top_heading(texts)))))
    )


def fix_rows(rows: list[RawRow], tokenizer: SudachiTokenizer | None = None) -> int:
    """Correct the cell lines of OCR rows in place; the number of lines changed.  Changed rows are
    flagged ``ocr_corrected``.  Look-alikes are judged on the cell's lines read as one text: a
    word wrapped over a line end (こ|と) would read as a different one on its line alone."""
    changed = 0
    # The document's own spelling of its stock sentences (あたらない / 当たらない), as read.
    printed = printed_phrases(["".join(cl.text for cl in row.cells.get("explanation") or []) for row in rows])
    for row in rows:
        n = 0
        numbered = paren_numbers([cl.text for c in _NUMBERED_COLUMNS for cl in row.cells.get(c) or []])
        for column, lines in row.cells.items():
            texts = []
            for j, cl in enumerate(lines):
                text = cl.text
                if column == "change_date":
                    text = fix_date(even_date_digits(text))
                else:
                    if column == "item":
                        text = _fix_wrapped_heading(text, lines[j + 1].text if j + 1 < len(lines) else "")
                    elif column in ("before", "after"):
                        # A bracketed title may wrap: its ＞ is looked for on the next line too.
                        nxt = lines[j + 1].text if j + 1 < len(lines) else ""
                        fixed = fix_marks(text + "\n" + nxt, texts[-1] if texts else None)
                        text = restore_title_bracket(fixed[: len(fixed) - len(nxt) - 1])
                        text = fix_check_boxes(restore_ticked_box(text))
                    text = fix_cross_run(fix_placeholder_run(fix_placeholder(text)))
                    text = drop_double_reads(text, tokenizer)
                    text = even_running_dates(drop_stray_kana(text, tokenizer))
                texts.append(text)
            if column != "change_date" and texts:
                texts = drop_stray_open_bracket(drop_double_reads_across(texts, tokenizer))
                if column == "item":
                    texts = snap_item_text(texts)
                else:
                    texts = restore_circled_gaps(texts)
                if column in ("before", "after"):
                    texts = drop_box_specks(texts, [cl.wraps for cl in lines])
                if column in _NUMBERED_COLUMNS:
                    texts = restore_number_brackets(texts, numbered)
                joined, _ = fix_confusions(lone_katakana_in_lines(texts), tokenizer)
                # A telephone number wraps (０１２３ー４５|ー６７８９): judged on the joined text.
                joined = fix_number_dashes(joined)
                texts = fix_symbols("\n".join(split_like(joined, texts))).split("\n")
                if column != "item":
                    # Again, with an @ read for a circled number put right (① ＠ … ④).
                    texts = restore_circled_gaps(texts)
                if column in ("before", "after", "explanation"):
                    texts = restore_choice_brackets(restore_full_stops(texts, tokenizer))
                if column == "explanation":
                    texts = snap_phrases(texts, printed)
                elif column == "after":
                    texts = snap_closing_note(texts)
            for cl, text in zip(lines, texts, strict=True):
                if text != cl.text:
                    cl.text = text
                    n += 1
        if n:
            changed += n
            row.add_flag("ocr_corrected")
    return changed + restore_numerals(rows)


def correct_ocr_rows(rows: list[RawRow]) -> list[str]:
    """Dictionary-checked corrections of OCR confusions in the rows' lines (in place); notes.
    Cells whose text still breaks their column's grammar get an ``ocr_suspect`` doubt
    (``suspects.flag_suspects``).

    Each corrected line is listed in its row's evidence (``ocr_corrected``: what was read →
    what was written), so that the report can show what changed."""
    from .suspects import flag_suspects

    was = [{c: [cl.text for cl in cells] for c, cells in row.cells.items()} for row in rows]
    from .block_titles import restore_block_titles
    from .choice_widths import even_choices
    from .date_repairs import repair_dates
    from .document_words import mend_confident_from_document, mend_from_document
    from .echoes import echo_circled_numbers, echo_full_stops, mend_echoes
    from .empty_boxes import restore_empty_boxes
    from .list_numberings import even_list_numberings
    from .number_widths import even_number_widths
    from .ordinals import restore_ordinals
    from .placeholder_reads import mend_placeholder_reads
    from .polarity import keep_polarity
    from .punctuation import fix_punctuation
    from .speck_lines import drop_speck_marks
    from .stop_misreads import mend_misread_stops
    from .word_glyphs import mend_word_glyphs
    from .word_widths import even_word_widths

    fixes = fix_rows(rows) + mend_word_glyphs(rows) + fix_punctuation(rows) + restore_block_titles(rows)
    fixes += mend_misread_stops(rows)
    fixes += drop_speck_marks(rows)
    fixes += repair_dates(rows) + even_numbering(rows) + even_date_widths(rows)
    fixes += even_placeholders(rows) + mend_placeholder_reads(rows)
    fixes += even_choices(rows) + restore_empty_boxes(rows)
    fixes += even_number_widths(rows) + even_word_widths(rows) + mend_echoes(rows) + echo_full_stops(rows)
    fixes += echo_circled_numbers(rows)
    fixes += number_bare_heading_rows(rows) + mend_from_document(rows) + mend_confident_from_document(rows)
    fixes += restore_ordinals(rows) + even_list_numberings(rows)
    flag_rewritten_numberings(rows, was)
    for row, before in zip(rows, was, strict=True):
        # An item line read as a heading of the form keeps it, whichever step changed it.
        item = row.cells.get("item") or []
        for cl, text in zip(
            item, keep_read_headings(before.get("item", []), [cl.text for cl in item]), strict=True
        ):
            fixes -= text != cl.text
            cl.text = text
    for row in rows:
        item = row.cells.get("item") or []
        # A heading wrapped over lines is one line of the item, whatever its ink said.
        for k in heading_wraps([cl.text for cl in item]):
            item[k].wraps = True
    # No correction may add or remove a negation (該当しな → 該当する reverses the line).
    fixes -= keep_polarity(rows, was)
    for row, before in zip(rows, was, strict=True):
        for column, cells in row.cells.items():
            old = before.get(column, [])
            for k, cl in enumerate(cells):
                if k < len(old) and old[k] != cl.text:
                    cl.corrected = True
                    why = f"read {old[k].strip()!r}, corrected to {cl.text.strip()!r}"
                    row.doubts.append(Doubt("ocr_corrected", column, why, 0.0))
    from .picture_lines import drop_picture_lines
    from .section_lines import restore_section_lines
    from .speck_lines import drop_speck_lines

    # After the evidence above: a line put back shifts the cell's lines (its own evidence).
    fixes += restore_section_lines(rows) + drop_speck_lines(rows) + drop_picture_lines(rows)
    from .better_reads import take_better_reads
    from .second_reads import settle_second_reads

    # A date cell taken from the second read is mended as the first was (２０１８ン８ノ１７).
    fixes += take_better_reads(rows) + repair_dates(rows)
    settle_second_reads(rows)
    notes = [f"{fixes} OCR line(s) corrected from dictionary or form evidence"] if fixes else []
    from .broken_clauses import flag_broken_clauses
    from .placeholder_forms import flag_placeholder_forms
    from .width_splits import flag_width_splits

    # What the corrections could not mend: cells that still break their column's grammar, and
    # placeholders whose circle the scan cannot tell.
    notes += flag_suspects(rows) + flag_placeholder_forms(rows) + flag_broken_clauses(rows)
    return notes + flag_width_splits(rows)
