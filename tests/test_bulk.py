"""The bulk job: isolated workers with limits, the --dataset folder, resume after kill -9."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
import pyarrow.dataset as pads
import pyarrow.parquet as pq
import pytest
from filelock import FileLock

from piatable.batch import TEST_HOOK_ENV, Limits
from piatable.cli import main
from piatable.models.writers import records_to_table
from piatable.pipeline import extract_document

from .conftest import SAMPLES

GEN = SAMPLES / "gen"


def _mixed_inputs(folder: Path, copies: int = 2) -> list[Path]:
    """Good texts and PDFs (content-distinct copies) among corrupt, truncated, encrypted, empty,
    binary and non-table inputs."""
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    folder.mkdir(parents=True, exist_ok=True)
    cases = [
        "juki_columns_boxes_w12_b20_wareki_ff",
        "juki_w10_b18_clip8_share",
        "juki_whole_assessment_ff",
        "kokuho_layout_chars_w14_b20",  # pdftotext -layout text: the grid path
        "kokuho_w10_b26_datewrap_cp932",
        "kokuho_w12_b20_wareki_fw_split",
    ]
    texts = [GEN / c / "input.txt" for c in cases] + [SAMPLES / "seed" / "input.txt"]
    for i in range(copies):
        for t in texts:
            # A trailing blank line per copy: distinct content (so distinct keys), same table.
            (folder / f"{t.parent.name}-{i}.txt").write_bytes(t.read_bytes() + b"\n" * (i + 1))
    pdf = (SAMPLES / "pdf" / "excel-seed" / "input.pdf").read_bytes()
    (folder / "good.pdf").write_bytes(pdf)
    (folder / "word.pdf").write_bytes((SAMPLES / "pdf" / "word-seed" / "input.pdf").read_bytes())
    (folder / "truncated.pdf").write_bytes(pdf[: len(pdf) // 2])
    (folder / "corrupt.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 20)
    c = canvas.Canvas(str(folder / "encrypted.pdf"), encrypt=pdfencrypt.StandardEncryption("pw"))
    c.drawString(100, 100, "secret")
    c.save()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blob.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "prose.txt").write_text("これは表ではない文章です。\n", encoding="utf-8")
    return sorted(p for p in folder.iterdir() if p.is_file())


def _reference(paths: list[Path]) -> list[dict]:
    """The rows of one-at-a-time runs (as Parquet gives them back), in a stable order."""
    records = []
    for p in paths:
        res = extract_document(str(p))
        if res.status != "failure":
            records += res.records
    rows = records_to_table(records).to_pylist()
    return sorted(rows, key=lambda r: (r["source"], r["row_index"]))


def _dataset_rows(ds: Path) -> list[dict]:
    rows = pq.read_table(ds / "records").to_pylist() if any((ds / "records").glob("*.parquet")) else []
    return sorted(rows, key=lambda r: (r["source"], r["row_index"]))


def _documents(ds: Path) -> pd.DataFrame:
    return pd.read_parquet(ds / "documents.parquet")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus") / "in"
    paths = _mixed_inputs(folder)
    return folder, paths, _reference(paths)


def test_dataset_has_one_row_per_input_and_the_rows_of_single_runs(corpus, tmp_path, capsys):
    folder, paths, reference = corpus
    ds = tmp_path / "ds"
    rc = main(["extract", str(folder), "--dataset", str(ds), "--jobs", "2"])
    assert rc == 1  # the corrupt, truncated, encrypted, empty and binary inputs failed
    docs = _documents(ds)
    assert sorted(docs["source"]) == sorted(map(str, paths))
    by = docs.set_index("source")
    assert by.loc[str(folder / "encrypted.pdf"), "status"] == "failure"
    assert "encrypted" in by.loc[str(folder / "encrypted.pdf"), "error"]
    assert by.loc[str(folder / "prose.txt"), "status"] == "success"
    assert "no amendment table found" in list(by.loc[str(folder / "prose.txt"), "notes"])
    assert (docs["sha256"].str.len() == 64).all() and (docs["bytes"] >= 0).all()
    assert docs["piatable_version"].nunique() == 1 and docs["settings_hash"].nunique() == 1
    assert {"rows", "pages", "seconds", "kind", "error", "notes"} <= set(docs.columns)
    assert _dataset_rows(ds) == reference
    # Readable as a dataset by pandas and pyarrow.dataset, one file per input.
    assert len(pd.read_parquet(ds / "records")) == len(reference)
    assert pads.dataset(ds / "records").count_rows() == len(reference)
    assert len(list((ds / "records").glob("*.parquet"))) == len(paths)
    log = (ds / "piatable.log").read_text("utf-8").splitlines()
    assert len(log) == len(paths)
    # A rerun does nothing; a renamed file is reused, a changed file redone.
    capsys.readouterr()
    assert main(["extract", str(folder), "--dataset", str(ds)]) == 1
    assert f"{len(paths)} already done, 0 reused, 0 run" in capsys.readouterr().err
    assert len((ds / "piatable.log").read_text("utf-8").splitlines()) == len(paths)


def test_workers_replaced_after_their_task_quota_lose_and_repeat_nothing(
    corpus, tmp_path, monkeypatch, capsys
):
    """Workers are recycled after ``WORKER_MAX_TASKS`` documents (bounded memory of a long run):
    with a quota of 2, the mixed corpus goes through several generations of workers and the
    dataset still has one documents row per input and exactly the rows of single runs."""
    import piatable.batch as batch

    monkeypatch.setattr(batch, "WORKER_MAX_TASKS", 2)
    folder, paths, reference = corpus
    ds = tmp_path / "ds"
    assert main(["extract", str(folder), "--dataset", str(ds), "--jobs", "2"]) == 1  # the bad inputs
    docs = _documents(ds)
    assert sorted(docs["source"]) == sorted(map(str, paths))
    assert _dataset_rows(ds) == reference


def test_resume_renamed_changed_and_retry_failed(tmp_path, seed_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    a, b = folder / "a.txt", folder / "b.txt"
    a.write_bytes(seed_path.read_bytes())
    b.write_bytes(b"")
    ds = tmp_path / "ds"
    assert main(["extract", str(folder), "--dataset", str(ds)]) == 1
    a.rename(folder / "renamed.txt")
    assert main(["extract", str(folder), "--dataset", str(ds)]) == 1
    docs = _documents(ds).set_index("source")
    assert sorted(docs.index) == [str(b), str(folder / "renamed.txt")]
    rows = _dataset_rows(ds)
    assert len(rows) == 12 and {r["source"] for r in rows} == {str(folder / "renamed.txt")}
    assert "reused" in (ds / "piatable.log").read_text("utf-8")
    # The empty file is still a failure: --retry-failed runs it again (now with text in it).
    b.write_bytes(seed_path.read_bytes() + b"\n")
    assert main(["extract", str(folder), "--dataset", str(ds)]) == 0  # changed: redone anyway
    b.write_bytes(b"")
    assert main(["extract", str(folder), "--dataset", str(ds)]) == 1
    capsys.readouterr()
    assert main(["extract", str(folder), "--dataset", str(ds), "--retry-failed"]) == 1
    assert "1 already done, 0 reused, 1 run" in capsys.readouterr().err
    assert len(_dataset_rows(ds)) == 12
    assert len(list((ds / "records").glob("*.parquet"))) == 2


def test_a_renamed_file_with_a_copy_on_disk_moves_its_rows(tmp_path, seed_path):
    """A file renamed between runs whose content a copy still on disk shares: its rows leave the
    old name (a bulk user's crawl kept them under both names, the copy on disk standing as the
    donor of the reuse, so the old name was never looked at); the copy keeps its own rows."""
    folder = tmp_path / "in"
    folder.mkdir()
    a, copy = folder / "a.txt", folder / "a-copy.txt"
    a.write_bytes(seed_path.read_bytes())
    copy.write_bytes(seed_path.read_bytes())
    ds = tmp_path / "ds"
    assert main(["extract", str(folder), "--dataset", str(ds)]) == 0
    a.rename(folder / "z-renamed.txt")
    assert main(["extract", str(folder), "--dataset", str(ds)]) == 0
    docs = _documents(ds)
    assert sorted(docs["source"]) == [str(copy), str(folder / "z-renamed.txt")]
    rows = _dataset_rows(ds)
    assert len(rows) == 24
    assert {r["source"] for r in rows} == {str(copy), str(folder / "z-renamed.txt")}


def test_a_good_file_replaced_by_a_failing_one_says_its_rows_went(tmp_path, seed_path, capsys):
    """A re-crawl replaces a good file by a truncated download: the rerun reads the new version
    (a failure) and the earlier version's rows leave the dataset; the input's documents row, read
    back from the dataset, and stderr say how many (they went in silence before)."""
    folder = tmp_path / "in"
    folder.mkdir()
    a = folder / "a.pdf"
    a.write_bytes((SAMPLES / "pdf" / "excel-ascii" / "input.pdf").read_bytes())
    ds = tmp_path / "ds"
    assert main(["extract", str(folder), "--dataset", str(ds)]) == 0
    before = len(_dataset_rows(ds))
    assert before > 0
    a.write_bytes(a.read_bytes()[:2000])
    capsys.readouterr()
    assert main(["extract", str(folder), "--dataset", str(ds)]) == 1
    err = capsys.readouterr().err
    assert f"the {before} rows of its earlier version" in err
    assert _dataset_rows(ds) == []
    notes = list(_documents(ds).set_index("source").loc[str(a), "notes"])
    assert any(f"the {before} rows of its earlier version" in n for n in notes)


def test_a_reused_input_without_rows_keeps_the_records_schema(tmp_path, capsys):
    """Two copies of a text with no table: the second is reused, and its empty file keeps the
    schema's types, so the records/ dataset stays readable (an empty ``source`` column used to
    be written as type null, and pyarrow could not read the folder)."""
    folder = tmp_path / "in"
    folder.mkdir()
    text = "これは変更箇所の表ではない文書です。\n令和５年度の事業計画について記す。\n"
    (folder / "a.txt").write_text(text, encoding="utf-8")
    ds = tmp_path / "ds"
    main(["extract", str(folder), "--dataset", str(ds)])
    for name in ("b.txt", "c.txt"):  # copies added later: reused from a.txt's finished file
        (folder / name).write_text(text, encoding="utf-8")
    main(["extract", str(folder), "--dataset", str(ds)])
    assert "reused" in (ds / "piatable.log").read_text("utf-8")
    files = sorted((ds / "records").glob("*.parquet"))
    assert len(files) == 3
    for f in files:
        assert pq.read_schema(f).field("source").type == pq.read_schema(files[0]).field("source").type
        assert str(pq.read_schema(f).field("source").type) == "string"
    assert _dataset_rows(ds) == []
    assert pads.dataset(ds / "records").count_rows() == 0


def test_a_second_run_on_a_locked_dataset_is_refused(tmp_path, seed_path, capsys):
    ds = tmp_path / "ds"
    ds.mkdir()
    with FileLock(str(ds / ".piatable.lock")):
        assert main(["extract", str(seed_path), "--dataset", str(ds)]) == 2
    assert "another piatable run" in capsys.readouterr().err


def test_dying_hanging_and_growing_workers_fail_alone(tmp_path, seed_path, monkeypatch, capsys):
    import psutil

    monkeypatch.setenv(TEST_HOOK_ENV, "1")
    folder = tmp_path / "in"
    folder.mkdir()
    for action in ("kill", "allocate"):
        (folder / f"{action}.txt").write_text(f"#piatable-test: {action}\n", "ascii")
    for i in range(3):
        (folder / f"good{i}.txt").write_bytes(seed_path.read_bytes() + b"\n" * i)
    # Workers are forked from this process: their resident memory starts at this process's.
    cap = int(psutil.Process().memory_info().rss / 2**20) + 300
    ds = tmp_path / "ds"
    rc = main(["extract", str(folder), "--dataset", str(ds), "--jobs", "2", "--max-memory", str(cap)])
    assert rc == 1
    err = capsys.readouterr().err
    by = _documents(ds).set_index("source")
    assert by.loc[str(folder / "kill.txt"), "error"].endswith("worker killed by signal 9")
    assert by.loc[str(folder / "allocate.txt"), "error"].endswith(f"over {cap} MB")
    assert "worker killed by signal 9" in err
    assert list(by.loc[[str(folder / f"good{i}.txt") for i in range(3)], "rows"]) == [12, 12, 12]
    # A hanging worker is killed at the time limit.
    hang = tmp_path / "hang.txt"
    hang.write_text("#piatable-test: hang\n", "ascii")
    t0 = time.monotonic()
    assert main(["extract", str(hang), "--dataset", str(ds), "--timeout", "1"]) == 1
    assert time.monotonic() - t0 < HANG_KILLED_GUARD_S
    assert _documents(ds).set_index("source").loc[str(hang), "error"].endswith("timed out after 1 s")
    # The same through -o: the failure is one line, the good inputs are written.
    (folder / "allocate.txt").unlink()
    out = tmp_path / "o.json"
    assert main(["extract", str(folder), "-o", str(out), "--jobs", "2"]) == 1
    assert len(json.loads(out.read_text("utf-8"))) == 36
    assert "kill.txt: worker killed by signal 9" in capsys.readouterr().err


def _cli(args: list[str], **kw) -> subprocess.Popen:
    code = "import sys; from piatable.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.Popen(
        [sys.executable, "-c", code, "extract", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group, workers included
        **kw,
    )


def _wait_for_files(ds: Path, n: int, proc: subprocess.Popen, limit_s: float = 60) -> int:
    t0 = time.monotonic()
    while time.monotonic() - t0 < limit_s:
        done = len(list((ds / "records").glob("*.parquet"))) if (ds / "records").exists() else 0
        if done >= n or proc.poll() is not None:
            return done
        time.sleep(0.02)
    return -1


def test_kill_9_of_the_whole_run_then_rerun_gives_the_same_dataset(corpus, tmp_path):
    folder, paths, reference = corpus
    ds = tmp_path / "ds"
    proc = _cli([str(folder), "--dataset", str(ds), "--jobs", "2"])
    done = _wait_for_files(ds, len(paths) // 3, proc)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 0 < done < len(paths), "the run should have been killed midway"
    assert not (ds / "documents.parquet").exists() or len(_documents(ds)) < len(paths)
    rc = main(["extract", str(folder), "--dataset", str(ds), "--jobs", "2"])
    assert rc == 1
    docs = _documents(ds)
    assert sorted(docs["source"]) == sorted(map(str, paths))
    assert _dataset_rows(ds) == reference
    assert len(list((ds / "records").glob("*.parquet"))) == len(paths)
    assert not list((ds / "records").glob(".*"))
    # The killed run's temporary folder (its workers' page images) was removed by the rerun.
    assert not list(Path(tempfile.gettempdir()).glob(f"piatable-run-{proc.pid}-*"))


def test_a_new_run_removes_the_temporary_folders_of_runs_that_are_gone(tmp_path, monkeypatch):
    from piatable.worker_pool import run_temp_folder

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    (tmp_path / f"piatable-run-{gone.pid}-abc" / "worker-x").mkdir(parents=True)
    (tmp_path / f"piatable-run-{gone.pid}-abc" / "worker-x" / "tess_1.PPM").write_bytes(b"P6")
    (tmp_path / f"piatable-run-{os.getppid()}-live").mkdir()  # a run still going
    (tmp_path / "piatable-run-notapid").mkdir()
    new = Path(run_temp_folder())
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [f"piatable-run-{os.getppid()}-live", "piatable-run-notapid", new.name]
    )
    assert new.name.startswith(f"piatable-run-{os.getpid()}-")


def test_a_run_folder_removed_while_a_new_run_looks_is_passed_over(tmp_path, monkeypatch):
    """Runs end beside each other: a live run's folder removed between the new run's listing
    and its look at the folder is passed over, not an error that stops the new run."""
    from piatable.worker_pool import run_temp_folder

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    ending = tmp_path / f"piatable-run-{os.getppid()}-ending"
    ending.mkdir()
    real_stat = Path.stat

    def stat_then_removal(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen = real_stat(self, *args, **kwargs)
        if self.name == ending.name and os.path.isdir(ending):
            os.rmdir(ending)  # the other run ends right after this look
        return seen

    monkeypatch.setattr(Path, "stat", stat_then_removal)
    new = Path(run_temp_folder())
    assert [p.name for p in tmp_path.iterdir()] == [new.name]


def _busy_worker(workers, wait_s: float = 5.0):  # type: ignore[no-untyped-def]
    """The first of ``workers`` (psutil processes) seen running on the CPU within ``wait_s``
    seconds (polled every millisecond), else the first."""
    import psutil

    end = time.monotonic() + wait_s
    while time.monotonic() < end:
        for w in workers:
            try:
                if w.status() == psutil.STATUS_RUNNING:
                    return w
            except psutil.NoSuchProcess:
                continue
        time.sleep(0.001)
    return workers[0]


def test_a_worker_killed_from_outside_fails_one_input_and_retry_completes(corpus, tmp_path):
    import psutil

    folder, paths, reference = corpus
    ds = tmp_path / "ds"
    proc = _cli([str(folder), "--dataset", str(ds), "--jobs", "2"])
    _wait_for_files(ds, 5, proc)
    me = psutil.Process(proc.pid)
    workers = [c for c in me.children() if c.cmdline() == me.cmdline()]
    assert workers, "the run should have worker processes"
    # Kill a worker while it reads a document (on the CPU), as the OOM killer would.  (Workers
    # killed between documents: test_workers_killed_between_inputs_again_and_again….)
    victim = _busy_worker(workers)
    victim.send_signal(signal.SIGKILL)
    assert proc.wait(timeout=120) in (0, 1)  # the run went on to the end
    docs = _documents(ds)
    assert sorted(docs["source"]) == sorted(map(str, paths))
    assert main(["extract", str(folder), "--dataset", str(ds), "--jobs", "2", "--retry-failed"]) == 1
    assert _dataset_rows(ds) == reference


def _idle_workers(proc: subprocess.Popen) -> list:
    """The run's worker processes that sleep outside a document: waiting for the next input
    (in ``poll``) or for the pool's channel lock (a futex), as seen in /proc."""
    import psutil

    try:
        me = psutil.Process(proc.pid)
        workers = [c for c in me.children() if c.cmdline() == me.cmdline()]
    except psutil.Error:
        return []
    idle = []
    for w in workers:
        try:
            state = Path(f"/proc/{w.pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
            wchan = Path(f"/proc/{w.pid}/wchan").read_text()
        except OSError:
            continue
        if state == "S" and (wchan.startswith("poll") or "futex" in wchan):
            idle.append(w)
    return idle


SHORT_INPUTS = 300
# Hang guards, not speed figures (``make bench`` measures speed); loose enough for CI beside other
# jobs on two cores, where a worker's start-up alone took over 10 s.  A hanging input killed at
# ``--timeout 1`` ends the run well within this; without the kill it never ends.
HANG_KILLED_GUARD_S = 120
# A dead worker's task fails at once, not at its time limit: the limit is set far above the guard,
# so a task failed only by its timeout (the Pebble race below) cannot pass.
DEAD_TASK_TIMEOUT_S = 900
DEAD_TASK_GUARD_S = 300
# Kills in the test below: enough hand-overs hit (it needs 3; an idle machine makes ~100 in the
# window), then the run is left to end.  Killing on without end starved a run on a loaded machine:
# CI beside other jobs on two cores ended none in 60 s with 148 workers killed, each restart slow.
KILLS_MAX = 60
KILL_WINDOW_S = 60
# A hang guard, not a speed figure (``make bench`` measures speed): the run ends within this after
# the kills stop, or it is taken for stalled (Pebble stalls for good, the bug this guards).
END_GUARD_S = 180


def test_a_killed_workers_temporary_files_go_with_the_run(tmp_path, seed_path, monkeypatch):
    """A worker killed mid-input leaves its temporary files (tesseract's page image and hOCR, as
    a bulk user found under /tmp after timeouts) in its own folder under the run's, which the
    run removes: nothing of it stays in the system's temporary folder."""
    import tempfile

    import piatable.batch as batch

    monkeypatch.setenv(batch.TEST_HOOK_ENV, "1")
    system_tmp = tmp_path / "tmp"
    system_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_tmp))
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "dies.txt").write_text("#piatable-test: temp-then-kill\n", "utf-8")
    (folder / "seed.txt").write_bytes(seed_path.read_bytes())
    docs = tmp_path / "docs.json"
    rc = main(
        ["extract", str(folder), "--jobs", "2", "-o", str(tmp_path / "o.json"), "--documents", str(docs)]
    )
    assert rc == 1
    got = {d["source"]: d["status"] for d in json.loads(docs.read_text("utf-8"))}
    assert got == {str(folder / "dies.txt"): "failure", str(folder / "seed.txt"): "success"}
    assert list(system_tmp.rglob("tess_hook_*")) == []
    assert [p.name for p in system_tmp.iterdir() if p.name.startswith("piatable-run-")] == []


