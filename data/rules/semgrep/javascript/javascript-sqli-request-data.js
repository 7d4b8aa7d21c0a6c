const express = require('express');
const util = require('util');
const { Pool } = require('pg');
const mysql = require('mysql2');

const app = express();
const pool = new Pool();
const connection = mysql.createConnection({ host: 'db' });

app.get('/report', async (req, res) => {
  // ruleid: javascript-sqli-request-data
  const result = await pool.query(req.query.sql);
  res.json(result.rows);
});

app.get('/users/:id', (req, res) => {
  const sql = util.format("SELECT * FROM users WHERE id = '%s'", req.params.id);
  // ruleid: javascript-sqli-request-data
  connection.query(sql, (err, rows) => res.json(rows));
});

app.post('/search', async (req, res) => {
  const { column } = req.body;
  const text = 'SELECT * FROM items ORDER BY '.concat(column);
  // ruleid: javascript-sqli-request-data
  const result = await pool.query({ text, values: [] });
  res.json(result.rows);
});

app.post('/filter', async (req, res) => {
  const where = req.body.filter;
  // ruleid: javascript-sqli-request-data
  const rows = await sequelize.query('SELECT * FROM items WHERE '.concat(where));
  res.json(rows);
});

app.get('/users/:id/safe', async (req, res) => {
  // ok: javascript-sqli-request-data
  const result = await pool.query('SELECT * FROM users WHERE id = $1', [req.params.id]);
  res.json(result.rows);
});

app.get('/orders', (req, res) => {
  // ok: javascript-sqli-request-data
  connection.execute('SELECT * FROM orders WHERE status = ? AND owner = ?', [req.query.status, req.user.id], (err, rows) => res.json(rows));
});

app.get('/page', async (req, res) => {
  const limit = parseInt(req.query.limit, 10);
  const sql = util.format('SELECT * FROM items LIMIT %d', limit);
  // ok: javascript-sqli-request-data
  const result = await pool.query(sql);
  res.json(result.rows);
});

app.get('/inline', async (req, res) => {
  // Inline string building is reported by javascript-sqli-string-building instead.
  // ok: javascript-sqli-request-data
  const result = await pool.query(`SELECT * FROM users WHERE name = '${req.query.name}'`);
  res.json(result.rows);
});
