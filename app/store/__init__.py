"""The encrypted local case store: key handling, engine, migrations, backups, change tracking and search."""