def test_workers_killed_between_inputs_again_and_again_the_run_completes(corpus, tmp_path):
    """Workers killed with SIGKILL while they wait for their next input or take it, every
    0.01 s: Pebble alone gives up the pool (a worker dead while none ran) or stalls for good
    (one dead inside the hand-over, holding the channel's lock).  The run must end by itself
    with every input once; a --retry-failed rerun (for an input whose worker was killed as it
    started reading it) then gives the rows of one-at-a-time runs."""
    folder, paths, reference = corpus
    # Short texts without a table between them: many hand-overs, so many moments to kill in.
    short = tmp_path / "short"
    short.mkdir()
    for i in range(SHORT_INPUTS):
        (short / f"note{i:03d}.txt").write_text(f"これは表ではない文章です。{i}\n", "utf-8")
    paths = sorted([*paths, *short.iterdir()])
    ds = tmp_path / "ds"
    proc = _cli([str(folder), str(short), "--dataset", str(ds), "--jobs", "2"])
    kills, t0 = 0, time.monotonic()
    try:
        while proc.poll() is None and kills < KILLS_MAX and time.monotonic() - t0 < KILL_WINDOW_S:
            for w in _idle_workers(proc)[:1]:
                w.send_signal(signal.SIGKILL)
                kills += 1
            time.sleep(0.01)
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=END_GUARD_S)
        assert proc.poll() in (0, 1), f"the run did not end by itself ({kills} workers killed)"
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert sorted(_documents(ds)["source"]) == sorted(map(str, paths))
    assert kills >= 3, "the test should have killed workers between inputs"
    args = ["extract", str(folder), str(short), "--dataset", str(ds), "--jobs", "2", "--retry-failed"]
    assert main(args) == 1
    assert sorted(_documents(ds)["source"]) == sorted(map(str, paths))
    assert _dataset_rows(ds) == reference


