__version__ = "2.0.0"
MINIMUM = "2.0.0"
