"""MeetingKit: run meetings where every voice is heard."""

__version__ = "0.1.0"
