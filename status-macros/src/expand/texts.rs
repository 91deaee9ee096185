//! The texts of every built-in registry code, emitted once in `status-core` and indexed by
//! `code - 100`: generated enums whose members are all built in read these instead of
//! carrying tables of their own.

use proc_macro2::TokenStream;
use quote::quote;

use crate::registry::Registry;

/// Slots for 100..=599.
const SLOTS: usize = 500;

pub fn builtin_texts(registry: &Registry) -> TokenStream {
    let mut reasons = vec![String::new(); SLOTS];
    let mut lines = vec![String::new(); SLOTS];
    let mut descriptions = vec![String::new(); SLOTS];
    let mut references = vec![String::new(); SLOTS];
    for entry in registry.entries().iter().filter(|entry| !entry.local) {
        let slot = usize::from(entry.code - 100);
        reasons[slot].clone_from(&entry.reason);
        lines[slot] = format!("{} {}", entry.code, entry.reason);
        descriptions[slot].clone_from(&entry.description);
        references[slot].clone_from(&entry.reference);
    }
    quote! {
        /// Reason phrases by `code - 100`; empty for an unregistered code.
        pub const REASONS: [&str; #SLOTS] = [#(#reasons),*];
        /// `Display` lines (`"404 Not Found"`) by `code - 100`.
        pub const LINES: [&str; #SLOTS] = [#(#lines),*];
        /// Descriptions by `code - 100`.
        pub const DESCRIPTIONS: [&str; #SLOTS] = [#(#descriptions),*];
        /// References by `code - 100`.
        pub const REFERENCES: [&str; #SLOTS] = [#(#references),*];
    }
}
