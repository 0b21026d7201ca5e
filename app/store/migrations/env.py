"""Alembic environment of the local store; always run through app.store.migrate with an open connection."""

from alembic import context

import app.models
from app.models.base import Base

_ = app.models  # registers every table on Base.metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them; batch mode does that
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
