"""`fieldapp serve`: the office server on the office's data directory (the `fieldapp[server]` extra)."""

from __future__ import annotations

import click

from fieldapp.cli.base import Context, main
from fieldapp.errors import FieldappError


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 for every interface of the office's LAN).")
@click.option("--port", type=click.IntRange(0, 65535), default=8443, show_default=True,
              help="Port (0: any free port, printed at start).")
@click.option("--no-tls", is_flag=True, help="Plain HTTP, only behind a TLS-terminating proxy on this host.")
@click.pass_obj
def serve(obj: Context, host: str, port: int, no_tls: bool) -> None:
    """Serve devices' sync, the public QR verification page and the office's web console over HTTPS.

    Example: fieldapp serve --host 0.0.0.0 --port 8443
    """
    try:
        from fieldapp.server.config import ServerConfig
        from fieldapp.server.run import serve as run_server
    except ImportError as exc:
        raise FieldappError("the server is not installed: pip install 'fieldapp[server]'",
                            "未安装服务器组件：pip install 'fieldapp[server]'") from exc
    obj.close()  # the server opens the data directory itself, one writer and a few readers
    run_server(ServerConfig(obj.data_dir, host=host, port=port, tls=not no_tls))
