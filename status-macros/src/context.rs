//! What the macros know of the crate being compiled, gathered once per macro call from the
//! environment and the crate's manifest, and passed down: no later stage reads either.

use std::path::PathBuf;

use crate::env::Environment;
use crate::frameworks::{Framework, FrameworkRequirement};
use crate::manifest::{self, Manifest};
use crate::registry;
use crate::runtime_path::runtime_path;

/// The crate being compiled, as one macro call sees it.
pub struct Context {
    /// `CARGO_CRATE_NAME`.
    pub crate_name: Option<String>,
    /// How generated code names status-core, unless an item says `#[status(crate = "...")]`.
    pub runtime: syn::Path,
    /// Frameworks the crate depends on at another version than status-core implements.
    pub other_frameworks: Vec<FrameworkRequirement>,
    /// The frameworks the crate depends on itself.
    pub frameworks: Vec<Framework>,
    /// Where the crate's own registry would be (`codes.toml` beside its manifest).
    pub local_registry: Option<PathBuf>,
}

impl Context {
    /// The context of the macro call being expanded.
    pub fn of_call() -> Self {
        let environment = Environment::read();
        let manifest = (environment.manifest.as_deref())
            .map(manifest::read)
            .unwrap_or_default();
        Context::new(environment, manifest)
    }

    fn new(environment: Environment, manifest: Manifest) -> Self {
        Context {
            runtime: runtime_path(&manifest, environment.crate_name.as_deref()),
            other_frameworks: manifest.other_frameworks,
            frameworks: manifest.frameworks,
            crate_name: environment.crate_name,
            // The macro crate's own directory holds the built-in file: its unit tests read no
            // other.
            local_registry: (!cfg!(test))
                .then_some(environment.crate_dir)
                .flatten()
                .map(|dir| dir.join(registry::LOCAL_FILE)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The macro crate's own tests run in its directory, whose manifest has no status-core.
    #[test]
    fn the_context_of_this_crate() {
        let context = Context::of_call();
        let runtime = &context.runtime;
        assert_eq!(quote::quote!(#runtime).to_string(), ":: status_core");
        assert_eq!(context.other_frameworks, []);
        assert_eq!(context.local_registry, None);
    }
}
