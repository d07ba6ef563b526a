"""Message colours, apart from style.py so the sign-in window can use them before the services load."""

from __future__ import annotations

ERROR_COLOUR = "#b00020"
WARNING_COLOUR = "#8a4b00"
OK_COLOUR = "#1b5e20"


def label_style(colour: str) -> str:
    return f"color: {colour};"
