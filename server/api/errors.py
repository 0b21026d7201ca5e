"""Every error the API returns has the protocol's shape {"detail": {"code", "message_zh", "message_en"}}."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse, Response

from server.core.errors import ApiError, error_body

log = logging.getLogger(__name__)

HTTP_MESSAGES = {
    400: ("bad_request", "要求格式不正確。", "Bad request."),
    404: ("not_found", "找不到這個網址。", "No such address."),
    405: ("method_not_allowed", "這個網址不接受此方法。", "This address does not accept this method."),
}


async def _api_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return JSONResponse(exc.body(), status_code=exc.status, headers=exc.headers)


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    # Where and what, never the input itself: it may be personal data.
    problems = [
        f"{'.'.join(str(part) for part in error.get('loc', ()))}: {error.get('msg', '')}" for error in exc.errors()[:5]
    ]
    text = "; ".join(problems) or "invalid input"
    return JSONResponse(
        error_body("invalid", f"資料格式不正確：{text}", f"Invalid input: {text}"),
        status_code=422,
    )


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    code, zh, en = HTTP_MESSAGES.get(exc.status_code, (f"http_{exc.status_code}", "要求無法處理。", "Request refused."))
    return JSONResponse(error_body(code, zh, en), status_code=exc.status_code, headers=exc.headers)


async def _unexpected(request: Request, exc: Exception) -> Response:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return JSONResponse(
        error_body(
            "internal",
            "伺服器發生未預期的問題，請稍後再試；尚未上傳的修改都安全地留在您的電腦上。",
            "The server had an unexpected problem; try again later. Unsent edits are safe on your laptop.",
        ),
        status_code=500,
    )


def install(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