def test_a_worker_dead_holding_the_pools_lock_does_not_stall_the_run(corpus, tmp_path):
    """noxdafox/pebble#163, made to happen: two inputs make their worker take Pebble's channel
    lock and die with it, as a worker killed in the task hand-over does.  The pool's supervisor
    restarts the pool and queues the unfinished inputs again: the run ends with every input
    once, each of those two a failure, and the rows of one-at-a-time runs."""
    _, paths, reference = corpus
    hooks = [tmp_path / "hook-a.txt", tmp_path / "hook-b.txt"]
    for h in hooks:
        h.write_text("#piatable-test: kill-holding-lock\n", "ascii")
    inputs = [
        *map(str, paths[:4]),
        str(hooks[0]),
        *map(str, paths[4:12]),
        str(hooks[1]),
        *map(str, paths[12:]),
    ]
    ds = tmp_path / "ds"
    env = {**os.environ, TEST_HOOK_ENV: "1"}
    proc = _cli([*inputs, "--dataset", str(ds), "--jobs", "2"], env=env)
    try:
        rc = proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        pytest.fail("the run stalled")
    assert rc == 1
    docs = _documents(ds)
    assert sorted(docs["source"]) == sorted(inputs)
    by = docs.set_index("source")
    for h in hooks:
        assert by.loc[str(h), "error"].endswith("worker killed by signal 9")
    assert (by.loc[list(map(str, paths)), "error"].fillna("").str.contains("worker") == False).all()  # noqa: E712
    assert _dataset_rows(ds) == reference


