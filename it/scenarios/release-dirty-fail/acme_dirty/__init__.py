"""acme-dirty: a package released in an integration scenario."""
