import { Pool } from 'pg';
import mysql from 'mysql2/promise';
import { Sequelize, QueryTypes } from 'sequelize';
import knexFactory from 'knex';

const pool = new Pool();
const connection = await mysql.createConnection({ host: 'db' });
const sequelize = new Sequelize('postgres://db/app');
const knex = knexFactory({ client: 'pg' });

export async function findUser(id: string) {
  // ruleid: javascript-sqli-string-building
  return pool.query(`SELECT * FROM users WHERE id = ${id}`);
}

export async function findByEmail(email: string) {
  // ruleid: javascript-sqli-string-building
  const [rows] = await connection.query("SELECT * FROM users WHERE email = '" + email + "'");
  return rows;
}

export async function search(term: string) {
  const sql = `SELECT id, title FROM posts WHERE title LIKE '%${term}%'`;
  // ruleid: javascript-sqli-string-building
  return sequelize.query(sql, { type: QueryTypes.SELECT });
}

export async function sorted(column: string) {
  // ruleid: javascript-sqli-string-building
  return knex.raw(`SELECT * FROM orders ORDER BY ${column}`);
}

export async function filtered(name: string) {
  let sql = 'SELECT * FROM users WHERE 1=1';
  sql += " AND name = '" + name + "'";
  // ruleid: javascript-sqli-string-building
  return pool.query(sql);
}

export async function findUserSafe(id: string) {
  // ok: javascript-sqli-string-building
  return pool.query('SELECT * FROM users WHERE id = $1', [id]);
}

export async function findByEmailSafe(email: string) {
  // ok: javascript-sqli-string-building
  const [rows] = await connection.execute('SELECT * FROM users WHERE email = ?', [email]);
  return rows;
}

export async function searchSafe(term: string) {
  // ok: javascript-sqli-string-building
  return sequelize.query('SELECT id, title FROM posts WHERE title LIKE :term', {
    replacements: { term: `%${term}%` },
    type: QueryTypes.SELECT,
  });
}

export async function sortedSafe(column: string) {
  // ok: javascript-sqli-string-building
  return knex.raw('SELECT * FROM orders ORDER BY ??', [column]);
}

const TABLE = 'users';
export async function countUsers() {
  // ok: javascript-sqli-string-building
  return pool.query(`SELECT count(*) FROM ${TABLE}`);
}

export function notSql(client: { query: (s: string) => void }, name: string) {
  // ok: javascript-sqli-string-building
  client.query(`hello ${name}`);
}
