"""The FieldCase central service (FastAPI); built out by the sync issue."""
