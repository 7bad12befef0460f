"""Alembic environment: runs on the engine the program hands over, or on a URL."""

from alembic import context
from sqlalchemy import Engine

from desk.db.engine import make_engine, resolve_url
from desk.db.schema import metadata

config = context.config
engine = config.attributes.get("engine")
if not isinstance(engine, Engine):
    engine = make_engine(resolve_url(config.get_main_option("sqlalchemy.url")))

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
