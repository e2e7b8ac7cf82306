"""The command line: folders, parallel jobs, settings, documented options."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from piatable.cli import build_parser, main

from .conftest import ROOT


def test_folder_input_and_jobs(tmp_path, seed_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(seed_path, folder / "a.txt")
    shutil.copy(seed_path, folder / "sub" / "b.txt")
    (folder / "ignored.json").write_text("{}", encoding="utf-8")
    out = tmp_path / "out.json"
    assert main(["extract", str(folder), "-o", str(out), "--jobs", "2"]) == 0
    records = json.loads(out.read_text("utf-8"))
    assert len(records) == 24
    assert {r["source"] for r in records} == {str(folder / "a.txt"), str(folder / "sub" / "b.txt")}


def test_settings_are_applied_and_bad_keys_named(tmp_path, seed_path, capsys):
    out = tmp_path / "o.json"
    assert main(["extract", str(seed_path), "-o", str(out), "--set", "stream.nonsense=1"]) == 2
    assert "stream.nonsense" in capsys.readouterr().err
    assert main(["extract", str(seed_path), "-o", str(out), "--set", "rejoin.full_slack_units=0"]) == 0
    strict = json.loads(out.read_text("utf-8"))
    # With no slack, a line one character short (kinsoku) no longer joins: the setting is live.
    assert "代理人要件\n等）" in strict[8]["before"]


def test_every_option_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text("utf-8")
    extract = build_parser()._subparsers._group_actions[0].choices["extract"]
    for action in extract._actions:
        for flag in action.option_strings:
            if flag.startswith("--") and flag != "--help":
                assert flag in readme, flag


def test_a_folder_walk_names_every_file(tmp_path, capsys):
    """Every file of a folder is an input: a PDF saved under another suffix is read by its
    bytes, a file without a suffix holding text is read, and binary files of other kinds are
    ``skipped`` with the reason, never left out unsaid."""
    folder = tmp_path / "in"
    folder.mkdir()
    pdf = ROOT / "samples" / "pdf" / "excel-seed" / "input.pdf"
    shutil.copy(pdf, folder / "a.pdf")
    shutil.copy(pdf, folder / "saved-as.xlsx")
    shutil.copy(ROOT / "samples" / "seed" / "input.txt", folder / "no_suffix")
    (folder / "original.docx").write_bytes(b"PK\x03\x04" + bytes(range(256)) * 4)
    (folder / ".hidden.txt").write_text("not read", "utf-8")
    # What an earlier run wrote into the folder is no input.
    (folder / "earlier.json").write_text('[{"source": "x", "change_date_raw": "令和5年4月1日"}]', "utf-8")
    (folder / "earlier.html").write_text("<html></html>", "utf-8")
    docs = tmp_path / "docs.json"
    assert main(["extract", str(folder), "-o", str(tmp_path / "r.json"), "--documents", str(docs)]) == 0
    status = {Path(d["source"]).name: (d["status"], d["rows"]) for d in json.loads(docs.read_text("utf-8"))}
    assert status == {
        "a.pdf": ("success", 12),
        "saved-as.xlsx": ("success", 12),
        "no_suffix": ("success", 12),
        "original.docx": ("skipped", 0),
    }
    err = capsys.readouterr().err
    assert "original.docx: skipped: not a PDF, an image or text (.docx)" in err
    # An office document: the note says how to export it (a new user handed in a .docx).
    assert "soffice --headless --convert-to pdf" in err
    # The documents say why, as stderr did: a researcher need not scrape the terminal.
    why = {Path(d["source"]).name: (d["error"], d["notes"]) for d in json.loads(docs.read_text("utf-8"))}
    assert "not a PDF, an image or text (.docx)" in why["original.docx"][0]
    # A PDF read whole has no error; its only notes count page numbers left out (page_furniture).
    assert why["a.pdf"][0] is None and all("page furniture" in n for n in why["a.pdf"][1])
    # Named, a binary .txt is a failure (it claims to be text), not skipped.
    bad = tmp_path / "bad.txt"
    bad.write_bytes(bytes(range(256)) * 4)
    assert main(["extract", str(bad), "-o", str(tmp_path / "b.json")]) == 1


def test_the_summary_counts_inputs_not_read_whole(tmp_path, seed_path, capsys):
    """The summary line says how many inputs failed (a new user read "0 rows from 0 of 1
    inputs" as a table with no rows); a run that read every input whole says nothing more."""
    bad = tmp_path / "not-an-image.txt"
    bad.write_text("hello\n", "utf-8")
    out = tmp_path / "o.json"
    assert main(["extract", str(seed_path), "-o", str(out)]) == 0
    assert capsys.readouterr().err.rstrip().endswith(f"12 rows from 1 of 1 inputs → {out} (json)")
    assert main(["extract", str(bad), "--kind", "scan", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}: not a readable image" in err
    assert f"0 rows from 0 of 1 inputs (1 failed: {bad}: see the notes above) →" in err
    # A file of another kind is skipped, exit 0: the summary names it too (break22).
    other = tmp_path / "original.docx"
    other.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 4)
    assert main(["extract", str(seed_path), str(other), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert f"12 rows from 2 of 2 inputs (1 skipped: {other}: see the notes above) →" in err


def test_version_names_the_commit_of_a_checkout(capsys):
    """``--version`` ties a result to its code: the version, and in a git checkout the commit."""
    import subprocess

    import pytest

    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    out = capsys.readouterr().out.strip()
    assert out.startswith("piatable 0.1.0")
    head = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    )
    if head.returncode == 0:  # a checkout (CI clones one): the commit is named
        assert f"(git {head.stdout.strip()}" in out
    else:
        assert out.startswith("piatable 0.1.0; ")
    # Whether the compiled loops were built (CI installs a C compiler: they are).
    assert out.endswith("; compiled loops"), out


def test_a_partial_input_says_so_and_the_summary_names_it(tmp_path, seed_path, capsys):
    """An input read in part says "partial" on its stderr lines, and the summary names the
    partial inputs: break22 saw "2 partial" and could not tell which without --documents."""
    # Paired column by column (pdfminer): partial, with that note.
    partial = ROOT / "samples/office-flow22/f22-calc-juki-pdfminer/input.txt"
    out = tmp_path / "o.json"
    assert main(["extract", str(seed_path), str(partial), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert f"piatable: {partial}: partial: " in err
    assert f"{seed_path}: partial" not in err
    assert f"inputs (1 partial: {partial}: see the notes above) →" in err


def test_a_kind_the_file_is_not_says_which_kind_it_is(tmp_path, capsys):
    """``--kind text`` on an image or a PDF, or ``--kind pdf`` on an image, fails that input with
    what its first bytes show and the kind to give (a new user read "binary file, not text" on a
    PNG given as text and did not know what to do)."""
    from PIL import Image

    png = tmp_path / "page.png"
    Image.new("L", (40, 40), 255).save(png)
    jpeg = tmp_path / "page.jpg"
    Image.new("L", (40, 40), 255).save(jpeg)
    pdf = tmp_path / "doc.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    out = tmp_path / "o.json"
    assert main(["extract", str(png), "--kind", "text", "-o", str(out)]) == 1
    assert f"{png}: a PNG image, not text: give --kind scan, or auto" in capsys.readouterr().err
    assert main(["extract", str(pdf), "--kind", "text", "-o", str(out)]) == 1
    assert f"{pdf}: a PDF, not text: give --kind pdf, or auto" in capsys.readouterr().err
    assert main(["extract", str(jpeg), "--kind", "pdf", "-o", str(out)]) == 1
    assert f"{jpeg}: a JPEG image, not a PDF: give --kind scan, or auto" in capsys.readouterr().err


def test_a_text_opening_with_bm_stays_text(tmp_path):
    """BMP's ``BM`` counts only with its reserved bytes zero: a text opening with ``BM`` given as
    text is read, not refused as an image."""
    from piatable.input_kinds import detect_kind, forced_kind_mismatch

    text = tmp_path / "notes"
    text.write_text("BMI の記載について\n", "utf-8")
    assert detect_kind(text) == "text" and forced_kind_mismatch(text, "text") is None
    bmp = tmp_path / "scan"
    bmp.write_bytes(b"BM" + (70).to_bytes(4, "little") + b"\x00" * 4 + b"\x36" + b"\x00" * 60)
    assert detect_kind(bmp) == "scan"


def test_one_summary_line_names_every_output_and_an_unwritten_csv_says_what_is_there(
    tmp_path, seed_path, capsys
):
    """The run's summary is one line naming every output (it was printed once per ``-o``); a CSV
    that cannot hold the text is not written, and where an earlier run's file stands at its path
    the line says it was left as it was (a bulk user took it for this run's)."""
    a, b = tmp_path / "a.json", tmp_path / "b.csv"
    assert main(["extract", str(seed_path), "-o", str(a), "-o", str(b)]) == 0
    err = capsys.readouterr().err
    assert err.count("12 rows from 1 of 1 inputs") == 1
    assert err.rstrip().endswith(f"→ {a} (json), {b} (csv)")
    snow = tmp_path / "snow.txt"
    snow.write_text("変更日 項目\n2020/1/1 Ⅰ 基本情報 ☃ 事前\n", "utf-8")
    assert main(["extract", str(seed_path), str(snow), "-o", str(b), "--csv-encoding", "cp932"]) == 1
    err = capsys.readouterr().err
    assert (
        f"{b}: not written (the file there is an earlier run's, left as it was): cp932 cannot hold ☃" in err
    )
    assert err.rstrip().endswith("→ nothing written")
