"""OCR corrections of an item cell line by line: each line of a 項目 cell is a heading of the
form (after its numbering), so a line that misses the form's lexicon by a character or two is
written as the form prints it, and the number before it put right where OCR made garbage of it.

A line is snapped to a heading only when that heading is the single nearest one (edit distance)
and near enough for its length (``allowed_edits``); a heading of two or three characters
(部署, 結果) only under its own parent heading, the line before it (評価実施機関における担当部署).
A heading wrapped over two lines is matched on the two read together, character for character.
"""

from __future__ import annotations

from functools import lru_cache

import regex
from rapidfuzz.distance import Levenshtein

from piatable.vocabulary import DATA_DIR, HEADING_FILES, heading_key, lexicon

from .heading_fixes import circled_headings, top_headings

# A heading shorter than this is taken only under its own parent (the cell's line before it).
MIN_FREE_HEADING = 4
# Edits (Levenshtein) allowed between a line and the heading it is snapped to: one up to
# EDIT_STEP * 2 - 1 characters, then one more per EDIT_STEP characters.
EDIT_STEP = 5

# The numbering before a heading on an item line: Roman numerals (or what OCR makes of them: Latin
# letters, bars and brackets, a kanji or two), １．, ①, (1), リスク１：, 委託事項１ …
_ROMAN = frozenset("ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ")
_PREFIX = regex.compile(
    r"^(?:[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]|[0-9０-９]{1,2}[．.、，,]?|[①-⑳]{1,2}|[（(][0-9０-９]{1,2}[．.）)]"
    r"|[@＠®©]|(?:リスク|提供先|移転先|委託事項)(?:[0-9０-９]+[：:]?|[：:]))*"
)
# What OCR makes of a top heading's Roman numeral (besides the shapes heading_fixes knows): Latin
# capitals and bars, brackets, and kanji whose strokes look like the numeral's.
_TOP_GARBAGE = regex.compile(
    r"^(?:[IlｌＩＬ1１|｜!！TＴLVvＶｖHＨXＸ{｛\[［「『]|[ⅠⅡⅢⅣⅤⅥ]|[川皿上工丁押功和中由軸岬息吊則臣四田回罰])"
    r"{1,3}$"
)
# Circled numbers that OCR makes of one: a two-digit one for a one-digit one (⑯ for ⑥: the
# circle's inner strokes read as a 1), or two where one was printed (⑦⑰, ②③).
_TEENS = "⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_ONES = "①②③④⑤⑥⑦⑧⑨⑩"
# Circled numbers tesseract (jpn) reads for another before a heading: read → the numbers it may
# stand for (⑧ for ② or ③, ⑨ for ③).  Only these are put right from the forms' numbering,
# which is recalled and which some documents do not follow (a number that is no look-alike of
# the forms' is the document's own and is kept).  Tesseract also reads ③ for ① or ②, and ⑥
# for ⑤, but a printed number one or two off the forms' (MAX_RENUMBER_SHIFT: a document that
# adds or leaves out a heading before it, ③入手方法 where the forms print ②) reads the same:
# such a read is not clearly a misread, so it is kept.
MAX_RENUMBER_SHIFT = 2


def levenshtein(a: str, b: str, limit: int) -> int:
    """Edit distance of ``a`` and ``b``, or ``limit + 1`` when it exceeds ``limit`` (rapidfuzz)."""
    return Levenshtein.distance(a, b, score_cutoff=limit)


# A line this many edits further from a heading than a snap allows is still flagged as a
# heading misread (suspects.py): the snap is careful, the flag need not be.
NEAR_HEADING_EXTRA = 1


def strip_numbering(line: str) -> str:
    """``line`` without the numbering before its heading (Ⅱ, ３．, ①, リスク１： …)."""
    return line[len(_PREFIX.match(line).group(0)) :]  # type: ignore[union-attr]


