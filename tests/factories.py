"""Small builders for test rows, with plausible defaults a test overrides where it matters."""

from __future__ import annotations

from datetime import date
from typing import Any

from app.models import Case, Client, ServiceRecord
from app.models.enums import ContactMode, Gender, Programme


def make_client(**overrides: Any) -> Client:
    values: dict[str, Any] = {
        "id_number": "A123456789",
        "name": "王小明",
        "gender": Gender.MALE,
        "birth_date": date(1990, 1, 2),
        "mobile_phone": "0912345678",
        "residence_county": "TPE",
    }
    values.update(overrides)
    return Client(**values)


def make_case(client: Client, **overrides: Any) -> Case:
    values: dict[str, Any] = {
        "client": client,
        "programme": Programme.VR,
        "source": "self",
        "application_date": date(2025, 3, 3),
        "owner": "cm.chen",
        "county": "TPE",
    }
    values.update(overrides)
    return Case(**values)


def make_record(case: Case, **overrides: Any) -> ServiceRecord:
    values: dict[str, Any] = {
        "case": case,
        "mode": ContactMode.IN_PERSON,
        "held_on": date(2025, 3, 5),
        "notes": "初次晤談，討論就業意願",
    }
    values.update(overrides)
    return ServiceRecord(**values)
