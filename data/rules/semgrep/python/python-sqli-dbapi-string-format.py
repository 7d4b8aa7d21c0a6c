import sqlite3

import pandas as pd
from fastapi import FastAPI
from flask import Flask, request

app = Flask(__name__)
api = FastAPI()
TABLE = "users"


@app.route("/users")
def find_user():
    cur = sqlite3.connect("app.db").cursor()
    name = request.args["name"]
    # ruleid: python-sqli-dbapi-string-format
    cur.execute(f"SELECT * FROM users WHERE name = '{name}'")
    # ruleid: python-sqli-dbapi-string-format
    cur.execute("SELECT * FROM users WHERE name = '%s'" % request.form["name"])
    # ruleid: python-sqli-dbapi-string-format
    cur.execute("SELECT * FROM users WHERE name = '{}'".format(request.values.get("name")))
    query = "SELECT * FROM users WHERE name = '" + name + "'"
    # ruleid: python-sqli-dbapi-string-format
    cur.execute(query)
    return cur.fetchall()


def django_search(request, db):
    term = request.GET.get("q", "")
    sql = "SELECT id FROM items WHERE 1=1"
    sql += f" AND title LIKE '%{term}%'"
    # ruleid: python-sqli-dbapi-string-format
    db.execute(sql)
    # ruleid: python-sqli-dbapi-string-format
    return pd.read_sql(f"SELECT * FROM items ORDER BY {request.GET['order']}", db)


@api.get("/items/{owner}")
def delete_items(owner: str):
    db = sqlite3.connect("app.db")
    # ruleid: python-sqli-dbapi-string-format
    db.executemany(f"DELETE FROM items WHERE owner = {owner}", [])


@app.route("/safe")
def safe():
    cur = sqlite3.connect("app.db").cursor()
    name = request.args["name"]
    # ok: python-sqli-dbapi-string-format
    cur.execute("SELECT * FROM users WHERE name = ?", (name,))
    # ok: python-sqli-dbapi-string-format
    cur.execute(f"SELECT count(*) FROM {TABLE}")
    # ok: python-sqli-dbapi-string-format
    return pd.read_sql("SELECT * FROM users WHERE name = %(n)s", cur, params={"n": name})


def helper(conn, name):
    # ok: python-sqli-dbapi-string-format
    conn.execute(f"SELECT * FROM users WHERE name = '{name}'")
