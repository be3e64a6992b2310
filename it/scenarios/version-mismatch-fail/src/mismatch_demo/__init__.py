"""A package whose __version__ was not bumped with pyproject.toml."""

__version__ = "2.0.3"
