"""--max-memory is the memory one input may use: memory other inputs left in a worker, or pages the
worker shares with the ``piatable`` process that forked it, do not fail an input (session 71's
``make run``: three scans failed "over 2048 MB" late in the run that alone read in 350-1,134 MB).

Real Pebble pools and real workers; the workers are made to hold memory by the test hooks
(``piatable.worker_test_hooks``: ``hold MB`` keeps MB for the worker's life, ``use MB`` for the
input's reading)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from piatable.batch import TEST_HOOK_ENV
from piatable.cli import main

# The limit of these runs (MB): above a fresh worker's reading of the seed text with ``USE_MB`` on
# top (the SudachiPy dictionary and the reading: well under 150 MB), below ``HOLD_MB`` + ``USE_MB``.
CAP_MB = 400
HOLD_MB = 250
USE_MB = 250


def _inputs(folder: Path, seed: bytes, names: dict[str, str]) -> None:
    """Inputs named ``names`` (file name -> hook action, or "" for the seed alone), each the seed
    text after its hook line: each reads the seed's 12 rows."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, (name, action) in enumerate(names.items()):
        head = f"#piatable-test: {action}\n".encode() if action else b""
        (folder / name).write_bytes(head + seed + b"\n" * i)  # distinct content: distinct inputs


def test_an_input_over_the_limit_in_a_worker_others_filled_is_read_again_fresh(
    tmp_path, seed_path, monkeypatch, capsys
):
    """One worker: the first input leaves 250 MB in it, the second uses 250 MB: over 400 MB
    there, so it is read again in a fresh worker and its rows come out; the input after it is
    read as ever; an input over the limit alone fails with the limit named, once."""
    monkeypatch.setenv(TEST_HOOK_ENV, "1")
    folder = tmp_path / "in"
    _inputs(
        folder,
        seed_path.read_bytes(),
        {"1-hold.txt": f"hold {HOLD_MB}", "2-use.txt": f"use {USE_MB}", "3-seed.txt": "", "4-grow.txt": ""},
    )
    (folder / "4-grow.txt").write_text("#piatable-test: allocate\n", "ascii")
    out, docs = tmp_path / "o.json", tmp_path / "docs.json"
    args = ["extract", str(folder), "--jobs", "1", "--max-memory", str(CAP_MB), "-o", str(out)]
    assert main([*args, "--documents", str(docs)]) == 1
    err = capsys.readouterr().err
    status = {Path(d["source"]).name: (d["status"], d["error"]) for d in json.loads(docs.read_text("utf-8"))}
    assert {n: s for n, (s, _) in status.items()} == {
        "1-hold.txt": "success",
        "2-use.txt": "success",
        "3-seed.txt": "success",
        "4-grow.txt": "failure",
    }
    assert status["4-grow.txt"][1].endswith(f"over {CAP_MB} MB")
    rows = json.loads(out.read_text("utf-8"))
    by_source = pd.DataFrame(rows).groupby("source").size()
    assert {Path(s).name: n for s, n in by_source.items()} == {
        "1-hold.txt": 12,
        "2-use.txt": 12,
        "3-seed.txt": 12,
    }
    assert (
        f"2-use.txt: over {CAP_MB} MB in a worker that had read other inputs; read again in a fresh worker"
        in err
    )
    assert err.count("read again in a fresh worker") <= 2  # 2-use, perhaps 4-grow: each once


def test_two_workers_filled_by_earlier_inputs_lose_no_input(tmp_path, seed_path, monkeypatch, capsys):
    """Two workers, a dataset: inputs that leave memory behind, then inputs that use as much
    again; every input is done with its rows, none failed, none twice."""
    monkeypatch.setenv(TEST_HOOK_ENV, "1")
    folder = tmp_path / "in"
    names = {f"1-hold-{i}.txt": f"hold {HOLD_MB}" for i in range(2)}
    names |= {f"2-use-{i}.txt": f"use {USE_MB}" for i in range(4)}
    names |= {f"3-seed-{i}.txt": "" for i in range(3)}
    _inputs(folder, seed_path.read_bytes(), names)
    ds = tmp_path / "ds"
    assert (
        main(["extract", str(folder), "--dataset", str(ds), "--jobs", "2", "--max-memory", str(CAP_MB)]) == 0
    )
    docs = pd.read_parquet(ds / "documents.parquet")
    assert sorted(Path(s).name for s in docs["source"]) == sorted(names)
    assert set(docs["status"]) == {"success"} and set(docs["rows"]) == {12}
    records = pd.read_parquet(ds / "records")
    assert len(records) == 12 * len(names)
    assert records.groupby("source").size().eq(12).all()


def test_a_worker_forked_from_a_large_parent_counts_only_its_own_memory(tmp_path, seed_path, capsys):
    """Workers are forked from the ``piatable`` process; one forked when that process holds 600 MB
    (the results of a long run) reads an input under a 400 MB limit: the pages it shares with
    its parent are not its input's memory."""
    ballast = bytearray(600 * 1024 * 1024)
    ballast[::4096] = b"x" * len(ballast[::4096])  # resident in this process, hence in the fork
    folder = tmp_path / "in"
    _inputs(folder, seed_path.read_bytes(), {"seed.txt": ""})
    out = tmp_path / "o.json"
    assert main(["extract", str(folder), "--jobs", "1", "--max-memory", str(CAP_MB), "-o", str(out)]) == 0
    assert len(json.loads(out.read_text("utf-8"))) == 12
    del ballast
