//! Bitstring Status List: positions, encoding and the list credential.

mod common;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{TimeZone, Utc};
use std::io::Read;
use tashil_credentials::did::{did_key, did_key_method};
use tashil_credentials::integrity::add_proof;
use tashil_credentials::status_credential::{status_entry, status_list_credential};
use tashil_credentials::status_list::{MIN_ENTRIES, StatusListError};
use tashil_credentials::{
    Contexts, Cryptosuite, KeyPair, ProofForm, ProofOptions, Resolver, StatusList, StatusPurpose,
    verify,
};

fn raw_bytes(encoded: &str) -> Vec<u8> {
    let compressed = URL_SAFE_NO_PAD
        .decode(encoded.strip_prefix('u').unwrap())
        .unwrap();
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(compressed.as_slice())
        .read_to_end(&mut bytes)
        .unwrap();
    bytes
}

#[test]
fn a_new_list_has_at_least_131072_clear_entries() {
    let list = StatusList::new(10);
    assert_eq!(list.len(), MIN_ENTRIES);
    assert_eq!(StatusList::new(MIN_ENTRIES + 1).len(), MIN_ENTRIES + 8);
    assert!((0..list.len()).all(|index| !list.get(index).unwrap()));
}

#[test]
fn set_bits_round_trip_through_the_encoding_at_their_positions() {
    let positions = [0, 1, 7, 8, 9, 4_095, 94_567, 131_070, 131_071];
    let mut list = StatusList::new(MIN_ENTRIES);
    for index in positions {
        list.set(index, true).unwrap();
    }
    let encoded = list.encode();
    assert!(encoded.starts_with('u'));
    let decoded = StatusList::decode(&encoded).unwrap();
    assert_eq!(decoded, list);
    for index in 0..decoded.len() {
        assert_eq!(
            decoded.get(index).unwrap(),
            positions.contains(&index),
            "{index}"
        );
    }
    // Most significant bit first: entries 0, 1 and 7 are bits 7, 6 and 0 of byte 0.
    let bytes = raw_bytes(&encoded);
    assert_eq!(bytes[0], 0b1100_0001);
    assert_eq!(bytes[1], 0b1100_0000);
    assert_eq!(bytes[94_567 / 8], 0x80 >> (94_567 % 8));
    // Clearing a bit clears only it.
    let mut cleared = decoded.clone();
    cleared.set(8, false).unwrap();
    assert!(!cleared.get(8).unwrap() && cleared.get(9).unwrap());
}

#[test]
fn the_specification_example_decodes_to_131072_clear_entries() {
    // Bitstring Status List v1.0, example 2 ("encodedList" of an empty list).
    let list =
        StatusList::decode("uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA")
            .unwrap();
    assert_eq!(list.len(), MIN_ENTRIES);
    assert!((0..list.len()).all(|index| !list.get(index).unwrap()));
}

#[test]
fn malformed_short_and_out_of_range_lists_are_refused() {
    let mut list = StatusList::new(MIN_ENTRIES);
    assert_eq!(
        list.set(MIN_ENTRIES, true),
        Err(StatusListError::OutOfRange {
            index: MIN_ENTRIES,
            len: MIN_ENTRIES
        })
    );
    assert_eq!(
        StatusList::decode("zabc"),
        Err(StatusListError::NotBase64url)
    );
    assert_eq!(StatusList::decode("uAAAA"), Err(StatusListError::NotGzip));
    let mut short = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut short, &[0u8; 100]).unwrap();
    let short = format!("u{}", URL_SAFE_NO_PAD.encode(short.finish().unwrap()));
    assert_eq!(
        StatusList::decode(&short),
        Err(StatusListError::TooShort(800))
    );
}

#[test]
fn the_status_list_credential_signs_and_verifies_under_strict_json_ld() {
    let key = KeyPair::generate().unwrap();
    let issuer = did_key(&key.public());
    let mut list = StatusList::new(MIN_ENTRIES);
    list.set(42, true).unwrap();
    let url = "https://isiri.example/status/revocation/1";
    let unsigned = status_list_credential(
        url,
        &issuer,
        StatusPurpose::Revocation,
        &list,
        Utc.with_ymd_and_hms(2026, 3, 21, 0, 0, 0).unwrap(),
    );
    let options = ProofOptions::assertion(did_key_method(&key.public()), Utc::now());
    let contexts = Contexts::bundled();
    let signed = add_proof(
        Cryptosuite::EddsaRdfc2022,
        &unsigned,
        &key,
        &options,
        &contexts,
    )
    .unwrap();
    let verified = verify(&signed, &Resolver::new(), &contexts).unwrap();
    assert_eq!(verified.form, ProofForm::EddsaRdfc2022);
    let encoded = verified.credential["credentialSubject"]["encodedList"]
        .as_str()
        .unwrap();
    assert!(StatusList::decode(encoded).unwrap().get(42).unwrap());

    let entry = status_entry(url, StatusPurpose::Suspension, 42);
    assert_eq!(entry["id"], format!("{url}#42"));
    assert_eq!(entry["statusListIndex"], "42");
    assert_eq!(entry["statusPurpose"], "suspension");
}
