from __future__ import annotations

import pytest

from app.errors import ValidationError
from app.models import StoreMeta
from app.services.unlock_secret import META_KEY, check_unlock_password, has_unlock_password, set_unlock_password
from app.store.store import Store


def test_unlock_password_is_stored_hashed_and_checked(store: Store) -> None:
    with store.transaction() as db:
        assert not has_unlock_password(db)
        with pytest.raises(ValidationError, match="至少需要 6 個字元"):
            set_unlock_password(db, "123")
        set_unlock_password(db, "外展據點2025")
    with store.transaction() as db:
        stored = db.get_one(StoreMeta, META_KEY).value
        assert "外展據點2025" not in stored and stored.startswith("$argon2")
        assert check_unlock_password(db, "外展據點2025")
        assert not check_unlock_password(db, "外展據點2024")
