//! What a wallet reads before it asks (OpenID for Verifiable Credential Issuance 1.0 §12.2,
//! RFC 8414): the credential issuer's metadata and its authorization server's, both named by
//! the installation's public URL. Pure: the public URL and the display names in, JSON out.

use serde_json::{Map, Value, json};
use tashil_credentials::contexts::{CREDENTIALS_V2, UNTP_DCC};

/// The pre-authorized code grant (OID4VCI 1.0 §4.1.1).
pub const PRE_AUTHORIZED_GRANT: &str = "urn:ietf:params:oauth:grant-type:pre-authorized_code";
/// The configuration of a licence as a `jwt_vc_json` credential.
pub const JWT_CONFIGURATION: &str = "DigitalConformityCredential_jwt_vc_json";
/// The configuration of a licence as an `ldp_vc` credential (eddsa-rdfc-2022).
pub const LDP_CONFIGURATION: &str = "DigitalConformityCredential_ldp_vc";
/// The key proof's only signing algorithm: Ed25519, as did:key `z6Mk…` and OKP JWKs are.
pub const PROOF_ALGORITHM: &str = "EdDSA";

/// Where each endpoint is, under the public URL.
pub const TOKEN_PATH: &str = "/oauth/token";
pub const NONCE_PATH: &str = "/openid4vci/nonce";
pub const CREDENTIAL_PATH: &str = "/openid4vci/credential";

/// The two formats a licence is issued to a wallet in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WalletFormat {
    JwtVcJson,
    LdpVc,
}

impl WalletFormat {
    pub fn of_configuration(id: &str) -> Option<WalletFormat> {
        match id {
            JWT_CONFIGURATION => Some(WalletFormat::JwtVcJson),
            LDP_CONFIGURATION => Some(WalletFormat::LdpVc),
            _ => None,
        }
    }
}

/// A display name in one language (`locale` a BCP 47 tag).
pub struct Display<'a> {
    pub locale: &'a str,
    pub name: String,
}

fn display(names: &[Display<'_>]) -> Value {
    names
        .iter()
        .map(|d| json!({"name": d.name, "locale": d.locale}))
        .collect()
}

fn configuration(format: WalletFormat, names: &[Display<'_>]) -> Value {
    let types = ["VerifiableCredential", "DigitalConformityCredential"];
    let mut c = json!({
        "scope": "DigitalConformityCredential",
        "cryptographic_binding_methods_supported": ["did:key", "jwk"],
        "proof_types_supported": {
            "jwt": {"proof_signing_alg_values_supported": [PROOF_ALGORITHM]},
        },
        "credential_metadata": {"display": display(names)},
        // Drafts before 1.0 had the display here; wallets of those drafts still read it.
        "display": display(names),
    });
    let (fmt, definition, algs) = match format {
        WalletFormat::JwtVcJson => ("jwt_vc_json", json!({"type": types}), json!(["EdDSA"])),
        WalletFormat::LdpVc => (
            "ldp_vc",
            json!({"@context": [CREDENTIALS_V2, UNTP_DCC], "type": types}),
            json!(["eddsa-rdfc-2022"]),
        ),
    };
    c["format"] = json!(fmt);
    c["credential_definition"] = definition;
    c["credential_signing_alg_values_supported"] = algs;
    c
}

/// The credential issuer metadata (`/.well-known/openid-credential-issuer`).
pub fn issuer_metadata(
    base: &str,
    issuer_names: &[Display<'_>],
    credential_names: &[Display<'_>],
) -> Value {
    let mut configurations = Map::new();
    configurations.insert(
        JWT_CONFIGURATION.into(),
        configuration(WalletFormat::JwtVcJson, credential_names),
    );
    configurations.insert(
        LDP_CONFIGURATION.into(),
        configuration(WalletFormat::LdpVc, credential_names),
    );
    json!({
        "credential_issuer": base,
        "authorization_servers": [base],
        "credential_endpoint": format!("{base}{CREDENTIAL_PATH}"),
        "nonce_endpoint": format!("{base}{NONCE_PATH}"),
        "display": display(issuer_names),
        "credential_configurations_supported": configurations,
    })
}

/// The authorization server metadata (`/.well-known/oauth-authorization-server`): the token
/// endpoint, for the pre-authorized code grant alone, without client authentication.
pub fn authorization_server_metadata(base: &str) -> Value {
    json!({
        "issuer": base,
        "token_endpoint": format!("{base}{TOKEN_PATH}"),
        "grant_types_supported": [PRE_AUTHORIZED_GRANT],
        "response_types_supported": [],
        "token_endpoint_auth_methods_supported": ["none"],
        "pre-authorized_grant_anonymous_access_supported": true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_endpoint_is_under_the_public_url() {
        let m = issuer_metadata("https://t.example", &[], &[]);
        assert_eq!(m["credential_issuer"], "https://t.example");
        assert_eq!(
            m["credential_endpoint"],
            "https://t.example/openid4vci/credential"
        );
        let c = &m["credential_configurations_supported"];
        assert_eq!(c[JWT_CONFIGURATION]["format"], "jwt_vc_json");
        assert_eq!(c[LDP_CONFIGURATION]["format"], "ldp_vc");
        let a = authorization_server_metadata("https://t.example");
        assert_eq!(a["token_endpoint"], "https://t.example/oauth/token");
    }
}
