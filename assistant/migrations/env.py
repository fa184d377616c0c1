"""Alembic's entry point: runs the migrations on the engine the store passed in (`migrations.upgrade`)."""
from alembic import context

engine = context.config.attributes["engine"]
with engine.begin() as connection:
    context.configure(connection=connection, render_as_batch=connection.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()
