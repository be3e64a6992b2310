"""Cool app."""

# the 1.2.3 API
__version__ = "1.2.3"
