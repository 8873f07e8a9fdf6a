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
