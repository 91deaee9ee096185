//! Unit tests of the checks and expansions: each pins a behaviour down to the message or
//! generated item, so that a change to it fails here rather than only in the integration
//! tests.

use proc_macro2::{TokenStream, TokenTree};
use quote::quote;

use crate::entry;
use crate::registry::{self, Registry};
use crate::valid::{self, CrateContext};

/// Every `compile_error!` message in the expansion, at any depth, in order.
fn messages(output: &TokenStream) -> Vec<String> {
    let mut found = Vec::new();
    collect_messages(output.clone(), &mut found);
    found
}

fn collect_messages(tokens: TokenStream, found: &mut Vec<String>) {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    for (i, token) in tokens.iter().enumerate() {
        match token {
            TokenTree::Ident(ident) if ident == "compile_error" => {
                if let Some(TokenTree::Group(group)) = tokens.get(i + 2) {
                    let lit: syn::LitStr =
                        syn::parse2(group.stream()).expect("compile_error! takes a string");
                    found.push(lit.value());
                }
            }
            TokenTree::Group(group) => collect_messages(group.stream(), found),
            _ => {}
        }
    }
}

/// The expansion must parse as items; returns it parsed.
fn file(output: &TokenStream) -> syn::File {
    syn::parse2(output.clone()).unwrap_or_else(|error| panic!("{error}: {output}"))
}

/// The `HttpStatus` impl of a derive's expansion: the last item of its `const _` block.
fn derived_impl(output: &TokenStream) -> syn::ItemImpl {
    let block = file(output).items.into_iter().find_map(|item| match item {
        syn::Item::Const(item) => match *item.expr {
            syn::Expr::Block(block) => Some(block.block),
            _ => None,
        },
        _ => None,
    });
    let last = block.and_then(|mut block| block.stmts.pop());
    match last {
        Some(syn::Stmt::Item(syn::Item::Impl(imp))) => imp,
        _ => panic!("the impl comes last in a `const _` block: {output}"),
    }
}

/// The messages of an expansion, which must be exactly `expected`.
#[track_caller]
fn assert_messages(output: &TokenStream, expected: &[&str]) {
    assert_eq!(messages(output), expected, "{output}");
}

fn context(name: Option<&str>) -> CrateContext {
    CrateContext {
        name: name.map(str::to_owned),
        runtime: syn::parse_quote!(::status_core),
        other_frameworks: Vec::new(),
    }
}

fn builtin() -> std::sync::Arc<Registry> {
    registry::builtin().unwrap()
}

fn parse_enum(tokens: TokenStream) -> crate::ast::StatusEnum {
    use syn::parse::Parser;
    crate::ast::parse_status_enum.parse2(tokens).unwrap()
}

/// `check_status_enum` on `tokens`, with its error messages.
fn check_enum<R>(
    tokens: TokenStream,
    registry: &Registry,
    crate_name: Option<&str>,
    then: impl FnOnce(&valid::CheckedEnum, Vec<String>) -> R,
) -> R {
    let input = parse_enum(tokens);
    let (checked, errors) = valid::check_status_enum(&input, registry, &context(crate_name));
    let errors = errors
        .map(|error| error.into_iter().map(|e| e.to_string()).collect())
        .unwrap_or_default();
    then(&checked, errors)
}

fn codes(checked: &valid::CheckedEnum) -> Vec<u16> {
    checked.variants.iter().map(|v| v.entry.code).collect()
}

fn names(checked: &valid::CheckedEnum) -> Vec<String> {
    checked
        .variants
        .iter()
        .map(|v| v.ident.to_string())
        .collect()
}

// ---- valid/mod.rs -------------------------------------------------------------------------

fn code_value(lit: &str) -> Result<u16, String> {
    let lit: syn::LitInt = syn::parse_str(lit).unwrap();
    valid::code_value(&lit).map_err(|error| error.to_string())
}

#[test]
fn code_values_are_plain_decimal_codes() {
    assert_eq!(code_value("404"), Ok(404));
    assert_eq!(code_value("100"), Ok(100));
    assert_eq!(code_value("599"), Ok(599));
    assert_eq!(
        code_value("4xx"),
        Err(
            "`4xx` names a whole class of codes; only `status_enum!` accepts it, as a member"
                .into()
        )
    );
    assert_eq!(
        code_value("404u16"),
        Err("a status code takes no suffix: write `404`".into())
    );
    assert_eq!(
        code_value("0x194"),
        Err("write the status code in decimal: `404`".into())
    );
    assert_eq!(
        code_value("0404"),
        Err("write the status code as three digits: `404`".into())
    );
    assert_eq!(
        code_value("4_04"),
        Err("write the status code as three digits: `404`".into())
    );
    // A lone `0` is no code, not a code with a leading zero.
    assert_eq!(
        code_value("0"),
        Err("0 is not an HTTP status code: codes are 100..=599".into())
    );
    assert_eq!(
        code_value("600"),
        Err("600 is not an HTTP status code: codes are 100..=599".into())
    );
    assert_eq!(
        code_value("99"),
        Err("99 is not an HTTP status code: codes are 100..=599".into())
    );
}

#[test]
fn former_names_carry_their_note() {
    check_enum(
        quote!(
            enum E {
                PayloadTooLarge,
                REQUEST_ENTITY_TOO_LARGE,
            }
        ),
        &builtin(),
        None,
        |checked, errors| {
            assert_eq!(
                errors,
                ["413 Content Too Large is listed twice: first as `PayloadTooLarge`"]
            );
            assert_eq!(names(checked), ["ContentTooLarge"; 1]);
            let notes: Vec<(String, &str)> = checked
                .former_names
                .iter()
                .map(|f| (f.alias.to_string(), f.note.as_str()))
                .collect();
            assert_eq!(
                notes,
                [
                    (
                        "PayloadTooLarge".to_owned(),
                        "`PayloadTooLarge` is a former name of 413 Content Too Large: use `ContentTooLarge`"
                    ),
                    (
                        "RequestEntityTooLarge".to_owned(),
                        "`REQUEST_ENTITY_TOO_LARGE` is a former name of 413 Content Too Large: use `ContentTooLarge`"
                    ),
                ]
            );
        },
    );
}

#[test]
fn unknown_names_suggest_what_is_close() {
    let output = entry::status_enum(quote!(
        enum E {
            Ok,
            Zqxwvjk,
            NotFund,
            Teapot,
            TooLarge,
        }
    ));
    let messages = messages(&output);
    assert_eq!(
        messages[0],
        "unknown HTTP status name `Zqxwvjk`; write a registered name like `NotFound` or a code like `404`"
    );
    assert_eq!(
        messages[1],
        "unknown HTTP status name `NotFund`; did you mean `NotFound` (404)?"
    );
    assert_eq!(
        messages[2],
        "unknown HTTP status name `Teapot`; did you mean `ImATeapot` (418)?"
    );
    assert!(
        messages[3].starts_with("unknown HTTP status name `TooLarge`; did you mean one of `"),
        "{messages:?}"
    );
    assert_eq!(messages.len(), 4);
}

#[test]
fn status_accepts_iana_codes_only() {
    let path = |tokens: TokenStream| entry::status(tokens).to_string();
    assert_eq!(
        path(quote!(404)),
        ":: status_core :: StatusCode :: NotFound"
    );
    assert_eq!(
        path(quote!(NOT_FOUND)),
        ":: status_core :: StatusCode :: NotFound"
    );
    // A former name goes through the deprecated constant of that name.
    assert_eq!(
        path(quote!(PayloadTooLarge)),
        ":: status_core :: StatusCode :: PayloadTooLarge"
    );
    assert_messages(
        &entry::status(quote!(499)),
        &[
            "499 Client Closed Request is not an IANA code (it comes from nginx), and \
           `StatusCode` holds IANA codes only; list it in an enum of your own: \
           `status_enum! { pub enum MyStatus { ClientClosedRequest, ... } }`",
        ],
    );
    assert_messages(
        &entry::status(quote!(306)),
        &[
            "306 is reserved and cannot be used: A draft of HTTP/1.1 used it for Switch Proxy; \
           it is no longer used, and kept so that it is never assigned again. \
           (RFC 9110, Section 15.4.7)",
        ],
    );
}

// ---- valid/status_enum.rs -----------------------------------------------------------------

/// A registry with one code of the crate's own.
fn with_local() -> Registry {
    builtin()
        .with_local(
            "[[status]]\ncode = 599\nname = \"OwnError\"\nreason = \"Own Error\"\n\
             description = \"D.\"\nreference = \"R\"\n",
            "codes.toml",
        )
        .unwrap()
}

