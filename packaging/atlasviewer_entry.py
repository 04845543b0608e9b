"""Entry script of the frozen application: the same as the ``atlasviewer`` console command."""

import sys

from atlasviewer.cli import main

if __name__ == "__main__":
    sys.exit(main())
