//! Parsing (`ast.rs`, `attr.rs`): what the input and its attributes say, and the mistakes of
//! form.

use proc_macro2::TokenStream;
use quote::quote;

use super::*;

// ---- attr.rs ------------------------------------------------------------------------------

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
    let krate = attrs.crate_path.unwrap();
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
    assert!(attrs.crate_path.is_none());

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
                "unknown word `code` on the type; the type's `#[status(...)]` takes a status (`404` or `NotFound`), `transparent`, `response`, `response(parts)`, `openapi`, `client`, `detail`, `header(\"Name\" = \"value\")`, `type = \"...\"`, `title = \"...\"`, `waive(\"Name\")`, `log = \"warn\"` or `crate = \"...\"`",
            ],
        ),
        (
            quote!(
                #[status(reason("x"))]
                struct S;
            ),
            "broken",
            &[
                "unknown word `reason` on the type; the type's `#[status(...)]` takes a status (`404` or `NotFound`), `transparent`, `response`, `response(parts)`, `openapi`, `client`, `detail`, `header(\"Name\" = \"value\")`, `type = \"...\"`, `title = \"...\"`, `waive(\"Name\")`, `log = \"warn\"` or `crate = \"...\"`",
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
    assert!(attrs.response.is_none() && attrs.crate_path.is_none());
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
    if let Some(krate) = &options.crate_path {
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
            "unknown word `colour` on a variant; a variant's `#[status(...)]` takes a status (`404` or `NotFound`), `transparent`, `detail`, `header(\"Name\" = \"value\")`, `type = \"...\"`, `title = \"...\"`, `waive(\"Name\")` or `log = \"warn\"`"
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
            "unknown word `colour` on a field; a field's `#[status(...)]` takes `transparent`, `header = \"Name\"`, `member`, `member = \"name\"` or `with = path`",
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
