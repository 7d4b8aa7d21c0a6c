import sqlalchemy
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.models import User


def by_name(session: Session, name: str):
    # ruleid: python-sqli-sqlalchemy-text-string-format
    rows = session.execute(text(f"SELECT * FROM users WHERE name = '{name}'"))
    stmt = "SELECT * FROM users WHERE name = '%s'" % name
    # ruleid: python-sqli-sqlalchemy-text-string-format
    rows = session.execute(text(stmt))
    # ruleid: python-sqli-sqlalchemy-text-string-format
    q = sqlalchemy.text("DELETE FROM users WHERE id = " + name)
    return rows, q


def raw(engine, order):
    with engine.connect() as conn:
        # ruleid: python-sqli-sqlalchemy-text-string-format
        return conn.exec_driver_sql(f"SELECT * FROM users ORDER BY {order}")


def safe(session: Session, name: str, engine):
    # ok: python-sqli-sqlalchemy-text-string-format
    rows = session.execute(text("SELECT * FROM users WHERE name = :name"), {"name": name})
    # ok: python-sqli-sqlalchemy-text-string-format
    users = session.scalars(select(User).where(User.name == name))
    with engine.connect() as conn:
        # ok: python-sqli-sqlalchemy-text-string-format
        conn.exec_driver_sql("SELECT * FROM users WHERE name = %s", (name,))
    return rows, users