#[test]
fn status_enum_members_in_code_order() {
    check_enum(
        quote!(enum E { NOT_FOUND, 200, Missing = 410, r#Ok2 = Created }),
        &builtin(),
        None,
        |checked, errors| {
            assert!(errors.is_empty(), "{errors:?}");
            assert_eq!(codes(checked), [200, 201, 404, 410]);
            assert_eq!(names(checked), ["Ok", "r#Ok2", "NotFound", "Missing"]);
            let renamed: Vec<bool> = checked.variants.iter().map(|v| v.renamed).collect();
            assert_eq!(renamed, [false, true, false, true]);
        },
    );
}

#[test]
fn a_class_lists_its_status_code_members() {
    let registry = builtin();
    let expected: Vec<u16> = registry
        .entries()
        .iter()
        .filter(|e| e.code / 100 == 4 && e.in_status_code())
        .map(|e| e.code)
        .collect();
    assert!(expected.contains(&404) && !expected.contains(&499));
    check_enum(
        quote!(enum E { 4xx }),
        &registry,
        None,
        |checked, errors| {
            assert!(errors.is_empty(), "{errors:?}");
            assert_eq!(codes(checked), expected);
            assert!(names(checked).contains(&"NotFound".to_owned()));
        },
    );
    check_enum(
        quote!(enum E { 1xx, 9xx, 6xx, 01xx, 1xx }),
        &registry,
        None,
        |checked, errors| {
            assert_eq!(codes(checked), [100, 101, 102, 103, 104]);
            assert_eq!(
                errors,
                [
                    "`9xx` is not a status class: classes are `1xx` to `5xx`",
                    "`6xx` is not a status class: classes are `1xx` to `5xx`",
                    "`01xx` is not a status class: classes are `1xx` to `5xx`",
                    "`1xx` is listed twice",
                ]
            );
        },
    );
    check_enum(quote!(enum E { 404, 4xx }), &registry, None, |_, errors| {
        assert_eq!(errors, ["404 Not Found is listed twice: first as `404`"],);
    });
}

#[test]
fn variant_names_are_unique_and_not_generated_items() {
    check_enum(
        quote!(
            enum E {
                Missing = 410,
                Missing = 411,
                code = 404,
                ALL(u16),
            }
        ),
        &builtin(),
        None,
        |checked, errors| {
            assert_eq!(codes(checked), [410]);
            assert!(matches!(checked.shape, valid::Shape::Closed));
            assert_eq!(
                errors,
                [
                    "variant `Missing` is defined twice: first by `Missing = 410`",
                    "`code` is the name of a generated item; choose another",
                    "`ALL` is the name of a generated item; choose another",
                ]
            );
        },
    );
}

#[test]
fn the_catch_all_holds_a_u16() {
    let accepted = [
        quote!(u16),
        quote!(core::primitive::u16),
        quote!(::core::primitive::u16),
        quote!(std::primitive::u16),
    ];
    for ty in accepted {
        check_enum(
            quote!(enum E { Ok, Other(#ty) }),
            &builtin(),
            None,
            |checked, errors| {
                assert!(errors.is_empty(), "{ty}: {errors:?}");
                let valid::Shape::CatchAll(catch_all) = &checked.shape else {
                    panic!("{ty}: no catch-all");
                };
                assert_eq!(catch_all.ident, "Other");
            },
        );
    }
    let refused = [
        quote!(u32),
        quote!(alloc::primitive::u16),
        quote!(core::primitive::u32),
        quote!(core::prim::u16),
        quote!(std::u16),
        quote!(<u16 as Id>::u16),
        quote!(&u16),
        quote!(x::core::primitive::u16),
    ];
    for ty in refused {
        check_enum(
            quote!(enum E { Ok, Other(#ty) }),
            &builtin(),
            None,
            |checked, errors| {
                assert!(matches!(checked.shape, valid::Shape::Closed), "{ty}");
                assert_eq!(
                    errors,
                    ["the catch-all holds the code as `u16`: write `Other(u16)`"],
                    "{ty}"
                );
            },
        );
    }
    check_enum(
        quote!(
            enum E {
                Ok,
                Other(u16),
                Else(u16),
                Other(u16),
            }
        ),
        &builtin(),
        None,
        |checked, errors| {
            let valid::Shape::CatchAll(catch_all) = &checked.shape else {
                panic!("the first catch-all is kept");
            };
            assert_eq!(catch_all.ident, "Other");
            assert_eq!(
                errors,
                [
                    "a status enum has at most one catch-all; `Other` is the first",
                    "a status enum has at most one catch-all; `Other` is the first",
                ]
            );
        },
    );
    check_enum(
        quote!(
            enum E {
                r#NotFound(u16),
                NOT_FOUND,
            }
        ),
        &builtin(),
        None,
        |checked, errors| {
            assert!(matches!(checked.shape, valid::Shape::Closed));
            assert_eq!(codes(checked), [404]);
            assert_eq!(
                errors,
                ["the catch-all `r#NotFound` has the name of the variant for 404"]
            );
        },
    );
}

#[test]
fn enum_facts_for_the_expansion() {
    let registry = with_local();
    let facts = |checked: &valid::CheckedEnum| {
        (
            checked.all_in_status_code,
            checked.shared_texts,
            checked.defines_status_code,
        )
    };
    check_enum(quote!(enum E { Ok, 404 }), &registry, None, |checked, _| {
        assert_eq!(facts(checked), (true, true, false));
    });
    check_enum(
        quote!(
            enum E {
                Ok,
                Other(u16),
            }
        ),
        &registry,
        None,
        |checked, _| {
            assert_eq!(facts(checked), (false, true, false));
        },
    );
    check_enum(quote!(enum E { Ok, 499 }), &registry, None, |checked, _| {
        assert_eq!(facts(checked), (false, true, false));
    });
    check_enum(
        quote!(
            enum E {
                Ok,
                OwnError,
            }
        ),
        &registry,
        None,
        |checked, errors| {
            assert!(errors.is_empty(), "{errors:?}");
            assert_eq!(facts(checked), (false, false, false));
        },
    );
    // Only `StatusCode` compiled as status-core defines it.
    for (ident, crate_name, defines) in [
        (quote!(StatusCode), Some("status_core"), true),
        (quote!(StatusCode), Some("my_crate"), false),
        (quote!(StatusCode), None, false),
        (quote!(MyStatus), Some("status_core"), false),
    ] {
        check_enum(
            quote!(pub enum #ident { Ok, 413 }),
            &registry,
            crate_name,
            |checked, _| {
                assert_eq!(
                    checked.defines_status_code, defines,
                    "{ident} {crate_name:?}"
                );
                let aliases: Vec<(String, String, &str)> = checked
                    .alias_consts
                    .iter()
                    .map(|c| (c.alias.to_string(), c.variant.to_string(), c.note.as_str()))
                    .collect();
                if defines {
                    assert_eq!(
                        aliases,
                        [
                            (
                                "PayloadTooLarge".to_owned(),
                                "ContentTooLarge".to_owned(),
                                "`PayloadTooLarge` is a former name of 413 Content Too Large: use `ContentTooLarge`"
                            ),
                            (
                                "RequestEntityTooLarge".to_owned(),
                                "ContentTooLarge".to_owned(),
                                "`RequestEntityTooLarge` is a former name of 413 Content Too Large: use `ContentTooLarge`"
                            ),
                        ]
                    );
                } else {
                    assert!(aliases.is_empty());
                }
            },
        );
    }
}

#[test]
fn cfg_on_a_member_is_refused() {
    check_enum(
        quote!(
            enum E {
                Ok,
                #[cfg(test)]
                NotFound,
                #[doc = "x"]
                Gone,
            }
        ),
        &builtin(),
        None,
        |checked, errors| {
            assert_eq!(codes(checked), [200, 410]);
            assert_eq!(checked.variants[1].attrs.len(), 1);
            assert_eq!(
                errors,
                [
                    "`#[cfg]` on a member is not supported: the generated tables list every \
                  member; put `#[cfg]` on whole `status_enum!` invocations instead"
                ]
            );
        },
    );
}

// ---- valid/derive.rs ----------------------------------------------------------------------

/// `check_derive` on `tokens`: each arm as `variant: code` (or `variant: transparent field`),
/// and the error messages.
fn check_derive(tokens: TokenStream) -> (Vec<String>, Vec<String>) {
    let input: syn::DeriveInput = syn::parse2(tokens).unwrap();
    let parsed = crate::ast::DeriveInput::from_syn(&input);
    let mut errors = crate::errors::Errors::new();
    let registry = builtin();
    let checked = valid::check_derive(&parsed, &registry, &context(None), &mut errors);
    let arms = checked
        .arms
        .iter()
        .map(|arm| {
            let variant = arm
                .variant
                .as_ref()
                .map_or_else(|| "Self".to_owned(), ToString::to_string);
            match &arm.mapping {
                valid::Mapping::Fixed(entry) => format!("{variant}: {}", entry.code),
                valid::Mapping::Transparent { member, .. } => {
                    format!("{variant}: transparent {}", quote!(#member))
                }
            }
        })
        .collect();
    let errors = errors
        .into_error()
        .map(|error| error.into_iter().map(|e| e.to_string()).collect())
        .unwrap_or_default();
    (arms, errors)
}

#[test]
fn derive_arms_for_a_struct() {
    assert_eq!(
        check_derive(quote!(
            #[status(404)]
            struct S;
        )),
        (vec!["Self: 404".to_owned()], vec![])
    );
    assert_eq!(
        check_derive(quote!(
            #[status(transparent)]
            struct S {
                inner: Inner,
            }
        )),
        (vec!["Self: transparent inner".to_owned()], vec![])
    );
    assert_eq!(
        check_derive(quote!(
            #[status(transparent)]
            struct S(u8, u8);
        )),
        (
            vec![],
            vec![
                "`#[status(transparent)]` delegates to exactly one field, and `S` has 2; to take the status from one of several, write `#[status(transparent)]` on that field".to_owned()
            ]
        )
    );
    assert_eq!(
        check_derive(quote!(
            #[status(transparent)]
            struct S;
        )),
        (
            vec![],
            vec![
                "`#[status(transparent)]` delegates to exactly one field, and `S` has none"
                    .to_owned()
            ]
        )
    );
    assert_eq!(
        check_derive(quote!(
            struct S;
        )),
        (
            vec![],
            vec![
                "`S` needs its status: add `#[status(404)]` (a code or a name), or \
                  `#[status(transparent)]` to take it from a field"
                    .to_owned()
            ]
        )
    );
    // A status on a field is reported as such, without a second error for the struct.
    assert_eq!(
        check_derive(quote!(
            struct S {
                #[status(404)]
                inner: u8,
            }
        )),
        (
            vec![],
            vec![
                "a status goes on the struct, not on a field; to take the status from this \
                  field, write `#[status(transparent)]` on it"
                    .to_owned()
            ]
        )
    );
    assert_eq!(
        check_derive(quote!(union U { a: u8 })),
        (
            vec![],
            vec!["`HttpStatus` cannot be derived for a union; use an enum or a struct".to_owned()]
        )
    );
}

#[test]
fn derive_arms_for_an_enum() {
    assert_eq!(
        check_derive(quote! {
            #[status(500)]
            enum E { #[status(404)] A, B, #[status(transparent)] C(Inner), #[status(PayloadTooLarge)] D }
        }),
        (
            vec![
                "A: 404".to_owned(),
                "B: 500".to_owned(),
                "C: transparent 0".to_owned(),
                "D: 413".to_owned(),
            ],
            vec![]
        )
    );
    assert_eq!(
        check_derive(quote! {
            enum E { #[status(404)] A, B, #[status(NotFund)] C }
        }),
        (
            vec!["A: 404".to_owned()],
            vec![
                "variant `B` has no status: add `#[status(...)]` to it, or a default for the \
                 enum with `#[status(500)]` on `E`"
                    .to_owned(),
                "unknown HTTP status name `NotFund`; did you mean `NotFound` (404)?".to_owned(),
            ]
        )
    );
    // A broken default is reported once, not again for each variant without a status.
    assert_eq!(
        check_derive(quote! {
            #[status(NotFund)]
            enum E { #[status(404)] A, B }
        }),
        (
            vec!["A: 404".to_owned()],
            vec!["unknown HTTP status name `NotFund`; did you mean `NotFound` (404)?".to_owned()]
        )
    );
    assert_eq!(
        check_derive(quote! {
            #[status(transparent)]
            enum E { #[status(404)] A, B }
        }),
        (
            vec!["A: 404".to_owned()],
            vec![
                "`#[status(transparent)]` goes on a variant or a field; on the enum, give \
                  a default status such as `#[status(500)]`"
                    .to_owned()
            ]
        )
    );
    assert_eq!(
        check_derive(quote! {
            enum E { A { #[status(404)] field: u8 } }
        }),
        (
            vec![],
            vec![
                "a status goes on the variant, not on a field; to take the status from this \
                  field, write `#[status(transparent)]` on it"
                    .to_owned()
            ]
        )
    );
}

#[test]
fn a_response_type_answers_with_final_statuses() {
    let informational = "103 Early Hints is informational (1xx): an interim response, never a \
                         final one (RFC 9110, Section 15.2), so `#[status(response)]` cannot \
                         answer with it; give a final status (200..=599)";
    assert_eq!(
        check_derive(quote!(
            #[status(response)]
            #[status(103)]
            struct S;
        )),
        (vec![], vec![informational.to_owned()])
    );
    assert_eq!(
        check_derive(quote!(
            #[status(response)]
            enum E {
                #[status(EarlyHints)]
                A,
                #[status(404)]
                B,
            }
        )),
        (vec!["B: 404".to_owned()], vec![informational.to_owned()])
    );
    assert_eq!(
        check_derive(quote!(
            #[status(response, 404)]
            struct S;
        )),
        (vec!["Self: 404".to_owned()], vec![])
    );
    // Without `response`, an informational status is fine.
    assert_eq!(
        check_derive(quote!(
            #[status(103)]
            struct S;
        )),
        (vec!["Self: 103".to_owned()], vec![])
    );
}

// ---- attr.rs ------------------------------------------------------------------------------

/// `item_attrs` on the attributes of `item` (a struct): what it found, and the messages.
fn item_attrs(
    item: TokenStream,
    place: crate::attr::Place,
) -> (crate::attr::ItemAttrs, Vec<String>) {
    let item: syn::ItemStruct = syn::parse2(item).unwrap();
    let mut errors = crate::errors::Errors::new();
    let attrs = crate::attr::item_attrs(&item.attrs, place, &mut errors);
    let errors = errors
        .into_error()
        .map(|error| error.into_iter().map(|e| e.to_string()).collect())
        .unwrap_or_default();
    (attrs, errors)
}

/// What a `Found` says, in words.
fn found(found: &crate::attr::Found) -> String {
    use crate::attr::{Found, StatusAttr};
    match found {
        Found::Nothing => "nothing".to_owned(),
        Found::Broken => "broken".to_owned(),
        Found::Status(StatusAttr::Status(status)) => status.text(),
        Found::Status(StatusAttr::Transparent(word)) => format!("transparent {word}"),
    }
}

#[test]
fn type_attributes_give_a_status_and_options() {
    use crate::attr::Place;
    let (attrs, errors) = item_attrs(
        quote!(
            #[derive(Debug)]
            #[status(404, response)]
            #[status(detail, crate = "my::core")]
            struct S;
        ),
        Place::Type,
    );
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(found(&attrs.status), "404");
    assert!(attrs.response.is_some());
    assert!(attrs.parts.detail.is_some());
    let krate = attrs.krate.unwrap();
    assert_eq!(quote!(#krate).to_string(), "my :: core");

    let (attrs, errors) = item_attrs(
        quote!(
            #[status(response)]
            struct S;
        ),
        Place::Type,
    );
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(found(&attrs.status), "nothing");
    assert!(attrs.response.is_some());
    assert!(attrs.parts.detail.is_none());
    assert!(attrs.krate.is_none());

    let (attrs, errors) = item_attrs(
        quote!(
            #[status(transparent)]
            struct S;
        ),
        Place::Type,
    );
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(found(&attrs.status), "transparent transparent");
    assert!(attrs.response.is_none());

    let (attrs, errors) = item_attrs(
        quote!(
            #[other(404)]
            struct S;
        ),
        Place::Type,
    );
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(found(&attrs.status), "nothing");
}

#[test]
fn type_attribute_mistakes() {
    use crate::attr::Place;
    let cases: [(TokenStream, &str, &[&str]); 12] = [
        (
            quote!(
                #[status(404)]
                #[status(NotFound)]
                struct S;
            ),
            "404",
            &[
                "the status is given twice; keep one",
                "the first status is here",
            ],
        ),
        (
            quote!(
                #[status(404, response, response)]
                struct S;
            ),
            "404",
            &["`response` is given twice"],
        ),
        (
            quote!(
                #[status(404, response, detail, detail)]
                struct S;
            ),
            "404",
            &["`detail` is given twice"],
        ),
        (
            quote!(
                #[status(404, detail)]
                struct S;
            ),
            "404",
            &["`detail` applies to error responses: add `response` to the type's `#[status(...)]`"],
        ),
        (
            quote!(
                #[status(crate = "a", crate = "b")]
                struct S;
            ),
            "nothing",
            &["`crate` is given twice"],
        ),
        (
            quote!(
                #[status(crate = "not a path")]
                struct S;
            ),
            "broken",
            &[
                "`not a path` is not a path; write the name status-core has in this crate, such as `crate = \"status\"`",
            ],
        ),
        (
            quote!(
                #[status]
                struct S;
            ),
            "broken",
            &[
                "write the status in the attribute: `#[status(404)]`, `#[status(NotFound)]` or `#[status(transparent)]`",
            ],
        ),
        (
            quote!(
                #[status()]
                struct S;
            ),
            "broken",
            &[
                "write the status in the attribute: `#[status(404)]`, `#[status(NotFound)]` or `#[status(transparent)]`",
            ],
        ),
        (
            quote!(
                #[status = 404]
                struct S;
            ),
            "broken",
            &[
                "write the status in the attribute: `#[status(404)]`, `#[status(NotFound)]` or `#[status(transparent)]`",
            ],
        ),
        (
            quote!(
                #[status(404 405)]
                struct S;
            ),
            "broken",
            &[
                "`#[status(...)]` takes one status (a code, a name, or `transparent`) and options such as `response` or `header(...)`, separated by commas",
            ],
        ),
        (
            quote!(
                #[status(code = 404)]
                struct S;
            ),
            "broken",
            &[
                "unknown word `code` on the type; the type's `#[status(...)]` takes a status (`404` or `NotFound`), `transparent`, `response`, `response(parts)`, `openapi`, `detail`, `header(\"Name\" = \"value\")`, `type = \"...\"`, `title = \"...\"` or `crate = \"...\"`",
            ],
        ),
        (
            quote!(
                #[status(reason("x"))]
                struct S;
            ),
            "broken",
            &[
                "unknown word `reason` on the type; the type's `#[status(...)]` takes a status (`404` or `NotFound`), `transparent`, `response`, `response(parts)`, `openapi`, `detail`, `header(\"Name\" = \"value\")`, `type = \"...\"`, `title = \"...\"` or `crate = \"...\"`",
            ],
        ),
    ];
    for (item, status, expected) in cases {
        let (attrs, errors) = item_attrs(item.clone(), Place::Type);
        assert_eq!(errors, expected, "{item}");
        assert_eq!(found(&attrs.status), status, "{item}");
    }
    // A broken attribute after a status keeps the status.
    let (attrs, errors) = item_attrs(
        quote!(
            #[status(404)]
            #[status]
            struct S;
        ),
        Place::Type,
    );
    assert_eq!(errors.len(), 1);
    assert_eq!(found(&attrs.status), "404");
}

#[test]
fn variant_attributes_take_a_status_only() {
    use crate::attr::Place;
    let (attrs, errors) = item_attrs(
        quote!(
            #[status(404, response, member, crate = "x", header = "X-A", detail)]
            struct S;
        ),
        Place::Variant,
    );
    assert_eq!(found(&attrs.status), "404");
    assert!(attrs.response.is_none() && attrs.krate.is_none());
    assert!(attrs.parts.detail.is_some());
    assert_eq!(
        errors,
        [
            "`response` goes on the type, not on a variant",
            "`member` goes on a field, not on a variant",
            "`crate` goes on the type, not on a variant",
            "`header = \"...\"` goes on a field, not on a variant",
        ]
    );
    let (attrs, errors) = item_attrs(
        quote!(
            #[status(transparent)]
            struct S;
        ),
        Place::Variant,
    );
    assert!(errors.is_empty());
    assert_eq!(found(&attrs.status), "transparent transparent");
}

/// The options of a `status_enum!` with the attributes `attrs`, and the messages.
fn enum_options(attrs: TokenStream) -> (Vec<String>, Vec<String>, Vec<String>) {
    let input = parse_enum(quote!(#attrs enum E { Ok }));
    let word = |word: &Option<crate::attr::OptInWord>| match word {
        None => "-".to_owned(),
        Some(word) => match &word.cfg {
            None => word.word.to_string(),
            Some(cfg) => format!("{} if {}", word.word, quote!(#cfg)),
        },
    };
    let options = &input.options;
    let mut found = vec![
        word(&options.http),
        word(&options.serde),
        word(&options.openapi),
    ];
    if let Some(krate) = &options.krate {
        found.push(format!("crate {}", quote!(#krate)));
    }
    let kept = input
        .attrs
        .iter()
        .map(|attr| quote!(#attr).to_string())
        .collect();
    let errors = input
        .option_errors
        .map(|error| error.into_iter().map(|e| e.to_string()).collect())
        .unwrap_or_default();
    (found, kept, errors)
}

#[test]
fn status_enum_options() {
    let (found, kept, errors) = enum_options(quote! {
        #[derive(Default)]
        #[status(http, crate = "sc")]
        #[cfg_attr(feature = "x", status(serde, openapi,))]
        #[cfg_attr(test, derive(Hash))]
        #[cfg_attr(test, status(bogus), derive(Hash))]
    });
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        found,
        [
            "http",
            "serde if feature = \"x\"",
            "openapi if feature = \"x\"",
            "crate sc"
        ]
    );
    // What is not a `#[status]` (or only one under `cfg_attr`) passes through.
    assert_eq!(
        kept,
        [
            "# [derive (Default)]",
            "# [cfg_attr (test , derive (Hash))]",
            "# [cfg_attr (test , status (bogus) , derive (Hash))]"
        ]
    );
    let cases: [(TokenStream, &str); 7] = [
        (
            quote!(#[status(json = 1)]),
            "unknown word `json` in `#[status(...)]` of a status enum; expected `http`, `serde`, `openapi` or `crate = \"...\"`",
        ),
        (
            quote!(#[status]),
            "write what the enum opts in to: `#[status(http, serde)]`",
        ),
        (
            quote!(#[status()]),
            "write what the enum opts in to: `#[status(http, serde)]`",
        ),
        (
            quote!(#[status(http, json)]),
            "unknown word `json` in `#[status(...)]` of a status enum; expected `http`, `serde`, `openapi` or `crate = \"...\"`",
        ),
        (
            quote!(#[status(serde)] #[status(serde)]),
            "`serde` is given twice",
        ),
        (
            quote!(#[status(crate = "a")] #[status(crate = "b")]),
            "`crate` is given once, outside `cfg_attr`",
        ),
        (
            quote!(#[cfg_attr(test, status(crate = "a"))]),
            "`crate` is given once, outside `cfg_attr`",
        ),
    ];
    for (attrs, expected) in cases {
        let (_, _, errors) = enum_options(attrs.clone());
        assert_eq!(errors, [expected], "{attrs}");
    }
    let (found, _, errors) = enum_options(quote!(#[status(openapi)] #[status(http)]));
    assert!(errors.is_empty());
    assert_eq!(found, ["http", "-", "openapi"]);
}

// ---- ast.rs -------------------------------------------------------------------------------

/// A `-` as the compiler passes it before a literal: a punctuation token of its own. syn
/// reads it with the literal as one negative `LitInt`, which `code_value` refuses.
fn minus() -> proc_macro2::Punct {
    proc_macro2::Punct::new('-', proc_macro2::Spacing::Alone)
}

#[test]
fn status_takes_one_status() {
    let minus = minus();
    let cases: [(TokenStream, &str); 9] = [
        (
            quote!(),
            "`status!` needs a status code or name, such as `status!(404)` or `status!(NotFound)`",
        ),
        (
            quote!(StatusCode::NotFound),
            "`status!` takes the name alone: `status!(NotFound)`",
        ),
        (
            quote!(404, 405),
            "`status!` takes a single status code or name",
        ),
        (
            quote!(404 405),
            "`status!` takes a single status code or name",
        ),
        (
            quote!(#minus 404),
            "-404 is not an HTTP status code: codes are 100..=599",
        ),
        (
            quote!("404"),
            "expected a status code or name, found a string literal; write `404` without quotes",
        ),
        (
            quote!(4.04),
            "expected an integer status code like `404`, found a float",
        ),
        (
            quote!('x'),
            "expected a status code like `404` or a name like `NotFound`",
        ),
        (
            quote!(+404),
            "expected a status code like `404` or a name like `NotFound`",
        ),
    ];
    for (input, expected) in cases {
        assert_messages(&entry::status(input), &[expected]);
    }
    assert_eq!(
        entry::status(quote!(404,)).to_string(),
        ":: status_core :: StatusCode :: NotFound"
    );
    assert_eq!(
        entry::status(quote!(r#Ok)).to_string(),
        ":: status_core :: StatusCode :: Ok"
    );
}

#[test]
fn status_enum_syntax() {
    let minus = minus();
    let cases: [(TokenStream, &[&str]); 7] = [
        (
            quote!(
                enum E {
                    Ok,
                },
                x
            ),
            &["unexpected tokens after the enum"],
        ),
        (
            quote!(
                enum E<T> {
                    Ok,
                }
            ),
            &["a status enum cannot be generic"],
        ),
        (
            quote!(
                enum E {}
            ),
            &["`E` lists no statuses; a status enum needs at least one, such as `Ok` or `404`"],
        ),
        (quote!(enum E { , Ok, }), &["expected a status before `,`"]),
        (
            quote!(enum E { Ok 404, Gone = 410 411 }),
            &[
                "expected `,` after the status, found `404`",
                "expected `,` after the status, found `411`",
            ],
        ),
        (
            quote!(enum E { Ok, Missing = "410", #minus 404 }),
            &[
                "expected a status code or name, found a string literal; write `410` without quotes",
                "-404 is not an HTTP status code: codes are 100..=599",
            ],
        ),
        (
            quote!(enum E { Ok, 4xx = 1, Other(u16) u16 }),
            &[
                "expected `,` after the status, found `= 1`",
                "expected `,` after the status, found `u16`",
            ],
        ),
    ];
    for (input, expected) in cases {
        let output = entry::status_enum(input.clone());
        assert_messages(&output, expected);
        file(&output);
    }
    // Members that parse are kept beside the ones that do not.
    check_enum(
        quote!(enum E { Ok, Gone = 410 411, Missing = NOT_FOUND, Other(u16), 5xx }),
        &builtin(),
        None,
        |checked, errors| {
            assert_eq!(errors, ["expected `,` after the status, found `411`"]);
            assert_eq!(&names(checked)[..2], ["Ok", "Missing"]);
            assert_eq!(checked.variants[1].entry.code, 404);
            assert!(codes(checked)[2..].iter().all(|code| code / 100 == 5));
            assert!(matches!(checked.shape, valid::Shape::CatchAll(_)));
        },
    );
}

// ---- errors.rs ----------------------------------------------------------------------------

#[test]
fn option_mistakes_are_reported_with_the_members() {
    let output = entry::status_enum(quote!(
        #[status(json)]
        enum E {
            Ok,
            NotFund,
        }
    ));
    assert_messages(
        &output,
        &[
            "unknown word `json` in `#[status(...)]` of a status enum; expected `http`, `serde`, `openapi` or `crate = \"...\"`",
            "unknown HTTP status name `NotFund`; did you mean `NotFound` (404)?",
        ],
    );
    // The enum is still emitted, with the members that passed.
    assert!(expansion(&output).variants.contains(&"Ok = 200".to_owned()));
}

// ---- expand/* -----------------------------------------------------------------------------

/// What an expansion defines, in words: each item of the top level and of its anonymous
/// `const` blocks.
#[derive(Default, Debug)]
struct Expansion {
    /// The emitted enum's (or struct's) variants, as `Name = code` or `Name(type)`.
    variants: Vec<String>,
    /// The enum's derives and other attributes, as written.
    enum_attrs: Vec<String>,
    /// `const NAME: type = value`, by name; anonymous ones as `_: type`.
    consts: Vec<(String, String)>,
    /// Free functions and inherent methods and constants, by name, with their bodies.
    fns: std::collections::BTreeMap<String, String>,
    /// `Trait for Type`, or `Type` for an inherent impl.
    impls: Vec<String>,
    /// The bodies of trait methods, as `Trait::method` for the trait's last segment (of the
    /// first impl of a trait of that name).
    trait_fns: std::collections::BTreeMap<String, String>,
    /// `path ! { tokens }` of macro calls.
    macros: Vec<String>,
}

fn expansion(output: &TokenStream) -> Expansion {
    let mut expansion = Expansion::default();
    for item in file(output).items {
        expansion.add(item);
    }
    expansion
}

impl Expansion {
    fn add(&mut self, item: syn::Item) {
        use quote::ToTokens;
        let text = |tokens: &dyn ToTokens| tokens.to_token_stream().to_string();
        match item {
            syn::Item::Enum(item) => {
                for variant in &item.variants {
                    let ident = &variant.ident;
                    let text = match (&variant.discriminant, &variant.fields) {
                        (Some((_, code)), _) => format!("{ident} = {}", text(code)),
                        (None, syn::Fields::Unit) => ident.to_string(),
                        (None, fields) => format!("{ident}{}", text(fields)),
                    };
                    self.variants.push(text);
                }
                self.enum_attrs
                    .extend(item.attrs.iter().map(|attr| text(attr)));
            }
            syn::Item::Const(item) => {
                if let syn::Expr::Block(block) = &*item.expr {
                    for stmt in block.block.stmts.clone() {
                        match stmt {
                            syn::Stmt::Item(item) => self.add(item),
                            syn::Stmt::Macro(mac) => self.macros.push(text(&mac.mac)),
                            syn::Stmt::Expr(expr, _) => {
                                self.consts.push(("_".to_owned(), text(&expr)));
                            }
                            syn::Stmt::Local(_) => {}
                        }
                    }
                } else {
                    self.consts.push((
                        format!("{}: {}", item.ident, text(&item.ty)),
                        text(&item.expr),
                    ));
                }
            }
            syn::Item::Fn(item) => {
                self.fns
                    .insert(item.sig.ident.to_string(), text(&item.block));
            }
            syn::Item::Impl(item) => {
                let self_ty = text(&item.self_ty);
                let trait_name = item.trait_.as_ref().map(|(path, _)| {
                    let last = path.segments.last().unwrap().ident.to_string();
                    (format!("{} for {self_ty}", text(path)), last)
                });
                match &trait_name {
                    Some((name, _)) => self.impls.push(name.clone()),
                    None => self.impls.push(self_ty.clone()),
                }
                for impl_item in &item.items {
                    match (impl_item, &trait_name) {
                        (syn::ImplItem::Fn(f), Some((_, last))) => {
                            self.trait_fns
                                .entry(format!("{last}::{}", f.sig.ident))
                                .or_insert_with(|| text(&f.block));
                        }
                        (syn::ImplItem::Fn(f), None) => {
                            self.fns.insert(f.sig.ident.to_string(), text(&f.block));
                        }
                        (syn::ImplItem::Const(c), None) => {
                            self.fns.insert(c.ident.to_string(), text(&c.expr));
                        }
                        _ => {}
                    }
                }
            }
            syn::Item::Macro(item) => self.macros.push(text(&item.mac)),
            _ => {}
        }
    }

    fn has_const(&self, name: &str) -> bool {
        self.consts
            .iter()
            .any(|(n, _)| n.split(':').next() == Some(name))
    }

    fn const_value(&self, name: &str) -> &str {
        self.consts
            .iter()
            .find(|(n, _)| n.split(':').next() == Some(name))
            .map(|(_, value)| value.as_str())
            .unwrap_or_else(|| panic!("no const {name}: {:?}", self.consts))
    }
}

const CLOSED_IMPLS: [&str; 7] = [
    "E",
    "__private :: HttpStatus for E",
    "fmt :: Display for E",
    ":: core :: str :: FromStr for E",
    ":: core :: convert :: From < E > for u16",
    ":: core :: convert :: TryFrom < u16 > for E",
    ":: core :: convert :: TryFrom < __private :: StatusCode > for E",
];

#[test]
fn a_closed_enum_expands_to_its_items() {
    let output = entry::status_enum(quote!(
        #[derive(Default)]
        pub enum E {
            NOT_FOUND,
            #[default]
            Ok,
        }
    ));
    assert_messages(&output, &[]);
    let e = expansion(&output);
    assert_eq!(e.variants, ["Ok = 200", "NotFound = 404"]);
    assert!(
        e.enum_attrs.contains(&"# [repr (u16)]".to_owned()),
        "{:?}",
        e.enum_attrs
    );
    assert!(
        e.enum_attrs
            .iter()
            .any(|a| a.contains(":: core :: cmp :: Ord"))
    );
    assert_eq!(e.const_value("ALL"), "[E :: Ok , E :: NotFound]");
    assert_eq!(e.const_value("CODES"), "[200 , 404]");
    // The lookup table's span comes from `CODES`; no `MIN` or `SPAN` of its own.
    assert!(e.has_const("LOOKUP") && !e.has_const("MIN") && !e.has_const("SPAN"));
    // Built-in members read the shared tables: no tables or `position` of their own.
    assert!(!e.has_const("INDEX") && !e.has_const("REASONS") && !e.has_const("LINES"));
    assert!(!e.fns.contains_key("position"));
    assert_eq!(
        e.fns["reason"],
        "{ __private :: REASONS [self . code () as usize - 100] }"
    );
    assert_eq!(
        e.fns["description"],
        "{ __private :: DESCRIPTIONS [self . code () as usize - 100] }"
    );
    assert_eq!(
        e.fns["reference"],
        "{ __private :: REFERENCES [self . code () as usize - 100] }"
    );
    assert_eq!(e.fns["code"], "{ self as u16 }");
    assert_eq!(
        e.fns["from_code"],
        "{ __private :: lookup (& LOOKUP , & CODES , __code) }"
    );
    assert_eq!(e.fns["is_success"], "{ digit (self) == 2 }");
    assert_eq!(e.fns["is_server_error"], "{ digit (self) == 5 }");
    assert_eq!(e.fns["is_error"], "{ digit (self) >= 4 }");
    assert!(e.fns.contains_key("digit"));
    let mut impls = CLOSED_IMPLS.to_vec();
    impls.push(":: core :: convert :: From < E > for __private :: StatusCode");
    assert_eq!(e.impls, impls);
    assert_eq!(e.trait_fns["HttpStatus::code"], "{ E :: code (* self) }");
    // Built-in members: `HttpStatus`'s provided `reason()` reads the same shared table.
    assert!(!e.trait_fns.contains_key("HttpStatus::reason"));
    assert_eq!(
        e.trait_fns["Display::fmt"],
        "{ __f . pad (__private :: LINES [(* self) . code () as usize - 100]) }"
    );
    assert_eq!(
        e.trait_fns["FromStr::from_str"],
        "{ __private :: parse_status (__text , Self :: from_code , & \"E\") }"
    );
    assert_eq!(e.trait_fns["From::from"], "{ __status . code () }");
    // No former names, no opt-ins: no warnings and no feature macros.
    assert!(e.macros.is_empty(), "{:?}", e.macros);
    assert_eq!(e.consts.iter().filter(|(n, _)| n == "_").count(), 0);
}

#[test]
fn an_enum_beyond_status_code_converts_fallibly() {
    let e = expansion(&entry::status_enum(quote!(enum E { Ok, 499 })));
    let mut impls = CLOSED_IMPLS.to_vec();
    impls.push(":: core :: convert :: TryFrom < E > for __private :: StatusCode");
    assert_eq!(e.impls, impls);
}

#[test]
fn a_catch_all_enum_expands_to_its_items() {
    let output = entry::status_enum(quote!(
        enum E {
            Ok,
            NotFound,
            #[doc = "x"]
            Other(u16),
        }
    ));
    assert_messages(&output, &[]);
    let e = expansion(&output);
    assert_eq!(e.variants, ["Ok", "NotFound", "Other(u16)"]);
    assert!(!e.enum_attrs.contains(&"# [repr (u16)]".to_owned()));
    assert!(!e.enum_attrs.iter().any(|a| a.contains("Ord")));
    assert!(e.has_const("INDEX") && !e.has_const("LOOKUP"));
    assert!(!e.has_const("REASONS"));
    assert!(
        e.fns["position"].contains("E :: Other (_) => 2usize"),
        "{}",
        e.fns["position"]
    );
    assert!(e.fns["code"].contains("Self :: Other (__code) => __code"));
    // A catch-all value with a member's code is looked up in the member index first.
    assert_eq!(
        e.fns["canonical"],
        "{ match __status { E :: Other (__code) => match __private :: position (& INDEX , MIN , \
         __code) { __private :: Option :: Some (position) => ALL [position] , __private :: \
         Option :: None => __status , } , # [allow (unreachable_patterns)] _ => __status , } }"
    );
    for method in ["reason", "description", "reference"] {
        assert!(
            e.fns[method].starts_with("{ match canonical (self) {"),
            "{method}: {}",
            e.fns[method]
        );
    }
    assert!(e.fns["reason"].contains("Self :: Other (__code) => __private :: reason_of (__code)"));
    assert!(e.fns["reason"].contains("__private :: REASONS [__member . code () as usize - 100]"));
    assert!(e.fns["description"].contains("__private :: description_of (__code)"));
    assert!(e.fns["reference"].contains("__private :: reference_of (__code)"));
    assert!(e.fns["from_code"].contains("__private :: Option :: None => Self :: Other (__code)"));
    assert_eq!(
        e.impls,
        [
            ":: core :: cmp :: PartialEq for E",
            ":: core :: cmp :: Eq for E",
            ":: core :: hash :: Hash for E",
            ":: core :: cmp :: PartialOrd for E",
            ":: core :: cmp :: Ord for E",
            "E",
            "__private :: HttpStatus for E",
            "fmt :: Display for E",
            ":: core :: str :: FromStr for E",
            ":: core :: convert :: From < E > for u16",
            ":: core :: convert :: From < u16 > for E",
            ":: core :: convert :: From < __private :: StatusCode > for E",
            ":: core :: convert :: TryFrom < E > for __private :: StatusCode",
        ]
    );
    assert_eq!(
        e.trait_fns["PartialEq::eq"],
        "{ self . code () == __other . code () }"
    );
    assert!(
        e.trait_fns["Display::fmt"].contains(
            "__private :: fmt_status_line (__f , __code , __private :: reason_of (__code))"
        )
    );
    assert!(
        e.trait_fns["Display::fmt"].starts_with("{ match canonical (* self) {"),
        "{}",
        e.trait_fns["Display::fmt"]
    );
}

#[test]
fn own_codes_have_their_own_tables() {
    let registry = with_local();
    for (input, closed) in [
        (
            quote!(
                enum E {
                    Ok,
                    OwnError,
                }
            ),
            true,
        ),
        (
            quote!(
                enum E {
                    Ok,
                    OwnError,
                    Other(u16),
                }
            ),
            false,
        ),
    ] {
        let input = parse_enum(input);
        let (checked, errors) = valid::check_status_enum(&input, &registry, &context(None));
        assert!(errors.is_none());
        let e = expansion(&crate::expand::status_enum(&checked));
        assert_eq!(e.const_value("REASONS"), "[\"OK\" , \"Own Error\"]");
        assert_eq!(e.const_value("LINES"), "[\"200 OK\" , \"599 Own Error\"]");
        assert!(e.const_value("DESCRIPTIONS").ends_with("\"D.\"]"));
        assert!(e.const_value("REFERENCES").ends_with("\"R\"]"));
        assert!(e.fns.contains_key("position"));
        if closed {
            assert!(e.has_const("INDEX") && e.has_const("LOOKUP"));
            assert_eq!(e.fns["reason"], "{ REASONS [position (self)] }");
            assert_eq!(e.fns["description"], "{ DESCRIPTIONS [position (self)] }");
            assert_eq!(e.fns["reference"], "{ REFERENCES [position (self)] }");
            assert_eq!(
                e.trait_fns["Display::fmt"],
                "{ __f . pad (LINES [position ((* self))]) }"
            );
        } else {
            assert!(e.fns["reason"].contains("__member => REASONS [position (__member)]"));
            for method in [
                "is_cacheable_by_default",
                "allows_content",
                "required_headers",
                "recommended_headers",
            ] {
                assert!(
                    e.fns[method].starts_with("{ match canonical (self) {"),
                    "{method}: {}",
                    e.fns[method]
                );
            }
        }
    }
}

#[test]
fn an_enum_whose_members_all_failed_is_empty() {
    let output = entry::status_enum(quote!(
        #[derive(Hash)]
        pub enum E {
            NotFund,
        }
    ));
    let e = expansion(&output);
    assert!(e.variants.is_empty());
    assert_eq!(e.enum_attrs, ["# [derive (Hash)]"]);
    assert!(e.impls.is_empty() && e.consts.is_empty());
    // A catch-all alone is still an enum with its items.
    let e = expansion(&entry::status_enum(quote!(
        enum E {
            NotFund,
            Other(u16),
        }
    )));
    assert_eq!(e.variants, ["Other(u16)"]);
    assert!(e.impls.contains(&"E".to_owned()));
}

#[test]
fn former_names_warn_at_their_use() {
    let e = expansion(&entry::status_enum(quote!(
        enum E {
            PayloadTooLarge,
        }
    )));
    assert_eq!(e.variants, ["ContentTooLarge = 413"]);
    assert_eq!(
        e.consts[0],
        (
            "_: :: status_core :: StatusCode".to_owned(),
            ":: status_core :: StatusCode :: PayloadTooLarge".to_owned()
        )
    );
    // A former name of a code `StatusCode` lacks: a deprecated constant of its own.
    let registry = builtin()
        .with_local(
            "[[status]]\ncode = 599\nname = \"OwnError\"\nreason = \"Own Error\"\n\
             description = \"D.\"\nreference = \"R\"\naliases = [\"OldError\"]\n",
            "codes.toml",
        )
        .unwrap();
    let input = parse_enum(quote!(
        enum E {
            OldError,
        }
    ));
    let (checked, errors) = valid::check_status_enum(&input, &registry, &context(None));
    assert!(errors.is_none());
    let output = crate::expand::status_enum(&checked);
    let text = output.to_string();
    assert!(
        text.contains(
            "const _ : () = { const _ : () = { # [deprecated (note = \"`OldError` is a former \
             name of 599 Own Error: use `OwnError`\")] # [allow (non_upper_case_globals)] const \
             OldError : () = () ; OldError } ; } ;"
        ),
        "{text}"
    );
}

#[test]
fn status_code_keeps_its_former_names() {
    let input = parse_enum(quote!(pub enum StatusCode { Ok, 413 }));
    let registry = builtin();
    let (checked, errors) =
        valid::check_status_enum(&input, &registry, &context(Some("status_core")));
    assert!(errors.is_none());
    let e = expansion(&crate::expand::status_enum(&checked));
    assert_eq!(e.fns["PayloadTooLarge"], "Self :: ContentTooLarge");
    assert_eq!(e.fns["RequestEntityTooLarge"], "Self :: ContentTooLarge");
    // No conversions with itself; the feature impls are status-core's own.
    assert!(
        !e.impls
            .iter()
            .any(|i| i.contains("__private :: StatusCode")),
        "{:?}",
        e.impls
    );
    assert_eq!(
        e.macros,
        [
            "__private :: __impl_http ! { StatusCode , \"StatusCode\" , closed }",
            "__private :: __impl_serde ! { StatusCode , \"StatusCode\" }",
            "__private :: __impl_openapi ! { StatusCode , closed }",
        ]
    );
}

#[test]
fn opt_ins_call_status_cores_macros() {
    let output = entry::status_enum(quote! {
        #[status(http, serde)]
        #[cfg_attr(feature = "x", status(openapi))]
        enum E { Ok, Other(u16) }
    });
    let e = expansion(&output);
    assert_eq!(e.macros.len(), 3, "{:?}", e.macros);
    assert!(e.macros[0].starts_with("__private :: __impl_http ! { requested ["));
    assert!(e.macros[0].ends_with("] E , \"E\" , catch_all }"));
    assert!(e.macros[1].starts_with("__private :: __impl_serde ! { requested ["));
    assert!(e.macros[1].ends_with("] E , \"E\" }"));
    assert!(e.macros[2].starts_with("__private :: __impl_openapi ! { requested ["));
    assert!(e.macros[2].ends_with("] E , catch_all }"));
    assert!(
        output
            .to_string()
            .contains("# [cfg (feature = \"x\")] __private :: __impl_openapi !")
    );
    assert_messages(
        &output,
        &[
            "`#[status(http)]` needs the `http` feature of status-core",
            "`#[status(serde)]` needs the `serde` feature of status-core",
            "`#[status(openapi)]` needs the `utoipa` feature of status-core",
        ],
    );
    let e = expansion(&entry::status_enum(quote!(
        #[status(http)]
        enum E {
            Ok,
        }
    )));
    assert!(e.macros[0].ends_with("] E , \"E\" , closed }"));
    // `openapi` alone brings the number serialization its schema describes, under its `cfg`,
    // with no error of its own.
    let output = entry::status_enum(quote!(
        #[cfg_attr(feature = "x", status(openapi))]
        enum E {
            Ok,
        }
    ));
    let e = expansion(&output);
    assert_eq!(e.macros.len(), 2, "{:?}", e.macros);
    assert_eq!(e.macros[1], "__private :: __impl_serde ! { E , \"E\" }");
    assert!(
        output
            .to_string()
            .contains("# [cfg (feature = \"x\")] __private :: __impl_serde !")
    );
    assert_messages(
        &output,
        &["`#[status(openapi)]` needs the `utoipa` feature of status-core"],
    );
}

/// The `HttpStatus` impl of a derive's expansion: `(impl line, code body, reason body)`.
fn derived(output: &TokenStream) -> (String, String, String) {
    let e = expansion(output);
    let imp = e
        .impls
        .iter()
        .find(|i| i.contains("HttpStatus for"))
        .unwrap_or_else(|| panic!("no impl: {output}"))
        .clone();
    (
        imp,
        e.trait_fns["HttpStatus::code"].clone(),
        e.trait_fns["HttpStatus::reason"].clone(),
    )
}

#[test]
fn derived_impls_match_each_variant() {
    let output = entry::derive(quote!(
        #[status(404)]
        struct S {
            x: u8,
        }
    ));
    assert_messages(&output, &[]);
    assert_eq!(
        derived(&output),
        (
            ":: status_core :: HttpStatus for S".to_owned(),
            "{ match self { Self { .. } => 404u16 , } }".to_owned(),
            "{ match self { Self { .. } => \"Not Found\" , } }".to_owned(),
        )
    );
    let output = entry::derive(quote!(
        #[status(transparent)]
        struct S {
            inner: Inner,
        }
    ));
    assert_eq!(
        derived(&output).1,
        "{ match self { Self { inner : __inner , .. } => :: status_core :: HttpStatus :: code (__inner) , } }"
    );
    let output = entry::derive(quote!(
        #[status(500)]
        enum E {
            A,
            #[status(transparent)]
            B(Inner),
            #[status(NotFound)]
            C {
                x: u8,
            },
        }
    ));
    assert_messages(&output, &[]);
    assert_eq!(
        derived(&output).1,
        "{ match self { Self :: A { .. } => 500u16 , \
         Self :: B { 0 : __inner , .. } => :: status_core :: HttpStatus :: code (__inner) , \
         Self :: C { .. } => 404u16 , } }"
    );
    assert_eq!(
        derived(&output).2,
        "{ match self { Self :: A { .. } => \"Internal Server Error\" , \
         Self :: B { 0 : __inner , .. } => :: status_core :: HttpStatus :: reason (__inner) , \
         Self :: C { .. } => \"Not Found\" , } }"
    );
    // An enum without variants has no values to match.
    let output = entry::derive(quote!(
        #[status(500)]
        enum E {}
    ));
    assert_messages(&output, &[]);
    assert_eq!(derived(&output).1, "{ match * self { } }");
    // The path the type gives to status-core.
    let output = entry::derive(quote!(
        #[status(404, crate = "sc")]
        struct S;
    ));
    assert_eq!(derived(&output).0, "sc :: HttpStatus for S");
    // No former names, no `response`: nothing but the impl.
    let e = expansion(&entry::derive(quote!(
        #[status(404)]
        struct S;
    )));
    assert!(e.consts.is_empty() && e.macros.is_empty());
}

#[test]
fn transparent_fields_of_a_type_parameter_are_bounded() {
    let output = entry::derive(quote! {
        enum E<T, U: Clone> {
            #[status(transparent)] A(Box<T>),
            #[status(transparent)] B { f: (u8, [U; 2]) },
            #[status(transparent)] C(Inner),
            #[status(transparent)] D(Vec<u8>),
            #[status(404)] F(T),
        }
    });
    assert_messages(&output, &[]);
    let imp = derived_impl(&output);
    let where_clause = imp.generics.where_clause.unwrap();
    // A `Box<T>` is read through: the bound is on `T`.
    assert_eq!(
        quote!(#where_clause).to_string(),
        "where T : :: status_core :: HttpStatus , (u8 , [U ; 2]) : :: status_core :: HttpStatus"
    );
    let output = entry::derive(quote!(
        #[status(transparent)]
        struct S<T>(Inner, ::core::marker::PhantomData<T>);
    ));
    assert_messages(
        &output,
        &[
            "`#[status(transparent)]` delegates to exactly one field, and `S` has 2; to take the status from one of several, write `#[status(transparent)]` on that field",
        ],
    );
    let output = entry::derive(quote!(
        #[status(transparent)]
        struct S<T>(Inner);
    ));
    let imp = derived_impl(&output);
    assert!(imp.generics.where_clause.is_none(), "{output}");
}

#[test]
fn response_types_implement_error_response() {
    let output = entry::derive(quote!(
        #[status(response, detail)]
        #[status(500)]
        struct S<T>(T);
    ));
    let e = expansion(&output);
    assert_eq!(
        e.macros,
        [
            ":: status_core :: __impl_response ! { requested [] impl [< T >] for [S < T >] where [] response where [Self : :: core :: fmt :: Display + :: core :: fmt :: Debug ,] { fn shows_detail (& self) -> :: core :: primitive :: bool { match self { Self { .. } => true , } } } }",
            ":: status_core :: __any_framework ! { [:: core :: compile_error ! (\"`response` implements the error responses of the web frameworks whose feature of status-core is on (`axum`, `actix-web`), and none is: turn one on, or say `response(parts)` to implement `problem::ErrorResponse` alone and write the framework's impl by hand\") ;] }",
            ":: status_core :: __impl_axum ! { [< T >] [S < T >] [] }",
            ":: status_core :: __impl_actix_web ! { [< T >] [S < T >] [] }",
        ]
    );
    // Without `detail`, a type that is not generic: every method keeps its default but
    // `as_error`, which finds out whether the type is an `Error`.
    let e = expansion(&entry::derive(quote!(
        #[status(response(parts))]
        #[status(500)]
        struct S;
    )));
    // `response(parts)`: no framework impl.
    assert_eq!(e.macros.len(), 1);
    let methods = e.macros[0].split_once("response where [] {").unwrap().1;
    assert!(methods.trim_start().starts_with("fn as_error"), "{methods}");
    assert!(!methods.contains("fn shows_detail"), "{methods}");
}

#[test]
fn response_parts_of_each_arm() {
    let output = entry::derive(quote!(
        #[status(500, response, header("X-Trace" = "on"), title = "Oops")]
        enum E {
            #[status(401, header("WWW-Authenticate" = "Token"), type = "https://e/auth")]
            Auth,
            #[status(429, detail)]
            Slow {
                #[status(header = "Retry-After", member = "retry_after")]
                seconds: u32,
            },
            #[status(422)]
            Invalid(#[status(member = "errors")] Vec<String>, String),
            Other,
        }
    ));
    let e = expansion(&output);
    let text = &e.macros[0];
    let method = |name: &str| {
        let start = text
            .find(&format!("fn {name}"))
            .unwrap_or_else(|| panic!("{name}: {text}"));
        let rest = &text[start..];
        let end = rest[3..].find(" fn ").map_or(rest.len(), |end| end + 3);
        rest[..end].to_owned()
    };
    assert_eq!(
        method("problem_type"),
        "fn problem_type (& self) -> & 'static :: core :: primitive :: str { match self { Self :: Auth { .. } => \"https://e/auth\" , _ => \"about:blank\" , } }"
    );
    // The type's title for every variant.
    assert_eq!(
        method("title"),
        "fn title (& self) -> & 'static :: core :: primitive :: str { match self { Self :: Auth { .. } => \"Oops\" , Self :: Slow { .. } => \"Oops\" , Self :: Invalid { .. } => \"Oops\" , Self :: Other { .. } => \"Oops\" , } }"
    );
    assert_eq!(
        method("shows_detail"),
        "fn shows_detail (& self) -> :: core :: primitive :: bool { match self { Self :: Slow { .. } => true , _ => :: status_core :: problem :: status (self) < 500 , } }"
    );
    // The type's header first, then the variant's, then the fields'.
    let headers = method("headers");
    assert!(
        headers.contains("Self :: Auth { .. } => { __header (\"X-Trace\" , & \"on\") ; __header (\"WWW-Authenticate\" , & \"Token\") ; }"),
        "{headers}"
    );
    assert!(
        headers.contains("Self :: Slow { seconds : __field_seconds , .. } => { __header (\"X-Trace\" , & \"on\") ; __header (\"Retry-After\" , :: status_core :: problem :: HeaderText :: header_text (__field_seconds)) ; }"),
        "{headers}"
    );
    assert!(
        !headers.contains("_ =>"),
        "every arm sends a header: {headers}"
    );
    let members = method("members");
    assert!(
        members.contains("Self :: Slow { seconds : __field_seconds , .. } => { :: status_core :: problem :: ProblemMember :: write_member (__field_seconds , __map , \"retry_after\") ? ; }"),
        "{members}"
    );
    assert!(
        members.contains("Self :: Invalid { 0 : __field_0 , .. } => { :: status_core :: problem :: ProblemMember :: write_member (__field_0 , __map , \"errors\") ? ; }"),
        "{members}"
    );
    assert!(members.contains("_ => { }"), "{members}");
}

#[test]
fn a_failed_derive_still_implements_the_trait() {
    let output = entry::derive(quote!(
        #[status(NotFund)]
        struct S<T>(T);
    ));
    assert_messages(
        &output,
        &["unknown HTTP status name `NotFund`; did you mean `NotFound` (404)?"],
    );
    assert_eq!(
        derived(&output),
        (
            ":: status_core :: HttpStatus for S < T >".to_owned(),
            "{ :: core :: unreachable ! () }".to_owned(),
            "{ :: core :: unreachable ! () }".to_owned(),
        )
    );
    let output = entry::derive(quote!(
        #[status(crate = "sc")]
        struct S;
    ));
    assert_eq!(derived(&output).0, "sc :: HttpStatus for S");
    assert_eq!(messages(&output).len(), 1);
}

#[test]
fn derived_former_names_warn() {
    let e = expansion(&entry::derive(quote!(
        #[status(PayloadTooLarge)]
        struct S;
    )));
    assert_eq!(
        e.consts,
        [(
            "_: :: status_core :: StatusCode".to_owned(),
            ":: status_core :: StatusCode :: PayloadTooLarge".to_owned()
        )]
    );
    assert_eq!(
        e.trait_fns["HttpStatus::code"],
        "{ match self { Self { .. } => 413u16 , } }"
    );
}

// ---- lib.rs -------------------------------------------------------------------------------

#[test]
fn builtin_texts_are_indexed_by_code() {
    let output = entry::builtin_texts();
    assert_messages(&output, &[]);
    let file = file(&output);
    let table = |name: &str| -> Vec<String> {
        let item = file
            .items
            .iter()
            .find_map(|item| match item {
                syn::Item::Const(item) if item.ident == name => Some(item),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no {name}"));
        let syn::Expr::Array(array) = &*item.expr else {
            panic!("{name} is no array");
        };
        array
            .elems
            .iter()
            .map(|elem| match elem {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(text),
                    ..
                }) => text.value(),
                _ => panic!("{name} holds a non-string"),
            })
            .collect()
    };
    let reasons = table("REASONS");
    assert_eq!(reasons.len(), 500);
    assert_eq!(reasons[404 - 100], "Not Found");
    assert_eq!(reasons[499 - 100], "Client Closed Request");
    assert_eq!(reasons[0], "Continue");
    assert_eq!(reasons[1], "Switching Protocols");
    assert_eq!(reasons[499], "");
    assert_eq!(table("LINES")[404 - 100], "404 Not Found");
    assert_eq!(table("REFERENCES")[404 - 100], "RFC 9110, Section 15.5.5");
}

#[test]
fn a_crates_own_registry_is_tracked() {
    let loaded = |file: Option<std::path::PathBuf>| registry::Loaded {
        registry: builtin(),
        local_file: file,
    };
    assert!(entry::track(&loaded(None)).is_empty());
    let output = entry::track(&loaded(Some("/c/app/codes.toml".into())));
    let item: syn::ItemConst = syn::parse2(output.clone()).unwrap();
    assert_eq!(
        quote!(#item).to_string(),
        "const _ : & [:: core :: primitive :: u8] = :: core :: include_bytes ! (\"/c/app/codes.toml\") ;"
    );
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let path = std::ffi::OsStr::from_bytes(b"/c/\xff/codes.toml");
        // Outside the compiler no macro call is in a source file, so no relative path does.
        let output = entry::track(&loaded(Some(path.into())));
        let messages = messages(&output);
        assert_eq!(messages.len(), 1);
        assert!(
            messages[0].starts_with("cannot track `/c/")
                && messages[0].contains(
                    "/codes.toml` for rebuilds: its path is not UTF-8, which `include_bytes!` needs"
                ),
            "{messages:?}"
        );
    }
}

// ---- valid/response.rs and transparent fields -----------------------------------------------

#[test]
fn transparent_on_a_field() {
    // A field that says `transparent` holds the status, among several.
    assert_eq!(
        check_derive(quote!(
            enum E {
                Upstream {
                    #[status(transparent)]
                    status: u16,
                    body: String,
                },
                #[status(transparent)]
                Both(String, #[status(transparent)] u16),
                #[status(404)]
                Plain,
            }
        )),
        (
            vec![
                "Upstream: transparent status".to_owned(),
                "Both: transparent 1".to_owned(),
                "Plain: 404".to_owned(),
            ],
            vec![]
        )
    );
    assert_eq!(
        check_derive(quote!(
            struct S(String, #[status(transparent)] u16);
        )),
        (vec!["Self: transparent 1".to_owned()], vec![])
    );
    // It wins over the enum default.
    assert_eq!(
        check_derive(quote!(
            #[status(500)]
            enum E {
                A(#[status(transparent)] u16),
            }
        )),
        (vec!["A: transparent 0".to_owned()], vec![])
    );
}

#[test]
fn transparent_field_mistakes() {
    assert_eq!(
        check_derive(quote!(
            enum E {
                #[status(404)]
                A(#[status(transparent)] u16),
                B(#[status(transparent)] u16, #[status(transparent)] u16),
            }
        )),
        (
            vec!["B: transparent 0".to_owned()],
            vec![
                "`A` has its status from `#[status(404)]` already; a field that says \
                 `transparent` gives it instead: keep one of the two"
                    .to_owned(),
                "one field holds the status: `transparent` is on another field already".to_owned(),
            ]
        )
    );
    let (_, errors) = check_derive(quote!(
        struct S(#[status(transparent, transparent)] u16);
    ));
    assert_eq!(errors, ["`transparent` is given twice"]);
}

/// The errors of a derive on a response type with `body` as its variants.
fn response_errors(body: TokenStream) -> Vec<String> {
    check_derive(quote!(
        #[status(500, response)]
        enum E { #body }
    ))
    .1
}

#[test]
fn header_names_and_values_are_valid_http() {
    assert_eq!(
        response_errors(quote!(
            #[status(404, header("Bad Name" = "v", "X-Ok" = "bad\u{1}", "X-Ü" = "é"))]
            A,
            #[status(404, header("" = " padded"))]
            B(
                #[status(header = "content-length")]
                u32
            ),
            #[status(404, header("Cache-Control" = "no-store", "X-A" = "a\tb"))]
            C,
        )),
        [
            "`Bad Name` is not a valid header name: ' ' is not allowed; a field name is a token of ASCII letters, digits and ``!#$%&'*+-.^_`|~`` (RFC 9110, Section 5.1)",
            "\"bad\\u{1}\" is not a valid header value: '\\u{1}' is not allowed; a field value is visible ASCII, spaces and tabs (RFC 9110, Section 5.5)",
            "`X-Ü` is not a valid header name: 'Ü' is not allowed; a field name is a token of ASCII letters, digits and ``!#$%&'*+-.^_`|~`` (RFC 9110, Section 5.1)",
            "\"é\" is not a valid header value: 'é' is not allowed; a field value is visible ASCII, spaces and tabs (RFC 9110, Section 5.5)",
            "a header name cannot be empty",
            "\" padded\" is not a valid header value: a field value has no leading or trailing whitespace (RFC 9110, Section 5.5)",
            "`content-length` cannot be given here: the server computes it from the body",
        ]
    );
    for value in ["x ", "\tx"] {
        assert!(
            crate::valid::response::header_value_error(value).is_some(),
            "{value:?}"
        );
    }
    for value in ["", "x", "a b", "~!", "a\tb"] {
        assert_eq!(
            crate::valid::response::header_value_error(value),
            None,
            "{value:?}"
        );
    }
    for name in ["a", "X-Request-Id", "!#$%&'*+-.^_`|~09azAZ"] {
        assert_eq!(
            crate::valid::response::header_name_error(name),
            None,
            "{name}"
        );
    }
    for name in [
        "a:b",
        "a/b",
        "(x)",
        "\"x\"",
        "a\u{7f}",
        "Transfer-Encoding",
        "CONTENT-TYPE",
    ] {
        assert!(
            crate::valid::response::header_name_error(name).is_some(),
            "{name}"
        );
    }
}

#[test]
fn type_headers_are_checked_once() {
    let (_, errors) = check_derive(quote!(
        #[status(500, response, header("X Y" = "1"))]
        enum E {
            A,
            B,
        }
    ));
    assert_eq!(errors.len(), 1, "{errors:?}");
}

#[test]
fn member_names() {
    assert_eq!(
        response_errors(quote!(
            #[status(422)]
            A {
                #[status(member)]
                status: u8,
                #[status(member = "instance")]
                other: u8,
                #[status(member)]
                r#type: u8,
            },
            #[status(422)]
            B(
                #[status(member)]
                u8
            ),
            #[status(422)]
            C {
                #[status(member)]
                errors: u8,
                #[status(member = "errors")]
                more: u8,
                #[status(member = "")]
                empty: u8,
            },
        )),
        [
            "the field's name `status` is a standard member of the problem document (RFC 9457, Section 3.1), which the response fills in itself; name this extension member otherwise with `member = \"...\"`",
            "`instance` is a standard member of the problem document (RFC 9457, Section 3.1), which the response fills in itself; pick another name for this extension member",
            "the field's name `type` is a standard member of the problem document (RFC 9457, Section 3.1), which the response fills in itself; name this extension member otherwise with `member = \"...\"`",
            "a field without a name needs one for its member: `member = \"name\"`",
            "the member `errors` is given twice; rename one",
            "the first is here",
            "a member needs a name",
        ]
    );
}

#[test]
fn required_headers_are_sent() {
    let missing = |code: &str, header: &str, section: &str| {
        format!(
            "a {code} response must send the `{header}` header field (RFC 9110, Section {section}); add \
             `header(\"{header}\" = \"...\")` beside the status, or \
             `#[status(header = \"{header}\")]` on a field that holds its value"
        )
    };
    assert_eq!(
        response_errors(quote!(
            #[status(401)]
            A,
            #[status(405)]
            B,
            #[status(407)]
            C,
            #[status(426)]
            D,
            // Provided: a constant, a field, a name in another case.
            #[status(401, header("www-authenticate" = "Token"))]
            E,
            #[status(405)]
            F(
                #[status(header = "Allow")]
                String
            ),
            // Not required: recommended only.
            #[status(301)]
            G,
        )),
        [
            missing("401 Unauthorized", "WWW-Authenticate", "15.5.2"),
            missing("405 Method Not Allowed", "Allow", "15.5.6"),
            missing(
                "407 Proxy Authentication Required",
                "Proxy-Authenticate",
                "15.5.8"
            ),
            missing("426 Upgrade Required", "Upgrade", "15.5.22"),
        ]
    );
    // A type-wide header counts for every variant; the default is checked once.
    let (_, errors) = check_derive(quote!(
        #[status(401, response)]
        enum E {
            A,
            B,
        }
    ));
    assert_eq!(
        errors,
        [missing("401 Unauthorized", "WWW-Authenticate", "15.5.2")
            .replace("15.5.2);", "15.5.2) (variants `A`, `B` take this default);")]
    );
    // Every variant taking the default is checked, whatever their order; one error names them.
    let (_, errors) = check_derive(quote!(
        #[status(405, response)]
        enum E {
            #[status(header("Allow" = "GET"))]
            A,
            B,
            C(#[status(header = "Allow")] String),
            D,
        }
    ));
    assert_eq!(
        errors,
        [missing("405 Method Not Allowed", "Allow", "15.5.6")
            .replace("15.5.6);", "15.5.6) (variants `B`, `D` take this default);")]
    );
    let (_, errors) = check_derive(quote!(
        #[status(401, response, header("WWW-Authenticate" = "Basic"))]
        enum E {
            A,
            #[status(405, header("Allow" = "GET"))]
            B,
        }
    ));
    assert_eq!(errors, Vec::<String>::new());
    // Without `response`, nothing is sent, so nothing is required.
    let (_, errors) = check_derive(quote!(
        #[status(401)]
        struct S;
    ));
    assert_eq!(errors, Vec::<String>::new());
}

#[test]
fn response_words_need_response() {
    let (_, errors) = check_derive(quote!(
        #[status(500)]
        enum E {
            #[status(404, title = "x")]
            A(#[status(header = "X-A")] u8, #[status(member = "m")] u8),
            #[status(404, detail)]
            B,
        }
    ));
    let without = |word: &str| {
        format!(
            "`{word}` applies to error responses: add `response` to the type's `#[status(...)]`"
        )
    };
    assert_eq!(
        errors,
        [
            without("title"),
            without("header"),
            without("member"),
            without("detail")
        ]
    );
    let (_, errors) = check_derive(quote!(
        #[status(500, type = "x", header("A" = "b"))]
        struct S;
    ));
    assert_eq!(errors, [without("header")]);
}

/// A crate that depends on another axum or actix-web than status-core implements gets an
/// error at `response`, through status-core's macro for that framework (so only when that
/// feature is on); `response(parts)` writes no framework impl, so it gets none.
#[test]
fn other_framework_versions_are_errors_at_response() {
    let input: syn::DeriveInput = syn::parse_quote!(
        #[status(404, response)]
        struct S;
    );
    let parsed = crate::ast::DeriveInput::from_syn(&input);
    let registry = builtin();
    let mut context = context(None);
    context.other_frameworks = vec![
        crate::krate::FrameworkRequirement {
            package: "axum",
            requirement: "0.7".to_owned(),
        },
        crate::krate::FrameworkRequirement {
            package: "actix-web",
            requirement: "3.3".to_owned(),
        },
    ];
    let mut errors = crate::errors::Errors::new();
    let checked = valid::check_derive(&parsed, &registry, &context, &mut errors);
    assert!(errors.into_error().is_none());
    let output = crate::expand::derive(&parsed, &checked).to_string();
    assert!(
        output.contains(":: status_core :: __impl_axum ! { other_version [:: core :: compile_error ! (\"this crate depends on axum `0.7`, and status-core's `axum` feature implements the error responses of axum 0.8: a handler returning this type would not compile; move to axum 0.8, or say `response(parts)` and write the `IntoResponse` impl (see `status_core::problem`)\") ;] }"),
        "{output}"
    );
    assert!(
        output.contains(":: status_core :: __impl_actix_web ! { other_version [:: core :: compile_error ! (\"this crate depends on actix-web `3.3`, and status-core's `actix-web` feature implements the error responses of actix-web 4: a handler returning this type would not compile; move to actix-web 4, or say `response(parts)` and write the `ResponseError` impl (see `status_core::problem`)\") ;] }"),
        "{output}"
    );
    let input: syn::DeriveInput = syn::parse_quote!(
        #[status(404, response(parts))]
        struct S;
    );
    let parsed = crate::ast::DeriveInput::from_syn(&input);
    let mut errors = crate::errors::Errors::new();
    let checked = valid::check_derive(&parsed, &registry, &context, &mut errors);
    assert!(
        !crate::expand::derive(&parsed, &checked)
            .to_string()
            .contains("other_version")
    );
    // `response(actix_web)`: only actix-web's version counts.
    let input: syn::DeriveInput = syn::parse_quote!(
        #[status(404, response(actix_web))]
        struct S;
    );
    let parsed = crate::ast::DeriveInput::from_syn(&input);
    let mut errors = crate::errors::Errors::new();
    let checked = valid::check_derive(&parsed, &registry, &context, &mut errors);
    let output = crate::expand::derive(&parsed, &checked).to_string();
    assert!(
        output.contains(":: status_core :: __impl_actix_web ! { other_version"),
        "{output}"
    );
    assert!(!output.contains("__impl_axum"), "{output}");
}

#[test]
fn a_required_header_with_a_bad_value_is_not_also_missing() {
    assert_eq!(
        response_errors(quote!(
            #[status(401, header("WWW-Authenticate" = "Token\n"))]
            A,
        )),
        [
            "\"Token\\n\" is not a valid header value: '\\n' is not allowed; a field value is visible ASCII, spaces and tabs (RFC 9110, Section 5.5)"
        ]
    );
}

#[test]
fn field_attribute_mistakes() {
    use crate::attr::{FieldAttrs, field_attrs};
    let field_errors = |field: syn::Field| -> (FieldAttrs, Vec<String>) {
        let mut errors = crate::errors::Errors::new();
        let attrs = field_attrs(&field, "variant", &mut errors);
        let messages = errors
            .into_error()
            .map(|error| error.into_iter().map(|e| e.to_string()).collect())
            .unwrap_or_default();
        (attrs, messages)
    };
    let (attrs, errors) = field_errors(syn::parse_quote!(
        #[status(title = "t", header("A" = "b"), response, member, header = "X-A", header = "X-B")]
        f: u8
    ));
    assert_eq!(
        errors,
        [
            "`title` goes on the type or a variant, not on a field",
            "`header(...)` goes on the type or a variant, not on a field",
            "`response` goes on the type, not on a field",
            "`header` is given twice",
        ]
    );
    assert!(!attrs.misplaced && attrs.member.is_some());
    assert_eq!(attrs.header.unwrap().value(), "X-A");
    // A broken attribute counts as misplaced: the variant is not then reported as having no
    // status as well.
    let (attrs, errors) = field_errors(syn::parse_quote!(#[status] f: u8));
    assert!(attrs.misplaced);
    assert_eq!(errors.len(), 1);
    let (_, errors) = check_derive(quote!(
        enum E {
            A(#[status] u8),
        }
    ));
    assert_eq!(
        errors,
        [
            "write what the field is in the attribute: `#[status(transparent)]` (it holds the status), `#[status(header = \"Name\")]` or `#[status(member)]`"
        ]
    );
}

#[test]
fn response_names_frameworks_or_parts() {
    use crate::attr::{Framework, Place, ResponseAsks};
    let words = "`response(...)` takes `axum` or `actix_web` (that framework's response trait; the other may be written by hand), or `parts` (`problem::ErrorResponse` alone, for framework impls written by hand)";
    for (item, expected) in [
        (
            quote!(#[status(response(body))] struct S;),
            vec![format!("unknown word `body` in `response(...)`; {words}")],
        ),
        (
            quote!(#[status(response(axm, actx_web, Parts))] struct S;),
            vec![
                format!("unknown word `axm` in `response(...)`; did you mean `axum`? {words}"),
                format!(
                    "unknown word `actx_web` in `response(...)`; did you mean `actix_web`? {words}"
                ),
                format!("unknown word `Parts` in `response(...)`; did you mean `parts`? {words}"),
            ],
        ),
        (
            quote!(#[status(response())] struct S;),
            vec![format!(
                "`response()` names nothing: write `response` for every framework whose feature is on; {words}"
            )],
        ),
        (
            quote!(#[status(response(actix-web))] struct S;),
            vec!["write `actix_web`, with an underscore, as in Rust paths".to_owned()],
        ),
        (
            quote!(#[status(response(parts, axum))] struct S;),
            vec![
                "`parts` goes alone: `response(parts)` implements no framework's trait, and `response(axum)` axum's; keep one of the two".to_owned(),
            ],
        ),
        (
            quote!(#[status(response(axum, axum))] struct S;),
            vec!["`axum` is given twice".to_owned(), "the first is here".to_owned()],
        ),
        (
            quote!(#[status(response(axum actix_web))] struct S;),
            vec![
                "separate the words of `response(...)` with commas: `response(axum, actix_web)`"
                    .to_owned(),
            ],
        ),
        (
            quote!(#[status(response(5))] struct S;),
            vec![format!("expected a word; {words}")],
        ),
        (
            quote!(#[status(response("axum"))] struct S;),
            vec!["write `axum` without quotes, as a word".to_owned()],
        ),
    ] {
        let (attrs, errors) = item_attrs(item.clone(), Place::Type);
        assert!(attrs.response.is_none(), "{item}");
        assert_eq!(errors, expected, "{item}");
    }
    let asks = |item| {
        let (attrs, errors) = item_attrs(item, Place::Type);
        assert!(errors.is_empty(), "{errors:?}");
        attrs.response.unwrap().asks
    };
    assert!(matches!(
        asks(quote!(
            #[status(response(parts))]
            struct S;
        )),
        ResponseAsks::Parts
    ));
    assert!(matches!(
        asks(quote!(
            #[status(response)]
            struct S;
        )),
        ResponseAsks::Frameworks
    ));
    let ResponseAsks::Named(named) = asks(quote!(
        #[status(response(actix_web, axum,))]
        struct S;
    )) else {
        panic!("frameworks named");
    };
    let named: Vec<Framework> = named.into_iter().map(|(framework, _)| framework).collect();
    assert_eq!(named, [Framework::ActixWeb, Framework::Axum]);
}

/// `openapi` with `response(parts)`: what is sent is unknown, so nothing is described.
#[test]
fn openapi_needs_a_derived_response() {
    let (_, errors) = check_derive(quote!(
        #[status(404, response(parts), openapi)]
        struct S;
    ));
    assert_eq!(
        errors,
        [
            "`openapi` describes what the derived responses send, and `response(parts)` leaves the framework impls to you: the document would describe a problem+json body that they may not send; drop `openapi`, or say `response` (or `response(axum)`, `response(actix_web)`) to have the derive send it"
        ]
    );
}

/// What `response` asks for decides which of status-core's macros the expansion calls, and
/// with which error while the feature is off.
#[test]
fn response_asks_status_core_for_the_frameworks() {
    let expand = |item: TokenStream| {
        let input: syn::DeriveInput = syn::parse2(item).unwrap();
        let parsed = crate::ast::DeriveInput::from_syn(&input);
        let registry = builtin();
        let mut errors = crate::errors::Errors::new();
        let checked = valid::check_derive(&parsed, &registry, &context(None), &mut errors);
        assert!(errors.into_error().is_none());
        crate::expand::derive(&parsed, &checked).to_string()
    };
    let all = expand(quote!(
        #[status(404, response)]
        struct S;
    ));
    assert!(all.contains(":: status_core :: __any_framework ! { [:: core :: compile_error ! (\"`response` implements the error responses of the web frameworks whose feature of status-core is on (`axum`, `actix-web`), and none is: turn one on, or say `response(parts)` to implement `problem::ErrorResponse` alone and write the framework's impl by hand\") ;] }"), "{all}");
    assert!(
        all.contains(":: status_core :: __impl_axum ! { [] [S] [] }"),
        "{all}"
    );
    assert!(
        all.contains(":: status_core :: __impl_actix_web ! { [] [S] [] }"),
        "{all}"
    );
    assert!(
        all.contains(":: status_core :: __impl_response ! { requested [] impl"),
        "{all}"
    );
    let axum = expand(quote!(
        #[status(404, response(axum))]
        struct S;
    ));
    assert!(axum.contains(":: status_core :: __impl_axum ! { requested [:: core :: compile_error ! (\"`response(axum)` needs the `axum` feature of status-core\") ;] [] [S] [] }"), "{axum}");
    assert!(
        !axum.contains("__impl_actix_web") && !axum.contains("__any_framework"),
        "{axum}"
    );
    let actix = expand(quote!(
        #[status(404, response(actix_web))]
        struct S;
    ));
    assert!(actix.contains(":: status_core :: __impl_actix_web ! { requested [:: core :: compile_error ! (\"`response(actix_web)` needs the `actix-web` feature of status-core\") ;] [] [S] [] }"), "{actix}");
    assert!(!actix.contains("__impl_axum"), "{actix}");
    let parts = expand(quote!(
        #[status(404, response(parts))]
        struct S;
    ));
    assert!(parts.contains(":: status_core :: __impl_response ! { requested [:: core :: compile_error ! (\"`response(parts)` needs the `problem` feature of status-core (`axum` and `actix-web` turn it on too)\") ;] impl"), "{parts}");
    assert!(
        !parts.contains("__impl_axum")
            && !parts.contains("__impl_actix_web")
            && !parts.contains("__any_framework"),
        "{parts}"
    );
}

#[test]
fn a_broken_type_attribute_adds_no_false_errors() {
    let (_, errors) = check_derive(quote!(
        #[status(500, response, title = 5)]
        enum E {
            #[status(429)]
            A(#[status(header = "Retry-After")] u32),
        }
    ));
    assert_eq!(
        errors,
        ["`title` takes a string literal: `title = \"...\"`"]
    );
    // A lowercase word on a field is no status: it is an unknown word.
    let (_, errors) = check_derive(quote!(
        enum E {
            A(#[status(transparant)] u16),
            #[status(404)]
            B(#[status(NotFound)] u16),
        }
    ));
    assert_eq!(
        errors,
        [
            "unknown word `transparant` on a field; did you mean `transparent`?",
            "a status goes on the variant, not on a field; to take the status from this field, write `#[status(transparent)]` on it",
        ]
    );
}

#[test]
fn problem_types_are_uri_references() {
    use crate::valid::response::problem_type_error;
    for fine in [
        "about:blank",
        "https://example.com/problems/out-of-stock",
        "/problems/validation",
        "tag:example.com,2026:auth",
        "https://e.com/p?x=%20#f",
    ] {
        assert_eq!(problem_type_error(fine), None, "{fine}");
    }
    for bad in [
        "",
        "out of stock",
        "https://e.com/<x>",
        "é",
        "a\"b",
        "x{y}",
        "a\tb",
    ] {
        assert!(problem_type_error(bad).is_some(), "{bad:?}");
    }
    assert_eq!(
        check_derive(quote!(
            #[status(500, response, type = "a b")]
            enum E {
                #[status(404, type = "")]
                A,
                B,
            }
        ))
        .1,
        [
            "the problem `type` \"a b\" is not a URI reference (RFC 9457, Section 3.1.1): the path has ' ' (U+0020), which a URI reference does not (RFC 3986, Appendix A); percent-encode it",
            "a problem `type` cannot be empty; leave it out for `about:blank`",
        ]
    );
}

/// A transparent field's own response parts are asked for, through `InnerResponse`, unless its
/// type names a type parameter.
#[test]
fn transparent_fields_delegate_their_response_parts() {
    let output = entry::derive(quote!(
        #[status(500, response)]
        enum E<T> {
            #[status(transparent, header("X-A" = "1"))]
            Inner(Inner),
            Named {
                #[status(transparent)]
                #[status(header = "X-B")]
                inner: Inner,
            },
            #[status(transparent)]
            Generic(T),
        }
    ));
    let text = expansion(&output).macros[0].clone();
    let call = |field: &str, method: &str| {
        format!("(& :: status_core :: __private :: InnerResponse ({field})) . inner_{method}")
    };
    let imports = "use :: status_core :: __private :: InnerParts as _ ;";
    for method in [
        "fn problem_type",
        "fn title",
        "fn shows_detail",
        "fn fmt_detail",
        "fn headers",
        "fn members",
    ] {
        let start = text
            .find(method)
            .unwrap_or_else(|| panic!("{method}: {text}"));
        let body = &text[start..];
        let body = &body[..body[3..].find(" fn ").map_or(body.len(), |end| end + 3)];
        assert!(body.contains(imports), "{method}: {body}");
        assert!(!body.contains("Generic {"), "{method}: {body}");
    }
    assert!(
        text.contains(&format!(
            "Self :: Inner {{ 0 : __field_0 , .. }} => {{ __header (\"X-A\" , & \"1\") ; {} (& [\"X-A\"] , __header) ; }}",
            call("__field_0", "headers")
        )),
        "{text}"
    );
    // A field both transparent and a header is bound once.
    assert!(
        text.contains(&format!(
            "Self :: Named {{ inner : __field_inner , .. }} => {{ __header (\"X-B\" , :: status_core :: problem :: HeaderText :: header_text (__field_inner)) ; {} (& [\"X-B\"] , __header) ; }}",
            call("__field_inner", "headers")
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "Self :: Inner {{ 0 : __field_0 , .. }} => {{ {} (& [] , __map) ? ; }}",
            call("__field_0", "members")
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "Self :: Inner {{ 0 : __field_0 , .. }} => {} () . unwrap_or_else (|| \"about:blank\") ,",
            call("__field_0", "problem_type")
        )),
        "{text}"
    );
    // Without transparent fields, nothing to import.
    let text = expansion(&entry::derive(quote!(
        #[status(500, response, header("X-A" = "1"))]
        struct S;
    )))
    .macros[0]
        .clone();
    assert!(!text.contains("InnerResponse"), "{text}");
}

/// A transparent field's parts rank between the variant's own and the type's: the variant's
/// win over the field's, the field's over the type's; each header name and member name once.
#[test]
fn transparent_fields_rank_between_the_variant_and_the_type() {
    let output = entry::derive(quote!(
        #[status(500, response, header("Retry-After" = "5"), type = "https://e/type")]
        enum E {
            #[status(transparent)]
            A(Inner),
            #[status(transparent, type = "https://e/own", detail)]
            B(Inner),
            C {
                #[status(transparent)]
                inner: Inner,
                #[status(member)]
                code: u8,
                #[status(header = "Retry-After")]
                seconds: u8,
            },
            D(#[status(transparent)] Box<Inner>),
        }
    ));
    let text = expansion(&output).macros[0].clone();
    let method = |name: &str| {
        let start = text.find(&format!("fn {name}")).unwrap();
        let body = &text[start..];
        body[..body[3..].find(" fn ").map_or(body.len(), |end| end + 3)].to_owned()
    };
    let inner = |field: &str| format!("(& :: status_core :: __private :: InnerResponse ({field}))");
    let problem_type = method("problem_type");
    assert!(
        problem_type.contains(&format!(
            "Self :: A {{ 0 : __field_0 , .. }} => {} . inner_problem_type () . unwrap_or_else (|| \"https://e/type\") ,",
            inner("__field_0")
        )),
        "{problem_type}"
    );
    assert!(
        problem_type.contains("Self :: B { .. } => \"https://e/own\" ,"),
        "{problem_type}"
    );
    assert!(
        problem_type.contains(&inner("& * * __field_0")),
        "through the box: {problem_type}"
    );
    // `detail` on the variant: its own text, the field not asked.
    assert!(method("shows_detail").contains("Self :: B { .. } => true ,"));
    assert!(!method("fmt_detail").contains("Self :: B"));
    let headers = method("headers");
    assert!(
        headers.contains(&format!(
            "Self :: A {{ 0 : __field_0 , .. }} => {{ if ! {0} . inner_sends_header (\"Retry-After\") {{ __header (\"Retry-After\" , & \"5\") ; }} {0} . inner_headers (& [] , __header) ; }}",
            inner("__field_0")
        )),
        "{headers}"
    );
    // The variant's own header replaces the type's and is not taken from the field.
    assert!(
        headers.contains(&format!(
            "{{ __header (\"Retry-After\" , :: status_core :: problem :: HeaderText :: header_text (__field_seconds)) ; {} . inner_headers (& [\"Retry-After\"] , __header) ; }}",
            inner("__field_inner")
        )),
        "{headers}"
    );
    assert!(
        method("members").contains(&format!(
            "{} . inner_members (& [\"code\"] , __map) ? ;",
            inner("__field_inner")
        )),
        "{}",
        method("members")
    );
}

/// A misspelled or unknown word is an unknown word, with the closest word of its place; a word
/// in a form it does not take says how it is written; the item keeps its status.
#[test]
fn misspelled_words_name_the_closest_word() {
    use crate::attr::Place;
    let type_errors = |item: TokenStream| {
        let (attrs, errors) = item_attrs(item, Place::Type);
        (found(&attrs.status), attrs.broken, errors)
    };
    let cases: [(TokenStream, &str, &[&str]); 8] = [
        (
            quote!(
                #[status(500, respone)]
                struct S;
            ),
            "500",
            &["unknown word `respone` on the type; did you mean `response`?"],
        ),
        (
            quote!(
                #[status(500, opeanpi, response)]
                struct S;
            ),
            "500",
            &["unknown word `opeanpi` on the type; did you mean `openapi`?"],
        ),
        (
            quote!(
                #[status(details, 500, response)]
                struct S;
            ),
            "500",
            &["unknown word `details` on the type; did you mean `detail`?"],
        ),
        (
            quote!(
                #[status(transparant)]
                struct S;
            ),
            "broken",
            &["unknown word `transparant` on the type; did you mean `transparent`?"],
        ),
        // The misspelled word may have been `response`: `detail` is not also reported.
        (
            quote!(
                #[status(500, respnse, detail)]
                struct S;
            ),
            "500",
            &["unknown word `respnse` on the type; did you mean `response`?"],
        ),
        (
            quote!(
                #[status(500, response, detail = true)]
                struct S;
            ),
            "500",
            &["`detail` takes no value: write `detail`"],
        ),
        (
            quote!(
                #[status(500, response, title, type(x))]
                struct S;
            ),
            "500",
            &[
                "`title` takes a value: write `title = \"...\"`",
                "`type` takes a value: write `type = \"...\"`",
            ],
        ),
        (
            quote!(
                #[status(500, response(parts), header, membr, crate)]
                struct S;
            ),
            "500",
            &[
                "`header` takes a list: write `header(\"Name\" = \"value\")`",
                "unknown word `membr` on the type; did you mean `member`? It goes on a field",
                "`crate` takes a value: write `crate = \"...\"`",
            ],
        ),
    ];
    for (item, status, expected) in cases {
        let (found, broken, errors) = type_errors(item.clone());
        assert_eq!(errors, expected, "{item}");
        assert_eq!(found, status, "{item}");
        assert!(broken, "{item}");
    }
    // Known words keep the attribute whole.
    let (_, broken, errors) = type_errors(quote!(
        #[status(500, response, detail)]
        struct S;
    ));
    assert!(!broken && errors.is_empty(), "{errors:?}");
    // A word of another place, in any form, says where it goes.
    let (_, broken, errors) = type_errors(quote!(
        #[status(500, member(x))]
        struct S;
    ));
    assert_eq!(errors, ["`member` goes on a field, not on the type"]);
    assert!(broken);

    let (_, errors) = item_attrs(
        quote!(
            #[status(404, respone)]
            struct S;
        ),
        Place::Variant,
    );
    assert_eq!(
        errors,
        ["unknown word `respone` on a variant; did you mean `response`? It goes on the type"]
    );
    let (_, errors) = item_attrs(
        quote!(
            #[status(404, tilte = "x")]
            struct S;
        ),
        Place::Variant,
    );
    assert_eq!(
        errors,
        ["unknown word `tilte` on a variant; did you mean `title`?"]
    );
    let (_, errors) = item_attrs(
        quote!(
            #[status(404, titel)]
            struct S;
        ),
        Place::Variant,
    );
    assert_eq!(
        errors,
        ["unknown word `titel` on a variant; did you mean `title = \"...\"`?"]
    );
    let (_, errors) = item_attrs(
        quote!(
            #[status(404, colour)]
            struct S;
        ),
        Place::Variant,
    );
    assert_eq!(
        errors,
        [
            "unknown word `colour` on a variant; a variant's `#[status(...)]` takes a status (`404` or `NotFound`), `transparent`, `detail`, `header(\"Name\" = \"value\")`, `type = \"...\"` or `title = \"...\"`"
        ]
    );
    // A status name is UpperCamelCase or SCREAMING_SNAKE_CASE: a capitalised word is a name.
    let (attrs, errors) = item_attrs(
        quote!(
            #[status(NotFund)]
            struct S;
        ),
        Place::Variant,
    );
    assert!(errors.is_empty() && found(&attrs.status) == "NotFund");

    // On a variant, a misspelled `transparent` is no missing status.
    let (arms, errors) = check_derive(quote!(
        enum E {
            #[status(transparant)]
            A(u16),
        }
    ));
    assert!(arms.is_empty());
    assert_eq!(
        errors,
        ["unknown word `transparant` on a variant; did you mean `transparent`?"]
    );
}

#[test]
fn misspelled_words_on_a_field() {
    use crate::attr::field_attrs;
    let field_errors = |field: syn::Field| -> (bool, Vec<String>) {
        let mut errors = crate::errors::Errors::new();
        let attrs = field_attrs(&field, "variant", &mut errors);
        let messages = errors
            .into_error()
            .map(|error| error.into_iter().map(|e| e.to_string()).collect())
            .unwrap_or_default();
        (attrs.misplaced, messages)
    };
    let field = |attr: TokenStream| -> syn::Field { syn::parse_quote!(#attr f: u8) };
    for (attr, expected, unknown) in [
        (
            quote!(#[status()]),
            "write what the field is in the attribute: `#[status(transparent)]` (it holds the status), `#[status(header = \"Name\")]` or `#[status(member)]`",
            true,
        ),
        (
            quote!(#[status(membr)]),
            "unknown word `membr` on a field; did you mean `member`?",
            true,
        ),
        (
            quote!(#[status(hedaer = "X-A")]),
            "unknown word `hedaer` on a field; did you mean `header`?",
            true,
        ),
        (
            quote!(#[status(member(x))]),
            "`member` is written `member` or `member = \"name\"`",
            true,
        ),
        (
            quote!(#[status(header("X-A" = "1"))]),
            "`header(...)` goes on the type or a variant, not on a field",
            false,
        ),
        (
            quote!(#[status(detail)]),
            "`detail` goes on the type or a variant, not on a field",
            false,
        ),
        (
            quote!(#[status(colour)]),
            "unknown word `colour` on a field; a field's `#[status(...)]` takes `transparent`, `header = \"Name\"`, `member` or `member = \"name\"`",
            true,
        ),
    ] {
        let (misplaced, errors) = field_errors(field(attr.clone()));
        assert_eq!(errors, [expected], "{attr}");
        // Unknown words and broken attributes may have meant the status: they count as
        // misplaced, and a known word in another place's table does not.
        assert_eq!(misplaced, unknown, "{attr}");
    }
}

/// The same header name twice in one place (the type's attributes; a variant or a struct with
/// its fields) is an error at the second, with a note at the first; a variant's header of the
/// type's name is not.
#[test]
fn a_header_name_is_given_once_in_each_place() {
    let twice = |second: &str, first: &str| {
        let case = if second == first {
            String::new()
        } else {
            format!(" (as `{first}`: header names are case-insensitive)")
        };
        vec![
            format!(
                "the header `{second}` is given twice here{case}; a response sends each header once: keep one"
            ),
            "the first is here".to_owned(),
        ]
    };
    let (_, errors) = check_derive(quote!(
        #[status(500, response, header("X-A" = "1"), header("x-a" = "2"))]
        enum E {
            #[status(404, header("X-A" = "variant"))]
            Replaces,
            B,
        }
    ));
    assert_eq!(errors, twice("x-a", "X-A"), "reported once, for the type");
    let (_, errors) = check_derive(quote!(
        #[status(500, response, header("X-A" = "1"))]
        enum E {
            #[status(404, header("X-B" = "1", "X-B" = "2"))]
            Constants,
            #[status(429, header("Retry-After" = "1"))]
            ConstantAndField(#[status(header = "RETRY-AFTER")] u32),
            #[status(429)]
            Fields(
                #[status(header = "Retry-After")] u32,
                #[status(header = "Retry-After")] u32,
            ),
            #[status(404)]
            FieldOfTheTypesName(#[status(header = "X-A")] u32),
        }
    ));
    let expected: Vec<String> = [
        twice("X-B", "X-B"),
        twice("RETRY-AFTER", "Retry-After"),
        twice("Retry-After", "Retry-After"),
    ]
    .concat();
    assert_eq!(errors, expected);
    // A struct's attributes and fields are one place.
    let (_, errors) = check_derive(quote!(
        #[status(404, response, header("X-A" = "1"))]
        struct S(#[status(header = "x-A")] u32);
    ));
    assert_eq!(errors, twice("x-A", "X-A"));
}

/// Header fields the server owns are refused; `Upgrade` goes with a fixed 426 on the variant
/// or struct alone.
#[test]
fn owned_headers_and_upgrade() {
    let upgrade = |why: &str| {
        format!(
            "`Upgrade` asks the client to switch protocols: it goes with 426 Upgrade Required alone, on the variant (or struct) that has that status (RFC 9110, Sections 7.8 and 15.5.22), and {why}; the server itself sends it with 101 Switching Protocols"
        )
    };
    let (_, errors) = check_derive(quote!(
        #[status(500, response, header("Upgrade" = "h2c"))]
        enum E {
            A,
            #[status(426)]
            B,
            #[status(404, header("Upgrade" = "TLS/1.3"))]
            NotUpgradeRequired,
            #[status(426, header("Upgrade" = "TLS/1.3"))]
            UpgradeRequired,
            #[status(426)]
            Field(#[status(header = "upgrade")] String),
            #[status(transparent, header("Upgrade" = "TLS/1.3"))]
            Transparent(u16),
            #[status(404)]
            NotUpgradeRequiredField(#[status(header = "Upgrade")] String),
        }
    ));
    assert_eq!(
        errors,
        [
            upgrade("on the type it would go out with every status"),
            upgrade("this status is not 426"),
            upgrade("a transparent status is not a fixed 426"),
            upgrade("this status is not 426"),
        ]
    );
    // The enum's default 426, and a struct's own header.
    let (_, errors) = check_derive(quote!(
        #[status(426, response)]
        enum E {
            #[status(header("Upgrade" = "TLS/1.3"))]
            A,
        }
    ));
    assert!(errors.is_empty(), "{errors:?}");
    for (status, fine) in [(quote!(426), true), (quote!(404), false)] {
        let (_, errors) = check_derive(quote!(
            #[status(#status, response, header("Upgrade" = "TLS/1.3"))]
            struct S;
        ));
        assert_eq!(errors.is_empty(), fine, "{status}: {errors:?}");
    }
    let (_, errors) = check_derive(quote!(
        #[status(426, response, header("Upgrade" = "TLS/1.3"))]
        enum E {
            A,
        }
    ));
    assert_eq!(
        errors,
        [upgrade("on the type it would go out with every status")]
    );
    for name in [
        "Content-Type",
        "content-length",
        "Content-Encoding",
        "TRANSFER-ENCODING",
        "Connection",
        "Keep-Alive",
        "Proxy-Connection",
        "te",
        "Trailer",
        "Host",
    ] {
        let message = crate::valid::response::header_name_error(name).unwrap();
        assert!(
            message.starts_with(&format!("`{name}` cannot be given here: ")),
            "{message}"
        );
    }
    for name in ["Upgrade", "Tel", "Hosts", "Content-Language", "Trailers"] {
        assert_eq!(
            crate::valid::response::header_name_error(name),
            None,
            "{name}"
        );
    }
}

/// A constant header the status requires has a value; `Allow` may be empty (no method).
#[test]
fn a_required_header_has_a_value() {
    let empty = |name: &str, status: &str, section: &str, needed: &str| {
        format!(
            "`{name}` is empty, and a {status} response must send it (RFC 9110, Section {section}): {needed}"
        )
    };
    let challenge = "a challenge is needed, the authentication scheme the client should use, such as \"Bearer\" (RFC 9110, Section 11.6.1)";
    let (_, errors) = check_derive(quote!(
        #[status(500, response)]
        enum E {
            #[status(401, header("WWW-Authenticate" = ""))]
            A,
            #[status(407, header("Proxy-Authenticate" = ""))]
            B,
            #[status(405, header("Allow" = ""))]
            C,
            #[status(404, header("WWW-Authenticate" = "", "X-Empty" = ""))]
            D,
            #[status(426, header("Upgrade" = ""))]
            F,
        }
    ));
    assert_eq!(
        errors,
        [
            empty("WWW-Authenticate", "401 Unauthorized", "15.5.2", challenge),
            empty(
                "Proxy-Authenticate",
                "407 Proxy Authentication Required",
                "15.5.8",
                "a challenge is needed, the authentication scheme the client should use with the proxy, such as \"Basic\" (RFC 9110, Section 11.7.1)"
            ),
            empty(
                "Upgrade",
                "426 Upgrade Required",
                "15.5.22",
                "the protocols to switch to are needed, such as \"TLS/1.3\" (RFC 9110, Section 7.8)"
            ),
        ]
    );
    // The type's empty header: once, however many variants it reaches; the default status's
    // too.
    for input in [
        quote!(
            #[status(500, response, header("www-authenticate" = ""))]
            enum E {
                #[status(401)]
                A,
                #[status(401)]
                B,
                C,
            }
        ),
        // Variants whose status does not require it come first: the one that does still
        // reports it.
        quote!(
            #[status(500, response, header("www-authenticate" = ""))]
            enum E {
                A,
                #[status(404)]
                B,
                #[status(401)]
                C,
            }
        ),
        quote!(
            #[status(401, response, header("www-authenticate" = ""))]
            enum E {
                A,
                B,
            }
        ),
        quote!(
            #[status(401, response, header("www-authenticate" = ""))]
            struct S;
        ),
    ] {
        let (_, errors) = check_derive(input.clone());
        assert_eq!(
            errors,
            [empty(
                "www-authenticate",
                "401 Unauthorized",
                "15.5.2",
                challenge
            )],
            "{input}"
        );
    }
}

#[test]
fn titles_are_one_line_of_plain_text() {
    use crate::valid::response::title_error;
    for fine in [
        "Out of stock",
        "Café ünïcode: 10% «off»",
        "x",
        "a\u{200B}b",
        "עברית",
    ] {
        assert_eq!(title_error(fine), None, "{fine:?}");
    }
    assert_eq!(
        title_error("").as_deref(),
        Some("a `title` cannot be empty; leave it out for the reason phrase of the status")
    );
    assert!(title_error(" \t").is_some());
    for (bad, escaped, name) in [
        ('\u{061C}', "\\u{61c}", "ARABIC LETTER MARK"),
        ('\u{200E}', "\\u{200e}", "LEFT-TO-RIGHT MARK"),
        ('\u{200F}', "\\u{200f}", "RIGHT-TO-LEFT MARK"),
        ('\u{202A}', "\\u{202a}", "LEFT-TO-RIGHT EMBEDDING"),
        ('\u{202B}', "\\u{202b}", "RIGHT-TO-LEFT EMBEDDING"),
        ('\u{202C}', "\\u{202c}", "POP DIRECTIONAL FORMATTING"),
        ('\u{202D}', "\\u{202d}", "LEFT-TO-RIGHT OVERRIDE"),
        ('\u{202E}', "\\u{202e}", "RIGHT-TO-LEFT OVERRIDE"),
        ('\u{2066}', "\\u{2066}", "LEFT-TO-RIGHT ISOLATE"),
        ('\u{2067}', "\\u{2067}", "RIGHT-TO-LEFT ISOLATE"),
        ('\u{2068}', "\\u{2068}", "FIRST STRONG ISOLATE"),
        ('\u{2069}', "\\u{2069}", "POP DIRECTIONAL ISOLATE"),
    ] {
        assert_eq!(
            title_error(&format!("ab{bad}c")).unwrap(),
            format!(
                "the `title` has `{escaped}` ({name}) at character 3: a bidirectional formatting character changes the order in which the text around it is shown, so what a reader sees is not what was sent; write the text without it"
            )
        );
    }
    for (bad, escaped, code) in [
        ('\n', "\\n", "000A"),
        ('\r', "\\r", "000D"),
        ('\0', "\\0", "0000"),
        ('\t', "\\t", "0009"),
        ('\u{7f}', "\\u{7f}", "007F"),
        ('\u{85}', "\\u{85}", "0085"),
        ('\u{1b}', "\\u{1b}", "001B"),
    ] {
        assert_eq!(
            title_error(&format!("a{bad}")).unwrap(),
            format!(
                "the `title` has `{escaped}` (U+{code}, a control character) at character 2: a title is one line of text shown to people (RFC 9457, Section 3.1.3), and a control character breaks it or what shows it; write the text without it"
            )
        );
    }
    // On the type and on a variant.
    let (_, errors) = check_derive(quote!(
        #[status(500, response, title = "")]
        enum E {
            #[status(404, title = "a\u{202E}")]
            A,
            B,
        }
    ));
    assert_eq!(errors.len(), 2, "{errors:?}");
}

/// String literals take no suffix anywhere in `#[status(...)]`.
#[test]
fn string_literals_with_a_suffix_are_refused() {
    let suffix =
        |text: &str| format!("a string here takes no suffix: write \"{text}\" without `sfx`");
    let item: TokenStream = "#[status(500, response, type = \"about:blank\"sfx, title = \"T\"sfx, \
         header(\"X-T\"sfx = \"v\"sfx))] \
         enum E { \
             #[status(404, type = \"/a\"sfx, title = \"V\"sfx, header(\"X-A\" = \"1\"sfx, \"X-B\"sfx = \"2\"))] \
             A { #[status(header = \"X-C\"sfx)] c: u8, #[status(member = \"m\"sfx)] m: u8 }, \
         }"
    .parse()
    .unwrap();
    let (_, errors) = check_derive(item);
    assert_eq!(
        errors,
        [
            suffix("about:blank"),
            suffix("T"),
            suffix("X-T"),
            suffix("v"),
            suffix("/a"),
            suffix("V"),
            suffix("1"),
            suffix("X-B"),
            suffix("X-C"),
            suffix("m"),
        ]
    );
    let (attrs, errors) = item_attrs(
        "#[status(404, crate = \"status_core\"sfx)] struct S;"
            .parse()
            .unwrap(),
        crate::attr::Place::Type,
    );
    assert_eq!(errors, [suffix("status_core")]);
    assert!(attrs.krate.is_none());
}
