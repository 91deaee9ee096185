//! Property tests: no input makes a macro panic, and every expansion is either valid Rust or
//! compile errors. The entry points run on `proc_macro2` tokens, outside the compiler.

use proc_macro2::TokenStream;
use proptest::prelude::*;
use quote::quote;

use crate::entry;
use crate::registry::{self, Registry};

/// Names to draw from: registry names in both spellings, former names, near misses, keywords.
const NAMES: &[&str] = &[
    "Ok",
    "OK",
    "NotFound",
    "NOT_FOUND",
    "NotFund",
    "PayloadTooLarge",
    "PAYLOAD_TOO_LARGE",
    "ImATeapot",
    "SwitchProxy",
    "ClientClosedRequest",
    "WebServerIsDown",
    "transparent",
    "Other",
    "code",
    "ALL",
    "Self",
    "r#Ok",
    "r#type",
    "_",
    "x",
    "TooManyRequests",
    "InternalServerError",
    "internal_server_error",
    "Missing",
    "Gone",
];

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::sample::select(NAMES).prop_map(str::to_owned),
        "[A-Za-z_][A-Za-z0-9_]{0,12}",
    ]
}

/// Integer literals in and around the valid range, with and without suffixes and prefixes.
fn code() -> impl Strategy<Value = String> {
    let value = prop_oneof![100u32..=599, 0u32..100, 600u32..70000];
    (
        value,
        proptest::sample::select(&["", "", "", "u16", "xx", "i8", "_", "0"][..]),
    )
        .prop_map(|(value, suffix)| format!("{value}{suffix}"))
}

/// One member of a `status_enum!`, in every form and near-miss form.
fn member() -> impl Strategy<Value = String> {
    prop_oneof![
        name(),
        code(),
        (name(), code()).prop_map(|(n, c)| format!("{n} = {c}")),
        (name(), name()).prop_map(|(n, m)| format!("{n} = {m}")),
        (1u8..=9).prop_map(|d| format!("{d}xx")),
        (
            name(),
            proptest::sample::select(&["u16", "u32", "", "u16, u16"][..])
        )
            .prop_map(|(n, t)| format!("{n}({t})")),
        code().prop_map(|c| format!("-{c}")),
        code().prop_map(|c| format!("\"{c}\"")),
        (name(), member_attribute()).prop_map(|(n, a)| format!("{a} {n}")),
        proptest::sample::select(&["", "=", "404 405", "::", "#", "()", "{}"][..])
            .prop_map(str::to_owned),
    ]
}

fn member_attribute() -> impl Strategy<Value = &'static str> {
    proptest::sample::select(
        &[
            "#[doc = \"x\"]",
            "#[cfg(any())]",
            "#[deprecated]",
            "#[status(404)]",
            "#[serde(rename = \"a\")]",
        ][..],
    )
}

fn tokens(text: &str) -> Option<TokenStream> {
    text.parse().ok()
}

/// Generated output must parse as items: either real code or `compile_error!` invocations.
fn assert_items(output: TokenStream) {
    if let Err(error) = syn::parse2::<syn::File>(output.clone()) {
        panic!("expansion is not valid items: {error}\n{output}");
    }
}

