"""HTTP to the central service: protocol header, device token, gzip bodies, short timeouts, retries with jitter.

Every request of the protocol is safe to repeat (pushes are idempotent by op_id, pulls are reads by cursor), so a
dropped link, a timeout, 429 or a 502/503/504 is retried with exponential back-off and full jitter; anything else
becomes an AppError the user can read (docs/sync-protocol.md, "Transport").
"""

from __future__ import annotations

import gzip
import ipaddress
import json
import logging
import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import httpx

from app import __version__
from app.sync.errors import (
    DeviceRevoked,
    NotLoggedIn,
    OfflineError,
    ProtocolMismatch,
    RequestRefused,
    ServerRefused,
)
from app.sync.schema import PROTOCOL_VERSION

log = logging.getLogger(__name__)

PROTOCOL_HEADER = "X-FieldCase-Protocol"
API = "/api/v1"
RETRY_STATUSES = frozenset({429, 502, 503, 504})
GZIP_MIN_BYTES = 1024  # smaller bodies are not worth compressing
OCTETS = "application/octet-stream"
TIMEOUT = httpx.Timeout(30.0, connect=5.0)

Json = dict[str, Any]


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential back-off with full jitter: try n waits a random time in [0, min(cap, base * 2**n))."""

    tries: int = 5
    base: float = 0.5
    cap: float = 30.0
    rng: random.Random = field(default_factory=random.Random, compare=False)

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        ceiling = min(self.cap, self.base * 2**attempt)
        jitter = self.rng.uniform(0, ceiling)
        return max(jitter, retry_after) if retry_after is not None else jitter


def normalise_server_url(url: str) -> str:
    """The server's base URL without a trailing slash; plain HTTP is accepted only on this machine (loopback)."""
    url = url.strip().rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise RequestRefused(
            f"伺服器網址不正確：{url}（應為 https://…）",
            f"Not a server address: {url} (expected https://…)",
            status=0,
            code="url",
        )
    if parts.scheme == "http" and not _loopback(parts.hostname):
        raise RequestRefused(
            "為保護個案資料，同步只能使用 https:// 連線（僅本機測試可用 http://）。",
            "To protect client data, sync needs https:// (plain http:// only to this machine, for testing).",
            status=0,
            code="url",
        )
    return url


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class Transport:
    """One connection pool to one server; use as a context manager or call close()."""

    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        *,
        retry: RetryPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
        timeout: httpx.Timeout = TIMEOUT,
        transport: httpx.BaseTransport | None = None,
        protocol: int = PROTOCOL_VERSION,
    ) -> None:
        headers = {PROTOCOL_HEADER: str(protocol), "User-Agent": f"FieldCase/{__version__}"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        self.base_url = normalise_server_url(base_url)
        self.retry = retry or RetryPolicy()
        self._sleep = sleep
        self._client = httpx.Client(base_url=self.base_url, headers=headers, timeout=timeout, transport=transport)
        self.retries = 0  # how many requests were repeated, for the sync report

    def __enter__(self) -> Transport:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def health(self) -> Json:
        return self.request("GET", f"{API}/health")

    def get(self, path: str, params: Mapping[str, str | int] | None = None) -> Json:
        return self.request("GET", API + path, params=params)

    def post(self, path: str, body: Json, *, retry: bool = True) -> Json:
        return self.request("POST", API + path, body=body, retry=retry)

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str | int] | None = None,
        body: Json | None = None,
        retry: bool = True,
    ) -> Json:
        content, headers = _encode(body)
        return _decode(self._send(method, path, params, content, headers, retry))

    def put_bytes(self, path: str, data: bytes, params: Mapping[str, str | int]) -> Json:
        """Send raw bytes (an attachment chunk; never gzip: scans and PDFs are compressed already)."""
        headers = {"Content-Type": OCTETS}
        return _decode(self._send("PUT", API + path, params, data, headers, retry=True))

    def get_bytes(self, path: str, params: Mapping[str, str | int] | None = None) -> tuple[bytes, Mapping[str, str]]:
        """Raw bytes and the response headers; an error answer raises as for any other request."""
        response = self._send("GET", API + path, params, None, {}, retry=True)
        if not 200 <= response.status_code < 300:
            _decode(response)
        return response.content, response.headers

    def _send(
        self,
        method: str,
        path: str,
        params: Mapping[str, str | int] | None,
        content: bytes | None,
        headers: dict[str, str],
        retry: bool,
    ) -> httpx.Response:
        tries = self.retry.tries if retry else 1
        attempt = 0
        while True:
            try:
                response = self._client.request(method, path, params=params, content=content, headers=headers)
            except (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError) as exc:
                if attempt + 1 >= tries:
                    raise OfflineError() from exc
                log.info("sync %s %s failed (%s); retrying", method, path, type(exc).__name__)
                self._wait(attempt, None)
                attempt += 1
                continue
            if response.status_code in RETRY_STATUSES and attempt + 1 < tries:
                retry_after = _retry_after(response)
                if retry_after is None or retry_after <= self.retry.cap:
                    log.info("sync %s %s answered %s; retrying", method, path, response.status_code)
                    self._wait(attempt, retry_after)
                    attempt += 1
                    continue
            return response

    def _wait(self, attempt: int, retry_after: float | None) -> None:
        self.retries += 1
        self._sleep(self.retry.delay(attempt, retry_after))


