"""The command line: folders, parallel jobs, settings, documented options."""

from __future__ import annotations

import json
import shutil

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
