"""A package whose __version__ lags behind; the team accepts it as a warning."""

__version__ = "0.2.9"