fn has_compile_error(output: &TokenStream) -> bool {
    output.to_string().contains("compile_error")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn status_enum_never_panics(members in proptest::collection::vec(member(), 0..8), attrs in "(#\\[derive\\(Default\\)\\] )?") {
        let text = format!("{attrs} pub enum Fuzzed {{ {} }}", members.join(", "));
        if let Some(input) = tokens(&text) {
            assert_items(entry::status_enum(input));
        }
    }

    #[test]
    fn status_never_panics(input in prop_oneof![member(), code(), name(), "[ -~]{0,12}"]) {
        if let Some(input) = tokens(&input) {
            let output = entry::status(input);
            let parsed = syn::parse2::<syn::Expr>(output.clone());
            prop_assert!(parsed.is_ok(), "not an expression: {}", output);
            prop_assert!(has_compile_error(&output) || output.to_string().starts_with(":: status_core :: StatusCode ::"));
        }
    }

    #[test]
    fn derive_never_panics(
        variants in proptest::collection::vec((name(), prop_oneof![member(), Just("transparent".to_owned()), Just(String::new())], 0u8..3), 0..6),
        default in prop_oneof![Just(String::new()), member().prop_map(|m| format!("#[status({m})]"))],
        kind in proptest::sample::select(&["enum", "struct", "union"][..]),
    ) {
        let body = if kind == "enum" {
            let variants: Vec<String> = variants
                .iter()
                .map(|(variant, status, fields)| {
                    let attr = if status.is_empty() { String::new() } else { format!("#[status({status})]") };
                    let fields = ["", "(u8)", "{ a: u8, b: u8 }"][*fields as usize];
                    format!("{attr} {variant}{fields}")
                })
                .collect();
            format!("{{ {} }}", variants.join(", "))
        } else {
            "{ field: u8 }".to_owned()
        };
        let text = format!("{default} pub {kind} Fuzzed<T> {body}");
        if let Some(input) = tokens(&text) {
            assert_items(entry::derive(input));
        }
    }

    #[test]
    fn random_registries_never_panic(source in "[\\[\\]a-z=\"0-9 \\n_A-Z.#,]{0,200}") {
        check_registry(&source);
    }

    #[test]
    fn mutated_entries_never_panic(
        code in 0i64..100_000,
        name in name(),
        drop_field in 0usize..6,
        extra in prop_oneof![Just(""), Just("colour = 1\n"), Just("aliases = [\"A\", 3]\n"), Just("standing = \"gone\"\n"), Just("origin = 5\n")],
    ) {
        let fields = [
            format!("code = {code}"),
            format!("name = \"{name}\""),
            "reason = \"R\"".to_owned(),
            "description = \"D\"".to_owned(),
            "reference = \"X\"".to_owned(),
        ];
        let kept: Vec<&String> = fields.iter().enumerate().filter(|(i, _)| *i != drop_field).map(|(_, f)| f).collect();
        let source = format!("[[status]]\n{}\n{extra}", kept.iter().map(|f| f.as_str()).collect::<Vec<_>>().join("\n"));
        check_registry(&source);
    }
}

/// A registry either parses or every error has a real position.
fn check_registry(source: &str) {
    let builtin = registry::builtin().unwrap();
    for result in [
        Registry::parse(source, "fuzz.toml"),
        builtin.with_local(source, "fuzz.toml"),
    ] {
        if let Err(errors) = result {
            assert!(!errors.is_empty());
            for error in errors {
                let lines = source.lines().count().max(1);
                assert!(
                    error.line >= 1 && error.line <= lines + 1,
                    "{error} in {source:?}"
                );
                assert!(error.column >= 1, "{error}");
            }
        }
    }
}

#[test]
fn expansion_is_deterministic() {
    let inputs = [
        quote!(pub enum A { Ok, NOT_FOUND, 429, Missing = 410, 5xx, PayloadTooLarge, Other(u16) }),
        quote!(enum B { NotFund, 432, 306, Ok, Ok }),
    ];
    for input in inputs {
        let first = entry::status_enum(input.clone()).to_string();
        let second = entry::status_enum(input).to_string();
        assert_eq!(first, second);
    }
    let derive = quote! {
        #[status(500)]
        enum E<T> { #[status(404)] A, #[status(transparent)] B(T), C { x: u8 } }
    };
    assert_eq!(
        entry::derive(derive.clone()).to_string(),
        entry::derive(derive).to_string()
    );
}

#[test]
fn every_registry_name_expands() {
    let registry = registry::builtin().unwrap();
    for entry in registry.entries().iter().filter(|e| !e.is_unusable()) {
        let name = syn::Ident::new(&entry.name, proc_macro2::Span::call_site());
        let output = entry::status_enum(quote!(enum E { #name }));
        assert!(!has_compile_error(&output), "{}: {output}", entry.name);
        let code = proc_macro2::Literal::u16_unsuffixed(entry.code);
        let output = entry::status(quote!(#code));
        assert_eq!(
            has_compile_error(&output),
            !entry.in_status_code(),
            "{}",
            entry.code
        );
    }
}
