const crypto = require('crypto');

function generateToken() {
  // ruleid: javascript-insecure-random-token
  return Math.random().toString(36).slice(2);
}

// ruleid: javascript-insecure-random-token
const resetCode = Math.floor(100000 + Math.random() * 900000);

const session = {
  // ruleid: javascript-insecure-random-token
  sessionId: Math.random().toString(16).substring(2),
  createdAt: Date.now(),
};

class Users {
  createApiKey(user) {
    // ruleid: javascript-insecure-random-token
    user.apiKey = 'key_' + Math.random().toString(36);
    return user;
  }
}

function generateTokenSafe() {
  // ok: javascript-insecure-random-token
  return crypto.randomBytes(32).toString('base64url');
}

// ok: javascript-insecure-random-token
const verificationCode = crypto.randomInt(100000, 1000000);

function jitter(ms) {
  // ok: javascript-insecure-random-token
  return ms + Math.floor(Math.random() * 100);
}

const items = ['a', 'b'].map((label) => ({
  label,
  // ok: javascript-insecure-random-token
  color: `hsl(${Math.random() * 360}, 70%, 50%)`,
}));

// ok: javascript-insecure-random-token
const requestId = crypto.randomUUID();
