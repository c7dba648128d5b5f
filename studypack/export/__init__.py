"""Outputs that are not pages: decks of cards for spaced repetition (Anki)."""
