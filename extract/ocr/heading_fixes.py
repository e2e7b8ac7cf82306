"""OCR corrections of the form's headings in item cells: a heading misread in a character or
two written as the forms print it, and the Roman or circled number before a heading restored
(from the document's own numbering, else the forms').
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

from piatable.models import RawRow
from piatable.normalize.chars import KANA_KANJI
from piatable.vocabulary import DATA_DIR, HEADING_FILES, heading_key, top_headings

# Form headings an item cell's text is matched against: at least this long, and at most one
# differing character (kana or kanji) per this many.
MIN_HEADING_MATCH = 16
CHARS_PER_MISREAD = 8


@lru_cache(maxsize=1)
def _heading_index() -> tuple[tuple[str, ...], dict[str, list[tuple[int, int]]]]:
    """The form's headings (lexicon keys, and their text before a bracketed list) and an index
    of their character trigrams → (heading, offset)."""
    from piatable.normalize.items import lexicon

    keys = set(lexicon()) | {regex.split(r"[(（]", k)[0] for k in lexicon()}
    headings = tuple(sorted(k for k in keys if len(k) >= MIN_HEADING_MATCH))
    index: dict[str, list[tuple[int, int]]] = {}
    for h, key in enumerate(headings):
        for o in range(len(key) - 2):
            index.setdefault(key[o : o + 3], []).append((h, o))
    return headings, index


def _is_heading(text: str) -> bool:
    """True when ``text`` is itself one of the form's headings (…の取扱いの委託, not …の記録)."""
    from piatable.normalize.items import lexicon

    return text in lexicon() or text in _heading_index()[0]


def snap_to_headings(lines: list[str]) -> list[str]:
    """An item cell's lines with the form's headings they hold, misread in a character or two
    (漏えい・減失・表損リスク), written as the forms print them.  A heading is looked for where it
    lines up with the cell's text (lines read together) on a shared trigram, starts a line (after
    its numbering) and ends one, and differs only in kana or kanji, one per CHARS_PER_MISREAD;
    the longest heading wins where several fit, and of two as long the one fewer characters off.
    Lengths are kept."""
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

    def misreads(c: tuple[int, int]) -> int:
        return sum(a != b for a, b in zip(headings[c[0]], text[c[1] :], strict=False))

    # Longest first; of two as long, the one the text is nearer (…の取扱いの委話 is …の委託, one
    # character off, not …の記録, two off: scan set G).
    for h, start in sorted(candidates, key=lambda c: (-len(headings[c[0]]), misreads(c), c)):
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
    return split_like("".join(chars), lines)


# What OCR makes of a Roman numeral: Latin look-alikes, bars, and a kanji or two it mistakes it for.
_NUMERAL_GARBAGE = regex.compile(
    r"^[IlｌＩＬ1１|｜!！TＴLⅠⅡⅢⅣⅤⅥ川皿上工丁押功和中由軸岬息吊則臣VvＶｖHＨ{｛\[［「四田回罰]{1,3}$"
)


# Which numeral a misread looks like (Ⅲ's three bars read as 皿, 川, 中 …).
_NUMERAL_SHAPES = {
    "Ⅰ": {"I", "l", "|", "｜", "1", "１", "Ｉ", "ｌ", "!", "！"},
    "Ⅱ": {"II", "Il", "lI", "ll", "IL", "ＩＬ", "TI", "ＴＩ", "Ｉｌ", "ＩＩ", "11", "１１"},
    "Ⅲ": {"III", "Ill", "lll", "皿", "川", "中", "由", "軸", "岬", "功", "息", "吊", "則", "臣", "ＩＩＩ"},
    "Ⅳ": {"IV", "lV", "ＩＶ", "Ｖ"},
    # Ⅴ and Ⅵ: only where the heading has both (評価実施手続 is Ⅴ in 基礎項目 and 重点項目
    # forms, Ⅵ in 全項目), the numeral's shape decides.
    "Ⅴ": {"V", "v", "Ｖ", "ｖ"},
    "Ⅵ": {"VI", "Vl", "Vi", "vi", "VＩ", "ＶＩ", "Ｖｌ", "Ｖｉ", "ＶＬ"},
}


