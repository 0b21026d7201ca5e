"""HTTP layer of the central service: thin routes under /api/v1 over server.services."""
