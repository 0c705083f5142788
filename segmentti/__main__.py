"""Entry point of ``python -m segmentti``."""

import sys

from segmentti.cli import main

if __name__ == "__main__":
    sys.exit(main())
