"""Validation as data: every problem found in an atlas is a :class:`Problem` record.

A reader never raises on bad input. It records a problem naming the file and the place in the
file, and carries on with the rest of the atlas.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from atlasviewer.i18n import gettext, ngettext

Template = str | tuple[str, str]
"""A problem's message as written: ``N_("...")``, or ``Nn_("...", "...")`` for one with a count."""


class Severity(enum.IntEnum):
    """How bad a problem is. Errors make ``validate`` exit 1.

    - ``ERROR``: the viewer cannot show what the atlas promises (a result box's data missing or
      unreadable, a file changed against the installer's manifest).
    - ``WARNING``: it is shown, degraded (a link to a fact sheet never published, text where a
      number was expected, a label missing a language).
    - ``INFO``: corrected silently (swapped column names, a draft marker).
    """

    INFO = 0
    WARNING = 1
    ERROR = 2

    @property
    def label(self) -> str:
        return {
            Severity.INFO: gettext("info"),
            Severity.WARNING: gettext("warning"),
            Severity.ERROR: gettext("error"),
        }[self]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input.

    Attributes:
        severity: Error, warning or info.
        file: The file the problem is in (a path as given, or a name when there is no file).
        place: Where in the file: a JSON path, a CSV line, a chapter and box, or "" for the whole.
        template: The message in English with ``{name}`` placeholders; marked for translation
            with ``N_`` where it is written, translated when read through :attr:`message`.
        params: Values for the placeholders.
        plural: The template's plural form, for a message with a count (``params["count"]``);
            "" for a message without one. Marked with ``Nn_`` together with the template.
        details: What a manager need not read: the file path, JSON path or link target the
            message is about, for a "Details" expander and for ``validate``; the message itself
            says what is wrong and what still works.
    """

    severity: Severity
    file: str
    place: str
    template: str
    params: dict[str, Any] = field(default_factory=dict)
    plural: str = ""
    details: str = ""

    @property
    def message(self) -> str:
        """The plain message in the active UI language."""
        if self.plural:
            count = self.params.get("count", 0)
            english = self.template if count == 1 else self.plural
            translated = ngettext(self.template, self.plural, count)
        else:
            english, translated = self.template, gettext(self.template)
        try:
            return translated.format(**self.params)
        except (KeyError, IndexError, ValueError):  # a translation whose placeholders differ
            return english.format(**self.params)

    @property
    def where(self) -> str:
        """File and place, with the details after them: the text of a "Details" expander."""
        where = f"{self.file}: {self.place}" if self.place else self.file
        return f"{where} ({self.details})" if self.details else where

    def as_dict(self) -> dict[str, Any]:
        return {
            "severity": self.severity.name.lower(),
            "file": self.file,
            "place": self.place,
            "message": self.message,
            "details": self.details,
        }

    def __str__(self) -> str:
        return f"{self.severity.label}: {self.where}: {self.message}"


class ProblemLog:
    """Collects problems for one file or atlas, with the file name filled in."""

    def __init__(self, file: str = "") -> None:
        self.file = file
        self.problems: list[Problem] = []

    def add(
        self,
        severity: Severity,
        place: str,
        template: Template,
        *,
        file: str | None = None,
        details: str = "",
        **params: Any,
    ) -> Problem:
        """Record a problem; ``template`` is a message, or a pair from ``Nn_`` with a count.

        ``details`` holds the paths and targets the message leaves out (see :class:`Problem`).
        """
        where = file if file is not None else self.file
        singular, plural = template if isinstance(template, tuple) else (template, "")
        problem = Problem(severity, where, place, singular, params, plural, details)
        self.problems.append(problem)
        return problem

    def error(self, place: str, template: Template, **params: Any) -> Problem:
        return self.add(Severity.ERROR, place, template, **params)

    def warning(self, place: str, template: Template, **params: Any) -> Problem:
        return self.add(Severity.WARNING, place, template, **params)

    def info(self, place: str, template: Template, **params: Any) -> Problem:
        return self.add(Severity.INFO, place, template, **params)

    def extend(self, problems: Iterable[Problem]) -> None:
        self.problems.extend(problems)

    @property
    def has_errors(self) -> bool:
        return any(p.severity is Severity.ERROR for p in self.problems)
