"""The app package of the monorepo scenario."""

__version__ = "2.0.0"
