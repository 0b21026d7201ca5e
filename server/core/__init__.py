"""Settings, database, security, errors and middleware of the central service."""
