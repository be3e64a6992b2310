"""The util package of the monorepo scenario."""

__version__ = "0.4.0"
