//! The expansions (`expand/`): what each generates, item by item.

use proc_macro2::TokenStream;
use quote::quote;

use super::*;

// ---- expand/* -----------------------------------------------------------------------------

const CLOSED_IMPLS: [&str; 8] = [
    "E",
    ":: status_core :: HttpStatus for E",
    ":: status_core :: StatusSet for E",
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
            ":: status_core :: HttpStatus for E",
            ":: status_core :: StatusSet for E",
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
            ":: status_core :: __private :: __impl_response ! { requested [] # [automatically_derived] impl < T > :: status_core :: problem :: ErrorResponse for S < T > where Self : :: core :: fmt :: Display + :: core :: fmt :: Debug , { fn shows_detail (& self) -> :: core :: primitive :: bool { match self { Self { .. } => true , } } } }",
            ":: status_core :: __private :: __any_framework ! { [:: core :: compile_error ! (\"`response` implements the error responses of the web frameworks whose feature of status-core is on (`axum`, `actix-web`), and none is: turn one on, or say `response(parts)` to implement `problem::ErrorResponse` alone and write the framework's impl by hand\") ;] }",
            ":: status_core :: __private :: __impl_axum ! { # [automatically_derived] impl < T > :: status_core :: __private :: axum :: response :: IntoResponse for S < T > where for < '__response > Self : :: status_core :: problem :: ErrorResponse , { fn into_response (self) -> :: status_core :: __private :: axum :: response :: Response { :: status_core :: problem :: axum_response (& self) } } }",
            ":: status_core :: __private :: __impl_actix_web ! { # [automatically_derived] impl < T > :: status_core :: __private :: actix_web :: ResponseError for S < T > where for < '__response > Self : :: status_core :: problem :: ErrorResponse , { fn status_code (& self) -> :: status_core :: __private :: actix_web :: http :: StatusCode { :: status_core :: problem :: actix_status (self) } fn error_response (& self) -> :: status_core :: __private :: actix_web :: HttpResponse { :: status_core :: problem :: actix_response (self) } } }",
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
    let methods = e.macros[0]
        .split_once("ErrorResponse for S where {")
        .unwrap()
        .1;
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
        headers.contains("Self :: Auth { .. } => { __header (\"X-Trace\" , :: status_core :: problem :: HeaderValueText :: constant (\"on\")) ; __header (\"WWW-Authenticate\" , :: status_core :: problem :: HeaderValueText :: constant (\"Token\")) ; }"),
        "{headers}"
    );
    assert!(
        headers.contains("Self :: Slow { seconds : __field_seconds , .. } => { __header (\"X-Trace\" , :: status_core :: problem :: HeaderValueText :: constant (\"on\")) ; __header (\"Retry-After\" , :: status_core :: problem :: HeaderValueText :: display (:: status_core :: problem :: HeaderText :: header_text (__field_seconds))) ; }"),
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

/// A derive that failed with `response` (and `openapi`) asked for still implements each trait
/// asked for, bodiless, so that its error is the only one; without `response`, none.
#[test]
fn a_failed_response_derive_still_implements_its_traits() {
    let output = entry::derive(quote!(
        #[status(NotFund, response(axum, actix_web), openapi)]
        #[derive(Debug)]
        struct S<T>(T);
    ))
    .to_string();
    assert!(output.contains(":: status_core :: __private :: __impl_response ! { requested [] impl < T > :: status_core :: problem :: ErrorResponse for S < T > where Self : :: core :: fmt :: Display + :: core :: fmt :: Debug , { } }"), "{output}");
    assert!(output.contains(":: status_core :: __private :: __impl_axum ! { # [automatically_derived] impl < T > :: status_core :: __private :: axum :: response :: IntoResponse for S < T >"), "{output}");
    assert!(output.contains(":: status_core :: __private :: __impl_actix_web ! { # [automatically_derived] impl < T > :: status_core :: __private :: actix_web :: ResponseError for S < T >"), "{output}");
    assert!(output.contains(":: status_core :: __private :: __impl_into_responses ! { requested [] impl < T > :: status_core :: utoipa :: IntoResponses for S < T > where { fn responses () -> :: status_core :: __private :: openapi :: Responses { :: core :: unreachable ! () } } }"), "{output}");
    let concrete = entry::derive(quote!(
        #[status(NotFund, response(parts))]
        struct S;
    ))
    .to_string();
    assert!(
        concrete.contains("impl :: status_core :: problem :: ErrorResponse for S where { } }"),
        "{concrete}"
    );
    assert!(
        !concrete.contains("__impl_axum") && !concrete.contains("IntoResponses"),
        "{concrete}"
    );
    let plain = entry::derive(quote!(
        #[status(NotFund)]
        struct S;
    ))
    .to_string();
    assert!(!plain.contains("ErrorResponse"), "{plain}");
    // A failed derive that did not ask for `openapi` gets no `IntoResponses`.
    let without = entry::derive(quote!(
        #[status(NotFund, response(axum))]
        struct S;
    ))
    .to_string();
    assert!(without.contains("__impl_axum"), "{without}");
    assert!(!without.contains("IntoResponses"), "{without}");
    // `openapi` without `response`: its error, and no `IntoResponses`.
    let alone = entry::derive(quote!(
        #[status(404, openapi)]
        struct S;
    ))
    .to_string();
    assert!(!alone.contains("IntoResponses"), "{alone}");
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
    let output = entry::builtin_tables();
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
    let output =
        crate::expand::track(&crate::env::include_path("/c/app/codes.toml".as_ref()).unwrap());
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
        let message = crate::env::include_path(path.as_ref()).unwrap_err();
        assert!(
            message.starts_with("cannot track `/c/")
                && message.contains(
                    "/codes.toml` for rebuilds: its path is not UTF-8, which `include_bytes!` needs"
                ),
            "{message}"
        );
    }
}

