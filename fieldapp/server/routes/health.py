"""`GET /healthz`: is the server up and is its database readable (for monitoring and the installer)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from fieldapp.services import sync


async def healthz(request: Request) -> JSONResponse:
    status = await request.app.state.db.read(sync.status)
    return JSONResponse({"status": "ok", "role": str(status["role"]), "version": request.app.state.version})


routes = [Route("/healthz", healthz)]
