"""Pieces every room uses: palette, text scale, the table-model base, the meeting's zone, the live bridge,
announcements and accessibility.

The app's accessibility factory (accessibility.py) is installed by the rooms whose windows need it: the console,
review and minutes packages, the people directory, and every module with a ValueLabel (importing accessibility
installs it). The main window needs none of it, and opens without loading Qt's accessibility classes.
"""
