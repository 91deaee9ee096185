//! The path generated code names status-core by, in the crate being compiled.
//!
//! Generated code names the runtime by an absolute path. A crate that renames the dependency
//! (`status = { package = "status-core", ... }`) has no `::status_core`, only `::status`, so
//! the name is the one the manifest declares status-core under ([`Manifest`]):
//!
//! - status-core itself (its library, tests, examples and doctests) is `::status_core`: it
//!   has `extern crate self as status_core`;
//! - a build script (`build_script_build`) looks in `[build-dependencies]` first; every other
//!   target in `[dependencies]`, then `[dev-dependencies]`, then `[build-dependencies]`;
//! - anything else is `::status_core`: no manifest (a build without cargo), one that cannot be
//!   read or parsed (cargo has rejected it already), or no direct dependency on status-core
//!   (a crate that depends on status-macros alone keeps today's errors at `::status_core`).

use proc_macro2::Span;

use crate::manifest::Manifest;

/// status-core's crate name, and the path used whenever no other is found.
const DEFAULT_NAME: &str = "status_core";

/// `::name` for the crate `crate_name` whose manifest says `manifest`.
pub fn runtime_path(manifest: &Manifest, crate_name: Option<&str>) -> syn::Path {
    path_of(&runtime_name(manifest, crate_name))
}

/// The crate name of status-core for the crate `crate_name` whose manifest says `manifest`.
pub fn runtime_name(manifest: &Manifest, crate_name: Option<&str>) -> String {
    if crate_name == Some(DEFAULT_NAME) || manifest.is_runtime {
        return DEFAULT_NAME.to_owned();
    }
    let names = manifest.runtime_names.clone();
    let name = if crate_name == Some("build_script_build") {
        names.build.or(names.normal).or(names.dev)
    } else {
        names.normal.or(names.dev).or(names.build)
    };
    name.unwrap_or_else(|| DEFAULT_NAME.to_owned())
}

/// `::name`, or `::status_core` if `name` cannot be an identifier (a keyword becomes a raw
/// identifier). The segments have `Span::call_site()`, so that the path resolves in the
/// invoking crate's extern prelude.
fn path_of(name: &str) -> syn::Path {
    let ident = syn::parse_str::<syn::Ident>(name)
        .or_else(|_| syn::parse_str::<syn::Ident>(&format!("r#{name}")))
        .unwrap_or_else(|_| syn::Ident::new(DEFAULT_NAME, Span::call_site()));
    let mut segments = syn::punctuated::Punctuated::new();
    segments.push(syn::PathSegment::from(ident));
    syn::Path {
        leading_colon: Some(Default::default()),
        segments,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::RuntimeNames;

    fn tokens(path: &syn::Path) -> String {
        quote::quote!(#path).to_string().replace(' ', "")
    }

    #[test]
    fn paths_are_absolute_identifiers() {
        assert_eq!(tokens(&path_of("status")), "::status");
        assert_eq!(tokens(&path_of("status_core")), "::status_core");
        assert_eq!(tokens(&path_of("type")), "::r#type");
        assert_eq!(tokens(&path_of("not an ident")), "::status_core");
        assert_eq!(tokens(&path_of("self")), "::status_core");
    }

    #[test]
    fn normal_then_dev_then_build_but_for_build_scripts() {
        let manifest = Manifest {
            runtime_names: RuntimeNames {
                normal: Some("lib_name".to_owned()),
                dev: Some("dev_name".to_owned()),
                build: Some("build_name".to_owned()),
            },
            ..Manifest::default()
        };
        assert_eq!(runtime_name(&manifest, Some("app")), "lib_name");
        assert_eq!(runtime_name(&manifest, None), "lib_name");
        assert_eq!(
            runtime_name(&manifest, Some("build_script_build")),
            "build_name"
        );
        // status-core's own library, whatever the manifest says.
        assert_eq!(runtime_name(&manifest, Some("status_core")), "status_core");
        let own = Manifest {
            is_runtime: true,
            ..manifest
        };
        assert_eq!(runtime_name(&own, Some("some_test")), "status_core");
        assert_eq!(runtime_name(&Manifest::default(), None), "status_core");
    }
}
