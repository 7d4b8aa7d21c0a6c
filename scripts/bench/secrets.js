// Fake credentials shaped like real ones, so Gitleaks, Checkov's secrets framework and Vouch's builtin checks
// have something to find. Every prefix is joined at run time: this file itself must hold nothing a secret
// scanner or GitHub push protection would flag. The values are random and belong to nobody.

const UPPER_BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';
const BASE64 = `${ALNUM}+/`;

const prefix = {
  aws: ['AK', 'IA'].join(''),
  github: ['gh', 'p_'].join(''),
  slack: ['xo', 'xb-'].join(''),
  stripe: ['sk', '_li', 've_'].join(''),
  pemBegin: ['-----BEGIN ', 'RSA PRIVATE', ' KEY-----'].join(''),
  pemEnd: ['-----END ', 'RSA PRIVATE', ' KEY-----'].join(''),
};

/** One `NAME = "value"` assignment per kind; `quote` lets callers fit Python, JS, Go or .env syntax. */
const KINDS = [
  (rng) => ['AWS_ACCESS_KEY_ID', `${prefix.aws}${rng.chars(UPPER_BASE32, 16)}`],
  (rng) => ['GITHUB_TOKEN', `${prefix.github}${rng.chars(ALNUM, 36)}`],
  (rng) => [
    'SLACK_BOT_TOKEN',
    `${prefix.slack}${rng.chars('0123456789', 12)}-${rng.chars('0123456789', 12)}-${rng.chars(ALNUM, 24)}`,
  ],
  (rng) => ['STRIPE_KEY', `${prefix.stripe}${rng.chars(ALNUM, 24)}`],
  (rng) => ['payment_api_key', rng.chars(HEX, 40)],
];

export function fakeSecret(rng) {
  const [name, value] = rng.pick(KINDS)(rng);
  return { name, value };
}

/** A PEM block with random base64 body lines. */
export function fakePrivateKey(rng) {
  const body = Array.from({ length: 12 }, () => rng.chars(BASE64, 64));
  return [prefix.pemBegin, ...body, prefix.pemEnd].join('\n');
}
