//! Files that two published crates each hold a copy of, because neither can depend on the
//! other's private code: the copies are equal.

#[test]
fn the_uri_reference_validator_is_the_same_in_both_crates() {
    let macros = include_str!("../../status-macros/src/valid/uri.rs");
    let core = include_str!("../../status-core/src/problem/uri.rs");
    assert!(macros.contains("pub fn uri_reference_error"));
    assert_eq!(
        macros, core,
        "edit status-macros/src/valid/uri.rs and copy it to status-core/src/problem/uri.rs"
    );
}
