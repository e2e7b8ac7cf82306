"""UTF-16 surrogates in the text a reader made, mended before anything is written.

pdfium gives a PDF's text one UTF-16 code unit per character index (``FPDFText_GetUnicode``), so
a character beyond the Basic Multilingual Plane comes out as two "characters", a high and a low
surrogate: the variation selector of an ideographic variation sequence (IVS, ``辻`` + U+E0100,
the 一点しんにょう of a name in a Writer table, session 68), CJK Extension B kanji (𠮷, 𩸽) and
emoji.  Python keeps such a pair as two code points, and no UTF-8 writer can encode them: the
JSON writer stopped the whole run with ``UnicodeEncodeError: surrogates not allowed`` and the
input's rows were lost.

``mend_result_surrogates`` joins each high + low pair into the one character it encodes and
replaces a surrogate left alone (half a pair) with U+FFFD; a row holding such a replacement is
flagged ``unmapped_glyphs`` (the text layer lost a character) and a note counts them.  It runs on
every input's records, notes and cover facts (``normalize/lost_rows.close_document``), whatever
reader made them.
"""

from __future__ import annotations

from typing import Any

import regex

from piatable.models import DocumentResult

_SURROGATE = regex.compile(r"[\ud800-\udfff]")
# What the note says.
LONE_SURROGATES_NOTE = (
    "{n} characters of the text layer were half of a UTF-16 surrogate pair with no other half:"
    " written as U+FFFD (rows flagged unmapped_glyphs)"
)


def mend_surrogates(text: str) -> tuple[str, int]:
    """``text`` with each surrogate pair joined into its character and each lone surrogate
    written U+FFFD, and how many were lone.  Text without surrogates comes back as it is."""
    if not _SURROGATE.search(text):
        return text, 0
    mended = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return mended, mended.count("\ufffd") - text.count("\ufffd")


def _mend_value(value: Any) -> tuple[Any, int]:
    """A record's value (str, list or dict of them, nested) mended, and its lone surrogates."""
    if isinstance(value, str):
        return mend_surrogates(value)
    if isinstance(value, list):
        pairs = [_mend_value(v) for v in value]
        return [v for v, _ in pairs], sum(n for _, n in pairs)
    if isinstance(value, dict):
        pairs2 = {k: _mend_value(v) for k, v in value.items()}
        return {k: v for k, (v, _) in pairs2.items()}, sum(n for _, n in pairs2.values())
    return value, 0


def mend_result_surrogates(result: DocumentResult) -> None:
    """``result``'s records, notes and cover facts with surrogates mended (module docstring), in
    place; a row that held a lone surrogate gains ``unmapped_glyphs``, and a note counts them."""
    lone = 0
    for record in result.records:
        row_lone = 0
        for name in record.__slots__:
            value = getattr(record, name)
            if isinstance(value, str | list | dict):
                mended, n = _mend_value(value)
                if mended != value:
                    setattr(record, name, mended)
                row_lone += n
        if row_lone and "unmapped_glyphs" not in record.flags:
            record.flags.append("unmapped_glyphs")
        lone += row_lone
    result.notes[:] = [mend_surrogates(n)[0] for n in result.notes]
    if result.documents:
        result.documents = _mend_value(result.documents)[0]
    if lone:
        result.notes.append(LONE_SURROGATES_NOTE.format(n=lone))
