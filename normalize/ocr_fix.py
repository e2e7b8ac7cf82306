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
from piatable.vocabulary import HEADING_FILES, heading_key

from .chars import CIRCLED, KANA_KANJI, starts_paragraph
from .dates import parse_date
from .tokenizer import SudachiTokenizer, default_tokenizer

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
}
# Characters of context on each side handed to the tokenizer.
CONTEXT = 6
# The shortest word a look-alike swap must produce (カ/力 alone are both words).
MIN_WORD = 2
# How much cheaper (SudachiPy path cost) the context must read after a swap.  On the generated
# scans' misreads and on every expected line of the samples (docs: tools/bench_scan.py), 2000
# kept 165 of 187 true corrections and let 2 of 860 wrong swaps through before the
# in-vocabulary check, which stops those two.
MIN_GAIN = 2000


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
        limit = st.path_cost(window) - MIN_GAIN
        passing: list[tuple[int, str]] = []
        for alt in alts:
            swapped = window[: i - lo] + alt + window[i - lo + 1 :]
            cost = st.path_cost(swapped)
            if cost > limit:
                continue
            surface, oov = _token_at(st, swapped, i - lo)
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


def drop_double_reads(text: str, tokenizer: SudachiTokenizer | None = None) -> str:
    """``text`` (a cell line) with characters tesseract read where there was no glyph of their
    own dropped where the dictionary reads the line much more easily without them (MIN_GAIN;
    unknown characters counted at UNKNOWN_CHAR_COST): one of a look-alike pair in DOUBLE_READS
    (one glyph read twice), or a hiragana inside a katakana word."""
    candidates = [(k, k + 1) for k in range(len(text) - 1) if text[k : k + 2] in DOUBLE_READS]
    candidates += [(m.start(),) for m in _STRAY_IN_KATAKANA.finditer(text)]
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
        if len(choices) == 1 and not _joins_one_word(st, without(q), q - sum(1 for g in gone if g < q)):
            continue
        gone.add(q)
    return "".join(ch for k, ch in enumerate(text) if k not in gone)


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


# Form headings an item cell's text is matched against: at least this long, and at most one
# differing character (kana or kanji) per this many.
MIN_HEADING_MATCH = 16
CHARS_PER_MISREAD = 8


@lru_cache(maxsize=1)
def _heading_index() -> tuple[tuple[str, ...], dict[str, list[tuple[int, int]]]]:
    """The form's headings (lexicon keys, and their text before a bracketed list) and an index
    of their character trigrams → (heading, offset)."""
    from .items import lexicon

    keys = set(lexicon()) | {regex.split(r"[(（]", k)[0] for k in lexicon()}
    headings = tuple(sorted(k for k in keys if len(k) >= MIN_HEADING_MATCH))
    index: dict[str, list[tuple[int, int]]] = {}
    for h, key in enumerate(headings):
        for o in range(len(key) - 2):
            index.setdefault(key[o : o + 3], []).append((h, o))
    return headings, index


def _is_heading(text: str) -> bool:
    """True when ``text`` is itself one of the form's headings (…の取扱いの委託, not …の記録)."""
    from .items import lexicon

    return text in lexicon() or text in _heading_index()[0]


def snap_to_headings(lines: list[str]) -> list[str]:
    """An item cell's lines with the form's headings they hold, misread in a character or two
    (漏えい・減失・表損リスク), written as the forms print them.  A heading is looked for where it
    lines up with the cell's text (lines read together) on a shared trigram, starts a line (after
    its numbering) and ends one, and differs only in kana or kanji, one per CHARS_PER_MISREAD;
    the longest heading wins where several fit.  Lengths are kept."""
    headings, index = _heading_index()
    text = "".join(lines)
    starts, ends, pos = [], set(), 0
    for line in lines:
        starts.append(pos)
        pos += len(line)
        ends.add(pos)
    candidates: set[tuple[int, int]] = set()
    for i in range(len(text) - 2):
        for h, o in index.get(text[i : i + 3], ()):
            if 0 <= i - o and i - o + len(headings[h]) in ends:
                candidates.add((h, i - o))
    chars = list(text)
    done: list[tuple[int, int]] = []
    for h, start in sorted(candidates, key=lambda c: -len(headings[c[0]])):
        key = headings[h]
        line_start = max(p for p in starts if p <= start)
        # Only the heading's numbering may stand before it on its line.
        if heading_key(text[line_start:start]):
            continue
        if any(a < start + len(key) and start < b for a, b in done):
            continue
        diff = [k for k, ch in enumerate(key) if chars[start + k] != ch]
        if len(diff) > len(key) // CHARS_PER_MISREAD or _is_heading(text[start : start + len(key)]):
            continue
        if all(KANA_KANJI.match(key[k]) and KANA_KANJI.match(chars[start + k]) for k in diff):
            for k in diff:
                chars[start + k] = key[k]
            done.append((start, start + len(key)))
    return _split_like("".join(chars), lines)


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
_NUMERAL_GARBAGE = regex.compile(
    r"^[IlｌＩＬ1１|｜!！TＴLⅠⅡⅢⅣⅤⅥ川皿上工丁押功和中由軸岬息吊則臣VvＶｖ]{1,3}$"
)


