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
    }
    base = json.dumps([_core(r) for r in _extract(seed_path)], ensure_ascii=False)
    for name, data in variants.items():
        p = tmp_path / name
        p.write_bytes(data)
        got = json.dumps([_core(r) for r in _extract(p)], ensure_ascii=False)
        assert got == base, name


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
