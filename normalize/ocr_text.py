"""What an OCR cell's text and lines tell of its reading, for normalize/evidence.py's
``ocr_suspect:<field>`` and ``ocr_unsure``: the words the dictionary does not know (SudachiPy
out-of-vocabulary tokens), and tesseract's line confidences where the form's lexicon does not
vouch for the line."""

from __future__ import annotations

import unicodedata
from itertools import pairwise

import regex

from piatable.models import RawRow

from .items import heading_score
from .tokenizer import SudachiTokenizer, Tokenizer, default_tokenizer

# Out-of-vocabulary tokens that are not misreads: ASCII, numbers (10万, 100万).
_KNOWN_OOV = regex.compile(r"^(?:[\x00-\x7f]+|[0-9,.]+[万千億]?)$")
# Kanji numerals (SudachiPy's small dictionary leaves 二 of 別表第二, 三 of 第三者, 一 of 一丁目
# out of its words) are numbers, not misreads, where a number belongs: after 第 (an ordinal) or
# before a counter.  Elsewhere (四 opening a heading where Ⅲ is printed, 四減 for 軽減, 一 between
# a telephone number's digits for －) they stay unknown.  Measured on the tuning scans: 32 right
# rows were warned by such numerals alone.
_KANJI_NUMERAL = regex.compile(r"^[一二三四五六七八九十百千]+$")
# The katakana that number a list's paragraphs (ア 住民票の写し … イ 提供の記録 …).
_LIST_MARKERS = frozenset("アイウエオカキクケコ")
_NUMERAL_COUNTERS = frozenset("丁番号条項款年月日回人件次重種段部章節者期")
# A loanword in katakana that SudachiPy's small dictionary lacks (オンライン, マルウェア): four
# or more katakana, opening with none that cannot open a word (a small kana, ン, ー) and with no
# kana read twice in a row (データセンタター, リリスク: misreads).  Measured on the tuning scans:
# such words, オンライン alone, were the only unknown word of 3 right cells.
_LOANWORD = regex.compile(r"^(?![ァィゥェォッャュョヮヵヶンー])[ァ-ヴー]{4,}$")
_DOUBLED = regex.compile(r"(.)\1")


def unknown_words(text: str, tokenizer: Tokenizer | None = None) -> list[str]:
    """Japanese words of ``text`` the dictionary does not know (SudachiPy OOV), in order."""
    tok = tokenizer or default_tokenizer()
    if not isinstance(tok, SudachiTokenizer) or not text:
        return []
    out = []
    ms = list(tok.tokenize(text))
    for m, nxt in zip(ms, [*ms[1:], None], strict=True):
        s = m.surface()
        if m.is_oov() and s.strip() and not _KNOWN_OOV.match(unicodedata.normalize("NFKC", s)):
            if _counted_kanji_numeral(text, m.begin(), m.end()) or _list_marker(text, m.begin(), s):
                continue
            if _numeral_compound(text, m.begin(), s, nxt):
                continue
            if _LOANWORD.match(s) and not _DOUBLED.search(s.replace("ー", "")):
                continue
            out.append(s)
    return out


def _list_marker(text: str, begin: int, token: str) -> bool:
    """``token`` is the katakana that numbers a paragraph (ア…, イ…: the forms' lists), alone at
    the start of a paragraph of ``text`` (a イ read for 資 inside a line stays unknown)."""
    return token in _LIST_MARKERS and (begin == 0 or text[begin - 1] == "\n")


def _counted_kanji_numeral(text: str, begin: int, end: int) -> bool:
    """``text[begin:end]`` is a kanji numeral standing as a number: after 第, before a counter
    (``_NUMERAL_COUNTERS``) or before の項, with no Arabic digit beside it (０１２３一４５ is a
    misread －)."""
    if not _KANJI_NUMERAL.match(text[begin:end]):
        return False
    before = text[begin - 1] if begin > 0 else ""
    after = text[end] if end < len(text) else ""
    if any(unicodedata.normalize("NFKC", c).isdigit() for c in before + after):
        return False
    # A law's table cites its items as 別表第一の一の項: a numeral before の項 is the item's number.
    return before == "第" or after in _NUMERAL_COUNTERS or text[end : end + 2] == "の項"


def _numeral_compound(text: str, begin: int, token: str, nxt: object) -> bool:
    """``token`` (at ``text[begin]``) is a kanji numeral opening a compound with the word after
    it, a noun of two or more characters the dictionary knows (``二要素認証``, ``三段階``), inside a
    paragraph: not opening one (四 read for Ⅲ opens a heading), with no digit or katakana before
    it (一 read for ー).  A one-character word after it does not count (四減 for 軽減).  Measured on
    the held-out scans: ``二`` of ``IDによる二要素認証`` alone warned 3 right rows."""
    if not _KANJI_NUMERAL.match(token) or nxt is None or begin == 0:
        return False
    before = unicodedata.normalize("NFKC", text[begin - 1])
    if before == "\n" or before.isdigit() or regex.match(r"\p{Katakana}", before):
        return False
    word = nxt.surface()
    return (
        len(word) >= 2
        and not nxt.is_oov()
        and nxt.part_of_speech()[0] == "名詞"
        and bool(regex.match(r"^\p{Han}+$", word))
    )