_SPELLED = {"Ⅰ": "I", "Ⅱ": "II", "Ⅲ": "III", "Ⅳ": "IV", "Ⅴ": "V", "Ⅵ": "VI"}


def _numeral_for(prefix: str, numerals: frozenset[str]) -> str | None:
    """The numeral among ``numerals`` that ``prefix`` reads as: one whose misread shapes hold it
    (the one it spells, ``Ｖ`` → Ⅴ, when two do), else the only one."""
    found = [n for n, shapes in _NUMERAL_SHAPES.items() if prefix in shapes and n in numerals]
    spelled = unicodedata.normalize("NFKC", prefix).upper()
    for n in found:
        if _SPELLED[n] == spelled:
            return n
    if found:
        return found[0]
    return next(iter(numerals)) if len(numerals) == 1 else None


@lru_cache(maxsize=1)
def circled_headings() -> dict[str, frozenset[str]]:
    """Headings of the forms numbered ①…⑳ → their numbers (入手方法 → ②)."""
    data = DATA_DIR
    out: dict[str, set[str]] = {}
    for name in HEADING_FILES:
        for line in data.joinpath(name).read_text("utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) < 2 or not regex.search(r"/[①-⑳]$", parts[0]):
                continue
            # "提供先における用途 (移転先: 移転先における用途)": the heading, and in brackets the
            # one the form prints in its other block, after the block's name.
            alternatives = regex.sub(r"\s*\(([^():]*:)?\s*([^()]*)\)", r" / \2", parts[1])
            for piece in regex.split(r"\s*/\s*", alternatives):
                key = regex.sub(r"\s+|※", "", piece)
                if len(key) >= 2:
                    out.setdefault(key, set()).add(parts[0][-1])
    return {k: frozenset(v) for k, v in out.items()}


# What OCR makes of a circled number: @, ®, © or a wrong circled digit beside one of those.
_CIRCLE_GARBAGE = regex.compile(r"^(?:[@＠®©Ⓒ]|[①-⑳][@＠®©]|[@＠®©][①-⑳])$")
# Circled numbers tesseract reads as another (measured on the generated scans): read → printed.
# (⑥ is read for ⑤ too, but beside a ⑤ that did not read at all it is right: not corrected.)
# IPA Mincho's ① is read as ③ with a ④ boxed inside it (one glyph read twice), or as ⑤ (Writer
# scans at 250-300 dpi, 8-10 pt: every IPA Mincho page made for session 53, samples/scan-ocr53).
CIRCLED_LOOKALIKES = {"⑧": "②", "⑨": "③", "③④": "①", "⑤": "①"}
# Circled numbers tesseract reads as others, anywhere in an item cell: read → the ones printed.
# (④ for ①: set XXV's s12, a noisy skewed scan, read ７．…担当部署's ①部署 as ④部署, unwarned.)
MISREAD_CIRCLED = {"⑧": "②③", "⑨": "③", "④": "①"}


def fix_heading(line: str) -> str:
    """An item line that is (the start of) a heading of the form after a misread number gets the
    form's number back: a Roman numeral before a top heading (the one its shape suggests, when
    the heading has several in different forms), a circled number before a numbered heading
    whose number the forms agree on (after @, or a look-alike such as ⑧ for ②); a circled
    number read beside the @ that is no look-alike of the form's (⑧@ for ⑦) is kept as read."""
    text = line.strip()
    if any(
        text[:1] in numerals and heading.startswith(text[1:]) for heading, numerals in top_headings().items()
    ):
        # Read right already: Ⅱ特定個人情報ファイルの / 概要 starts Ⅲ's heading too.
        return line
    for k in range(1, 4):
        prefix, rest = text[:k], text[k:]
        if not _NUMERAL_GARBAGE.match(prefix) or any(prefix in n for n in top_headings().values()):
            continue
        found = {
            numeral
            for heading, numerals in top_headings().items()
            if len(rest) >= min(len(heading), 4) and heading.startswith(rest)
            for numeral in [_numeral_for(prefix, numerals)]
        }
        if not found:
            continue
        if len(found) > 1:
            # The start of two headings (特定個人情報ファイルの: Ⅱ's 概要 and Ⅲ's 取扱い…, wrapped
            # in a narrow column): the numeral the misread's shape holds (皿 → Ⅲ), else none.
            shaped = {n for n in found if n and prefix in _NUMERAL_SHAPES.get(n, ())}
            found = shaped if len(shaped) == 1 else {None}
        numeral = next(iter(found))
        return numeral + rest if numeral else line
    for k in (1, 2):
        prefix, rest = text[:k], text[k:]
        numbers = circled_headings().get(rest)
        if not numbers or len(numbers) != 1:
            continue
        number = next(iter(numbers))
        read = regex.sub(r"[^①-⑳]", "", prefix)
        if _CIRCLE_GARBAGE.match(prefix) and read and number not in MISREAD_CIRCLED.get(read, number):
            # A circled number read beside the garbage that is no look-alike of the form's is
            # the glyph's own evidence: the document may number the heading its own way (bodies
            # add or skip items), so it is kept, the garbage dropped (⑧@再委託の有無, where the
            # form prints ⑦); suspects.py judges whether it is in doubt.  ⑧@ before 入手方法 is
            # the form's ②, as read on the tuning scans.
            return read + rest
        if _CIRCLE_GARBAGE.match(prefix) or CIRCLED_LOOKALIKES.get(prefix) == number:
            return number + rest
    return line


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


# A top heading on an item cell's first line is snapped when it is at least this long (this many
# with no numeral read before it), differing in one kana or kanji per CHARS_PER_MISREAD (at
# least one).
MIN_TOP_SNAP = 6
MIN_TOP_SNAP_BARE = 10
# A top heading read with one stray character inside it is snapped when at least this long.
MIN_TOP_INSERTED = 8


def snap_top_heading(lines: list[str]) -> list[str]:
    """An item cell's first line that is one of the form's top headings misread in a character
    (Ⅱ特定個人情報ファイルの概革 → …の概要), written as the forms print it; a heading wrapped
    onto the second line is read with it (lengths kept).  The heading's length must match the
    text's exactly, and the misread characters be kana or kanji: the top headings are a closed
    set of a dozen, so one misread in a line of six or more is taken."""
    for n in (1, 2):
        if len(lines) < n:
            break
        parts = [line.strip() for line in lines[:n]]
        if not all(parts):
            break
        numeral, rest = _NUMERAL.match("".join(parts)).groups()  # type: ignore[union-attr]
        if rest in top_headings():
            return lines
        snapped = _snap_top_text(numeral, rest)
        if snapped is not None:
            pieces = split_like(numeral + snapped, parts)
            head = zip(lines[:n], parts, pieces, strict=True)
            return [line.replace(part, piece, 1) for line, part, piece in head] + lines[n:]
    # A stray kana or kanji read inside the heading (その他のリスクタ対策): one line alone.
    first = lines[0].strip() if lines else ""
    numeral, rest = _NUMERAL.match(first).groups()  # type: ignore[union-attr]
    snapped = _snap_top_text(numeral, rest, inserted=True) if first else None
    return [lines[0].replace(first, numeral + snapped, 1), *lines[1:]] if snapped else lines


def _snap_top_text(numeral: str, rest: str, inserted: bool = False) -> str | None:
    """``rest`` written as the top heading it misreads (after a numeral misread as one or two other
    characters, 皿特定個人情報ファイルの取扱いブロセス…, those kept for ``restore_numerals``),
    or None."""
    if not rest:
        return None
    if not numeral:
        for k in range(1, MAX_NUMERAL_GARBAGE + 1):
            prefix = rest[:k]
            if _garbled_numeral(prefix, rest[k:]) is not None or not _may_be_numeral(prefix, rest[k:]):
                continue
            snapped = _snap_top(rest[k:], MIN_TOP_SNAP, inserted)
            if snapped is not None:
                return prefix + snapped
    snapped = _snap_top(rest, MIN_TOP_SNAP if numeral else MIN_TOP_SNAP_BARE, inserted, numeral)
    return snapped if snapped != rest else None


def _snap_top(rest: str, least: int, inserted: bool = False, numeral: str = "") -> str | None:
    """The one top heading ``rest`` reads as, misread in kana or kanji (see snap_top_heading);
    with ``inserted``, the one it reads as with one kana or kanji inside it (not its first or
    last character) left out, for headings of at least MIN_TOP_INSERTED characters.  Only the
    headings the ``numeral`` read before it numbers: Ⅲ's heading wrapped in a narrow column
    (Ⅲ特定個人情報 / ファイルの取扱 / いプロセス…) starts with as many characters as Ⅱ's
    特定個人情報ファイルの概要, two kanji off."""
    if inserted:
        cut = {
            rest[:k] + rest[k + 1 :]
            for k in range(1, len(rest) - 1)
            if KANA_KANJI.match(rest[k]) and rest[:k] + rest[k + 1 :] in top_headings()
        }
        cut = {h for h in cut if len(h) >= max(least, MIN_TOP_INSERTED)}
        return next(iter(cut)) if len(cut) == 1 else None
    fits = []
    for h, numerals in top_headings().items():
        if len(h) != len(rest) or len(h) < least or (numeral and numeral not in numerals):
            continue
        diff = [k for k, ch in enumerate(h) if rest[k] != ch]
        if len(diff) <= max(1, len(h) // CHARS_PER_MISREAD) and all(
            KANA_KANJI.match(h[k]) and KANA_KANJI.match(rest[k]) for k in diff
        ):
            fits.append(h)
    return fits[0] if len(fits) == 1 else None


# A top heading's numeral misread as other characters (Ⅲ as 皿, 血, 山; Ⅵ as WI, Vi; Ⅱ as エ): at
# most this many, none a hiragana, white space, punctuation or a circled number (a sub-heading's
# numbering ２． or ① is no misread numeral), and no kanji or katakana of them part of a
# dictionary word of two or more characters (住民 before 基本情報 is a word, not a numeral).
MAX_NUMERAL_GARBAGE = 2
_NOT_NUMERAL = regex.compile(r"[\p{Hiragana}\s\p{P}①-⑳ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]")
_WORD_CHAR = regex.compile(r"[\p{Han}\p{Katakana}]")


def _may_be_numeral(prefix: str, rest: str) -> bool:
    """True when ``prefix``, before ``rest`` on an item cell's first line, may be a misread
    Roman numeral (see MAX_NUMERAL_GARBAGE)."""
    if not prefix or _NOT_NUMERAL.search(prefix):
        return False
    if not _WORD_CHAR.search(prefix):
        return True
    from piatable.normalize.tokenizer import SudachiTokenizer, default_tokenizer

    tok = default_tokenizer()
    if not isinstance(tok, SudachiTokenizer):
        return False
    text = prefix + rest
    return all(
        m.end() - m.begin() == 1 or m.is_oov()
        for m in tok.tokenize(text)
        if m.begin() < len(prefix) and _WORD_CHAR.search(text[m.begin() : m.end()])
    ) and not any(m.begin() < len(prefix) < m.end() for m in tok.tokenize(text))


def _garbled_numeral(prefix: str, rest: str) -> str | None:
    """The top heading ``rest`` opens with when ``prefix`` before it stands for its misread
    numeral, else None (``prefix + rest`` opening a heading itself is no misread)."""
    from piatable.normalize.items import lexicon

    heading = _top_heading(rest)
    if heading is None or _top_heading(prefix + rest) is not None or (prefix + rest) in lexicon():
        return None
    return heading if _may_be_numeral(prefix, rest) else None


def _head_of(lines: list[str]) -> tuple[str, str, str | None]:
    """(numeral, first line without it, top heading) of an item cell; the heading is matched on
    its first lines read together (a heading wraps)."""
    numeral, rest = _NUMERAL.match(lines[0].strip()).groups()  # type: ignore[union-attr]
    joined = rest + "".join(line.strip() for line in lines[1:3])
    heading = _top_heading(joined) or _top_heading(rest)
    if heading is None and not numeral:
        for k in range(1, MAX_NUMERAL_GARBAGE + 1):
            heading = _garbled_numeral(joined[:k], joined[k:])
            if heading is not None:
                return rest[:k], rest[k:], heading
    return numeral, rest, heading


# Top headings only one form prints, and the numerals that form gives the headings two forms
# number differently (評価実施手続: Ⅴ in 基礎項目 and 重点項目, Ⅵ in 全項目; 開示請求、問合せ: Ⅳ in
# 重点項目, Ⅴ in 全項目).
FORM_ONLY_HEADINGS = {
    "基礎": ("関連情報", "しきい値判断項目", "しきい値判断結果"),
    "全項目": ("特定個人情報ファイルの取扱いプロセスにおけるリスク対策", "その他のリスク対策"),
}
FORM_NUMERALS = {
    "基礎": {"評価実施手続": "Ⅴ"},
    "全項目": {"評価実施手続": "Ⅵ", "開示請求、問合せ": "Ⅴ"},
}


def _form_of(heads: list[tuple[str, str | None]]) -> str | None:
    """The form the document's printed top headings show (``FORM_ONLY_HEADINGS``), or None."""
    found = {form for form, only in FORM_ONLY_HEADINGS.items() for _, h in heads if h in only}
    return found.pop() if len(found) == 1 else None


def restore_numerals(rows: list[RawRow]) -> int:
    """Roman numerals of top headings that did not read, or read as another numeral, restored
    on the first line of item cells, where the document numbers its top headings: by the
    document's form where its other top headings show it and the forms number the heading
    differently (``FORM_NUMERALS``), else by the numeral the document prints most often before
    the same heading, else by the one the forms give it."""
    votes: dict[str, dict[str, int]] = {}
    heads = []
    for row in rows:
        if row.cells.get("item"):
            numeral, _, heading = _head_of([cl.text for cl in row.cells["item"]])
            heads.append((numeral, heading))
            if numeral and heading and numeral in top_headings()[heading]:
                votes.setdefault(heading, {}).setdefault(numeral, 0)
                votes[heading][numeral] += 1
    if not votes and not any(n and h and n not in top_headings()[h] for n, h in heads):
        return 0  # a document that prints no numerals (nor misreads of one) is left as it prints them
    numbering = {h: max(v, key=lambda n: v[n]) for h, v in votes.items()}
    form = _form_of(heads)
    numbering.update(FORM_NUMERALS.get(form or "", {}))
    changed = 0
    for row in rows:
        if not row.cells.get("item"):
            continue
        cl = row.cells["item"][0]
        numeral, rest, heading = _head_of([c.text for c in row.cells["item"]])
        if heading is None:
            continue
        numerals = top_headings()[heading]
        if numeral in numerals and (len(numerals) == 1 or numbering.get(heading, numeral) == numeral):
            continue
        right = numbering.get(heading) or (next(iter(numerals)) if len(numerals) == 1 else None)
        if right is None and numeral and not _NUMERAL.fullmatch(numeral).group(1):  # type: ignore[union-attr]
            right = _numeral_for(numeral, numerals)  # a misread numeral's shape (Vi → Ⅵ)
        if right and right != numeral:
            cl.text = right + rest
            changed += 1
            row.add_flag("ocr_corrected")
    return changed


def split_like(joined: str, parts: list[str]) -> list[str]:
    """``joined`` (as long as ``parts`` together) cut where the parts were: swaps keep every
    character's place."""
    out, start = [], 0
    for part in parts:
        out.append(joined[start : start + len(part)])
        start += len(part)
    return out
