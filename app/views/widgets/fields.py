"""IdNumberEdit and PhoneEdit: identity and contact fields checked by app.services.validation as they are typed."""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from PySide6.QtWidgets import QWidget

from app.errors import Language, ValidationError
from app.services.validation import (
    ID_LENGTH,
    IdNumberKind,
    id_number_kind,
    normalise_id_number,
    validate_id_number,
    validate_phone,
)
from app.views.widgets.validated import ValidatedLineEdit

_ID_KIND_NAMES: Final[dict[IdNumberKind, tuple[str, str]]] = {
    "national": ("國民身分證", "National ID card"),
    "resident_new": ("居留證（新式統一證號）", "Resident certificate (new format)"),
    "resident_old": ("居留證（舊式統一證號）", "Resident certificate (old format)"),
}
# Stands in for the characters not typed yet: a letter, a valid gender code, then digits. If the padded text still
# has a shape problem, the part already typed is wrong and waiting for more would only hide it.
_ID_PADDING: Final = "A100000000"

# A phone number still being typed: number characters, perhaps followed by an extension marker (or the start of
# one) with no digits yet.
_PHONE_IN_PROGRESS: Final = re.compile(
    r"^(?P<number>[\d\s\-.()/+]*)(?P<marker>(?:#|分機?|轉|e(?:xt?\.?)?|x)[:\s]*)?$", re.IGNORECASE
)
# The longest Taiwanese numbers have 9 digits after the trunk 0 (09xx-xxx-xxx, 02-xxxx-xxxx), however the country
# code is written (+886, 886, 00886).
_PHONE_LONGEST_DIGITS: Final = 9


class IdNumberEdit(ValidatedLineEdit[str]):
    """身分證統一編號 or 居留證 (外來人口統一證號): full-width and lower-case input is accepted and normalised
    (``ａ１２３４５６７８９`` → ``A123456789`` on focus-out). The message waits until 10 characters are typed, unless
    what is typed can already never be valid (a digit first, for instance)."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        label: str = "",
        required: bool = False,
        field_name: str = "id_number",
        language: Language | None = None,
    ) -> None:
        super().__init__(
            parent,
            label=label,
            required=required,
            field_name=field_name,
            placeholder="A123456789",
            language=language,
        )

    def parse(self, text: str) -> str:
        try:
            return validate_id_number(text, self.fieldName())
        except ValidationError as problem:
            # "The 1st character must be a letter" says more about "1234" than "10 characters, not 4" does.
            raise self._problem_so_far(text) or problem from None

    def hint(self, value: str) -> tuple[str, str]:
        return _ID_KIND_NAMES[id_number_kind(value)]

    def looksUnfinished(self, text: str) -> bool:
        return len(normalise_id_number(text)) < ID_LENGTH and self._problem_so_far(text) is None

    def _problem_so_far(self, text: str) -> ValidationError | None:
        """What is already wrong with a short number, whatever comes next; None if it can still be valid."""
        typed = normalise_id_number(text)
        if not typed or len(typed) >= ID_LENGTH:
            return None
        try:
            id_number_kind(typed + _ID_PADDING[len(typed) :], self.fieldName())
        except ValidationError as problem:
            return problem
        return None


class PhoneEdit(ValidatedLineEdit[str]):
    """A Taiwanese phone number (mobile, landline with area code, 0800, +886, extension ``#123`` / ``分機123``),
    rewritten in the canonical form (``0912-345-678``, ``02-2345-6789#123``) on focus-out."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        label: str = "",
        required: bool = False,
        field_name: str = "phone",
        language: Language | None = None,
    ) -> None:
        super().__init__(
            parent,
            label=label,
            required=required,
            field_name=field_name,
            placeholder="0912-345-678",
            language=language,
        )

    def parse(self, text: str) -> str:
        return validate_phone(text, self.fieldName())

    def looksUnfinished(self, text: str) -> bool:
        match = _PHONE_IN_PROGRESS.match(unicodedata.normalize("NFKC", text).strip())
        if match is None:
            return False  # a letter or other stray character: no more typing will fix it
        if match["marker"]:
            return True  # the extension's digits are still to come
        digits = "".join(char for char in match["number"] if char.isdigit())
        significant = digits.removeprefix("00").removeprefix("886").removeprefix("0")
        return len(significant) < _PHONE_LONGEST_DIGITS
