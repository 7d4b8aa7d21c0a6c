const https = require('https');
const tls = require('tls');
const axios = require('axios');
const fs = require('fs');

// ruleid: javascript-tls-reject-unauthorized-disabled
const agent = new https.Agent({ rejectUnauthorized: false });

const client = axios.create({
  baseURL: 'https://internal.example.com',
  // ruleid: javascript-tls-reject-unauthorized-disabled
  httpsAgent: new https.Agent({ rejectUnauthorized: false }),
});

const socket = tls.connect(443, 'db.example.com', {
  servername: 'db.example.com',
  // ruleid: javascript-tls-reject-unauthorized-disabled
  rejectUnauthorized: false,
});

const pgConfig = {
  // ruleid: javascript-tls-reject-unauthorized-disabled
  ssl: { rejectUnauthorized: false },
};

// ok: javascript-tls-reject-unauthorized-disabled
const safeAgent = new https.Agent({ ca: fs.readFileSync('internal-ca.pem') });

const pgConfigSafe = {
  // ok: javascript-tls-reject-unauthorized-disabled
  ssl: { rejectUnauthorized: true, ca: fs.readFileSync('rds-ca.pem').toString() },
};

const request = require('request');
// ruleid: javascript-tls-reject-unauthorized-disabled
request({ url: 'https://legacy.example.com', strictSSL: false }, () => {});

// ok: javascript-tls-reject-unauthorized-disabled
const strict = new https.Agent({ keepAlive: true });
