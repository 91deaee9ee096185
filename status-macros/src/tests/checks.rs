//! The checks (`valid/`): what each accepts, and each mistake's message at its token.

use proc_macro2::TokenStream;
use quote::quote;

use super::*;

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
            checked.builtin_tables,
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
             `#[status(header = \"{header}\")]` on a field that holds its value (or, for a \
             service that does not send it, `waive(\"{header}\")` beside the status)"
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
    use crate::attr::{Place, ResponseAsks};
    use crate::frameworks::Framework;
    let words = "`response(...)` takes `axum` or `actix_web` (that framework's response trait; the other may be written by hand), or `parts` (`problem::ErrorResponse` alone, for framework impls written by hand), and `body = path` with `content_type = \"...\"` (a body of your own)";
    for (item, expected) in [
        (
            quote!(#[status(response(body))] struct S;),
            vec!["`body` takes a value: write `body = path` in `response(...)`".to_owned()],
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
    // `body` alone asks for every framework, as `response` does; with a name, for that one.
    let (attrs, errors) = item_attrs(
        quote!(
            #[status(response(body = envelope, content_type = "text/csv"))]
            struct S;
        ),
        Place::Type,
    );
    assert!(errors.is_empty(), "{errors:?}");
    let response = attrs.response.unwrap();
    assert!(matches!(response.asks, ResponseAsks::Frameworks));
    let body = response.body.unwrap();
    assert_eq!(quote!(#body).to_string(), "envelope");
    assert_eq!(response.content_type.unwrap().value(), "text/csv");
    let ResponseAsks::Named(named) = asks(quote!(
        #[status(response(body = "module::envelope", axum))]
        struct S;
    )) else {
        panic!("a framework named beside `body`");
    };
    assert_eq!(named.len(), 1);
    // A word with a value that is not `body` or `content_type`; a path string with a suffix.
    for (item, expected) in [
        (
            quote!(
                #[status(response(axum = envelope))]
                struct S;
            ),
            "separate the words of `response(...)` with commas: `response(axum, actix_web)`",
        ),
        (
            quote!(
                #[status(response(body = "envelope"json))]
                struct S;
            ),
            "a string here takes no suffix: write \"envelope\" without `json`",
        ),
        (
            quote!(
                #[status(response(body = 42))]
                struct S;
            ),
            "`body` takes the path of a function: `body = path`",
        ),
    ] {
        let (attrs, errors) = item_attrs(item.clone(), Place::Type);
        assert!(attrs.response.is_none(), "{item}");
        assert_eq!(errors, [expected], "{item}");
    }
}

/// `with = "path"` reads the path in the string; a suffix is refused.
#[test]
fn with_takes_a_path() {
    let fields = |item: TokenStream| {
        let item: syn::ItemStruct = syn::parse2(item).unwrap();
        let field = item.fields.iter().next().unwrap().clone();
        let mut errors = crate::errors::Errors::new();
        let attrs = crate::attr::field_attrs(&field, "struct", &mut errors);
        let errors: Vec<String> = errors
            .into_error()
            .map(|error| error.into_iter().map(|e| e.to_string()).collect())
            .unwrap_or_default();
        (attrs.with.map(|path| quote!(#path).to_string()), errors)
    };
    assert_eq!(
        fields(quote!(
            struct S {
                #[status(header = "A", with = "time::hours")]
                a: u32,
            }
        )),
        (Some("time :: hours".to_owned()), Vec::new())
    );
    assert_eq!(
        fields(quote!(
            struct S {
                #[status(header = "A", with = time::hours)]
                a: u32,
            }
        )),
        (Some("time :: hours".to_owned()), Vec::new())
    );
    assert_eq!(
        fields(quote!(
            struct S {
                #[status(header = "A", with = "hours"fmt)]
                a: u32,
            }
        )),
        (
            None,
            vec!["a string here takes no suffix: write \"hours\" without `fmt`".to_owned()]
        )
    );
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
            "`openapi` describes what the derived responses send, and `response(parts)` leaves the framework impls to you: the document would describe a problem+json body that they may not send; drop `openapi`, or say `response` (or `response(axum)`, `response(actix_web)`) to have the derive send it, or say what the body is with `response(parts, body = path)`"
        ]
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
    for fine in ["Out of stock", "Café ünïcode: 10% «off»", "x", "עברית"] {
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
    // Characters that break the line or do not show.
    for (bad, escaped, name, what) in [
        (
            '\u{2028}',
            "\\u{2028}",
            "LINE SEPARATOR",
            "a line or paragraph separator breaks the one line of text",
        ),
        (
            '\u{2029}',
            "\\u{2029}",
            "PARAGRAPH SEPARATOR",
            "a line or paragraph separator breaks the one line of text",
        ),
        (
            '\u{200B}',
            "\\u{200b}",
            "ZERO WIDTH SPACE",
            "a zero-width character does not show",
        ),
        (
            '\u{FEFF}',
            "\\u{feff}",
            "ZERO WIDTH NO-BREAK SPACE",
            "a zero-width character does not show",
        ),
    ] {
        assert_eq!(
            title_error(&format!("ab{bad}c")).unwrap(),
            format!(
                "the `title` has `{escaped}` ({name}) at character 3: {what}, so what a reader sees is not what was sent; write the text without it"
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
    assert!(attrs.crate_path.is_none());
}

#[test]
fn waivers_name_a_required_header_not_sent() {
    assert_eq!(
        response_errors(quote!(
            #[status(404, waive("WWW-Authenticate"))]
            NotRequired,
            #[status(401, waive("WWW-Authenticate"), header("WWW-Authenticate" = "Bearer"))]
            Sent,
            #[status(401, waive("www-authenticate"))]
            SentByField(
                #[status(header = "WWW-Authenticate")]
                String
            ),
            #[status(401, waive("WWW-Authenticate"))]
            Fine,
            #[status(405, waive("allow"))]
            FineInAnotherCase,
        )),
        [
            "`WWW-Authenticate` is not required with 404 Not Found, which requires no header: \
             `waive` is for a header the status requires and the response does not send; drop it",
            "`WWW-Authenticate` is waived and sent: a waiver is for a required header the \
             response does not send; drop one of the two",
            "`www-authenticate` is waived and sent (as `WWW-Authenticate`): a waiver is for a \
             required header the response does not send; drop one of the two",
        ]
    );
    // On the type: a header some status requires, for the variants that do not send it.
    let (_, errors) = check_derive(quote!(
        #[status(500, response, waive("WWW-Authenticate"))]
        enum E {
            #[status(401)]
            A,
            #[status(401, header("WWW-Authenticate" = "Bearer"))]
            B,
            #[status(404)]
            C,
        }
    ));
    assert_eq!(errors, Vec::<String>::new());
    let (_, errors) = check_derive(quote!(
        #[status(500, response, waive("Retry-After", "Bad Name"))]
        enum E {
            #[status(401, header("WWW-Authenticate" = "Bearer"))]
            A,
        }
    ));
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors[0].starts_with("no status of this type requires `Retry-After`"));
    assert!(
        errors[1].contains("is not a valid header name"),
        "{errors:?}"
    );
    // A status known at run time may require any.
    let (_, errors) = check_derive(quote!(
        #[status(500, response, waive("Retry-After"))]
        enum E {
            #[status(transparent)]
            A(u16),
        }
    ));
    assert_eq!(errors, Vec::<String>::new());
    // The type's waiver holds for the variants whose status requires the header and that do
    // not send it: those alone are documented as sent without it.
    let input: syn::DeriveInput = syn::parse2(quote!(
        #[status(500, response, openapi, waive("WWW-Authenticate"))]
        enum E {
            #[status(401, header("WWW-Authenticate" = "Bearer"))]
            Sends,
            #[status(401)]
            Waived,
            #[status(404)]
            NotRequired,
            #[status(transparent)]
            Relayed(u16),
        }
    ))
    .unwrap();
    let parsed = crate::ast::DeriveInput::from_syn(&input);
    let mut errors = crate::errors::Errors::new();
    let registry = builtin();
    let checked = valid::check_derive(&parsed, &registry, &context(None), &mut errors);
    assert!(errors.into_error().is_none());
    let waived: Vec<&[String]> = (checked.arms.iter())
        .map(|arm| arm.response.waived.as_slice())
        .collect();
    let one = ["WWW-Authenticate".to_owned()];
    assert_eq!(waived, [&[][..], &one[..], &[][..], &one[..]]);
    // A transparent variant's names are checked too; the type may not send what it waives.
    assert_eq!(
        response_errors(quote!(
            #[status(transparent, waive("Bad Name", "WWW-Authenticate"))]
            A(u16),
        ))
        .len(),
        1
    );
    let (_, errors) = check_derive(quote!(
        #[status(500, response, waive("Retry-After"), header("retry-after" = "5"))]
        enum E {
            #[status(503)]
            A,
        }
    ));
    assert_eq!(
        errors,
        [
            "`Retry-After` is waived and sent by the type (`header(\"retry-after\" = ...)`): a \
          waiver is for a required header the response does not send; drop one of the two"
        ]
    );
    // A struct's waiver is its own: waived and sent is an error there too, once.
    let (_, errors) = check_derive(quote!(
        #[status(401, response, waive("WWW-Authenticate"))]
        struct S {
            #[status(header = "WWW-Authenticate")]
            challenge: String,
        }
    ));
    assert_eq!(
        errors,
        [
            "`WWW-Authenticate` is waived and sent: a waiver is for a required header the \
          response does not send; drop one of the two"
        ]
    );
    let (_, errors) = check_derive(quote!(
        #[status(404, response, waive("WWW-Authenticate"))]
        struct S;
    ));
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].starts_with("no status of this type requires `WWW-Authenticate`"));
    let (_, errors) = check_derive(quote!(
        #[status(401, response, waive("WWW-Authenticate"))]
        struct S;
    ));
    assert_eq!(errors, Vec::<String>::new());
    // A struct's bad names and what it sends itself: each reported once.
    for (waiver, expected) in [
        (quote!(waive("Bad Name")), "is not a valid header name"),
        (quote!(waive("WWW-Authenticate"suffix)), "takes no suffix"),
        (
            quote!(
                waive("WWW-Authenticate"),
                header("WWW-Authenticate" = "Bearer")
            ),
            "is waived and sent by the type",
        ),
    ] {
        let (_, errors) = check_derive(quote!(
            #[status(401, response, #waiver)]
            struct S;
        ));
        let errors: Vec<&String> = errors
            .iter()
            .filter(|error| !error.starts_with("a 401 Unauthorized response must send"))
            .collect();
        assert_eq!(errors.len(), 1, "{waiver}: {errors:?}");
        assert!(errors[0].contains(expected), "{waiver}: {errors:?}");
    }
    // A missing header's error names the waiver.
    let (_, errors) = check_derive(quote!(
        #[status(500, response)]
        enum E {
            #[status(401, waive("Proxy-Authenticate"))]
            A,
        }
    ));
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors[0].starts_with("`Proxy-Authenticate` is not required with 401"));
    assert!(errors[1].ends_with("`waive(\"WWW-Authenticate\")` beside the status)"));
}

#[test]
fn log_levels_are_known_words() {
    use crate::valid::response::log_level_error;
    for level in ["error", "warn", "info", "debug", "trace", "off"] {
        assert_eq!(log_level_error(level), None, "{level}");
    }
    let known = "`log` takes one of `error`, `warn`, `info`, `debug`, `trace`, `off`";
    for (text, hint) in [
        ("warning", "did you mean `warn`? "),
        ("Debug", "did you mean `debug`? "),
        ("WARN", "did you mean `warn`? "),
        ("err", "did you mean `error`? "),
        ("inf", "did you mean `info`? "),
        ("loud", ""),
        ("", ""),
    ] {
        assert_eq!(
            log_level_error(text).as_deref(),
            Some(format!("unknown log level {text:?}; {hint}{known}").as_str())
        );
    }
    assert_eq!(
        response_errors(quote!(
            #[status(404, log = "verbose")]
            A,
            #[status(404, log = "warn", log = "off")]
            B,
        )),
        [
            format!("unknown log level \"verbose\"; {known}"),
            "`log` is given twice".to_owned()
        ]
    );
}

#[test]
fn content_types_are_media_types() {
    use crate::valid::response::content_type_error;
    for fine in [
        "application/json",
        "application/vnd.api+json",
        "application/json; charset=utf-8",
        "application/problem+json;profile=\"x\"",
        "Application/JSON",
    ] {
        assert_eq!(content_type_error(fine), None, "{fine}");
    }
    for not_json in ["text/plain; charset=utf-8", "application/xml", "text/json"] {
        assert_eq!(
            content_type_error(not_json),
            Some(format!(
                "{not_json:?} is not a JSON media type, and the body is the function's value as \
                 JSON: write \"application/json\" or a `+json` type such as \
                 \"application/vnd.api+json\""
            ))
        );
    }
    let not_media = |text: &str| {
        format!(
            "{text:?} is not a media type: write `type/subtype`, such as \"application/json\" \
             (RFC 9110, Section 8.3.1)"
        )
    };
    for bad in [
        "json",
        "/json",
        "application/",
        "app lication/json",
        "a/b/c",
        "",
    ] {
        assert_eq!(content_type_error(bad), Some(not_media(bad)), "{bad}");
    }
    assert!(
        content_type_error("application/json; charset=utf-8 ")
            .unwrap()
            .contains("no leading or trailing whitespace")
    );
    assert!(
        content_type_error("application/json; caf\u{e9}")
            .unwrap()
            .contains("not allowed")
    );
    // Checked in the derive, with `body` alone.
    let (_, errors) = check_derive(quote!(
        #[status(500, response(parts, body = f, content_type = "json"))]
        struct S;
    ));
    assert_eq!(errors, [not_media("json")]);
    let (_, errors) = check_derive(quote!(
        #[status(500, response(parts, content_type = "application/json"))]
        struct S;
    ));
    assert_eq!(
        errors,
        ["`content_type` is the media type of a body of your own: it goes with `body = path`"]
    );
}

#[test]
fn header_fields_are_sent_by_their_type() {
    use crate::valid::response::{HeaderFormat, HeaderValue};
    let input: syn::DeriveInput = syn::parse2(quote!(
        #[status(429, response)]
        struct S {
            #[status(header = "A")]
            a: Option<u64>,
            #[status(header = "B")]
            b: std::time::Duration,
            #[status(header = "C")]
            c: core::option::Option<Duration>,
            #[status(header = "D")]
            d: SystemTime,
            #[status(header = "E", with = hours)]
            e: Option<u32>,
            #[status(header = "F")]
            f: Option<Vec<u8>, X>,
            #[status(header = "G")]
            g: Duration<u8>,
            #[status(header = "H")]
            h: (Duration),
            #[status(header = "I")]
            i: String,
            #[status(header = "J")]
            j: chrono::Duration,
            #[status(header = "K")]
            k: ::core::time::Duration,
            #[status(header = "L")]
            l: std::time::SystemTime,
            #[status(header = "M")]
            m: time::SystemTime,
        }
    ))
    .unwrap();
    let parsed = crate::ast::DeriveInput::from_syn(&input);
    let mut errors = crate::errors::Errors::new();
    let registry = builtin();
    let checked = valid::check_derive(&parsed, &registry, &context(None), &mut errors);
    assert!(errors.into_error().is_none());
    let formats: Vec<String> = checked.arms[0]
        .response
        .headers
        .iter()
        .map(|header| match &header.value {
            HeaderValue::Field(_, format) => {
                let how = match &format.format {
                    HeaderFormat::Display => "display".to_owned(),
                    HeaderFormat::Seconds => "seconds".to_owned(),
                    HeaderFormat::HttpDate => "date".to_owned(),
                    HeaderFormat::With(path) => format!("with {}", quote!(#path)),
                };
                let ty = &format.value_ty;
                format!("{} {how} {}", format.optional, quote!(#ty))
            }
            HeaderValue::Const(_) => unreachable!(),
        })
        .collect();
    assert_eq!(
        formats,
        [
            "true display u64",
            "false seconds std :: time :: Duration",
            "true seconds Duration",
            "false date SystemTime",
            "true with hours u32",
            "false display Option < Vec < u8 > , X >",
            "false display Duration < u8 >",
            "false seconds (Duration)",
            "false display String",
            "false display chrono :: Duration",
            "false seconds :: core :: time :: Duration",
            "false date std :: time :: SystemTime",
            "false display time :: SystemTime",
        ]
    );
}

/// A type without `response` that says `waive`: the one error that says to add `response`.
#[test]
fn waive_without_response_is_one_error() {
    let (_, errors) = check_derive(quote!(
        #[status(500, waive("Retry-After"))]
        enum E {
            #[status(404)]
            A,
        }
    ));
    assert_eq!(
        errors,
        ["`waive` applies to error responses: add `response` to the type's `#[status(...)]`"]
    );
}
