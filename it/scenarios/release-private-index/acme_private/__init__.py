"""acme-private: a package released in an integration scenario."""