def test_a_dataset_run_writes_the_report_of_all_its_inputs(tmp_path, seed_path):
    """--report with --dataset: the report of every input of the run (done now or before, read
    back from the dataset) is the report an -o run writes."""
    import json
    import shutil

    from piatable.cli import main

    from .conftest import ROOT

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(seed_path, folder / "seed.txt")
    shutil.copy(ROOT / "samples" / "pdf" / "excel-seed" / "input.pdf", folder / "excel.pdf")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 truncated")
    ds, rep = tmp_path / "ds", tmp_path / "rep" / "report.html"
    assert main(["extract", str(folder), "--dataset", str(ds), "--report", str(rep)]) == 1
    first = json.loads(rep.with_name("report.data.json").read_text("utf-8"))
    # A rerun runs nothing and writes the same report from the dataset.
    assert main(["extract", str(folder), "--dataset", str(ds), "--report", str(rep)]) == 1
    again = json.loads(rep.with_name("report.data.json").read_text("utf-8"))
    one = tmp_path / "one" / "report.html"
    main(["extract", str(folder), "-o", str(tmp_path / "r.json"), "--report", str(one)])
    single = json.loads(one.with_name("report.data.json").read_text("utf-8"))
    for data in (first, again):
        assert {k: v for k, v in data.items() if k != "generated"} == {
            k: v for k, v in single.items() if k != "generated"
        }
    assert first["rows"] and len(first["documents"]) == 3
    # The report may not overwrite an input.
    assert main(["extract", str(folder), "--dataset", str(ds), "--report", str(folder / "seed.txt")]) == 2


