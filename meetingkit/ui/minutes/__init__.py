"""The secretary's room: the notes panel, the minutes preview and the action register."""
