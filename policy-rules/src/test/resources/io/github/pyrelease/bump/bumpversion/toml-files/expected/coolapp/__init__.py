"""Cool app."""

# the 1.3.0 API
__version__ = "1.3.0"
