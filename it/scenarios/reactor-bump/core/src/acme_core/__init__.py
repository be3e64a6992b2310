"""The core package of the monorepo scenario."""

__version__ = "1.2.0"
