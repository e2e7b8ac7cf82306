"""``--set section.key=value``: one assignment applied to a ``Settings``, the value read as the
type of the setting it replaces."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from .errors import SettingsError


def apply_assignment(settings: Any, assignment: str) -> None:
    """Apply ``section.key=value`` to ``settings`` (a ``piatable.settings.Settings``), naming the
    bad key when there is one.  Errors: ``SettingsError`` (not of that form, an unknown section
    or key, a value that does not read as the setting's type)."""
    key, sep, value = assignment.partition("=")
    section_name, dot, name = key.strip().partition(".")
    if not sep or not dot:
        raise SettingsError(f"setting {assignment!r} is not of the form section.key=value")
    section = getattr(settings, section_name, None)
    if section is None or section_name not in {f.name for f in fields(settings)}:
        raise SettingsError(f"unknown settings section {section_name!r}")
    types = {f.name: f.type for f in fields(section)}
    if name not in types:
        raise SettingsError(f"unknown setting {section_name}.{name}")
    current = getattr(section, name)
    try:
        setattr(section, name, _parse(current, value.strip()))
    except ValueError as exc:
        raise SettingsError(f"bad value for {section_name}.{name}: {value!r}") from exc


def _parse(current: Any, value: str) -> Any:
    """``value`` read as the type of ``current`` (true/false, yes/no, 1/0 for a flag)."""
    if isinstance(current, bool):
        if value.lower() in ("true", "1", "yes", "on"):
            return True
        if value.lower() in ("false", "0", "no", "off"):
            return False
        raise ValueError(value)
    return type(current)(value)
