"""Where the store's key lives.

The 256-bit key is random. It is kept in the OS keyring (Windows Credential Manager, macOS Keychain, Secret
Service). Where no keyring exists, or when FIELDCASE_PASSPHRASE is set (scripts, tests), the key is wrapped by a
key derived from a passphrase with scrypt and the wrapped form sits beside the store in `<store>.key.json`.
A secret is never written to disk in plain text (DESIGN.md, "Local store").
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from app.errors import StoreError

KEYRING_SERVICE = "FieldCase"
PASSPHRASE_ENV = "FIELDCASE_PASSPHRASE"
KEY_BYTES = 32
# scrypt cost: ~0.1 s on a field laptop; stored with the wrap so it can be raised later without breaking old stores.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1

PassphrasePrompt = Callable[[bool], str]  # called with `creating`; returns the passphrase the user typed


@dataclass(frozen=True)
class StoreKey:
    raw: bytes = field(repr=False)  # never in a log line, traceback or assertion message
    source: str  # "keyring" or "passphrase"

    def sqlcipher_pragma_value(self) -> str:
        """The raw-key form of PRAGMA key, which skips SQLCipher's own PBKDF2 (we derived or drew the key)."""
        return f"\"x'{self.raw.hex()}'\""


def wrap_path(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".key.json")


def keyring_account(store_path: Path) -> str:
    return str(store_path.resolve())


def usable_keyring() -> KeyringBackend | None:
    """The OS keyring, or None on a machine without one (a headless Linux box has none)."""
    backend = keyring.get_keyring()
    name = type(backend).__module__ + "." + type(backend).__name__
    if name.startswith("keyring.backends.fail") or getattr(backend, "priority", 0) <= 0:
        return None
    if name.startswith("keyring.backends.chainer") and not getattr(backend, "backends", []):
        return None
    return backend


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> tuple[bytes, bytes]:
    material = hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=2 * KEY_BYTES, maxmem=2**27)
    return material[:KEY_BYTES], material[KEY_BYTES:]


