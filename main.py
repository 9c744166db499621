"""Run MeetingKit from a source checkout: `python main.py [command] ...`."""

import sys

from meetingkit.cli import main

if __name__ == "__main__":
    sys.exit(main())
