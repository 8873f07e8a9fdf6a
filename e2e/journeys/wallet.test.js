// Issue 18 item 7: a unit takes its licence into its own wallet over OpenID for Verifiable
// Credential Issuance 1.0, with the OpenWallet Foundation's client (@openid4vc/openid4vci) as
// the wallet. The unit's user presses the licence page's button; the transaction code arrives by
// email (a loopback SMTP sink); the wallet resolves the offer, reads the metadata, trades the
// codes for an access token, asks a nonce, proves its own did:key and receives the licence in
// both formats, each verified with jose / the issuer's did:web document and bound to the wallet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, randomBytes, sign as edSign } from 'node:crypto';
import { Openid4vciClient } from '@openid4vc/openid4vci';
import { clientAuthenticationAnonymous } from '@openid4vc/oauth2';
import { setGlobalConfig } from '@openid4vc/utils';
import { compactVerify, importJWK } from 'jose';
import { PASSWORD, startServer } from '../lib/harness.js';
import { startSmtpSink } from '../lib/smtp_sink.js';

// The server listens on loopback http: the client refuses http unless told.
setGlobalConfig({ allowInsecureUrls: true });

const b64u = (b) => Buffer.from(b).toString('base64url');

/** A did:key of an Ed25519 public key (multicodec 0xed01, base58btc). */
function didKey(raw) {
  const alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
  const bytes = Buffer.concat([Buffer.from([0xed, 0x01]), raw]);
  let n = BigInt(`0x${bytes.toString('hex')}`);
  let out = '';
  while (n > 0n) { out = alphabet[Number(n % 58n)] + out; n /= 58n; }
  return `did:key:z${out}`;
}

/** The raw Ed25519 key of a Multikey (base58btc, multicodec 0xed01). */
function ed25519Raw(multibase) {
  const alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
  let n = 0n;
  for (const c of multibase.slice(1)) n = n * 58n + BigInt(alphabet.indexOf(c));
  const bytes = [];
  while (n > 0n) { bytes.unshift(Number(n % 256n)); n /= 256n; }
  assert.deepEqual(bytes.slice(0, 2), [0xed, 0x01]);
  return Buffer.from(bytes.slice(2));
}

/** A session of `email` (cookies kept by hand), and the CSRF token of `path`. */
async function session(base, email) {
  const jar = new Map();
  const keep = (r) => {
    for (const c of r.headers.getSetCookie()) { const [kv] = c.split(';'); const [k, v] = kv.split('='); jar.set(k, v); }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrfOf = async (path) => {
    const r = await fetch(`${base}${path}`, { headers: { cookie: cookie() }, redirect: 'manual' });
    keep(r);
    return (await r.text()).match(/name="_csrf" value="([^"]+)"/)[1];
  };
  const post = async (path, form) => {
    const r = await fetch(`${base}${path}`, {
      method: 'POST', redirect: 'manual', body: new URLSearchParams(form),
      headers: { cookie: cookie(), origin: base, 'content-type': 'application/x-www-form-urlencoded' },
    });
    keep(r);
    return r;
  };
  const r = await post('/login', { email, password: PASSWORD, _csrf: await csrfOf('/login') });
  assert.ok(r.status === 303 || r.status === 302, `login: ${r.status}`);
  const get = async (path) => fetch(`${base}${path}`, { headers: { cookie: cookie() } });
  return { csrfOf, post, get };
}

