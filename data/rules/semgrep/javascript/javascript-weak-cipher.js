const crypto = require('crypto');
const { createCipheriv } = require('crypto');

function encryptDes(key, iv, data) {
  // ruleid: javascript-weak-cipher
  const c = crypto.createCipheriv('des-cbc', key, iv);
  return Buffer.concat([c.update(data), c.final()]);
}

function encryptEcb(key, data) {
  // ruleid: javascript-weak-cipher
  const c = createCipheriv('aes-256-ecb', key, null);
  return Buffer.concat([c.update(data), c.final()]);
}

function rc4(key, data) {
  // ruleid: javascript-weak-cipher
  return crypto.createCipheriv('rc4', key, '').update(data);
}

function legacy(password, data) {
  // ruleid: javascript-weak-cipher
  const c = crypto.createCipher('aes-256-cbc', password);
  return c.update(data, 'utf8', 'hex') + c.final('hex');
}

function encryptGcm(key, data) {
  const iv = crypto.randomBytes(12);
  // ok: javascript-weak-cipher
  const c = crypto.createCipheriv('aes-256-gcm', key, iv);
  const enc = Buffer.concat([c.update(data), c.final()]);
  return { iv, enc, tag: c.getAuthTag() };
}

function chacha(key, data) {
  const iv = crypto.randomBytes(12);
  // ok: javascript-weak-cipher
  const c = createCipheriv('chacha20-poly1305', key, iv, { authTagLength: 16 });
  return c.update(data);
}

function decryptCbc(key, iv, data) {
  // ok: javascript-weak-cipher
  const d = crypto.createDecipheriv('aes-256-cbc', key, iv);
  return Buffer.concat([d.update(data), d.final()]);
}
