"""ASGI middleware in front of the routes: the protocol header, and request bodies (size, gzip, JSON sanity).

Bodies are read whole, up to a limit on the wire and, once a gzip body is unpacked, in memory (a small gzip bomb
must not become gigabytes), and checked to be strict JSON whose text PostgreSQL and UTF-8 can hold (no NaN or
infinite numbers, no NUL characters, no lone surrogates, no absurd nesting). Whatever fails gets a 4xx in the
protocol's error shape and never reaches a route, so nothing is changed.
"""

from __future__ import annotations

import json
import math
import zlib
from typing import Any

from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.sync.schema import PROTOCOL_VERSION
from server.core.errors import ApiError

PROTOCOL_HEADER = "x-fieldcase-protocol"
API_PREFIX = "/api/"
HEALTH_PATH = "/api/v1/health"
MAX_DEPTH = 32
BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


def _response(error: ApiError) -> JSONResponse:
    return JSONResponse(error.body(), status_code=error.status, headers=error.headers)


class ProtocolVersionMiddleware:
    """426 for a client that speaks another protocol version (or none: only the health probe may omit it)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"].startswith(API_PREFIX):
            sent = Headers(scope=scope).get(PROTOCOL_HEADER)
            if sent != str(PROTOCOL_VERSION) and not (sent is None and scope["path"] == HEALTH_PATH):
                error = ApiError(
                    426,
                    "protocol",
                    f"此版本的 FieldCase 與伺服器不相容（伺服器使用同步協定第 {PROTOCOL_VERSION} 版），請更新程式。",
                    f"This FieldCase version cannot sync with the server (it speaks protocol {PROTOCOL_VERSION}); "
                    "please update the app.",
                    headers={"X-FieldCase-Protocol": str(PROTOCOL_VERSION)},
                )
                await _response(error)(scope, receive, send)
                return
        await self.app(scope, receive, send)


class RequestBodyMiddleware:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in BODY_METHODS:
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        try:
            body = await self._read(receive)
            encoding = headers.get("content-encoding", "identity").strip().lower()
            if encoding == "gzip":
                body = self._gunzip(body)
            elif encoding not in ("", "identity"):
                raise ApiError(
                    415,
                    "encoding",
                    f"不支援的內容編碼：{encoding}（請用 gzip）。",
                    f"Unsupported Content-Encoding {encoding!r} (use gzip).",
                )
            if body and "json" in headers.get("content-type", "application/json").lower():
                _check_json(body)
        except ApiError as error:
            await _response(error)(scope, receive, send)
            return
        except _Disconnected:
            return

        raw_headers = [
            (name, value) for name, value in scope["headers"] if name not in (b"content-encoding", b"content-length")
        ]
        raw_headers.append((b"content-length", str(len(body)).encode()))
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app({**scope, "headers": raw_headers}, replay, send)

    async def _read(self, receive: Receive) -> bytes:
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                raise _Disconnected
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                raise _too_large(self.max_bytes)
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)

    def _gunzip(self, body: bytes) -> bytes:
        inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
        try:
            out = inflater.decompress(body, self.max_bytes + 1)
        except zlib.error as exc:
            raise _malformed("gzip 內容損壞", "broken gzip body") from exc
        if len(out) > self.max_bytes:
            raise _too_large(self.max_bytes)
        if not inflater.eof or inflater.unused_data:
            raise _malformed("gzip 內容不完整", "truncated gzip body")
        return out


class _Disconnected(Exception):
    pass


def _too_large(limit: int) -> ApiError:
    megabytes = limit // (1024 * 1024)
    return ApiError(
        413,
        "too_large",
        f"上傳的資料太大（上限 {megabytes} MB），請分批同步。",
        f"The request body is too large (at most {megabytes} MB); sync in smaller batches.",
    )


def _malformed(zh: str, en: str) -> ApiError:
    return ApiError(422, "malformed", f"資料格式不正確：{zh}。", f"Malformed request: {en}.")


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _check_json(body: bytes) -> None:
    try:
        document = json.loads(body, parse_constant=_no_constants)
    except RecursionError as exc:
        raise _malformed("JSON 巢狀過深", "JSON nested too deeply") from exc
    except ValueError as exc:  # JSONDecodeError, and UnicodeDecodeError for bytes that are not UTF-8
        raise _malformed("不是有效的 JSON", "not valid JSON") from exc
    stack: list[tuple[Any, int]] = [(document, 0)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise _malformed("JSON 巢狀過深", "JSON nested too deeply")
        if isinstance(value, str):
            _check_text(value)
        elif isinstance(value, float) and not math.isfinite(value):  # 1e400 reads as infinity
            raise _malformed("數字超出範圍", "a number out of range")
        elif isinstance(value, list):
            stack.extend((item, depth + 1) for item in value)
        elif isinstance(value, dict):
            for key, item in value.items():
                _check_text(key)
                stack.append((item, depth + 1))


def _check_text(text: str) -> None:
    if "\x00" in text:
        raise _malformed("文字中含有 NUL 字元", "text contains a NUL character")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise _malformed("文字中含有無效的 Unicode 字元", "text contains an invalid Unicode character") from exc
