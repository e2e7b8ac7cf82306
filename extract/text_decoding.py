"""Bytes of a text input → its text, in whichever encoding Japanese offices save text.

Tried in order: a byte-order mark (UTF-8, UTF-16); UTF-16 without one (NUL bytes, the byte order
whose text reads as text); ISO-2022-JP (mail and old Unix tools: 7-bit with ``ESC $ B`` shifts);
UTF-8; then the 8-bit Japanese encodings, CP932 (Shift_JIS as Windows writes it), Shift_JIS-2004
(JIS X 0213: a text editor's "Shift_JIS-2004" or macOS' Japanese text), EUC-JIS-2004 and EUC-JP
(Unix systems and older web pages).  These decode many byte strings of the others without error
(EUC-JP's kana and kanji bytes 0xA1–0xDF are CP932's half-width katakana), so where several
decode, the one with fewer characters that a document of this kind never prints (half-width
katakana, private-use code points) is taken; CP932 first (Shift_JIS-2004 reads CP932's －, ～
and ￢ bytes as −, 〜 and ¬, so a text CP932 reads is never read so).

Bytes that no encoding reads whole (a Shift_JIS-2004 text whose one JIS X 0213 character, or one
corrupted byte, fails every decoder) do not fail the input: the encoding that reads it with the
fewest replaced characters (U+FFFD) and unlikely characters is taken, and ``DecodedText.replaced``
counts the replaced characters (the note ``UNDECODED_NOTE``; the rows holding U+FFFD are flagged
``unmapped_glyphs``: ``extract/mended_text_flags.py``).  Set XXIX (t01, t04 Shift_JIS-2004 texts:
failure for one － at 0x81AF before Shift_JIS-2004 was tried).
"""

from __future__ import annotations

import codecs
from pathlib import Path

import regex

from piatable.errors import InputError, NotAnInput

# Share of control bytes above which a file without a known encoding is taken as binary.
BINARY_CONTROL_SHARE = 0.01
# Share of characters that must be ordinary text for a NUL-bearing file to be taken as UTF-16.
UTF16_PLAUSIBLE_SHARE = 0.9
_PLAUSIBLE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Common}\p{Latin}\n\r\t\f]")
_CONTROL = set(range(0, 9)) | {11} | set(range(14, 32)) - {27}
# ISO-2022-JP's shifts into JIS X 0208 / 0212 / 0213 (RFC 1468, JIS X 0213 annex 2).
_ISO2022_SHIFTS = (b"\x1b$B", b"\x1b$@", b"\x1b$(D", b"\x1b$(O", b"\x1b$(Q")
# The 8-bit encodings, in the order taken when both read equally well.  ``euc_jis_2004`` holds
# the NEC row-13 characters (①, Ⅱ, ㈱) that eucJP-ms files print and plain ``euc_jp`` lacks.
_EIGHT_BIT = ("cp932", "shift_jis_2004", "euc_jis_2004", "euc_jp")
# Tried with replacement when no encoding reads the bytes whole, in this order on a tie.
_REPLACING = ("utf-8", *_EIGHT_BIT)
# The note on a text read with replacement characters: ``n`` characters, ``enc`` the encoding.
UNDECODED_NOTE = (
    "{n} characters of the text could not be decoded in any encoding tried (read as {enc}, each"
    " undecodable byte sequence as U+FFFD); the rows holding them are flagged unmapped_glyphs"
)
UNDECODED_MARK = UNDECODED_NOTE.split("{n}")[1][:44]  # in every such note
# Characters a text of these tables never prints: half-width katakana, private use.
_UNLIKELY = regex.compile(r"[\uff61-\uff9f\p{Co}]")