# Which numeral a misread looks like (Ⅲ's three bars read as 皿, 川, 中 …).
_NUMERAL_SHAPES = {
    "Ⅰ": {"I", "l", "|", "｜", "1", "１", "Ｉ", "ｌ", "!", "！"},
    "Ⅱ": {"II", "Il", "lI", "ll", "IL", "ＩＬ", "TI", "ＴＩ", "Ｉｌ", "ＩＩ", "11", "１１"},
    "Ⅲ": {"III", "Ill", "lll", "皿", "川", "中", "由", "軸", "岬", "功", "息", "吊", "則", "臣", "ＩＩＩ"},
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
# Circled numbers tesseract reads as another (measured on the generated scans): read → printed.
# (⑥ is read for ⑤ too, but beside a ⑤ that did not read at all it is right: not corrected.)
CIRCLED_LOOKALIKES = {"⑧": "②", "⑨": "③"}


def fix_heading(line: str) -> str:
    """An item line that is (the start of) a heading of the form after a misread number gets the
    form's number back: a Roman numeral before a top heading (the one its shape suggests, when
    the heading has several in different forms), a circled number before a numbered heading
    whose number the forms agree on (after @, or a look-alike such as ⑧ for ②)."""
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
        numbers = circled_headings().get(rest)
        if not numbers or len(numbers) != 1:
            continue
        number = next(iter(numbers))
        if _CIRCLE_GARBAGE.match(prefix) or CIRCLED_LOOKALIKES.get(prefix) == number:
            return number + rest
    return line


_CHECK = regex.compile(r"^(\s*)[\[［][OoＯｏ0０〇○][\]］IlＩｌ1１|｜jJ)）](?=\S)")
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
    """``[O]``/``[OI``/``[0]`` opening a line → the form's check mark ``[○]``; く/ぐ opening a
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


# An arrow between two words (既存住基システム→市町村ＣＳ) read as an ellipsis: the form writes
# omissions as ・・・ or 等, never as … inside a word pair.
_ARROW = regex.compile(r"(?<=[\p{L}\p{N}）)])…(?=[\p{L}\p{N}（(])")
# An at sign outside an address (no Latin letter or digit on both sides): a circled number read
# as @, or a stray @ read beside the circled number itself.
_AT_BY_CIRCLED = regex.compile(r"[@＠](?=[①-⑳])|(?<=[①-⑳])[@＠]")
_LONE_AT = regex.compile(r"(?<![A-Za-z0-9._-])[@＠](?![A-Za-z0-9._-])")
# ＩＤ (ユーザＩＤ) read with a one: "1D" stands for nothing else.
_ID = regex.compile(r"(?<![0-9０-９A-Za-zＡ-Ｚａ-ｚ])[1１lｌ|｜](?=([DＤ])(?![A-Za-zＡ-Ｚａ-ｚ0-9０-９]))")


def _renumber_circled(text: str) -> str:
    """A cell's circled numbers with a look-alike misread (⑧ for ②, ⑨ for ③) put right where it
    breaks the cell's count (① ⑧ ③), and a misread printed beside the right number dropped
    (提供先１⑧② → 提供先１②)."""
    text = regex.sub(
        r"([⑧⑨])(?=([①-⑳]))",
        lambda m: "" if CIRCLED_LOOKALIKES[m.group(1)] == m.group(2) else m.group(1),
        text,
    )
    spots = [m.start() for m in regex.finditer(r"[①-⑳]", text)]
    chars = list(text)
    for k, i in enumerate(spots):
        right = CIRCLED_LOOKALIKES.get(chars[i])
        if right is None:
            continue
        before = chars[spots[k - 1]] if k else None
        after = chars[spots[k + 1]] if k + 1 < len(spots) else None
        # ① ⑧ ③, ① ⑧ (at the end) and ⑧ ③ (at the start) all count ② there.
        fits_before = before is None or _next_circled(before) == right
        fits_after = after is None or after == _next_circled(right)
        if fits_before and fits_after and (before or after):
            chars[i] = right
    return "".join(chars)


def _next_circled(number: str) -> str | None:
    k = CIRCLED.index(number) + 1
    return CIRCLED[k] if k < len(CIRCLED) else None


def fix_symbols(text: str) -> str:
    """A cell's text with … between words as →, 1D as ID, and a circled number read as @
    restored from its neighbours in the cell (the number after the one before it, or before the
    one after)."""
    text = _ARROW.sub("→", text)
    text = _ID.sub(lambda m: "Ｉ" if m.group(1) == "Ｄ" else "I", text)
    text = _AT_BY_CIRCLED.sub("", text)
    text = _renumber_circled(text)
    while m := _LONE_AT.search(text):
        before = [c for c in text[: m.start()] if c in CIRCLED]
        after = [c for c in text[m.end() :] if c in CIRCLED]
        if before and _next_circled(before[-1]):
            number = _next_circled(before[-1])
        elif after and after[0] != CIRCLED[0]:
            number = CIRCLED[CIRCLED.index(after[0]) - 1]
        else:
            break
        text = text[: m.start()] + number + text[m.end() :]
    return text


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


_NUMERAL = regex.compile(r"^([ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]?)(.*)$", regex.S)
# A wrapped top heading on an item cell's first line is recognised from this many characters.
MIN_HEADING_START = 8


def _top_heading(text: str) -> str | None:
    """The form's top heading ``text`` starts with (the longest: 特定個人情報ファイルの取扱い…
    over 特定個人情報ファイルの概要), or that ``text``, cut short, is the start of."""
    full = [h for h in top_headings() if text.startswith(h)]
    if full:
        return max(full, key=len)
    if len(text) >= MIN_HEADING_START:
        cut = [h for h in top_headings() if h.startswith(text)]
        if len(cut) == 1:
            return cut[0]
    return None


def _head_of(lines: list[str]) -> tuple[str, str, str | None]:
    """(numeral, first line without it, top heading) of an item cell; the heading is matched on
    its first lines read together (a heading wraps)."""
    numeral, rest = _NUMERAL.match(lines[0].strip()).groups()  # type: ignore[union-attr]
    joined = rest + "".join(line.strip() for line in lines[1:3])
    return numeral, rest, _top_heading(joined) or _top_heading(rest)


def restore_numerals(rows: list[RawRow]) -> int:
    """Roman numerals of top headings that did not read, or read as another numeral, restored
    on the first line of item cells, where the document numbers its top headings: by the
    numeral it prints before the same heading elsewhere, else by the one the forms give it."""
    numbering: dict[str, str] = {}
    cells = [[cl.text for cl in row.cells["item"]] for row in rows if row.cells.get("item")]
    for lines in cells:
        numeral, _, heading = _head_of(lines)
        if numeral and heading and numeral in top_headings()[heading]:
            numbering.setdefault(heading, numeral)
    if not numbering:
        return 0
    changed = 0
    for row in rows:
        if not row.cells.get("item"):
            continue
        cl = row.cells["item"][0]
        numeral, rest, heading = _head_of([c.text for c in row.cells["item"]])
        if heading is None or numeral in top_headings()[heading]:
            continue
        right = numbering.get(heading) or (
            next(iter(top_headings()[heading])) if len(top_headings()[heading]) == 1 else None
        )
        if right:
            cl.text = right + rest
            changed += 1
            if "ocr_corrected" not in row.flags:
                row.flags.append("ocr_corrected")
    return changed


def _split_like(joined: str, parts: list[str]) -> list[str]:
    """``joined`` (as long as ``parts`` together) cut where the parts were: swaps keep every
    character's place."""
    out, start = [], 0
    for part in parts:
        out.append(joined[start : start + len(part)])
        start += len(part)
    return out


