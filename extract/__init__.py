"""Readers: any input file → pages of positioned words (``piatable.models.PageWords``)."""
