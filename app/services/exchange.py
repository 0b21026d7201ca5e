"""Bulk export and import of clients, cases and service units (匯出／匯入), the way agencies move data between systems.

Seed 004 lists what goes wrong without it: data keyed twice, and exchanges that let old data overwrite new. So:

* `export_json` writes the round-trip format (docs/data-format.md); `export_xlsx` writes the same rows as one sheet
  per kind, for reading in Excel.
* `import_json` and `import_xlsx` are all or nothing: every row of the file is checked first, every problem is
  reported at once with its row and field (`ProblemsError`), and only a fully valid file is written, in one
  transaction. Rows keep their ids, so importing a file again updates the same rows instead of duplicating them.
* A file that is not an exchange file at all raises `ExchangeFileError`.

The format lives in `exchange_schema`, the value and row checks in `exchange_values` and `exchange_import`.
"""

from __future__ import annotations

from app.services.exchange_import import ImportSummary
from app.services.exchange_json import export_json, import_json
from app.services.exchange_schema import FORMAT, VERSION, ExchangeFileError
from app.services.exchange_xlsx import export_xlsx, import_xlsx

__all__ = [
    "FORMAT",
    "VERSION",
    "ExchangeFileError",
    "ImportSummary",
    "export_json",
    "export_xlsx",
    "import_json",
    "import_xlsx",
]