def _encode(body: Json | None) -> tuple[bytes | None, dict[str, str]]:
    if body is None:
        return None, {}
    raw = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    headers = {"Content-Type": "application/json"}
    if len(raw) >= GZIP_MIN_BYTES:
        raw = gzip.compress(raw, compresslevel=6)
        headers["Content-Encoding"] = "gzip"
    return raw, headers


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None  # an HTTP date: rare from our server; fall back to our own back-off


def _decode(response: httpx.Response) -> Json:
    status = response.status_code
    if 200 <= status < 300:
        if status == 204 or not response.content:
            return {}
        try:
            data = response.json()
        except ValueError as exc:
            raise _unreadable(status) from exc
        if not isinstance(data, dict):
            raise _unreadable(status)
        return data
    code, zh, en = _detail(response)
    # Our own words for these: whatever the server says, the user's next step is to update, or to log in again.
    if status == 426:
        raise ProtocolMismatch()
    if status == 401:
        raise NotLoggedIn()
    if status == 403 and code == "device_revoked":
        raise DeviceRevoked()
    if 400 <= status < 500:
        if status == 429 and not zh:
            zh, en = "嘗試次數過多，請稍後再試。", "Too many attempts; try again later."
        raise RequestRefused(
            zh or f"伺服器拒絕了這個要求（{status}）。",
            en or f"The server refused the request ({status}).",
            status=status,
            code=code or str(status),
        )
    raise ServerRefused(
        zh or f"同步伺服器發生問題（{status}），請稍後再試；尚未上傳的修改都安全地留在這台電腦上。",
        en or f"The sync server had a problem ({status}); try again later. Unsent edits are safe on this laptop.",
        status=status,
    )


def _detail(response: httpx.Response) -> tuple[str, str, str]:
    """(code, message_zh, message_en) of the protocol's error body; empty strings where it has none."""
    try:
        detail = response.json().get("detail")
    except (ValueError, AttributeError):
        return "", "", ""
    if isinstance(detail, dict):
        return str(detail.get("code") or ""), str(detail.get("message_zh") or ""), str(detail.get("message_en") or "")
    if isinstance(detail, str):
        return "", detail, detail
    if isinstance(detail, list):  # FastAPI's own validation errors
        text = "; ".join(str(d.get("msg", d)) if isinstance(d, dict) else str(d) for d in detail)
        return "validation", f"資料格式不正確：{text}", f"Invalid input: {text}"
    return "", "", ""


def _unreadable(status: int) -> ServerRefused:
    return ServerRefused(
        "同步伺服器的回應無法解讀，請稍後再試。",
        "The sync server's answer could not be read; try again later.",
        status=status,
    )