def _sigint_default() -> None:
    """In the child before exec: SIGINT back to its default action (``SIG_IGN`` survives exec)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_stops_with_one_line_and_the_rerun_goes_on(tmp_path, seed_path):
    """Ctrl-C (SIGINT to the run's process group) while a worker is busy: exit status 130, one
    line saying how to go on and no traceback (a bulk user got a raw KeyboardInterrupt); the
    same command again completes the dataset."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-seed.txt").write_bytes(seed_path.read_bytes())
    (folder / "b-hangs.txt").write_text("#piatable-test: hang\n", "utf-8")
    ds = tmp_path / "ds"
    cmd = [
        str(Path(sys.executable).with_name("piatable")),
        "extract",
        str(folder),
        "--dataset",
        str(ds),
        "--jobs",
        "2",
    ]
    env = {**os.environ, "PIATABLE_TEST_HOOKS": "1"}
    # Started as from a terminal, with SIGINT's default action: a suite run in the background
    # (`make test &`, `nohup`, a CI runner's shell without job control) ignores SIGINT, every
    # process it starts inherits that, and Python then leaves Ctrl-C ignored (session 57's hang).
    run = subprocess.Popen(
        cmd,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        preexec_fn=_sigint_default,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (ds / "piatable.log").exists():
        time.sleep(0.2)
    time.sleep(2.0)  # a-seed.txt done, b-hangs.txt hanging in its worker
    os.killpg(run.pid, signal.SIGINT)
    err = run.communicate(timeout=60)[1]
    assert run.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err, err
    (folder / "b-hangs.txt").write_bytes(seed_path.read_bytes())
    done = subprocess.run(cmd, env=env, stderr=subprocess.PIPE, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert sorted(_documents(ds)["source"]) == [str(folder / "a-seed.txt"), str(folder / "b-hangs.txt")]


def test_workers_stop_when_the_run_is_killed(tmp_path):
    """A kill -9 of the parent alone (not its process group): its workers, busy on documents
    that would take an hour, are gone within seconds instead of reading on for nobody."""
    import psutil

    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(2):
        (folder / f"hang{i}.txt").write_text("#piatable-test: hang\n", "ascii")
    hooks = {**os.environ, TEST_HOOK_ENV: "1"}
    proc = _cli([str(folder), "-o", str(tmp_path / "r.json"), "--jobs", "2"], env=hooks)
    me = psutil.Process(proc.pid)
    t0 = time.monotonic()
    workers: list = []
    while len(workers) < 2 and time.monotonic() - t0 < 60:
        workers = [c for c in me.children() if c.cmdline() == me.cmdline()]
        time.sleep(0.05)
    assert len(workers) == 2, "the run should have two busy workers"
    time.sleep(0.5)  # both have their hanging document
    proc.kill()
    proc.wait()
    _gone, alive = psutil.wait_procs(workers, timeout=10)
    for p in alive:  # no hanging worker outlives a failing test
        p.kill()
    assert not alive, f"workers still running after the parent died: {[p.pid for p in alive]}"


def test_a_kind_of_note_is_said_for_a_few_inputs_then_counted(tmp_path, capsys):
    """A batch whose inputs all give one kind of note prints it for the first
    NOTES_SHOWN_PER_KIND inputs and one count line for the rest; errors are all printed, and
    the documents table keeps every input's note."""
    from piatable.bulk import NAMED_PER_KIND, NOTES_SHOWN_PER_KIND

    folder = tmp_path / "in"
    folder.mkdir()
    n = NOTES_SHOWN_PER_KIND + 4
    for i in range(n):  # no table at all: each gives the note, with its own numbers
        (folder / f"prose{i}.txt").write_text("本市の個人情報保護の取組について。\n" * (i + 1), "utf-8")
    for i in range(NOTES_SHOWN_PER_KIND + 1):
        (folder / f"empty{i}.txt").write_bytes(b"")
    docs = tmp_path / "docs.json"
    rc = main(["extract", str(folder), "-o", str(tmp_path / "r.json"), "--documents", str(docs)])
    assert rc == 1
    err = capsys.readouterr().err.splitlines()
    said = [line for line in err if "no amendment table found" in line and "more input" not in line]
    assert len(said) == NOTES_SHOWN_PER_KIND, err
    more = [line for line in err if "more inputs with a note like" in line]
    assert len(more) == 1 and f"and {n - NOTES_SHOWN_PER_KIND} more inputs" in more[0], err
    assert "no amendment table found" in more[0] and str(docs) in more[0]
    # The inputs held back are named, the first few (a short batch's user wants to know which).
    assert (
        more[0].count("prose") == NAMED_PER_KIND
        and f"and {n - NOTES_SHOWN_PER_KIND - NAMED_PER_KIND} more;" in more[0]
    )
    assert sum("empty file" in line for line in err) == NOTES_SHOWN_PER_KIND + 1  # errors: all
    prose = [d for d in json.loads(docs.read_text("utf-8")) if "prose" in d["source"]]
    assert len(prose) == n
    assert all(any("no amendment table found" in x for x in d["notes"]) for d in prose)


def test_log_keeps_one_line_for_a_name_with_a_newline(tmp_path, seed_path):
    folder = tmp_path / "in"
    folder.mkdir()
    odd = folder / "two\nlines.txt"
    shutil.copy(seed_path, odd)
    shutil.copy(seed_path, folder / "plain name.txt")
    ds = tmp_path / "ds"
    assert main(["extract", str(folder), "--dataset", str(ds)]) == 0
    log = (ds / "piatable.log").read_text("utf-8").splitlines()
    assert len(log) == 2
    assert any(line.endswith("two\\nlines.txt") for line in log)


def test_a_worker_dead_before_pebble_reads_that_it_started_fails_at_once(tmp_path, seed_path, monkeypatch):
    """Pebble's thread that finds dead workers can run before its thread that reads "task
    started": the dead worker's task is then failed by no one and waits for its timeout (a run
    under load took 306 s for this).  Slowing Pebble's message thread makes the race certain."""
    from pebble.pool import process as pebble_process

    from piatable.batch import Job, LocalRunner
    from piatable.settings import Settings

    monkeypatch.setenv(TEST_HOOK_ENV, "1")
    receive = pebble_process.WorkerManager.receive

    def late_receive(self, timeout):
        message = receive(self, timeout)
        if isinstance(message, pebble_process.Acknowledgement):
            time.sleep(1.0)  # a loaded machine: the message thread falls behind
        return message

    monkeypatch.setattr(pebble_process.WorkerManager, "receive", late_receive)
    hang, kill = tmp_path / "hang.txt", tmp_path / "kill.txt"
    hang.write_text("#piatable-test: hang\n", "ascii")
    kill.write_text("#piatable-test: kill\n", "ascii")
    runner = LocalRunner(2)
    try:
        limits = Limits(timeout_s=DEAD_TASK_TIMEOUT_S)
        runner.submit(Job(str(hang), "text", Settings(), limits))
        time.sleep(2.5)  # the hanging input is known to run: the dead worker's task is not the only one
        t0 = time.monotonic()
        seed_job = Job(str(seed_path), "text", Settings(), limits)
        res, _ = runner.submit(seed_job).result(timeout=DEAD_TASK_GUARD_S)
        assert res.status == "success"
        res, _ = runner.submit(Job(str(kill), "text", Settings(), limits)).result(timeout=DEAD_TASK_GUARD_S)
        assert time.monotonic() - t0 < DEAD_TASK_GUARD_S
        assert res.status == "failure"
        assert res.errors[0][2] in (
            f"{kill}: worker killed by signal 9",
            f"{kill}: worker died (its exit status was not seen)",
        )
    finally:
        runner.close()