def fix_rows(rows: list[RawRow], tokenizer: SudachiTokenizer | None = None) -> int:
    """Correct the cell lines of OCR rows in place; the number of lines changed.  Changed rows are
    flagged ``ocr_corrected``.  Look-alikes are judged on the cell's lines read as one text: a
    word wrapped over a line end (こ|と) would read as a different one on its line alone."""
    changed = 0
    for row in rows:
        n = 0
        for column, lines in row.cells.items():
            texts = []
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
                        fixed = fix_marks(text + "\n" + nxt, texts[-1] if texts else None)
                        text = fixed[: len(fixed) - len(nxt) - 1]
                    text = drop_double_reads(fix_placeholder(text), tokenizer)
                texts.append(text)
            if column != "change_date" and texts:
                if column == "item":
                    texts = snap_to_headings(texts)
                joined, _ = fix_confusions("".join(texts), tokenizer)
                texts = fix_symbols("\n".join(_split_like(joined, texts))).split("\n")
                if column in ("before", "after", "explanation"):
                    texts = restore_full_stops(texts, tokenizer)
            for cl, text in zip(lines, texts, strict=True):
                if text != cl.text:
                    cl.text = text
                    n += 1
        if n:
            changed += n
            if "ocr_corrected" not in row.flags:
                row.flags.append("ocr_corrected")
    return changed + restore_numerals(rows)
