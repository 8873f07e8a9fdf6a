## Verifiable credentials: the public verification page.
cred-issuer-name = National standards body
cred-verify-title = Licence verification
cred-status-valid = Valid: this licence is in force.
cred-status-suspended = Suspended: this licence is not in force while suspended.
cred-status-revoked = Revoked: this licence is no longer valid.
cred-status-expired = Expired: this licence is past its validity.
cred-number = Licence number
cred-holder = Holder
cred-products = Products
cred-standards = Standards
cred-valid-from = Valid from
cred-valid-until = Valid until
cred-download = The signed credential:
cred-verification = Verification
err-credential-key-missing = This server holds no credential key (TASHIL_CREDENTIAL_KEY): it verifies credentials but does not issue them.
err-credential-key-mismatch = The credential key of this server does not open the stored issuer keys.
err-credential-unsignable = The credential could not be signed.
## The VC API: a credential given to be signed, refused.
err-credential-refused = The credential cannot be signed as given.
err-malformed-request = The request is not the JSON this endpoint takes.
err-vc-not-an-object = The credential is not a JSON object.
err-vc-context-missing = The credential has no @context.
err-vc-context-not-list = The credential's @context must be a list.
err-vc-context-first = The first @context must be the VC 2.0 context (https://www.w3.org/ns/credentials/v2).
err-vc-type-malformed = The type must be a string or a list of strings.
err-vc-type-missing = The type must include VerifiableCredential.
err-vp-type-missing = The type must include VerifiablePresentation.
err-vc-id-not-url = The id must be a URL.
err-vc-issuer-missing = The credential names no issuer.
err-vc-issuer-no-id = The issuer object has no id.
err-vc-issuer-not-url = The issuer must be a URL.
err-vc-subject-missing = The credential needs a credentialSubject that is not empty.
err-vc-date-invalid = A validity date must be a date and time with its offset (e.g. 2026-03-21T00:00:00Z).
err-vc-validity-order = validUntil is before validFrom.
err-vc-status-untyped = Every credentialStatus entry needs a type.
err-vc-entry-untyped = Each entry of this member (termsOfUse, evidence, refreshService, credentialSchema) must be an object with a type.
err-vc-schema-id-not-url = Each credentialSchema entry needs an id that is a URL.
err-vc-related-resource-id = Each relatedResource entry must be an object whose id is a URL.
err-vc-related-resource-duplicate = Two relatedResource entries have the same id.
err-vc-related-resource-no-digest = Each relatedResource entry needs a digestSRI or a digestMultibase.
err-vp-holder-not-url = The holder must be a URL.
err-vc-issuer-not-ours = The issuer must be this installation's DID.
err-vc-already-signed = The credential already carries a proof.
err-vc-cryptosuite-unsupported = The cryptosuite must be eddsa-rdfc-2022 or eddsa-jcs-2022.
err-vc-jsonld-refused = The credential uses a context this installation does not hold, or a term no context defines.
## A registered unit's Digital Identity Anchor.
cred-register-name = Tashil register of production units
err-unit-closed = The unit is closed: the register no longer anchors its identity.
## Taking a licence into a wallet (OpenID for Verifiable Credential Issuance).
cred-wallet-credential-name = Licence (conformity credential)
cred-wallet-button = Add this licence to my wallet
cred-wallet-title = Add the licence to your wallet
cred-wallet-scan = Scan this code with your digital wallet, or open the link on the device that holds it, within { $minutes } minutes.
cred-wallet-open = Open in my wallet
cred-wallet-code-sent = Your wallet will ask for a transaction code: we have sent it to your email address.
cred-wallet-back = Back to the licence
cred-wallet-tx-code-description = The code sent to your email address
## The printable certificate of a licence (PDF).
cred-certificate-title = Licence certificate
cred-certificate-status = Status
cred-certificate-scan = Scan the code or open the address below to see whether this licence is in force today.
cred-certificate-printed = Printed on { $date }
cred-certificate-link = Printable certificate (PDF)

# Provincial issuers (ADR 0019)
cred-provincial-issuer-name = Provincial standards office of { $province }
cred-issuers-title = Credential issuers
cred-issuers-intro = Licences are signed by the national standards body, or, where a province has its own issuer, by that province's office for the licences it decides (delegated steps). Each issuer has its own did:web and keys.
cred-issuers-issuer = Issuer
cred-issuers-did = DID (its document)
cred-issuers-province = Province
cred-issuers-note = Once on, a province's issuer stays on: the credentials it signs are verified against its DID document for as long as they circulate.
cred-issuers-enable = Turn on the province's own issuer
cred-issuers-enabled = { $province } now signs the licences its office decides.
cred-issuers-unknown = Choose a province from the list.
cred-issuers-already-on = This province has its own issuer already.
err-provincial-issuer-on = This province has its own issuer already.
cred-issued-by = Issued by

## The status of a credential the VC API issued (POST /credentials/status).
err-credential-status-refused = The credential's status cannot be changed as asked.
err-credential-status-purpose-absent = The credential has no status entry for this purpose.
err-credential-status-follows-licence = This credential is a licence's: its status follows the licence's suspension or revocation and is changed on the licence.
err-vc-status-type-unsupported = The status entry must be of type BitstringStatusListEntry.
err-vc-status-purpose-unsupported = The status purpose must be revocation or suspension.
err-vc-status-present = The credential already has a credentialStatus: the issuer adds the one asked in the options.
