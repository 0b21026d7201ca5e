"""One error type for every problem a user should read about.

Each error carries its message in Traditional Chinese (the default UI language) and English, so the CLI, the GUI
and the server can show whichever the user picked without translating at the raise site.
"""

from __future__ import annotations

from dataclasses import dataclass

Language = str  # "zh-TW" or "en"


class AppError(Exception):
    """An expected problem with a message fit for a case manager."""

    def __init__(self, message_zh: str, message_en: str) -> None:
        super().__init__(message_zh)
        self.message_zh = message_zh
        self.message_en = message_en

    def message(self, language: Language = "zh-TW") -> str:
        return self.message_en if language == "en" else self.message_zh

    def __str__(self) -> str:
        return f"{self.message_zh} / {self.message_en}"


class ValidationError(AppError):
    """One field's value is not acceptable; `field` names it so a form can show the message beside it."""

    def __init__(self, field: str, message_zh: str, message_en: str) -> None:
        super().__init__(message_zh, message_en)
        self.field = field


@dataclass(frozen=True)
class Problem:
    """One problem found while checking many rows (an import file, a form with several fields)."""

    row: int | None
    field: str
    message_zh: str
    message_en: str

    def describe(self, language: Language = "zh-TW") -> str:
        where = f"第 {self.row} 筆 " if self.row is not None and language != "en" else ""
        if language == "en" and self.row is not None:
            where = f"row {self.row} "
        text = self.message_en if language == "en" else self.message_zh
        return f"{where}{self.field}: {text}"


class ProblemsError(AppError):
    """Several problems at once; nothing was changed."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(
            f"發現 {len(problems)} 個問題，未做任何變更。",
            f"Found {len(problems)} problem(s); nothing was changed.",
        )

    def report(self, language: Language = "zh-TW") -> str:
        lines = [self.message(language)]
        lines.extend("  " + p.describe(language) for p in self.problems)
        return "\n".join(lines)


class StoreError(AppError):
    """The local case store cannot be opened or used."""


class RuleError(AppError):
    """An action the rules of the work do not allow (a guard on a stage transition, for instance)."""
