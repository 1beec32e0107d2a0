//! The legacy-encoded fixtures in fixtures/encodings/ (built by
//! tools/make-encoding-fixtures.py with converters that are not kehoach's)
//! decode to the hand-written UTF-8 texts beside them, both with the
//! encoding named and with `--encoding auto`.

use std::path::{Path, PathBuf};

use kehoach::read::read_path;
use kehoach::text::{DecodeError, Encoding, EncodingChoice, decode};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/encodings")
        .join(name)
}

fn expected(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).expect("expected text")
}

fn check(input: &str, expected_text: &str, encoding: Encoding) {
    let bytes = std::fs::read(fixture(input)).expect("fixture");
    let want = expected(expected_text);
    let named = decode(&bytes, EncodingChoice::Fixed(encoding)).expect("decodes");
    assert_eq!(named.text, want, "{input} decoded as {encoding}");
    let auto = decode(&bytes, EncodingChoice::Auto).expect("detects");
    assert_eq!(auto.encoding, encoding, "{input} detected");
    assert_eq!(auto.text, want, "{input} decoded after detection");
}

#[test]
fn tcvn3_text() {
    check("tcvn3.txt", "tcvn3.utf8.txt", Encoding::Tcvn3);
}

#[test]
fn vni_text() {
    check("vni.txt", "plan.utf8.txt", Encoding::Vni);
}

#[test]
fn viqr_text() {
    check("viqr.txt", "plan.utf8.txt", Encoding::Viqr);
}

#[test]
fn cp1258_text() {
    check("cp1258.txt", "plan.utf8.txt", Encoding::Cp1258);
}

#[test]
fn utf8_text_stays_utf8() {
    let bytes = std::fs::read(fixture("plan.utf8.txt")).expect("fixture");
    let auto = decode(&bytes, EncodingChoice::Auto).expect("decodes");
    assert_eq!(auto.encoding, Encoding::Utf8);
    assert_eq!(auto.text, expected("plan.utf8.txt"));
}

#[test]
fn mixed_rtf_follows_its_fonts() {
    let doc = read_path(&fixture("mixed.rtf"), EncodingChoice::Auto).expect("reads");
    assert_eq!(doc.text, expected("rtf.utf8.txt"));
    assert_eq!(doc.encoding, Encoding::Tcvn3);
}

#[test]
fn binary_and_unknown_bytes_are_refused() {
    let binary = b"PK\x03\x04\x14\x00\x06\x00 not text";
    assert_eq!(
        decode(binary, EncodingChoice::Auto),
        Err(DecodeError::Binary { offset: 2 })
    );
    let latin1 = "À la façon française, très élégante et très réfléchie"
        .chars()
        .map(|c| u8::try_from(u32::from(c)).expect("Latin-1"))
        .collect::<Vec<u8>>();
    let refused = decode(&latin1, EncodingChoice::Auto).expect_err("not Vietnamese");
    assert_eq!(refused, DecodeError::Unrecognized { offset: 0 });
    assert!(refused.to_string().contains("not UTF-8"));
}

proptest::proptest! {
    #[test]
    fn any_bytes_decode_or_are_refused(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..400)) {
        let _ = decode(&bytes, EncodingChoice::Auto);
        for encoding in Encoding::ALL {
            let _ = decode(&bytes, EncodingChoice::Fixed(encoding));
        }
        let mut rtf = br"{\rtf1\ansi{\fonttbl{\f0 .VnTimeH;}{\f1 VNI-Times;}}\f0 ".to_vec();
        rtf.extend(&bytes);
        let _ = kehoach::read::rtf::read(&rtf);
        let _ = kehoach::read::doc::read(&bytes);
    }
}
