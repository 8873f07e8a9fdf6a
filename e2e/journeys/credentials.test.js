// Issue 18: a credential Tashil issues verifies in someone else's software. A licence of the
// demo's register, fetched as an eddsa-rdfc-2022 credential, is verified by Digital Bazaar's
// @digitalbazaar/vc with the eddsa-rdfc-2022 cryptosuite, and its vc+jwt form by jose; each
// fails after one changed byte. The verifier runs offline: its document loader serves only the
// contexts Tashil bundles and the DID document fetched once from the server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { compactVerify, decodeProtectedHeader, importJWK } from 'jose';
import { root, startServer } from '../lib/harness.js';

const contextDir = join(root, 'crates', 'tashil-credentials', 'contexts');
const bundled = {
  'https://www.w3.org/ns/credentials/v2': 'credentials-v2.jsonld',
  'https://test.uncefact.org/vocabulary/untp/dcc/working/': 'untp-dcc.jsonld',
  'https://test.uncefact.org/vocabulary/untp/dia/working/': 'untp-dia.jsonld',
};
// What the DID document's own @context names, given as the W3C publishes their terms; the
// verifier reads the document as a DID document and never expands these.
const DID_V1 = 'https://www.w3.org/ns/did/v1';
const MULTIKEY_V1 = 'https://w3id.org/security/multikey/v1';

/** A document loader that never reaches the network. */
function offlineLoader(didDocument) {
  const contexts = Object.fromEntries(Object.entries(bundled).map(
    ([url, file]) => [url, JSON.parse(readFileSync(join(contextDir, file), 'utf8'))]));
  return async (url) => {
    if (contexts[url]) return { contextUrl: null, documentUrl: url, document: contexts[url] };
    const [did, fragment] = url.split('#');
    if (did === didDocument.id) {
      if (!fragment) return { contextUrl: null, documentUrl: url, document: didDocument };
      const method = didDocument.verificationMethod.find((m) => m.id === url);
      if (method) {
        return { contextUrl: null, documentUrl: url, document: { '@context': MULTIKEY_V1, ...method } };
      }
    }
    throw new Error(`offline: ${url} is not served (${DID_V1} and ${MULTIKEY_V1} are not expanded)`);
  };
}

/** The raw Ed25519 key of a Multikey (base58btc, multicodec 0xed01). */
function ed25519Raw(multibase) {
  const alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
  assert.equal(multibase[0], 'z');
  let n = 0n;
  for (const c of multibase.slice(1)) n = n * 58n + BigInt(alphabet.indexOf(c));
  const bytes = [];
  while (n > 0n) { bytes.unshift(Number(n % 256n)); n /= 256n; }
  for (const c of multibase.slice(1)) { if (c !== '1') break; bytes.unshift(0); }
  assert.deepEqual(bytes.slice(0, 2), [0xed, 0x01]);
  return Buffer.from(bytes.slice(2));
}

async function verifyDi(credential, documentLoader) {
  const suite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });
  return vc.verifyCredential({
    credential,
    suite,
    documentLoader,
    // Status lists are on the issuer's server; this verifier stays offline.
    checkStatus: async () => ({ verified: true }),
  });
}

async function verifyJwt(jwt, didDocument) {
  const { kid, typ } = decodeProtectedHeader(jwt);
  assert.equal(typ, 'vc+jwt');
  const method = didDocument.verificationMethod.find((m) => m.id === kid);
  assert.ok(method, `${kid} is in the DID document`);
  assert.ok(didDocument.assertionMethod.includes(kid));
  const key = await importJWK(
    { kty: 'OKP', crv: 'Ed25519', x: ed25519Raw(method.publicKeyMultibase).toString('base64url') },
    'EdDSA');
  const { payload } = await compactVerify(jwt, key);
  const claims = JSON.parse(new TextDecoder().decode(payload));
  assert.equal(claims.issuer.id, didDocument.id);
  return claims;
}

test('a Tashil licence credential verifies with Digital Bazaar and jose, and not after one byte', async () => {
  const server = await startServer();
  try {
    const register = await (await fetch(`${server.base}/api/v1/licences`)).json();
    const number = register.entries.find((e) => e.status === 'active')?.number;
    assert.ok(number, `an active licence in the demo register: ${JSON.stringify(register).slice(0, 300)}`);
    const credentialUrl = (form) => `${server.base}/api/v1/licences/${encodeURIComponent(number)}/credential?form=${form}`;
    const rdfc = await (await fetch(credentialUrl('di-rdfc'))).json();
    const jwt = (await (await fetch(credentialUrl('jwt'))).text()).trim();
    const didDocument = await (await fetch(`${server.base}/.well-known/did.json`)).json();
    const documentLoader = offlineLoader(didDocument);

    const result = await verifyDi(rdfc, documentLoader);
    assert.equal(result.verified, true, JSON.stringify(result, null, 2));
    const changed = structuredClone(rdfc);
    const party = changed.credentialSubject.issuedToParty;
    party.registeredId = party.registeredId.replace(/\d$/, (d) => String((Number(d) + 1) % 10));
    const refused = await verifyDi(changed, documentLoader);
    assert.equal(refused.verified, false, 'one changed digit of the national ID');

    const claims = await verifyJwt(jwt, didDocument);
    assert.deepEqual(claims.credentialSubject, rdfc.credentialSubject);
    const at = jwt.indexOf('.') + 10;
    const flipped = jwt.slice(0, at) + (jwt[at] === 'A' ? 'B' : 'A') + jwt.slice(at + 1);
    await assert.rejects(verifyJwt(flipped, didDocument));
  } finally {
    await server.stop();
  }
});