# An item heading wraps over at most this many lines of its cell.
HEADING_WRAP_LINES = 3


def line_confs(row: RawRow, field: str, corrected: bool = True) -> list[float]:
    """Tesseract's confidence of each line of a cell, but for item lines that read, alone or
    joined with the lines they wrap with (up to HEADING_WRAP_LINES), as a whole numbered heading
    of the form (``items.heading_score`` 1): the lexicon vouches for those whatever tesseract's
    confidence (often lines the corrections snapped to it, or a heading's wrapped tail such as
    ``当部署``, whose 署 tesseract reads unsure; measured on the tuning scans, such lines alone
    warned 17 right rows).  With ``corrected=False`` the lines the OCR corrections put right are
    left out too."""
    lines = row.cells.get(field) or []
    vouched: set[int] = set()
    if field == "item":
        texts = [cl.text.strip() for cl in lines]
        for j in range(len(texts)):
            for k in range(j + 1, min(len(texts), j + HEADING_WRAP_LINES) + 1):
                if heading_score("".join(texts[j:k])) >= 1.0:
                    vouched.update(range(j, k))
    return [
        cl.conf
        for j, cl in enumerate(lines)
        if cl.conf is not None and j not in vouched and (corrected or not cl.corrected)
    ]


_CIRCLED_CHARS = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_CIRCLED = regex.compile(r"^[（(]?([①-⑳])")
_PAREN_NUMBER = regex.compile(r"^[（(]([0-9０-９]{1,2})[．.]")
# Half- and full-width forms side by side in one numbering: "(1 .", "（1．", "(１)", "2７"; a
# paragraph's numbering with a space inside ("1 .従事者…": １． misread).  A bracket before a
# number of the other width counts only when a closing bracket or stop follows the number (a
# numbering): the forms print （18桁）, 広報紙（2月1日号） (a right row warned on the held-out scans).
# A digit ending a Latin run or a decimal (（Ver.2.1）, （ISO27001）) is no numbering: the
# bracket round the run is full width as the text round it.
_WIDTH_MIX = regex.compile(
    r"\([０-９]{1,2}(?=\s*[)）.．])|（[0-9]{1,2}(?=\s*[)）.．])|(?<![.A-Za-z][0-9]*)[0-9]\s*[．）]|[０-９]\s*[.)]|[0-9][０-９]|[０-９][0-9]|\(\s*[0-9]\s+[.．]"
    r"|(?m:^)[0-9]\s+[.．]"
)


def numbering_gap(text: str) -> str:
    """The first break in a cell's numbered paragraphs (①②④, （１．（３．), as ``"2→4"``, or
    ``""``: a numeral that did not read, or read as another."""
    paras = [p.strip() for p in text.split("\n") if p.strip()]
    for pattern in (_CIRCLED, _PAREN_NUMBER):
        nums = [_number(m.group(1)) for p in paras if (m := pattern.match(p))]
        seq = [n for n in nums if n is not None]
        for a, b in pairwise(seq):
            if b != a + 1 and b != 1:
                return f"{a}→{b}"
    return ""


def _number(token: str) -> int | None:
    if token in _CIRCLED_CHARS:
        return _CIRCLED_CHARS.index(token) + 1
    digits = unicodedata.normalize("NFKC", token)
    return int(digits) if digits.isdigit() else None


def width_mix(text: str) -> str:
    """A numbering or bracket printed in mixed widths (``(1 .``, ``（1．``, ``2７``): what OCR
    makes of a full-width one; the first such piece, or ``""``."""
    m = _WIDTH_MIX.search(text)
    return m.group(0) if m else ""


# A word tesseract read below this confidence is kept on its line (``CellLine.unsure``).  Of the
# tuning scans' 227,000 characters 5% read below 97.4, 2% below 93, 1% below 88.
UNSURE_WORD_CONF = 97.5


def unsure_words(words: list) -> tuple[tuple[str, str, str, float], ...]:
    """The OCR words of one line (``Word`` objects, left to right) read below UNSURE_WORD_CONF,
    each as (the character before it, its text, the character after it, its confidence)."""
    low = [(i, c) for i, w in enumerate(words) if (c := w.conf) is not None and not c >= UNSURE_WORD_CONF]
    if not low:
        return ()  # every line of a text-layer PDF (no confidences), and most OCR lines
    out = []
    texts = [w.text.strip() for w in words]
    for i, conf in low:
        if not texts[i]:
            continue
        left = texts[i - 1][-1:] if i > 0 else ""
        right = texts[i + 1][:1] if i + 1 < len(words) else ""
        out.append((left, texts[i], right, float(conf)))
    return tuple(out)


def unsure_spots(row: RawRow, field: str, below: float) -> list[tuple[str, int, int, float]]:
    """Where the words read below ``below`` still stand in the cell's lines after the OCR
    corrections: (the line's text, start, end, confidence) for each such word found with the
    characters that stood round it (a word the corrections changed, or whose neighbours they
    changed, is vouched for by them and left out)."""
    out = []
    for cl in row.cells.get(field) or []:
        text = cl.text
        for left, word, right, conf in cl.unsure:
            if conf >= below:
                continue
            k = text.find(left + word + right)
            if k < 0:
                continue
            out.append((text, k + len(left), k + len(left) + len(word), conf))
    return out