/// A bare `response` in a crate that depends on a framework itself asks for that framework's
/// impl alone, an error at `response` if its feature is off: whatever features other crates
/// turn on, the same impls.
#[test]
fn response_follows_the_frameworks_the_crate_depends_on() {
    let input: syn::DeriveInput = syn::parse_quote!(
        #[status(404, response)]
        struct S;
    );
    let parsed = crate::ast::DeriveInput::from_syn(&input);
    let registry = builtin();
    let mut context = context(None);
    context.frameworks = vec![crate::frameworks::Framework::Axum];
    let mut errors = crate::errors::Errors::new();
    let checked = valid::check_derive(&parsed, &registry, &context, &mut errors);
    assert!(errors.into_error().is_none());
    let output = crate::expand::derive(&checked).to_string();
    assert!(
        output.contains(":: status_core :: __private :: __impl_axum ! { requested [:: core :: compile_error ! (\"`response` implements the error responses of the frameworks this crate depends on, axum among them, and status-core's `axum` feature is off: turn it on, or name the frameworks to implement (`response(axum)`, `response(actix_web)`), or say `response(parts)`\") ;] # [automatically_derived] impl :: status_core :: __private :: axum"),
        "{output}"
    );
    assert!(!output.contains("__impl_actix_web"), "{output}");
    assert!(!output.contains("__any_framework"), "{output}");
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
        crate::frameworks::FrameworkRequirement {
            framework: crate::frameworks::Framework::Axum,
            requirement: "0.7".to_owned(),
        },
        crate::frameworks::FrameworkRequirement {
            framework: crate::frameworks::Framework::ActixWeb,
            requirement: "3.3".to_owned(),
        },
    ];
    let mut errors = crate::errors::Errors::new();
    let checked = valid::check_derive(&parsed, &registry, &context, &mut errors);
    assert!(errors.into_error().is_none());
    let output = crate::expand::derive(&checked).to_string();
    assert!(
        output.contains(":: status_core :: __private :: __impl_axum ! { other_version [:: core :: compile_error ! (\"this crate depends on axum `0.7`, and status-core's `axum` feature implements the error responses of axum 0.8: a handler returning this type would not compile; move to axum 0.8, or say `response(parts)` and write the `IntoResponse` impl (see `status_core::problem`)\") ;] }"),
        "{output}"
    );
    assert!(
        output.contains(":: status_core :: __private :: __impl_actix_web ! { other_version [:: core :: compile_error ! (\"this crate depends on actix-web `3.3`, and status-core's `actix-web` feature implements the error responses of actix-web 4: a handler returning this type would not compile; move to actix-web 4, or say `response(parts)` and write the `ResponseError` impl (see `status_core::problem`)\") ;] }"),
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
        !crate::expand::derive(&checked)
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
    let output = crate::expand::derive(&checked).to_string();
    assert!(
        output.contains(":: status_core :: __private :: __impl_actix_web ! { other_version"),
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
        crate::expand::derive(&checked).to_string()
    };
    // With `client`, the type is whole without a framework: no error then.
    let client = expand(quote!(
        #[status(404, response, client)]
        struct S;
    ));
    assert!(!client.contains("__any_framework"), "{client}");
    assert!(
        client.contains("__impl_axum") && client.contains("__impl_client"),
        "{client}"
    );
    let all = expand(quote!(
        #[status(404, response)]
        struct S;
    ));
    assert!(all.contains(":: status_core :: __private :: __any_framework ! { [:: core :: compile_error ! (\"`response` implements the error responses of the web frameworks whose feature of status-core is on (`axum`, `actix-web`), and none is: turn one on, or say `response(parts)` to implement `problem::ErrorResponse` alone and write the framework's impl by hand\") ;] }"), "{all}");
    assert!(
        all.contains(":: status_core :: __private :: __impl_axum ! { # [automatically_derived] impl :: status_core :: __private :: axum :: response :: IntoResponse for S where for < '__response > Self : :: status_core :: problem :: ErrorResponse , { fn into_response (self) -> :: status_core :: __private :: axum :: response :: Response { :: status_core :: problem :: axum_response (& self) } } }"),
        "{all}"
    );
    assert!(
        all.contains(":: status_core :: __private :: __impl_actix_web ! { # [automatically_derived] impl :: status_core :: __private :: actix_web :: ResponseError for S where for < '__response > Self : :: status_core :: problem :: ErrorResponse , { fn status_code (& self) -> :: status_core :: __private :: actix_web :: http :: StatusCode { :: status_core :: problem :: actix_status (self) } fn error_response (& self) -> :: status_core :: __private :: actix_web :: HttpResponse { :: status_core :: problem :: actix_response (self) } } }"),
        "{all}"
    );
    assert!(
        all.contains(":: status_core :: __private :: __impl_response ! { requested [] # [automatically_derived] impl :: status_core :: problem :: ErrorResponse for S"),
        "{all}"
    );
    let axum = expand(quote!(
        #[status(404, response(axum))]
        struct S;
    ));
    assert!(axum.contains(":: status_core :: __private :: __impl_axum ! { requested [:: core :: compile_error ! (\"`response(axum)` needs the `axum` feature of status-core\") ;] # [automatically_derived] impl :: status_core :: __private :: axum"), "{axum}");
    assert!(
        !axum.contains("__impl_actix_web") && !axum.contains("__any_framework"),
        "{axum}"
    );
    let actix = expand(quote!(
        #[status(404, response(actix_web))]
        struct S;
    ));
    assert!(actix.contains(":: status_core :: __private :: __impl_actix_web ! { requested [:: core :: compile_error ! (\"`response(actix_web)` needs the `actix-web` feature of status-core\") ;] # [automatically_derived] impl :: status_core :: __private :: actix_web"), "{actix}");
    assert!(!actix.contains("__impl_axum"), "{actix}");
    let parts = expand(quote!(
        #[status(404, response(parts))]
        struct S;
    ));
    assert!(parts.contains(":: status_core :: __private :: __impl_response ! { requested [:: core :: compile_error ! (\"`response(parts)` needs the `problem` feature of status-core (`axum` and `actix-web` turn it on too)\") ;] # [automatically_derived] impl"), "{parts}");
    assert!(
        !parts.contains("__impl_axum")
            && !parts.contains("__impl_actix_web")
            && !parts.contains("__any_framework"),
        "{parts}"
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
            "Self :: Inner {{ 0 : __field_0 , .. }} => {{ __header (\"X-A\" , :: status_core :: problem :: HeaderValueText :: constant (\"1\")) ; {} (& [\"X-A\"] , __header) ; }}",
            call("__field_0", "headers")
        )),
        "{text}"
    );
    // A field both transparent and a header is bound once.
    assert!(
        text.contains(&format!(
            "Self :: Named {{ inner : __field_inner , .. }} => {{ __header (\"X-B\" , :: status_core :: problem :: HeaderValueText :: display (:: status_core :: problem :: HeaderText :: header_text (__field_inner))) ; {} (& [\"X-B\"] , __header) ; }}",
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
            "Self :: A {{ 0 : __field_0 , .. }} => {{ if ! {0} . inner_sends_header (\"Retry-After\") {{ __header (\"Retry-After\" , :: status_core :: problem :: HeaderValueText :: constant (\"5\")) ; }} {0} . inner_headers (& [] , __header) ; }}",
            inner("__field_0")
        )),
        "{headers}"
    );
    // The variant's own header replaces the type's and is not taken from the field.
    assert!(
        headers.contains(&format!(
            "{{ __header (\"Retry-After\" , :: status_core :: problem :: HeaderValueText :: display (:: status_core :: problem :: HeaderText :: header_text (__field_seconds))) ; {} . inner_headers (& [\"Retry-After\"] , __header) ; }}",
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

/// The methods of the new response model exist where the type or a variant asks for them,
/// and only there.
#[test]
fn log_waive_and_body_methods_where_asked() {
    let output = entry::derive(quote!(
        #[status(500, response(parts, body = envelope, content_type = "application/vnd+json"))]
        enum E {
            #[status(401, waive("WWW-Authenticate"), log = "debug")]
            A,
            #[status(404)]
            B,
            #[status(transparent)]
            C(Inner),
        }
    ));
    let text = output.to_string();
    for expected in [
        "fn log_level (& self ,) -> :: core :: option :: Option < :: status_core :: problem :: LogLevel >",
        "Self :: A { .. } => :: core :: option :: Option :: Some (:: status_core :: problem :: LogLevel :: Debug)",
        "inner_log_level () . flatten () . or (:: core :: option :: Option :: None)",
        "fn waives_header (& self , __name : & :: core :: primitive :: str) -> :: core :: primitive :: bool",
        "Self :: A { .. } => :: status_core :: __private :: named (& [\"WWW-Authenticate\"] , __name)",
        "false || (& :: status_core :: __private :: InnerResponse (__field_0)) . inner_waives_header (__name)",
        "fn content_type (& self) -> & 'static :: core :: primitive :: str { \"application/vnd+json\" }",
        ":: status_core :: problem :: ResponseBody :: serialize_body (& envelope (self) , __serializer)",
    ] {
        assert!(text.contains(expected), "{expected}\nnot in\n{text}");
    }
    let plain = entry::derive(quote!(
        #[status(500, response(parts))]
        enum E {
            #[status(404)]
            B,
        }
    ))
    .to_string();
    for absent in [
        "log_level",
        "waives_header",
        "content_type",
        "serialize_body",
    ] {
        assert!(!plain.contains(absent), "{absent} in {plain}");
    }
    // The type's level for the variants without one, and after the field's.
    let typed = entry::derive(quote!(
        #[status(500, response(parts), log = "off")]
        enum E {
            #[status(404, log = "info")]
            A,
            B,
            #[status(transparent)]
            C(Inner),
        }
    ))
    .to_string();
    for expected in [
        "Self :: A { .. } => :: core :: option :: Option :: Some (:: status_core :: problem :: LogLevel :: Info)",
        "Self :: B { .. } => :: core :: option :: Option :: Some (:: status_core :: problem :: LogLevel :: Off)",
        "inner_log_level () . flatten () . or (:: core :: option :: Option :: Some (:: status_core :: problem :: LogLevel :: Off))",
    ] {
        assert!(typed.contains(expected), "{expected}\nnot in\n{typed}");
    }
}

/// Each header field's value by its type: an `Option` sent when `Some`, a `Duration` in
/// seconds, a `SystemTime` as a date, `with` by the function.
#[test]
fn header_values_by_their_type() {
    let text = entry::derive(quote!(
        #[status(503, response(parts))]
        struct S {
            #[status(header = "A")]
            a: Option<u64>,
            #[status(header = "B")]
            b: Duration,
            #[status(header = "C")]
            c: SystemTime,
            #[status(header = "D", with = hours)]
            d: u32,
        }
    ))
    .to_string();
    for expected in [
        "if let :: core :: option :: Option :: Some (__value) = __field_a { __header (\"A\" , :: status_core :: problem :: HeaderValueText :: display (:: status_core :: problem :: HeaderText :: header_text (__value))) ; }",
        "__header (\"B\" , :: status_core :: problem :: HeaderValueText :: display (& :: status_core :: problem :: DeltaSeconds (* __field_b))) ;",
        "__header (\"C\" , :: status_core :: problem :: HeaderValueText :: display (& :: status_core :: problem :: HttpDate :: since_epoch (:: std :: time :: SystemTime :: duration_since (__field_c , :: std :: time :: UNIX_EPOCH) . ok () ,))) ;",
        "__header (\"D\" , :: status_core :: problem :: HeaderValueText :: display (& hours (__field_d))) ;",
    ] {
        assert!(text.contains(expected), "{expected}\nnot in\n{text}");
    }
}
