import crypto, { generateKeyPairSync, generateKeyPair } from 'crypto';

// ruleid: javascript-rsa-key-too-small
const weak = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });

generateKeyPair('rsa-pss', {
  // ruleid: javascript-rsa-key-too-small
  modulusLength: 512,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
}, (err, pub, priv) => console.log(pub, priv));

// ruleid: javascript-rsa-key-too-small
const dsa = generateKeyPairSync('dsa', { modulusLength: 1024, divisorLength: 160 });

// ok: javascript-rsa-key-too-small
const good = crypto.generateKeyPairSync('rsa', { modulusLength: 3072 });

// ok: javascript-rsa-key-too-small
const ok2048 = generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: 0x10001 });

// ok: javascript-rsa-key-too-small
const ed = generateKeyPairSync('ed25519');
