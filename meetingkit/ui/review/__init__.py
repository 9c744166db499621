"""The representatives' room: who spoke and for how long, and what became of their feedback."""
