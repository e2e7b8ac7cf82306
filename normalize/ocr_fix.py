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
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import regex

from piatable.models import RawRow

from .dates import parse_date
from .items import HEADING_FILES
from .tokenizer import Tokenizer, default_tokenizer

# Look-alike pairs (both directions).
PAIRS = (("ー", "一"), ("ロ", "口"), ("カ", "力"), ("エ", "工"), ("タ", "夕"), ("ヘ", "へ"), ("ニ", "二"))
CONFUSABLE: dict[str, str] = {a: b for p in PAIRS for a, b in (p, p[::-1])}
# Characters of context on each side handed to the tokenizer.
CONTEXT = 6
# The shortest word a swap must produce.
MIN_WORD = 2

_KATAKANA = regex.compile(r"[\p{Katakana}ー]")
_KANJI = regex.compile(r"[\p{Han}々]")
_HIRAGANA = regex.compile(r"\p{Hiragana}")


def _script(ch: str) -> str:
    if _KATAKANA.match(ch):
        return "katakana"
    if _KANJI.match(ch):
        return "kanji"
    if _HIRAGANA.match(ch):
        return "hiragana"
    return "other"


def _token_at(tok, text: str, i: int) -> tuple[str, bool]:  # type: ignore[no-untyped-def]
    """(surface, out of vocabulary) of the token covering position ``i``."""
    pos = 0
    for m in tok.tokenize(text):
        s = m.surface()
        if pos <= i < pos + len(s):
            return s, m.is_oov()
        pos += len(s)
    return "", True


def _oov_count(tok, text: str) -> int:  # type: ignore[no-untyped-def]
    return sum(len(m.surface()) for m in tok.tokenize(text) if m.is_oov())


def fix_confusions(text: str, tokenizer: Tokenizer | None = None) -> tuple[str, int]:
    """``text`` with look-alike characters swapped where the dictionary supports it; the number
    of swaps."""
    if not any(ch in CONFUSABLE for ch in text):
        return text, 0
    tok = (tokenizer or default_tokenizer())._tokenizer()  # type: ignore[attr-defined]
    chars = list(text)
    fixes = 0
    for i, ch in enumerate(chars):
        alt = CONFUSABLE.get(ch)
        if alt is None:
            continue
        neighbours = [chars[j] for j in (i - 1, i + 1) if 0 <= j < len(chars)]
        if not any(_script(n) == _script(alt) for n in neighbours):
            continue
        # ー only lengthens a preceding kana.
        if alt == "ー" and (i == 0 or _script(chars[i - 1]) not in ("katakana", "hiragana")):
            continue
        lo, hi = max(0, i - CONTEXT), min(len(chars), i + CONTEXT + 1)
        before = "".join(chars[lo:hi])
        after = before[: i - lo] + alt + before[i - lo + 1 :]
        surface, oov = _token_at(tok, before, i - lo)
        new_surface, new_oov = _token_at(tok, after, i - lo)
        odd = oov or len(surface) < MIN_WORD
        if not odd or new_oov or len(new_surface) < MIN_WORD:
            continue
        if _oov_count(tok, after) > _oov_count(tok, before):
            continue
        chars[i] = alt
        fixes += 1
    return "".join(chars), fixes


# --------------------------------------------------------------------------- dates

_DATE_SWAPS = str.maketrans(
    {"O": "0", "o": "0", "Ｏ": "０", "〇": "0", "l": "1", "I": "1", "|": "1", "｜": "1"}
    | {"曰": "日", "回": "日", "目": "日"}
)


def fix_date(text: str) -> str:
    """A date that does not parse, with O/o→0 and l/I/|→1: kept only when it then parses."""
    if not text.strip() or parse_date(text) is not None:
        return text
    swapped = text.translate(_DATE_SWAPS)
    return swapped if swapped != text and parse_date(swapped) is not None else text


# --------------------------------------------------------------------------- headings and marks


@lru_cache(maxsize=1)
def top_headings() -> dict[str, frozenset[str]]:
    """Top headings of the forms → the Roman numerals printed before them (特定個人情報ファイルの概要
    → Ⅱ; リスク対策 → Ⅲ in the seed's 全項目 table, Ⅳ in 基礎項目 tables)."""
    data = resources.files("piatable").joinpath("data")
    out: dict[str, set[str]] = {}
    for name in HEADING_FILES:
        for line in data.joinpath(name).read_text("utf-8").splitlines():
            parts = line.split("\t")
            m = regex.fullmatch(r"(?:[^:\t/]+:)?([ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ])", parts[0]) if len(parts) >= 2 else None
            if m:
                out.setdefault(regex.sub(r"\s+", "", parts[1]), set()).add(m.group(1))
    # Short names the tables print: the seed's Ⅲリスク対策, 基礎項目's Ⅳリスク対策.
    out.setdefault("リスク対策", set()).update({"Ⅲ", "Ⅳ"})
    return {k: frozenset(v) for k, v in out.items()}


# What OCR makes of a Roman numeral: Latin look-alikes, bars, and a kanji or two it mistakes it for.
_NUMERAL_GARBAGE = regex.compile(r"^[IlｌＩＬ1１|｜!LⅠⅡⅢⅣⅤⅥ川皿上工丁押功和中由軸Vv]{1,3}$")


