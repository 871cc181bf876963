"""Entry script of the frozen fieldapp (PyInstaller, see packaging/fieldapp.spec).

    fieldapp                       the desktop app (what a double-click or the Start-menu shortcut runs)
    fieldapp D:\\收件\\x.fabundle    a file handed over by Explorer (file association) -> open_path()
    fieldapp --selftest [--keep]   the packaged self-test (fieldapp.selftest), exit 0 when all steps pass
    fieldapp <command> ...         the command line, exactly as `fieldapp` from pip (backup, restore, ...)
"""

from __future__ import annotations

import multiprocessing
import sys
from pathlib import Path

BUNDLE_SUFFIX = ".fabundle"


def open_path(path: Path) -> int:
    """Open a file given on the command line (Explorer: double-click on a ``.fabundle``).

    This is the one place that decides what opening a file does; it starts the desktop app on the
    default data directory, where the file is handled. Returns the process exit code.
    """
    from fieldapp import paths
    from fieldapp.ui.app import run

    return run(paths.resolve_data_dir())


def is_openable(arg: str) -> bool:
    return arg.lower().endswith(BUNDLE_SUFFIX) and Path(arg).is_file()


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--selftest":
        from fieldapp import selftest

        return selftest.run(keep="--keep" in argv[1:])
    if len(argv) == 1 and is_openable(argv[0]):
        return open_path(Path(argv[0]).resolve())
    if not argv:
        argv = ["gui"]
    from fieldapp.cli import main as cli_main

    # click exits through SystemExit with the command's code; standalone_mode keeps its error output.
    cli_main.main(args=argv, prog_name="fieldapp")
    return 0


if __name__ == "__main__":
    # A frozen child process (multiprocessing, ProcessPoolExecutor) must not start the app again.
    multiprocessing.freeze_support()
    sys.exit(main(sys.argv[1:]))
