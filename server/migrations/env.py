"""Alembic environment of the central service; run through server.migrate with an open connection."""

from alembic import context

import server.models
from server.models import ServerBase

_ = server.models  # registers every table on ServerBase.metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=ServerBase.metadata, compare_type=True)
with context.begin_transaction():
    context.run_migrations()
