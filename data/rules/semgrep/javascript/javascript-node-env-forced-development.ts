import express from 'express';

// ruleid: javascript-node-env-forced-development
process.env.NODE_ENV = 'development';

const app = express();
// ruleid: javascript-node-env-forced-development
app.set('env', 'development');

export function forceDev() {
  // ruleid: javascript-node-env-forced-development
  process.env['NODE_ENV'] = 'development';
}

// ok: javascript-node-env-forced-development
const isDev = process.env.NODE_ENV === 'development';

// ok: javascript-node-env-forced-development
app.set('trust proxy', 1);

// ok: javascript-node-env-forced-development
process.env.NODE_ENV = 'production';
