"""Speakers: mentions, coreference within an article, canonical entities."""
