import sqlite3

import pandas as pd
import psycopg2
from sqlalchemy import text

TABLE = "users"


def find_user(conn, name):
    cur = conn.cursor()
    # ruleid: python-sqli-dbapi-string-format
    cur.execute(f"SELECT * FROM users WHERE name = '{name}'")
    # ruleid: python-sqli-dbapi-string-format
    cur.execute("SELECT * FROM users WHERE name = '%s'" % name)
    # ruleid: python-sqli-dbapi-string-format
    cur.execute("SELECT * FROM users WHERE name = '{}'".format(name))
    query = "SELECT * FROM users WHERE name = '" + name + "'"
    # ruleid: python-sqli-dbapi-string-format
    cur.execute(query)
    return cur.fetchall()


def search(db: sqlite3.Connection, term, order):
    sql = "SELECT id FROM items WHERE 1=1"
    sql += f" AND title LIKE '%{term}%'"
    # ruleid: python-sqli-dbapi-string-format
    db.execute(sql)
    # ruleid: python-sqli-dbapi-string-format
    db.executemany(f"DELETE FROM items WHERE owner = {order}", [])
    # ruleid: python-sqli-dbapi-string-format
    return pd.read_sql(f"SELECT * FROM items ORDER BY {order}", db)


def safe(conn, name, ids):
    cur = conn.cursor()
    # ok: python-sqli-dbapi-string-format
    cur.execute("SELECT * FROM users WHERE name = %s", (name,))
    # ok: python-sqli-dbapi-string-format
    conn.execute("SELECT * FROM users WHERE name = ?", (name,))
    placeholders = ", ".join("?" for _ in ids)
    # ok: python-sqli-dbapi-string-format
    conn.execute(f"SELECT * FROM users WHERE id IN ({placeholders})", ids)
    # ok: python-sqli-dbapi-string-format
    cur.execute(f"SELECT count(*) FROM {TABLE}")
    # ok: python-sqli-dbapi-string-format
    cur.execute("SELECT * FROM users " + "ORDER BY id")
    # ok: python-sqli-dbapi-string-format
    return pd.read_sql("SELECT * FROM users WHERE name = %(n)s", conn, params={"n": name})
