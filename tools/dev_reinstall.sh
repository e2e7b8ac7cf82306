#!/usr/bin/env bash
# Strict editable installs link each file at install time: run this after adding a module or data file.
cd "$(dirname "$0")/.." && .venv/bin/pip install -q -e ".[dev]" >/dev/null 2>&1 && echo reinstalled
