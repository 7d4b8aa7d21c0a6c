import { createPublicKey, verify } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { dsse as sigstoreDsse } from '@sigstore/core';
import { buildEnvelope, parseEnvelope, preAuthEncoding } from '../../src/supplychain/dsse.js';

// https://github.com/secure-systems-lab/dsse/blob/master/protocol.md#test-vectors
const SPEC_TYPE = 'http://example.com/HelloWorld';
const SPEC_BODY = Buffer.from('hello world');
const SPEC_KEY = {
  x: 46950820868899156662930047687818585632848591499744589407958293238635476079160n,
  y: 5640078356564379163099075877009565129882514886557779369047442380624545832820n,
};
const SPEC_SIG = 'A3JqsQGtVsJ2O2xqrI5IcnXip5GToJ3F+FnZ+O88SjtR6rDAajabZKciJTfUiHqJPcIAriEGAHTVeCUjW2JIZA==';

function coordinate(value: bigint): string {
  return Buffer.from(value.toString(16).padStart(64, '0'), 'hex').toString('base64url');
}

describe('preAuthEncoding', () => {
  it('matches the spec vector', () => {
    expect(preAuthEncoding(SPEC_TYPE, SPEC_BODY).toString('utf8')).toBe(
      'DSSEv1 29 http://example.com/HelloWorld 11 hello world',
    );
  });

  it('verifies the spec signature, so the bytes are the ones a DSSE signer signs', () => {
    const key = createPublicKey({
      key: { kty: 'EC', crv: 'P-256', x: coordinate(SPEC_KEY.x), y: coordinate(SPEC_KEY.y) },
      format: 'jwk',
    });
    const signature = Buffer.from(SPEC_SIG, 'base64');
    const pae = preAuthEncoding(SPEC_TYPE, SPEC_BODY);
    expect(verify('sha256', pae, { key, dsaEncoding: 'ieee-p1363' }, signature)).toBe(true);
    expect(
      verify('sha256', Buffer.concat([pae, Buffer.from('!')]), { key, dsaEncoding: 'ieee-p1363' }, signature),
    ).toBe(false);
  });

  it('counts bytes, not characters', () => {
    // "é" is two bytes in UTF-8 and "€" three: character counts would give 1 and 1.
    expect(preAuthEncoding('é', Buffer.from('€')).toString('utf8')).toBe('DSSEv1 2 é 3 €');
    expect(preAuthEncoding('', Buffer.alloc(0)).toString('utf8')).toBe('DSSEv1 0  0 ');
  });

  it('agrees with the encoding @sigstore/sign signs and @sigstore/verify checks', () => {
    const body = Buffer.from('{"_type":"https://in-toto.io/Statement/v1","ünï":"cödé"}');
    const type = 'application/vnd.in-toto+json';
    expect(preAuthEncoding(type, body).equals(sigstoreDsse.preAuthEncoding(type, body))).toBe(true);
  });
});

describe('envelopes', () => {
  it('builds the spec envelope and reads it back', () => {
    const envelope = buildEnvelope(SPEC_TYPE, SPEC_BODY, [{ sig: SPEC_SIG }]);
    expect(envelope).toEqual({
      payload: 'aGVsbG8gd29ybGQ=',
      payloadType: SPEC_TYPE,
      signatures: [{ sig: SPEC_SIG }],
    });
    const parsed = parseEnvelope(JSON.parse(JSON.stringify(envelope)));
    expect(parsed.ok && parsed.payload.toString()).toBe('hello world');
    expect(buildEnvelope(SPEC_TYPE, SPEC_BODY).signatures).toEqual([]);
  });

  it('accepts URL-safe Base64 without padding, as the protocol requires', () => {
    const parsed = parseEnvelope({
      payload: '-_8',
      payloadType: 't',
      signatures: [{ sig: 'AA', keyid: 'k' }],
    });
    expect(parsed.ok && [...parsed.payload]).toEqual([0xfb, 0xff]);
    expect(parsed.ok && parsed.envelope.signatures).toEqual([{ sig: 'AA', keyid: 'k' }]);
  });

  it.each([
    [null, /not a JSON object/],
    [[], /not a JSON object/],
    [{ payload: 'aGk=', signatures: [] }, /no payloadType/],
    [{ payload: 42, payloadType: 't', signatures: [] }, /payload is not a Base64 string/],
    [{ payload: 'a GVs!', payloadType: 't', signatures: [] }, /payload is not a Base64 string/],
    [{ payload: 'aGk=', payloadType: 't' }, /no signatures array/],
    [{ payload: 'aGk=', payloadType: 't', signatures: ['x'] }, /signatures\[0\] is not an object/],
    [
      { payload: 'aGk=', payloadType: 't', signatures: [{ sig: '*' }] },
      /signatures\[0\]\.sig is not a Base64/,
    ],
    [{ payload: 'aGk=', payloadType: 't', signatures: [{ sig: 'AA', keyid: 1 }] }, /keyid is not a string/],
  ])('rejects %j', (value, message) => {
    const parsed = parseEnvelope(value);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(message);
  });
});
