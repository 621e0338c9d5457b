// Unit tests of the gateway's token rules (node --test). The services' TokenTest holds the same cases, and the
// end-to-end tests send the same tokens to both.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { test } from 'node:test';
import { SignJWT, UnsecuredJWT } from 'jose';
import { bearerToken, createTokenVerifier, identify, validSubject } from '../identity.mjs';

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = publicKey.export({ type: 'spki', format: 'pem' });
const verify = createTokenVerifier({ publicKeyPem: pem, issuer: 'https://chorus.local', audience: 'chorus' });
const now = Math.floor(Date.now() / 1000);

function claims(changes = {}) {
  const base = { iss: 'https://chorus.local', aud: 'chorus', sub: 'user-1', roles: ['user'], iat: now, exp: now + 3600 };
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) delete base[name]; else base[name] = value;
  }
  return base;
}
const sign = (payload, key = privateKey, alg = 'RS256') => new SignJWT(payload).setProtectedHeader({ alg, typ: 'JWT' }).sign(key);

test('the header is exactly Bearer, one space and a compact token', async () => {
  const token = await sign(claims());
  assert.equal(bearerToken(undefined), undefined);
  assert.equal(bearerToken(null), undefined);
  assert.equal(bearerToken(`Bearer ${token}`), token);
  assert.equal(bearerToken(`bEaReR ${token}`), token);
  for (const header of [`Bearer ${token} !`, `Bearer ${token} x`, `Bearer  ${token}`, `Bearer\t${token}`,
    `Bearer ${token}!`, `Basic abc`, 'Bearer', 'Bearer ', '', token, 'Bearer a.b', `Bearer ${token}.x`,
    `Bearer ${token}, Bearer ${token}`, `Bearer ${'a'.repeat(20000)}.b.c`]) {
    assert.equal(bearerToken(header), null, header.slice(0, 60));
  }
});

test('a valid RS256 token of this issuer and audience verifies, and its subject is sub', async () => {
  const payload = await verify(await sign(claims({ upn: 'someone-else', preferred_username: 'another' })));
  assert.equal(payload.sub, 'user-1');
  assert.equal((await verify(await sign(claims({ iat: undefined })))).sub, 'user-1', 'iat is optional');
});

test('sub, exp, iss and aud are required', async () => {
  for (const name of ['sub', 'exp', 'iss', 'aud']) {
    assert.equal(await verify(await sign(claims({ [name]: undefined }))), null, name);
  }
});

test('times are checked with a 60 s clock skew', async () => {
  assert.equal(await verify(await sign(claims({ iat: now + 86400, exp: now + 2 * 86400 }))), null, 'iat tomorrow');
  assert.equal(await verify(await sign(claims({ nbf: now + 86400 }))), null, 'nbf tomorrow');
  assert.notEqual(await verify(await sign(claims({ iat: now + 30, nbf: now + 30 }))), null, 'within the skew');
  assert.notEqual(await verify(await sign(claims({ iat: now - 600, exp: now - 30 }))), null, 'expired within the skew');
  assert.equal(await verify(await sign(claims({ iat: now - 600, exp: now - 120 }))), null, 'expired');
  assert.equal(await verify(await sign(claims({ iat: now + 50, exp: now + 20 }))), null, 'exp before iat');
});

test('another issuer, audience, key or algorithm is refused', async () => {
  assert.equal(await verify(await sign(claims({ iss: 'https://evil.example' }))), null);
  assert.equal(await verify(await sign(claims({ aud: 'someone-else' }))), null);
  assert.equal(await verify(await sign(claims(), other.privateKey)), null);
  assert.equal(await verify(await sign(claims(), new TextEncoder().encode('a shared secret of at least thirty-two bytes'), 'HS256')), null);
  assert.equal(await verify(new UnsecuredJWT(claims()).encode()), null);
  const [header, , signature] = (await sign(claims())).split('.');
  const forged = Buffer.from(JSON.stringify(claims({ roles: ['staff'] }))).toString('base64url');
  assert.equal(await verify(`${header}.${forged}.${signature}`), null, 'claims edited by the client');
});

test('a subject must be usable as an identity', async () => {
  for (const sub of ['', '   ', 'a\nb', 'x'.repeat(256), 42, null]) {
    assert.equal(validSubject(sub), false, String(sub));
    assert.equal(await verify(await sign(claims({ sub }))), null, String(sub));
  }
  assert.equal(validSubject('林夏'), true);
});

test('identify: anonymous without a header, refused for a bad one, the subject for a good one', async () => {
  const request = (authorization) => ({ headers: new Headers(authorization ? { authorization } : {}) });
  assert.deepEqual(await identify(request(), verify), {});
  assert.deepEqual(await identify(request(`Bearer ${await sign(claims())}`), verify), { subject: 'user-1' });
  assert.deepEqual(await identify(request(`Bearer ${await sign(claims())} !`), verify), { refused: true });
  assert.deepEqual(await identify(request(`Bearer ${await sign(claims({ exp: undefined }))}`), verify), { refused: true });
});
