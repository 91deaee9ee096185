//! Unit tests of each stage, by stage: parsing, checks, expansions, the OpenAPI table, and
//! properties over generated input. Each pins a behaviour down to the message or generated
//! item, so that a change to it fails here rather than only in the integration tests. The
//! helpers here are shared by all of them.

mod checks;
mod expansions;
mod generated;
mod openapi;
mod parsing;
mod properties;
mod uri;

use proc_macro2::{TokenStream, TokenTree};
use quote::quote;

use crate::context::Context;
use crate::entry;
use crate::registry::{self, Registry};
use crate::valid;

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

fn context(name: Option<&str>) -> Context {
    Context {
        crate_name: name.map(str::to_owned),
        runtime: syn::parse_quote!(::status_core),
        other_frameworks: Vec::new(),
        frameworks: Vec::new(),
        local_registry: None,
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

/// The errors of a derive on a response type with `body` as its variants.
fn response_errors(body: TokenStream) -> Vec<String> {
    check_derive(quote!(
        #[status(500, response)]
        enum E { #body }
    ))
    .1
}

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
