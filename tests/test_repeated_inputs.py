"""Through the real command line: a file named twice is read once, and a dataset rerun tells the
failures of earlier runs apart from new ones."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd


def _piatable(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    code = "import sys; from piatable.cli import console_main; sys.argv[0] = 'piatable'; console_main()"
    return subprocess.run(
        [sys.executable, "-c", code, "extract", *args], cwd=cwd, capture_output=True, text=True, timeout=300
    )


def _same_file_many_names(tmp_path: Path, seed_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(seed_path.read_bytes())
    (folder / "link.txt").symlink_to("a.txt")
    os.link(folder / "a.txt", folder / "hard.txt")
    # A copy is another file with the same content: a second input, not a repeat.
    (tmp_path / "copy.txt").write_bytes(seed_path.read_bytes())


def test_a_file_named_twice_is_read_once_with_a_note(tmp_path, seed_path):
    _same_file_many_names(tmp_path, seed_path)
    args = ["in/a.txt", "./in/a.txt", "in/link.txt", "in", "copy.txt", "copy.txt", "in/hard.txt"]
    done = _piatable([*args, "-o", "out.json"], tmp_path)
    assert done.returncode == 0, done.stderr
    records = json.loads((tmp_path / "out.json").read_text("utf-8"))
    assert len(records) == 24  # the seed's 12 rows, once under in/a.txt and once under copy.txt
    assert sorted({r["source"] for r in records}) == ["copy.txt", "in/a.txt"]
    err = done.stderr.splitlines()
    assert "piatable: ./in/a.txt: the same file as in/a.txt; read once, as in/a.txt" in err
    assert "piatable: in/link.txt: the same file as in/a.txt; read once, as in/a.txt" in err
    assert "piatable: copy.txt: the same file as copy.txt; read once, as copy.txt" in err
    assert "piatable: in/hard.txt: the same file as in/a.txt; read once, as in/a.txt" in err
    # The folder holds a.txt, its hard link and its symbolic link: all three given already.
    assert (
        "piatable: in: its 3 files are already given (in/a.txt, in/hard.txt = in/a.txt,"
        " in/link.txt = in/a.txt); each is read once, under the name given first"
    ) in err
    assert "24 rows from 2 of 2 inputs" in done.stderr

    # A file first met in a folder's walk: the note names the folder, and the name read.
    walk_first = _piatable(["in", "in/a.txt", "in/link.txt", "-o", "walk.json"], tmp_path)
    assert walk_first.returncode == 0, walk_first.stderr
    assert len(json.loads((tmp_path / "walk.json").read_text("utf-8"))) == 12
    err = walk_first.stderr.splitlines()
    assert "piatable: in/a.txt: already in the folder in; read once" in err
    assert "piatable: in/link.txt: already in the folder in; read once" not in err
    assert "piatable: in/link.txt: the same file as in/a.txt in the folder in; read once, as in/a.txt" in err
    # Inside the folder, hard.txt and link.txt are a.txt again.
    assert (
        "piatable: in: 2 of its 3 files are already given (in/hard.txt = in/a.txt, in/link.txt = in/a.txt);"
        " each is read once, under the name given first"
    ) in err

    # The same in bulk mode: one documents row per file, each row once.
    done = _piatable([*args, "--dataset", "ds"], tmp_path)
    assert done.returncode == 0, done.stderr
    docs = pd.read_parquet(tmp_path / "ds" / "documents.parquet")
    assert sorted(docs["source"]) == ["copy.txt", "in/a.txt"]
    assert len(pd.read_parquet(tmp_path / "ds" / "records")) == 24


def test_a_missing_file_named_twice_fails_once(tmp_path):
    done = _piatable(["gone.txt", "./gone.txt", "-o", "out.json"], tmp_path)
    assert done.returncode == 1
    assert "piatable: ./gone.txt: the same file as gone.txt; read once, as gone.txt" in done.stderr
    assert done.stderr.count("no such file") == 1, done.stderr


def test_a_rerun_tells_earlier_failures_from_new_ones(tmp_path, seed_path):
    (tmp_path / "good.txt").write_bytes(seed_path.read_bytes())
    (tmp_path / "empty.txt").write_bytes(b"")
    first = _piatable(["good.txt", "empty.txt", "--dataset", "ds"], tmp_path)
    assert first.returncode == 1
    assert "(1 failed: 1 in this run, 0 earlier)" in first.stderr
    assert "piatable: 1 input failed in this run (see ds/documents.parquet)" in first.stderr

    # Nothing new: the exit status stays 1 (the dataset has a failed input), and the lines say
    # that the failure is an earlier one, with its reason.
    again = _piatable(["good.txt", "empty.txt", "--dataset", "ds"], tmp_path)
    assert again.returncode == 1
    err = again.stderr.splitlines()
    assert "piatable: earlier failure: empty.txt: empty file" in err
    closing = "piatable: nothing new failed; 1 input failed in an earlier run"
    assert any(line.startswith(closing) for line in err)
    assert "in this run (see" not in again.stderr

    # A new bad input beside the old one: both said, apart.
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 4)
    mixed = _piatable(["good.txt", "empty.txt", "blob.txt", "--dataset", "ds"], tmp_path)
    assert mixed.returncode == 1
    assert "(2 failed: 1 in this run, 1 earlier)" in mixed.stderr
    assert "piatable: 1 input failed in this run (see ds/documents.parquet)" in mixed.stderr
    assert "1 input failed in an earlier run and was not run again" in mixed.stderr
    assert "nothing new failed" not in mixed.stderr

    # --retry-failed runs both again: both fail in this run, and were failures before.
    retry = _piatable(["good.txt", "empty.txt", "blob.txt", "--dataset", "ds", "--retry-failed"], tmp_path)
    assert retry.returncode == 1
    said = "piatable: 2 inputs failed in this run (2 of them had failed before; see ds/documents.parquet)"
    assert said in retry.stderr
    assert "earlier failure" not in retry.stderr

    # Once the bad inputs are fixed, the rerun exits 0.
    (tmp_path / "empty.txt").write_bytes(seed_path.read_bytes() + b"\n")
    (tmp_path / "blob.txt").write_bytes(seed_path.read_bytes() + b"\n\n")
    fixed = _piatable(["good.txt", "empty.txt", "blob.txt", "--dataset", "ds"], tmp_path)
    assert fixed.returncode == 0, fixed.stderr
    assert "(0 failed: 0 in this run, 0 earlier), 36 rows" in fixed.stderr
