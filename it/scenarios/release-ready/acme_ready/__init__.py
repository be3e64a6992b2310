"""acme-ready: a package released in an integration scenario."""
