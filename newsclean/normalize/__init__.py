"""Normalisation shared by both paths: text, dates, headlines, authors, language."""
