"""Presentations: the deck of slides, its panel and presentation mode (F5)."""
