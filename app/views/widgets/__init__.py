"""Reusable validating form fields: dates (民國 or 西元), ID numbers, phone numbers, and a form-level check.

No database access here: the fields check text with app.services and report values; forms decide what to save.
"""

from app.views.widgets.dates import RocDateEdit
from app.views.widgets.fields import IdNumberEdit, PhoneEdit
from app.views.widgets.form import FormValidator
from app.views.widgets.message import FieldMessage
from app.views.widgets.validated import (
    ValidatedLineEdit,
    default_language,
    set_default_language,
)

__all__ = [
    "FieldMessage",
    "FormValidator",
    "IdNumberEdit",
    "PhoneEdit",
    "RocDateEdit",
    "ValidatedLineEdit",
    "default_language",
    "set_default_language",
]
