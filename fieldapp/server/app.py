"""The ASGI application: routes of every resource, the access log, and the answer to errors."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.metadata import version

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from fieldapp.errors import FieldappError
from fieldapp.server.access_log import AccessLog, open_access_log
from fieldapp.server.config import ServerConfig
from fieldapp.server.db import Database
from fieldapp.server.routes import health

log = logging.getLogger("fieldapp.server")


async def fieldapp_error(request: Request, exc: Exception) -> Response:
    """A refused request says why in both languages; nothing else about the server leaks."""
    assert isinstance(exc, FieldappError)
    return JSONResponse({"error": exc.en, "error_zh": exc.zh}, status_code=getattr(exc, "http_status", 400))


async def internal_error(request: Request, exc: Exception) -> Response:
    log.error("internal error on %s %s", request.method, request.url.path, exc_info=exc)
    return JSONResponse({"error": "internal error; the details are in the server's log",
                         "error_zh": "服务器内部错误，详情见服务器日志"}, status_code=500)


def create_app(config: ServerConfig) -> Starlette:
    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        app.state.db = Database(config.data_dir, readers=config.readers)
        try:
            yield
        finally:
            app.state.db.close()

    open_access_log(config.access_log)
    app = Starlette(routes=[*health.routes], middleware=[Middleware(AccessLog)], lifespan=lifespan,
                    exception_handlers={FieldappError: fieldapp_error, Exception: internal_error})
    app.state.config = config
    app.state.version = version("fieldapp")
    return app