/** The transaction code in the last mail to `to`, waiting for the server's sender. */
async function mailedTxCode(sink, to) {
  for (let i = 0; i < 60; i += 1) {
    const mine = sink.inbox.filter((m) => m.rcpt.includes(to));
    for (const m of mine.reverse()) {
      const [head, ...rest] = m.raw.split('\r\n\r\n');
      let body = rest.join('\r\n\r\n');
      if (/content-transfer-encoding:\s*base64/i.test(head)) body = Buffer.from(body.replace(/\s/g, ''), 'base64').toString('utf8');
      if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) {
        body = Buffer.from(body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
      }
      const code = body.replace(/[\u2068\u2069]/g, '').match(/^\s*(\d{6})\s*$/m);
      if (code) return code[1];
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error('no transaction code mailed');
}

test('a unit takes its licence into a wallet with the OpenWallet Foundation client', async () => {
  const sink = await startSmtpSink();
  const server = await startServer({ env: { TASHIL_SMTP_URL: sink.url }, publicUrl: true });
  try {
    const email = 'unit@demo.tashil.ir';
    const unit = await session(server.base, email);
    const issued = await (await unit.get('/api/v1/applications?status=issued')).json();
    assert.ok(issued.length > 0, 'the demo unit holds an issued licence');
    const id = issued[0].id;
    const page = await unit.post(`/applications/${id}/wallet-offer?lang=en`, { _csrf: await unit.csrfOf(`/applications/${id}`) });
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.ok(html.includes('<svg'), 'the offer as a QR code');
    const offerUri = html.match(/href="(openid-credential-offer:[^"]+)"/)[1].replace(/&amp;/g, '&');
    assert.ok(!/\b\d{6}\b/.test(decodeURIComponent(offerUri).replace(/"length":6/, '')), 'no transaction code on the page');

    // The wallet: its own Ed25519 key as a did:key.
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x, 'base64url');
    const did = didKey(raw);
    const client = new Openid4vciClient({
      callbacks: {
        fetch,
        // The pre-authorized code grant without client authentication (the issuer allows it).
        clientAuthentication: clientAuthenticationAnonymous(),
        generateRandom: (n) => randomBytes(n),
        hash: (data, alg) => createHash(alg.replace('-', '').toLowerCase()).update(data).digest(),
        signJwt: async (signer, { header, payload }) => {
          const input = `${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(payload))}`;
          const signature = edSign(null, Buffer.from(input), privateKey);
          return { jwt: `${input}.${b64u(signature)}`, signerJwk: { kty: 'OKP', crv: 'Ed25519', x: b64u(raw) } };
        },
      },
    });
    const credentialOffer = await client.resolveCredentialOffer(offerUri);
    assert.equal(credentialOffer.credential_issuer, server.base);
    const issuerMetadata = await client.resolveIssuerMetadata(credentialOffer.credential_issuer);
    const txCode = await mailedTxCode(sink, email);
    const { accessTokenResponse } = await client.retrievePreAuthorizedCodeAccessTokenFromOffer({
      credentialOffer, issuerMetadata, txCode,
    });
    const didDocument = await (await fetch(`${server.base}/.well-known/did.json`)).json();

    for (const credentialConfigurationId of credentialOffer.credential_configuration_ids) {
      const { c_nonce: nonce } = await client.requestNonce({ issuerMetadata });
      const { jwt } = await client.createCredentialRequestJwtProof({
        issuerMetadata, credentialConfigurationId, nonce,
        signer: { method: 'did', didUrl: `${did}#${did.slice('did:key:'.length)}`, alg: 'EdDSA' },
      });
      const response = await client.retrieveCredentials({
        issuerMetadata, credentialConfigurationId, accessToken: accessTokenResponse.access_token,
        proofs: { jwt: [jwt] },
      });
      const credential = response.credentialResponse.credentials[0].credential;
      if (typeof credential === 'string') {
        // jwt_vc_json: the vc+jwt, verified with the issuer's key from its did:web document.
        const [h] = credential.split('.');
        const { kid } = JSON.parse(Buffer.from(h, 'base64url'));
        const method = didDocument.verificationMethod.find((m) => m.id === kid);
        const fresh = await (await fetch(`${server.base}/.well-known/did.json`)).json();
        const m = method ?? fresh.verificationMethod.find((v) => v.id === kid);
        assert.ok(m, `${kid} in the DID document`);
        const key = await importJWK({ kty: 'OKP', crv: 'Ed25519', x: ed25519Raw(m.publicKeyMultibase).toString('base64url') }, 'EdDSA');
        await compactVerify(credential, key);
        const claims = JSON.parse(Buffer.from(credential.split('.')[1], 'base64url'));
        assert.equal(claims.credentialSubject.id, did);
        assert.equal(claims.issuer.id, fresh.id);
      } else {
        // ldp_vc: eddsa-rdfc-2022, checked by the issuer's verifier; bound to the wallet.
        assert.equal(credential.proof.cryptosuite, 'eddsa-rdfc-2022');
        assert.equal(credential.credentialSubject.id, did);
        const verify = await fetch(`${server.base}/credentials/verify`, {
          method: 'POST', headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ verifiableCredential: credential, options: {} }),
        });
        assert.equal(verify.status, 200, await verify.clone().text());
      }
    }
  } finally {
    await server.stop();
    await sink.close();
  }
});
