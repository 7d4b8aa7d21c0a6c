import { spawn } from 'child_process';

// ruleid: javascript-node-tls-reject-unauthorized-env
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

export function allowSelfSigned() {
  // ruleid: javascript-node-tls-reject-unauthorized-env
  process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = '0';
}

spawn('node', ['worker.js'], {
  // ruleid: javascript-node-tls-reject-unauthorized-env
  env: { ...process.env, NODE_TLS_REJECT_UNAUTHORIZED: '0' },
});

// ok: javascript-node-tls-reject-unauthorized-env
process.env.NODE_EXTRA_CA_CERTS = '/etc/ssl/internal-ca.pem';

// ok: javascript-node-tls-reject-unauthorized-env
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';

// ok: javascript-node-tls-reject-unauthorized-env
const strict = process.env.NODE_TLS_REJECT_UNAUTHORIZED !== '0';
