"""An enforced package."""

__version__ = "2.0.3"
