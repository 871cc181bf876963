"""`python -m fieldapp`: the command line (fieldapp.cli)."""

import multiprocessing

from fieldapp.cli import main

if __name__ == "__main__":
    # Large imports compute search-index values in a spawned worker, which re-imports this module.
    multiprocessing.freeze_support()
    main()
