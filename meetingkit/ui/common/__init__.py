"""Pieces every room uses: palette, text scale, the table-model base, the meeting's zone, the live bridge."""