def allowed_edits(length: int) -> int:
    """Edits allowed between a line and a heading of ``length`` characters (0 below 2)."""
    if length < 2:
        return 0
    return max(1, length // EDIT_STEP)


@lru_cache(maxsize=1)
def printed_headings() -> frozenset[str]:
    """The headings as the forms print them on an item line (without numbering, spaces or ※):
    the lexicon's keys, and the headings with their bracketed part kept (特定個人情報の提供・移転
    （委託に伴うものを除く。）), for which the keys stand without it."""
    data = DATA_DIR
    # Templates (システムN, 提供先N) stand for numbered blocks, no heading to snap to.
    out = {k for k in lexicon() if not regex.search(r"[\p{Han}\p{Katakana}]N$", k)}
    for name in HEADING_FILES:
        for line in data.joinpath(name).read_text("utf-8").splitlines():
            if line.startswith("#") or "\t" not in line:
                continue
            heading = regex.sub(r"\s*--.*$", "", line.split("\t")[1])
            for part in regex.split(r"\s*/\s*|\s*…\s*", heading):
                text = regex.sub(r"\s+|※", "", regex.sub(r"\([^)]*\)$", "", part))
                text = regex.sub(r"^(?:[ⅠⅡⅢⅣⅤⅥ]|[0-9０-９]{1,2}[．.]|[①-⑳])", "", text)
                if len(text) >= 2 and "（" in text:
                    out.add(text)
    return frozenset(out)


@lru_cache(maxsize=1)
def _numbered() -> dict[tuple[str, str], frozenset[str]]:
    """(parent key, heading key) → the circled numbers the forms print before that heading under
    that parent (Ⅰ/6/② 法令上の根拠 under Ⅰ/6 情報提供ネットワークシステムによる情報連携 → ②)."""
    by_path: dict[str, set[str]] = {}
    for path, keys in _rows():
        by_path.setdefault(path, set()).update(keys)
    out: dict[tuple[str, str], set[str]] = {}
    for path, keys in _rows():
        if not regex.search(r"/[①-⑳]$", path) or not keys:
            continue
        for parent in by_path.get(path.rsplit("/", 1)[0], ()):
            out.setdefault((parent, keys[0]), set()).add(path[-1])
    for key, numbers in _listed().items():
        out.setdefault(key, set()).update(numbers)
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _listed() -> dict[tuple[str, str], set[str]]:
    """(parent key, heading key) → circled numbers of the sub-headings a lexicon row lists in
    its bracket (特定個人情報の漏えい・滅失・毀損リスク (… ⑤物理的対策 ⑥技術的対策 …) → ⑤ for
    物理的対策 under that risk)."""
    out: dict[tuple[str, str], set[str]] = {}
    for name in HEADING_FILES:
        for line in DATA_DIR.joinpath(name).read_text("utf-8").splitlines():
            if line.startswith("#") or "\t" not in line:
                continue
            heading = regex.sub(r"\s*--.*$", "", line.split("\t")[1])
            listed = regex.search(r"\(([^()]*[①-⑳][^()]*)\)$", heading)
            if listed is None:
                continue
            parent = heading_key(heading[: listed.start()])
            for number, sub in regex.findall(r"([①-⑳])([^\s①-⑳…]+)", listed.group(1)):
                key = heading_key(sub)
                if parent and len(key) >= 2:
                    out.setdefault((parent, key), set()).add(number)
    return out


@lru_cache(maxsize=1)
def _rows() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(level path, heading keys) of each row of the heading lexicon files."""
    data = DATA_DIR
    rows: list[tuple[str, tuple[str, ...]]] = []
    for name in HEADING_FILES:
        for line in data.joinpath(name).read_text("utf-8").splitlines():
            if line.startswith("#") or "\t" not in line:
                continue
            path, heading = line.split("\t")[:2]
            heading = regex.sub(r"\s*--.*$", "", heading)
            keys = [
                heading_key(regex.sub(r"\([^)]*\)$", "", part))
                for part in regex.split(r"\s*/\s*|\s*…\s*", heading)
            ]
            rows.append((path, tuple(k for k in keys if len(k) >= 2)))
    return tuple(rows)


@lru_cache(maxsize=1)
def _parents() -> dict[str, frozenset[str]]:
    """Heading key → the keys of the headings it stands under in the forms (by level path:
    Ⅰ/7/① 部署 stands under Ⅰ/7 評価実施機関における担当部署)."""
    by_path: dict[str, set[str]] = {}
    rows = _rows()
    for path, keys in rows:
        by_path.setdefault(path, set()).update(keys)
    out: dict[str, set[str]] = {}
    for path, keys in rows:
        parent = path.rsplit("/", 1)[0] if "/" in path else ""
        above = by_path.get(parent, set())
        for k in keys:
            out.setdefault(k, set()).update(above)
    return {k: frozenset(v) for k, v in out.items()}


def _substitutions(a: str, b: str) -> int:
    return sum(1 for x, y in zip(a, b, strict=True) if x != y)


def nearest_heading(body: str, parent: str | None, continued: bool = True) -> str | None:
    """The form's heading ``body`` (a line without its numbering) is a misreading of: the single
    nearest heading of the same length, differing in at most ``allowed_edits`` characters
    (substitutions: a character added or lost is more often a line wrapped or cut than a
    misread); a short one only under ``parent``.  None when the line is as near the start of a
    longer heading and ``continued`` (a line follows that may hold the rest of it)."""
    if not body or body in printed_headings():
        return None
    best: list[tuple[int, str]] = []
    for key in printed_headings():
        if len(key) != len(body):
            continue
        d = _substitutions(body, key)
        if d > allowed_edits(len(key)):
            continue
        if len(key) < MIN_FREE_HEADING and (parent is None or parent not in _parents().get(key, ())):
            continue
        best.append((d, key))
    if not best:
        return None
    best.sort()
    if len(best) > 1 and best[1][0] == best[0][0]:
        return None
    d = best[0][0]
    if continued and any(
        len(key) > len(body) and _substitutions(body, key[: len(body)]) <= d for key in printed_headings()
    ):
        return None
    return best[0][1]


# A heading with one character lost inside it (利用停止請求 read 用停止請求) is taken from this
# many characters on; its last character lost is taken for a cell cut short, not a misread.
MIN_DROPPED_HEADING = 5


def _ends_at(lines: list[str], k: int) -> bool:
    """True when line ``k`` is a continuation (opens no numbering) that ends its heading: the cell
    ends after it or the next line opens a numbering."""
    if k >= len(lines) or not lines[k].strip() or _PREFIX.match(lines[k].strip()).group(0):  # type: ignore[union-attr]
        return False
    return k + 1 == len(lines) or bool(_PREFIX.match(lines[k + 1].strip()).group(0))  # type: ignore[union-attr]


def _dropped_char(body: str, parent: str | None, prefix: str = "") -> str | None:
    """The single heading of the forms that ``body`` (a whole line: the next one opens another
    heading or the cell ends) is with one character lost before its last (利用停止請求 read
    用停止請求, ⑦時期・度 for ⑦時期・頻度); a short one only under ``parent`` or after a circled
    number ``prefix`` the forms give it.  None when no heading or several fit."""
    if len(body) + 1 < MIN_DROPPED_HEADING or body in printed_headings():
        return None
    fits = []
    for key in printed_headings():
        if len(key) != len(body) + 1 or key[-1] != body[-1]:
            continue
        numbered = prefix[-1:] in circled_headings().get(key, frozenset())
        if (
            len(key) < MIN_FREE_HEADING * 2
            and not numbered
            and (parent is None or parent not in _parents().get(key, ()))
        ):
            continue
        if any(key[:k] + key[k + 1 :] == body for k in range(len(key) - 1)):
            fits.append(key)
    return fits[0] if len(fits) == 1 else None


def _fix_prefix(prefix: str, key: str, parent: str | None = None) -> str:
    """The numbering before heading ``key`` put right where OCR made garbage of it: a top
    heading's Roman numeral (when the forms give the heading one), a circled number read as a
    two-digit one or doubled (when the forms agree on the heading's number)."""
    from .heading_fixes import _numeral_for

    if regex.fullmatch(r"[0-9０-９]{1,2}[、，,]", prefix):
        # The form numbers its headings １．: a comma read for the stop.
        return prefix[:-1] + "．"
    numerals = top_headings().get(key)
    if numerals:
        if prefix in numerals or not prefix or not _TOP_GARBAGE.match(prefix):
            return prefix
        # A numeral the shape does not decide is left to the document's own numbering
        # (heading_fixes.restore_numerals), the garbage dropped.
        return _numeral_for(prefix, numerals) or ""
    numbers = _numbered().get((parent or "", key)) or circled_headings().get(key)
    if not numbers or len(numbers) != 1:
        return prefix
    number = next(iter(numbers))
    if regex.fullmatch(r"[@＠®©]", prefix) and parent is not None and (parent, key) in _numbered():
        # A circled number read as @ under its own parent heading.
        return number
    circled = regex.sub(r"[^①-⑳]", "", prefix)
    if not circled or circled == number:
        return prefix
    if len(circled) == 2 and number in circled:
        return prefix.replace(circled, number)
    if (
        len(circled) == 1
        and circled in _TEENS
        and number in _ONES[:9]
        and _TEENS.index(circled) == _ONES.index(number)
    ):
        # ⑯ (16) for ⑥: the ones digit is the heading's number.
        return prefix.replace(circled, number)
    return prefix


def _continues(text: str) -> bool:
    """True when ``text`` (a heading's lines read so far, joined) is the start of a heading of the
    form: its last line is right as read, whatever heading it alone is near (リスク２：不適切な /
    方法で提供・移転が is not 不正な提供・移転が; newuser23's scans)."""
    return any(h.startswith(text) for h in printed_headings())


def snap_item_lines(lines: list[str]) -> list[str]:
    """An item cell's lines, each line that misreads a heading of the form by a character or two
    (評価実施考続, 担当部暫, ①部明) written as the form prints it, with its numbering mended
    (_fix_prefix); a heading wrapped over two lines is matched on both read together with the
    same number of characters (only substitutions), and each line keeps its length."""
    from .circled_lines import renumber_circled, restore_lost_circled  # (it imports this module)

    out = renumber_circled(restore_lost_circled(lines))
    parent: str | None = None
    run = ""  # the heading text read since the last numbered line
    i = 0
    while i < len(out):
        line = out[i]
        text = line.strip()
        prefix = _PREFIX.match(text).group(0)  # type: ignore[union-attr]
        body = text[len(prefix) :]
        garbage = regex.match(r"^[^\p{Han}\p{Hiragana}\p{Katakana}]{0,3}", body).group(0)  # type: ignore[union-attr]
        key = None
        if garbage and i == 0:
            # A top heading whose numeral read as something else (｛基本情報, VI評価実施…).
            rest = body[len(garbage) :]
            near = rest if rest in top_headings() else nearest_heading(rest, None)
            if near in top_headings():
                key, prefix, body = near, prefix + garbage, rest
        if key is None and body not in printed_headings() and i == 0:
            # A kanji read for the numeral (四特定個人情報…, 罰リスク対策): the line is a top heading
            # after one or two characters.
            for k in (1, 2):
                rest = body[k:]
                near = rest if rest in top_headings() else nearest_heading(rest, None)
                if near in top_headings() and _TOP_GARBAGE.match(body[:k]):
                    key, prefix, body = near, prefix + body[:k], rest
                    break
        if key is None and body in printed_headings():
            key = body
        elif key is None and not (not prefix and run and _continues(run + body)):
            continued = i + 1 < len(out) and not _opens_heading(out[i + 1].strip())
            key = nearest_heading(body, parent, continued)
            tail = _tail_line(out, i, body) if key is None else None
            if tail is not None:
                k, key = tail
                out[k] = _rebuild(
                    out[k], key[len(body) + sum(len(out[j].strip()) for j in range(i + 1, k)) :]
                )
                parent = run = key
                i = k + 1
                continue
            if key is None and i + 1 < len(out):
                key = _wrapped(body, out[i + 1].strip(), prefix)
                if key is not None:
                    out[i] = _rebuild(line, _fix_prefix(prefix, key, parent) + key[: len(body)])
                    out[i + 1] = _rebuild(out[i + 1], key[len(body) :])
                    parent = run = key
                    i += 2
                    continue
            if key is None and (i + 1 == len(out) or _PREFIX.match(out[i + 1].strip()).group(0)):  # type: ignore[union-attr]
                key = _dropped_char(body, parent, prefix)
            elif key is None and _ends_at(out, i + 1):
                # The heading wrapped on to one more line, a character lost there (…訂正・ / 用停止請求).
                nxt = out[i + 1].strip()
                whole = _dropped_char(body + nxt, parent, prefix)
                if whole is not None and whole.startswith(body) and len(whole) > len(body) + 1:
                    out[i + 1] = _rebuild(out[i + 1], whole[len(body) :])
                    parent = run = whole
                    i += 2
                    continue
        if key is not None:
            fixed = _fix_prefix(prefix, key, parent) + key
            if fixed != text:
                out[i] = _rebuild(line, fixed)
            parent, run = key, key
        elif not prefix and run and run + body in printed_headings():
            # The rest of a heading wrapped from the line before (６．情報提供ネットワーク… / 情報連携).
            parent = run = run + body
        else:
            parent = heading_key(text) or None
            # White space after the numbering (３．　特 / 定個人…) is no part of the heading's text.
            run = body.lstrip() if prefix or not run else run + body
        i += 1
    return out


def _wrapped(body: str, nxt: str, prefix: str = "") -> str | None:
    """The heading a line and the next read together misread in a few characters (substitutions
    only), or None; no top heading of another numeral than ``prefix`` (Ⅲ特定個人情報 / ファイルの取扱)."""
    other = {h for h, ns in top_headings().items() if prefix in _ROMAN and prefix not in ns}
    if not body or not nxt or _PREFIX.match(nxt).group(0):  # type: ignore[union-attr]
        return None
    joined = body + nxt
    if joined in printed_headings():
        return None
    fits = []
    for key in printed_headings():
        if len(key) != len(joined) or len(key) < MIN_FREE_HEADING * 2 or key in other:
            continue
        d = sum(1 for a, b in zip(key, joined, strict=True) if a != b)
        if d <= allowed_edits(len(key)):
            fits.append((d, key))
    fits.sort()
    if not fits or (len(fits) > 1 and fits[1][0] == fits[0][0]):
        return None
    return fits[0][1]


# A heading's last characters wrapped on to a line of their own (く。）) and misread there: taken
# when the line before holds the heading's start exactly, at least MIN_EXACT_START characters,
# and at most MAX_TAIL characters are left of it, read as at most MAX_TAIL + 2.
MIN_EXACT_START = 10
MAX_TAIL = 4


def _opens_heading(line: str) -> bool:
    """True when ``line`` opens with a numbering followed by Japanese text (２．基本情報, ①部署)."""
    prefix = _PREFIX.match(line).group(0)  # type: ignore[union-attr]
    return bool(prefix) and bool(regex.match(r"[\p{Han}\p{Hiragana}\p{Katakana}]", line[len(prefix) :]))


def _tail_line(lines: list[str], i: int, body: str) -> tuple[int, str] | None:
    """(index of the line, heading) when ``body`` (line ``i`` without its numbering) and up to
    two lines after it hold the start of a heading exactly and the line after them a misread
    of its last few characters (_garbled_tail)."""
    joined = body
    for k in range(i + 1, min(i + 4, len(lines))):
        nxt = lines[k].strip()
        if not nxt or _opens_heading(nxt):
            return None
        key = _garbled_tail(joined, nxt)
        if key is not None:
            return k, key
        joined += nxt
    return None


def _garbled_tail(body: str, nxt: str) -> str | None:
    """The heading whose start ``body`` is, exactly, when the next line holds no more than a
    misread of its few last characters (委託に伴うものを除 / SS9) for く。）), or None."""
    if len(body) < MIN_EXACT_START or not nxt or len(nxt) > MAX_TAIL + 2 or _opens_heading(nxt):
        return None
    if nxt in printed_headings() or regex.search(r"\p{Han}{2}", nxt):
        return None
    fits = [k for k in printed_headings() if k.startswith(body) and 0 < len(k) - len(body) <= MAX_TAIL]
    if len(fits) != 1 or body + nxt == fits[0]:
        return None
    return fits[0]


def _rebuild(line: str, text: str) -> str:
    """``text`` with the white space ``line`` had around its text."""
    stripped = line.strip()
    if not stripped:
        return text
    start = line.index(stripped)
    return line[:start] + text + line[start + len(stripped) :]
