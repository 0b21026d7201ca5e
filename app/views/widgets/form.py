"""FormValidator: the check a form runs before saving, so that it saves nothing invalid."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from app.errors import Language
from app.views.widgets.validated import ValidatedLineEdit

Field = ValidatedLineEdit[Any]


class FormValidator:
    """The validating fields of one form, in the order the user meets them.

    ``save`` in a form reads::

        if not self.validator.validate():
            return  # each problem is shown beside its field and the first one has the focus
    """

    def __init__(self) -> None:
        self._fields: list[tuple[str, Field]] = []

    def register(self, field: Field, name: str | None = None) -> Field:
        """Add a field; ``name`` (default: its label, else its field name) is what :meth:`problems` reports."""
        self._fields.append((name or field.label() or field.fieldName(), field))
        return field

    def fields(self) -> list[tuple[str, Field]]:
        return list(self._fields)

    def problems(self, language: Language | None = None) -> list[tuple[str, str]]:
        """``(name, message)`` for each invalid field, in registration order; messages in ``language`` or else
        each field's own. Nothing on screen changes."""
        found: list[tuple[str, str]] = []
        for name, field in self._fields:
            problem = field.problem()
            if problem is not None:
                found.append((name, problem.message(language or field.language())))
        return found

    def is_valid(self) -> bool:
        return all(field.isValid() for _, field in self._fields)

    def reveal(self) -> None:
        """Show every field's problem now, also those of untouched required fields."""
        for _, field in self._fields:
            field.revealProblem()

    def focus_first_invalid(self) -> bool:
        """Show every problem and put the focus on the first invalid field; False when there is none."""
        self.reveal()
        for _, field in self._fields:
            if not field.isValid():
                field.setFocus(Qt.FocusReason.OtherFocusReason)
                field.lineEdit().selectAll()
                return True
        return False

    def validate(self) -> bool:
        """True when every field is valid; otherwise shows the problems, focuses the first, and returns False."""
        return not self.focus_first_invalid()