def _plausible_share(sample: bytes, enc: str) -> float:
    text = sample[: len(sample) // 2 * 2].decode(enc, errors="replace")
    if not text:
        return 0.0
    good = sum(
        1 for ch in text if _PLAUSIBLE.match(ch) and ch != "\ufffd" and (ch >= " " or ch in "\n\r\t\f")
    )
    return good / len(text)


def _iso2022(data: bytes) -> str | None:
    if not any(shift in data for shift in _ISO2022_SHIFTS):
        return None
    for enc in ("iso2022_jp_ext", "iso2022_jp_2004", "iso2022_jp_2"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return None


def _eight_bit(data: bytes) -> str | None:
    readings: list[tuple[int, int, str]] = []
    for order, enc in enumerate(_EIGHT_BIT):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        unlikely = len(_UNLIKELY.findall(text))
        if unlikely == 0 and order == 0:
            return text  # the first encoding read cleanly: no later one can do better
        readings.append((unlikely, order, text))
    return min(readings)[2] if readings else None


class DecodedText(str):
    """A decoded text (a ``str``) that knows how many of its characters are U+FFFD put for bytes
    no encoding read (``replaced``) and which encoding read it with them (``encoding``; None when
    nothing was replaced).  Any ``str`` operation returns a plain ``str``."""

    replaced: int = 0
    encoding: str | None = None


def _replacing(data: bytes) -> tuple[str, int, str]:
    """The reading with the fewest replaced and unlikely characters (``_REPLACING`` order on a
    tie): (text, replaced characters, encoding)."""
    best: tuple[int, int, str, int, str] | None = None
    for order, enc in enumerate(_REPLACING):
        text = data.decode(enc, errors="replace")
        replaced = text.count("\ufffd") - data.decode(enc, errors="ignore").count("\ufffd")
        cost = replaced + len(_UNLIKELY.findall(text))
        if best is None or (cost, order) < (best[0], best[1]):
            best = (cost, order, text, replaced, enc)
    assert best is not None
    return best[2], best[3], best[4]


def decode_bytes(data: bytes, name: str) -> str:
    """``decode_text`` as a plain ``str`` (the count of replaced characters dropped)."""
    return str(decode_text(data, name))


def decode_text(data: bytes, name: str) -> DecodedText:
    """Text of a file in whichever of the supported encodings it is in.

    ``data`` is the whole file; ``name`` names it in errors.  Raises ``InputError`` for an
    empty file or a broken BOM file, and ``NotAnInput`` for
    a binary file (NUL bytes that are not UTF-16 text, or control bytes above
    ``BINARY_CONTROL_SHARE`` of the first 4 KB).  Bytes that no encoding reads whole are read
    with replacement (``_replacing``): the result's ``replaced`` counts the U+FFFD put for them.
    """
    if not data.strip(b" \t\r\n\f\x00\xef\xbb\xbf\xff\xfe"):
        raise InputError(f"{name}: empty file")
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return DecodedText(data.decode(enc))
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: not valid {enc} text ({exc.reason})") from exc
    sample = data[:4096]
    if b"\x00" in sample:
        # UTF-16 without a BOM: take the byte order whose text reads as text.
        best = max(("utf-16-le", "utf-16-be"), key=lambda enc: _plausible_share(sample, enc))
        if _plausible_share(sample, best) >= UTF16_PLAUSIBLE_SHARE:
            try:
                return DecodedText(data.decode(best))
            except UnicodeDecodeError:
                pass
    controls = sum(1 for b in sample if b in _CONTROL)
    if b"\x00" in sample or controls > BINARY_CONTROL_SHARE * len(sample):
        raise NotAnInput(f"{name}: binary file, not text (no table can be read from it)")
    text = _iso2022(data)
    if text is not None:
        return DecodedText(text)
    try:
        return DecodedText(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    text = _eight_bit(data)
    if text is not None:
        return DecodedText(text)
    text, replaced, enc = _replacing(data)
    out = DecodedText(text)
    out.replaced, out.encoding = replaced, enc
    return out


def read_text_file(path: Path) -> DecodedText:
    """The characters of the text file at ``path`` (``decode_bytes``), line ends as ``\\n``.

    Read once per input: the Markdown / CSV probe (``cell_tables.cell_tables_of``) and the
    flattened-text readers (``text.read_text_pages``) share it.  Raises ``InputError`` when the
    file cannot be read or decoded, ``NotAnInput`` for a binary file."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    decoded = decode_text(data, str(path))
    del data  # a long text's bytes are not kept beside its characters
    if "\r" not in decoded:
        return decoded
    text = DecodedText(decoded.replace("\r\n", "\n").replace("\r", "\n"))
    text.replaced, text.encoding = decoded.replaced, decoded.encoding
    return text


def undecoded_note(text: str) -> str | None:
    """``UNDECODED_NOTE`` for a ``DecodedText`` read with replacement characters, else None."""
    if not isinstance(text, DecodedText) or not text.replaced:
        return None
    return UNDECODED_NOTE.format(n=text.replaced, enc=text.encoding)
