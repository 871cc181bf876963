"""fieldapp command line: a thin layer over the same service functions the desktop UI calls.

Every listing takes --json. Exit 0 on success; on failure one line "Error: …" and a non-zero exit,
never a traceback (unexpected errors are logged with their traceback in the data directory).
One module per command group; each registers its commands on `main` when imported here.
"""

from fieldapp.cli import app, checklists, enterprises, findings, inspections, inspectors, notices, serve, sync
from fieldapp.cli.base import main

__all__ = ["app", "checklists", "enterprises", "findings", "inspections", "inspectors", "main", "notices", "serve", "sync"]
