"""Imports run one way: a module may import only its own layer's modules or lower layers.

import-linter cannot check this layout (grimp walks ``src/piatable`` and does not see ``extract/``,
``normalize/`` and ``models/``, which setuptools maps into the namespace), so the same layers
contract is checked here from the source: every ``import`` and ``from … import`` is read with
``ast``, function-level and ``TYPE_CHECKING`` imports included.
"""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Highest first.  Modules of one layer may import each other; nothing imports a higher layer.
LAYERS: list[set[str]] = [
    {"piatable.cli"},
    {"piatable.api", "piatable"},
    {"piatable.bulk"},
    {
        "piatable.batch",
        "piatable.dataset",
        "piatable.worker_pool",
        "piatable.worker_test_hooks",
        "piatable.worker_watchdog",
    },
    {"piatable.report", "piatable.documents", "piatable.outputs"},
    {"piatable.pipeline"},
    {"piatable.extract"},
    {"piatable.normalize"},
    {
        "piatable.vocabulary",
        "piatable.settings",
        "piatable.ocr_settings",
        "piatable.input_kinds",
        "piatable.setting_assignments",
        "piatable.text_thresholds",
    },
    {"piatable.errors", "piatable.messages", "piatable._version"},
    {"piatable.models"},
]


def _package_dirs() -> dict[str, Path]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    return {name: ROOT / d for name, d in config["tool"]["setuptools"]["package-dir"].items()}


def _modules() -> dict[str, Path]:
    """Every module of the package, by dotted name, from the package-dir mapping."""
    out: dict[str, Path] = {}
    for package, folder in _package_dirs().items():
        for path in folder.rglob("*.py"):
            rel = path.relative_to(folder).with_suffix("")
            parts = [p for p in rel.parts if p != "__init__"]
            name = ".".join([package, *parts])
            # A subpackage mapped from its own folder wins over a folder of the same name below.
            out.setdefault(name, path)
    return out


def _layer(module: str) -> int:
    best, best_len = None, -1
    for i, layer in enumerate(LAYERS):
        for prefix in layer:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best_len:
                best, best_len = i, len(prefix)
    assert best is not None, f"{module} is in no layer: add it to LAYERS"
    return best


def _imports(name: str, path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text("utf-8"))
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            # ``from piatable import extract`` imports the submodule piatable.extract.
            for a in node.names:
                sub = f"{target}.{a.name}"
                found.append((node.lineno, sub if sub in MODULES else target))
    return [(line, t) for line, t in found if t == "piatable" or t.startswith("piatable.")]


MODULES = _modules()


def test_every_mapped_folder_holds_modules():
    assert {"piatable.extract.pdf", "piatable.normalize.stream", "piatable.models.record"} <= set(MODULES)


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_import_runs_upward(name):
    here = _layer(name)
    upward = [
        f"{MODULES[name].relative_to(ROOT)}:{line} imports {target}"
        for line, target in _imports(name, MODULES[name])
        if _layer(target) < here
    ]
    assert not upward, "\n".join(upward)


def test_models_import_nothing_of_piatable_but_models():
    for name, path in MODULES.items():
        if name.startswith("piatable.models"):
            others = [t for _, t in _imports(name, path) if not t.startswith("piatable.models")]
            assert not others, f"{name} imports {others}"


def test_the_check_sees_a_back_arrow(tmp_path):
    """The check itself: an upward import in a lower layer is found."""
    bad = tmp_path / "bad.py"
    bad.write_text("from piatable.pipeline import extract_document\n", "utf-8")
    targets = [t for _, t in _imports("piatable.normalize.bad", bad)]
    assert any(_layer(t) < _layer("piatable.normalize.bad") for t in targets)


MAX_MODULE_LINES = 600


def test_no_module_over_600_lines():
    """Small modules whose names say what they do (issue 9): none of the package's over 600 lines."""
    long = {
        name: n
        for name, p in MODULES.items()
        if (n := len(p.read_text("utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert not long, long
