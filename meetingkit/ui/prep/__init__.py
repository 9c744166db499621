"""Before the meeting: the meeting list, the meeting editor, agenda and attendees, the people directory."""
