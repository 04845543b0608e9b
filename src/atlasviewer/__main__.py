import sys

from atlasviewer.cli import main

sys.exit(main())
