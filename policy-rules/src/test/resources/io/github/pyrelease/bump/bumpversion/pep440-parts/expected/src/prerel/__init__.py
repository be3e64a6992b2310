__version__ = "2.1.0rc1"
MINIMUM = "2.0.0"
