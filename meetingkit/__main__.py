"""`python -m meetingkit` runs the command line."""

import sys

from meetingkit.cli import main

sys.exit(main())
