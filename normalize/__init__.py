"""Positioned text → rows of cells → clean records."""
