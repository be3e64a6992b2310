"""acme-offline: a package released in an integration scenario."""