# Which numeral a misread looks like (Ⅲ's three bars read as 皿, 川, 中 …).
_NUMERAL_SHAPES = {
    "Ⅰ": {"I", "l", "|", "｜", "1", "１", "Ｉ", "ｌ"},
    "Ⅱ": {"II", "Il", "lI", "ll", "IL", "ＩＬ", "TI", "Ｉｌ", "ＩＩ", "11", "１１"},
    "Ⅲ": {"III", "Ill", "lll", "皿", "川", "中", "由", "軸", "ＩＩＩ"},
    "Ⅳ": {"IV", "lV", "ＩＶ", "Ｖ"},
}


def _numeral_for(prefix: str, numerals: frozenset[str]) -> str | None:
    for numeral, shapes in _NUMERAL_SHAPES.items():
        if prefix in shapes and numeral in numerals:
            return numeral
    return next(iter(numerals)) if len(numerals) == 1 else None


@lru_cache(maxsize=1)
def circled_headings() -> dict[str, frozenset[str]]:
    """Headings of the forms numbered ①…⑳ → their numbers (入手方法 → ②)."""
    data = resources.files("piatable").joinpath("data")
    out: dict[str, set[str]] = {}
    for name in HEADING_FILES:
        for line in data.joinpath(name).read_text("utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) < 2 or not regex.search(r"/[①-⑳]$", parts[0]):
                continue
            for piece in regex.split(r"\s*/\s*", parts[1]):
                key = regex.sub(r"\s+|※", "", piece)
                if len(key) >= 2:
                    out.setdefault(key, set()).add(parts[0][-1])
    return {k: frozenset(v) for k, v in out.items()}


# What OCR makes of a circled number: @, ®, © or a wrong circled digit beside one of those.
_CIRCLE_GARBAGE = regex.compile(r"^(?:[@＠®©Ⓒ]|[①-⑳][@＠®©]|[@＠®©][①-⑳])$")


def fix_heading(line: str) -> str:
    """An item line that is (the start of) a heading of the form after a misread number gets the
    form's number back: a Roman numeral before a top heading (the one its shape suggests, when
    the heading has several in different forms), a circled number before a numbered heading
    whose number the forms agree on."""
    text = line.strip()
    for heading, numerals in top_headings().items():
        for k in range(1, 4):
            prefix, rest = text[:k], text[k:]
            if prefix in numerals:
                break
            if (
                len(rest) >= min(len(heading), 4)
                and heading.startswith(rest)
                and _NUMERAL_GARBAGE.match(prefix)
            ):
                numeral = _numeral_for(prefix, numerals)
                return numeral + rest if numeral else line
    for k in (1, 2):
        prefix, rest = text[:k], text[k:]
        if not _CIRCLE_GARBAGE.match(prefix):
            continue
        numbers = circled_headings().get(rest)
        if numbers and len(numbers) == 1:
            return next(iter(numbers)) + rest
    return line


_CHECK = regex.compile(r"^(\s*)[\[［][OoＯｏ0０〇○][\]］IlＩｌ1１|｜](?=\S)")


# ＜…＞ opens a paragraph in the form's cells (＜既存住基システムにおける措置＞); OCR reads ＜ as く/ぐ.
_ANGLE = regex.compile(r"^(\s*)(?:[くぐべご]{1,2}|[<＜][くぐご]?)(?=[^>＞\n]{2,40}\n?[^>＞\n]{0,20}[>＞])")


# ○ (the form's placeholder, ○○市) read as the kanji zero 〇, which only stands among kanji numerals.
_ZERO_RUN = regex.compile(r"(?<![一二三四五六七八九十百千〇])〇+(?![一二三四五六七八九十百千〇])")


def fix_placeholder(line: str) -> str:
    """〇 outside a kanji numeral (〇〇市, [〇]) → the placeholder/mark ○."""
    return _ZERO_RUN.sub(lambda m: "○" * len(m.group(0)), line)


def fix_marks(line: str) -> str:
    """``[O]``/``[OI``/``[0]`` opening a line → the form's check mark ``[○]``; く/ぐ opening a
    line whose ＞ closes a bracketed title → ＜."""
    line = _CHECK.sub(lambda m: m.group(1) + "[○]", line)
    return _ANGLE.sub(lambda m: m.group(1) + "＜", line)


def fix_rows(rows: list[RawRow], tokenizer: Tokenizer | None = None) -> int:
    """Correct the cell lines of OCR rows in place; the number of lines changed.  Changed rows are
    flagged ``ocr_corrected``."""
    changed = 0
    for row in rows:
        n = 0
        for column, lines in row.cells.items():
            for j, cl in enumerate(lines):
                text = cl.text
                if column == "change_date":
                    text = fix_date(text)
                else:
                    if column == "item":
                        text = fix_heading(text)
                    elif column in ("before", "after"):
                        # A bracketed title may wrap: its ＞ is looked for on the next line too.
                        nxt = lines[j + 1].text if j + 1 < len(lines) else ""
                        fixed = fix_marks(text + "\n" + nxt)
                        text = fixed[: len(fixed) - len(nxt) - 1]
                    text = fix_placeholder(text)
                    text, _ = fix_confusions(text, tokenizer)
                if text != cl.text:
                    cl.text = text
                    n += 1
        if n:
            changed += n
            if "ocr_corrected" not in row.flags:
                row.flags.append("ocr_corrected")
    return changed
