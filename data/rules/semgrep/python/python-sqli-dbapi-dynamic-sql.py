import sqlite3

import pandas as pd
import psycopg2
from sqlalchemy import text

TABLE = "users"


def find_user(conn, name):
    cur = conn.cursor()
    # ruleid: python-sqli-dbapi-dynamic-sql
    cur.execute(f"SELECT * FROM users WHERE name = '{name}'")
    # ruleid: python-sqli-dbapi-dynamic-sql
    cur.execute("SELECT * FROM users WHERE name = '%s'" % name)
    # ruleid: python-sqli-dbapi-dynamic-sql
    cur.execute("SELECT * FROM users WHERE name = '{}'".format(name))
    query = "SELECT * FROM users WHERE name = '" + name + "'"
    # ruleid: python-sqli-dbapi-dynamic-sql
    cur.execute(query)
    return cur.fetchall()


def search(db: sqlite3.Connection, term, order):
    sql = "SELECT id FROM items WHERE 1=1"
    sql += f" AND title LIKE '%{term}%'"
    # ruleid: python-sqli-dbapi-dynamic-sql
    db.execute(sql)
    # ruleid: python-sqli-dbapi-dynamic-sql
    db.executemany(f"DELETE FROM items WHERE owner = {order}", [])
    # ruleid: python-sqli-dbapi-dynamic-sql
    return pd.read_sql(f"SELECT * FROM items ORDER BY {order}", db)


def safe(conn, name, ids):
    cur = conn.cursor()
    # ok: python-sqli-dbapi-dynamic-sql
    cur.execute("SELECT * FROM users WHERE name = %s", (name,))
    # ok: python-sqli-dbapi-dynamic-sql
    conn.execute("SELECT * FROM users WHERE name = ?", (name,))
    placeholders = ", ".join("?" for _ in ids)
    # ok: python-sqli-dbapi-dynamic-sql
    conn.execute(f"SELECT * FROM users WHERE id IN ({placeholders})", ids)
    # ok: python-sqli-dbapi-dynamic-sql
    cur.execute(f"SELECT count(*) FROM {TABLE}")
    # ok: python-sqli-dbapi-dynamic-sql
    cur.execute("SELECT * FROM users " + "ORDER BY id")
    # ok: python-sqli-dbapi-dynamic-sql
    return pd.read_sql("SELECT * FROM users WHERE name = %(n)s", conn, params={"n": name})


def count_rows(connection, table):
    with connection.cursor() as cursor:
        # ok: python-sqli-dbapi-dynamic-sql
        cursor.execute("SELECT COUNT(*) FROM %s" % connection.ops.quote_name(table))
        # ok: python-sqli-dbapi-dynamic-sql
        cursor.execute("DROP TABLE %s" % quote_name(table))