def wrap_key(raw: bytes, passphrase: str) -> dict[str, object]:
    """Encrypt the key with a one-time pad derived from the passphrase and a fresh salt.

    A fresh salt per wrap makes the derived pad single-use, so XOR is a sound cipher here; the second half of the
    derived material gives a verifier, so a wrong passphrase is told apart from a damaged store.
    """
    salt = secrets.token_bytes(16)
    pad, check = _derive(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return {
        "format": 1,
        "kdf": "scrypt",
        "n": SCRYPT_N,
        "r": SCRYPT_R,
        "p": SCRYPT_P,
        "salt": salt.hex(),
        "wrapped": bytes(a ^ b for a, b in zip(raw, pad, strict=True)).hex(),
        "verifier": hashlib.sha256(check).hexdigest(),
    }


def unwrap_key(wrapped: dict[str, object], passphrase: str) -> bytes:
    try:
        salt = bytes.fromhex(str(wrapped["salt"]))
        n, r, p = int(str(wrapped["n"])), int(str(wrapped["r"])), int(str(wrapped["p"]))
        sealed = bytes.fromhex(str(wrapped["wrapped"]))
        verifier = str(wrapped["verifier"])
    except (KeyError, ValueError) as exc:
        raise StoreError(
            "金鑰檔已損壞，無法開啟資料庫。", "The key file is damaged; the store cannot be opened."
        ) from exc
    pad, check = _derive(passphrase, salt, n, r, p)
    if not hmac.compare_digest(hashlib.sha256(check).hexdigest(), verifier):
        raise StoreError("密碼錯誤，無法解鎖資料庫。", "Wrong passphrase: the store stays locked.")
    return bytes(a ^ b for a, b in zip(sealed, pad, strict=True))


def _write_wrap(path: Path, content: dict[str, object]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    # Owner-only: the wrapped key is safe without the passphrase, but others have no business reading it.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(json.dumps(content, indent=2))
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)  # atomic: a crash leaves the old wrap or the new one, never half of one


def _passphrase(prompt: PassphrasePrompt | None, creating: bool) -> str:
    from_env = os.environ.get(PASSPHRASE_ENV)
    if from_env:
        return from_env
    if prompt is None:
        raise StoreError(
            f"需要資料庫密碼：請輸入密碼或設定環境變數 {PASSPHRASE_ENV}。",
            f"A passphrase is needed: type it or set {PASSPHRASE_ENV}.",
        )
    passphrase = prompt(creating)
    if creating and len(passphrase) < 8:
        raise StoreError("密碼至少需要 8 個字元。", "The passphrase must have at least 8 characters.")
    return passphrase


def existing_key_sources(store_path: Path) -> list[str]:
    """Where a key for this path is already kept ("keyring", "key file"); empty for a path never used."""
    found = []
    backend = usable_keyring()
    if backend is not None and _keyring_secret(backend, store_path):
        found.append("keyring")
    if wrap_path(store_path).exists():
        found.append("key file")
    return found


def create_key(store_path: Path, prompt: PassphrasePrompt | None = None) -> StoreKey:
    """Make the key for a new store and put it in the keyring, or wrap it with a passphrase where there is none.

    Refuses when a key for this path already exists: the store file has then been moved or deleted, and
    replacing its key would make the old file and every backup of it unreadable for good.
    """
    if existing_key_sources(store_path):
        raise StoreError(
            "此位置已有資料庫金鑰，但資料庫檔案不見了（可能被移動或刪除）。為保護既有資料與備份，不會建立新金鑰；"
            "請找回檔案或從 backups 資料夾還原。",
            "A key for a store at this path exists but the store file is missing (moved or deleted?). To protect "
            "that data and its backups no new key is made; put the file back or restore it from the backups folder.",
        )
    raw = secrets.token_bytes(KEY_BYTES)
    backend = usable_keyring()
    if backend is not None and not os.environ.get(PASSPHRASE_ENV):
        backend.set_password(KEYRING_SERVICE, keyring_account(store_path), raw.hex())
        return StoreKey(raw, "keyring")
    _write_wrap(wrap_path(store_path), wrap_key(raw, _passphrase(prompt, creating=True)))
    return StoreKey(raw, "passphrase")


def _keyring_secret(backend: KeyringBackend, store_path: Path) -> str | None:
    try:
        return backend.get_password(KEYRING_SERVICE, keyring_account(store_path))
    except keyring.errors.KeyringError:
        return None


def candidate_keys(store_path: Path, prompt: PassphrasePrompt | None = None) -> Iterator[StoreKey]:
    """The keys that may open an existing store, most likely first; the caller tries each against the file.

    Both a keyring entry and a key file can exist (a store re-made with FIELDCASE_PASSPHRASE, a laptop whose
    keyring was restored): with the passphrase given in the environment the key file comes first. The passphrase
    is only asked for when the keyring's key is missing or did not open the store.
    """
    backend = usable_keyring()
    from_keyring = _keyring_secret(backend, store_path) if backend is not None else None
    wrap_file = wrap_path(store_path)
    if from_keyring and not (os.environ.get(PASSPHRASE_ENV) and wrap_file.exists()):
        yield StoreKey(bytes.fromhex(from_keyring), "keyring")
        from_keyring = None
    if wrap_file.exists():
        try:
            wrapped = json.loads(wrap_file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise StoreError("金鑰檔無法讀取。", "The key file cannot be read.") from exc
        yield StoreKey(unwrap_key(wrapped, _passphrase(prompt, creating=False)), "passphrase")
    if from_keyring:
        yield StoreKey(bytes.fromhex(from_keyring), "keyring")


NO_KEY = StoreError(
    "找不到此資料庫的金鑰（金鑰圈與金鑰檔皆無），無法開啟。",
    "No key for this store was found (neither in the keyring nor a key file); it cannot be opened.",
)


def change_passphrase(store_path: Path, old: str, new: str) -> None:
    """Re-wrap the same key under a new passphrase; the database itself is not rewritten."""
    wrap_file = wrap_path(store_path)
    raw = unwrap_key(json.loads(wrap_file.read_text(encoding="utf-8")), old)
    _write_wrap(wrap_file, wrap_key(raw, new))


def forget_key(store_path: Path) -> None:
    """Remove the key from the keyring and the wrap file (a revoked device wipes its store this way too)."""
    backend = usable_keyring()
    if backend is not None:
        with contextlib.suppress(keyring.errors.PasswordDeleteError):
            backend.delete_password(KEYRING_SERVICE, keyring_account(store_path))
    wrap_path(store_path).unlink(missing_ok=True)
