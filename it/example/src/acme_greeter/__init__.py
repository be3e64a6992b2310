"""Greets people politely."""

__version__ = "1.4.0"


def greet(name: str) -> str:
    """Return a polite greeting for ``name``."""
    return f"Hello, {name}!"


def main() -> None:
    import sys

    print(greet(sys.argv[1] if len(sys.argv) > 1 else "world"))
