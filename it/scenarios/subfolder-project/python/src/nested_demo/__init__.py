"""Nested demo."""
from .__about__ import __version__
