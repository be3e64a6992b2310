"""acme-published: a package released in an integration scenario."""
