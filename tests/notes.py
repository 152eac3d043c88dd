"""Tests read notes' Chinese text; code never does (it matches `Note.code`)."""

from __future__ import annotations


def texts(notes) -> list[str]:
    return [note.text for note in notes]
