"""The chair's room: the live console, its panels and the speaker display."""
