"""Bad inputs: one line naming the file, and the other inputs go on."""

from __future__ import annotations

import codecs
import json

from piatable.cli import main


def test_bad_inputs_do_not_stop_the_batch(tmp_path, seed_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    notable = tmp_path / "prose.txt"
    notable.write_text("これは表ではない文章です。\n変更箇所はありません。\n", encoding="utf-8")
    out = tmp_path / "out.json"
    rc = main(
        [
            "extract",
            str(empty),
            str(binary),
            str(seed_path),
            str(notable),
            str(tmp_path / "missing.txt"),
            "-o",
            str(out),
        ]
    )
    err = capsys.readouterr().err.strip().splitlines()
    assert rc == 1
    assert any(str(empty) in ln and "empty" in ln for ln in err)
    assert any(str(binary) in ln and "binary" in ln for ln in err)
    assert any("missing.txt" in ln and "no such file" in ln for ln in err)
    assert any(str(notable) in ln and "no amendment table found" in ln for ln in err)
    assert not any("Traceback" in ln for ln in err)
    assert len(json.loads(out.read_text("utf-8"))) == 12


def test_no_table_is_success_with_zero_rows(tmp_path, capsys):
    notable = tmp_path / "prose.txt"
    notable.write_text("本文のみ。\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(notable), "-o", str(out)]) == 0
    assert out.read_text("utf-8") == ""


def test_encodings_give_the_same_rows(tmp_path, seed_path):
    text = seed_path.read_text("utf-8")
    variants = {
        "utf8bom.txt": codecs.BOM_UTF8 + text.encode("utf-8"),
        "cp932.txt": text.encode("cp932"),
        "crlf.txt": text.replace("\n", "\r\n").encode("utf-8"),
        "utf16.txt": text.encode("utf-16"),
        "utf16le-nobom.txt": text.encode("utf-16-le"),
        "eucjp.txt": text.encode("euc_jis_2004"),
        "eucjp-crlf.txt": text.replace("\n", "\r\n").encode("euc_jis_2004"),
        "iso2022jp.txt": text.encode("iso2022_jp_2004"),
    }
    base = json.dumps([_core(r) for r in _extract(seed_path)], ensure_ascii=False)
    for name, data in variants.items():
        p = tmp_path / name
        p.write_bytes(data)
        got = json.dumps([_core(r) for r in _extract(p)], ensure_ascii=False)
        assert got == base, name


def test_euc_jp_bytes_are_not_read_as_cp932_half_width_kana():
    """EUC-JP's kana and kanji bytes also decode as CP932 (as half-width katakana)."""
    from piatable.extract.text_decoding import decode_bytes

    text = "平成２７年１０月５日 特定個人情報ファイルの概要 事前\n"
    assert decode_bytes(text.encode("euc_jp"), "x.txt") == text
    cp932_kana = "ｶﾅ入力 特定個人情報\n"
    assert decode_bytes(cp932_kana.encode("cp932"), "x.txt") == cp932_kana


def _extract(path):
    import piatable

    return piatable.extract(path)


def _core(r):
    d = r.to_dict()
    d.pop("source")
    return d


def test_an_unexpected_error_in_one_input_is_one_line_and_the_batch_goes_on(
    tmp_path, seed_path, capsys, monkeypatch
):
    import piatable.pipeline as pipeline

    real = pipeline.lines_to_rows

    def broken(pages, settings, **kwargs):
        if any("壊れた" in w.text for p in pages for w in p.words):
            raise IndexError("simulated bug")
        return real(pages, settings, **kwargs)

    monkeypatch.setattr(pipeline, "lines_to_rows", broken)
    bad = tmp_path / "bad.txt"
    bad.write_text("2023/2/6\n壊れた\n事後\n", encoding="utf-8")
    out = tmp_path / "out.json"
    rc = main(["extract", str(bad), str(seed_path), "-o", str(out)])
    err = capsys.readouterr().err
    assert rc == 1
    assert f"{bad}: unexpected error" in err and "IndexError" in err and "Traceback" not in err
    assert len(json.loads(out.read_text("utf-8"))) == 12


def test_a_crawls_odd_files_are_named_and_none_is_lost(tmp_path, seed_path, capsys):
    """What a crawler brings home (a bulk user's corpus): an uncompressed ZIP of PDFs saved as
    ``.pdf`` (a PDF's header inside its first 1024 bytes, where pdfium finds it: it was read as
    its second member, with no word of the first) fails as a ZIP archive; a link whose target is
    gone, met in a folder, is an input that fails naming it (it had no documents row and the
    exit status was 0); a file linked from elsewhere in the walk is read under its own name."""
    import zipfile

    from piatable.input_kinds import detect_kind

    folder = tmp_path / "crawl"
    folder.mkdir()
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    with zipfile.ZipFile(folder / "bundle.pdf", "w", compression=zipfile.ZIP_STORED) as z:
        z.writestr("a.pdf", pdf)
        z.writestr("b.pdf", pdf)
    assert b"%PDF" in (folder / "bundle.pdf").read_bytes()[:1024]
    (folder / "dead.pdf").symlink_to(tmp_path / "gone.pdf")
    (folder / "a-link.txt").symlink_to(folder / "z-seed.txt")
    (folder / "z-seed.txt").write_text(seed_path.read_text("utf-8"), "utf-8")
    docs = tmp_path / "docs.json"
    rc = main(["extract", str(folder), "-o", str(tmp_path / "out.json"), "--documents", str(docs)])
    assert rc == 1
    got = {d["source"]: (d["status"], d["error"]) for d in json.loads(docs.read_text("utf-8"))}
    assert got[str(folder / "bundle.pdf")] == (
        "failure",
        f"{folder / 'bundle.pdf'}: a ZIP archive (.zip, .docx, .xlsx, .odt …), not a PDF",
    )
    assert got[str(folder / "dead.pdf")] == (
        "failure",
        f"{folder / 'dead.pdf'}: a link to a missing file ({tmp_path / 'gone.pdf'})",
    )
    assert got[str(folder / "z-seed.txt")][0] == "success"
    assert str(folder / "a-link.txt") not in got  # the same file: read once, under its own name
    assert "a link to a missing file" in capsys.readouterr().err
    # The bytes decide the reader whatever the suffix: a PNG saved as .pdf is a scan.
    png = tmp_path / "page.pdf"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 16)
    assert detect_kind(png) == "scan"


def test_a_file_name_with_a_newline_keeps_its_failure_on_one_line(tmp_path, seed_path, capsys):
    bad = tmp_path / "bad\nname\x1b[31m.txt"
    bad.write_bytes(b"")
    out = tmp_path / "out.json"
    rc = main(["extract", str(bad), str(seed_path), "-o", str(out)])
    err = capsys.readouterr().err.splitlines()
    assert rc == 1
    failure = [ln for ln in err if "empty" in ln]
    assert len(failure) == 1 and "bad\\nname\\x1b[31m.txt" in failure[0]
    assert not any("\x1b" in ln for ln in err)
    assert len(json.loads(out.read_text("utf-8"))) == 12
