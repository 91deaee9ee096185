//! The texts and facts of every built-in registry code, emitted once in `status-core` and
//! indexed by `code - 100`: generated enums whose members are all built in read these instead
//! of carrying tables of their own, and so do `HttpStatus`'s provided methods.

use proc_macro2::TokenStream;
use quote::quote;

use crate::registry::{Facts, Registry};

/// Slots for 100..=599.
const SLOTS: usize = 500;

pub fn builtin_tables(registry: &Registry) -> TokenStream {
    let mut reasons = vec![String::new(); SLOTS];
    let mut lines = vec![String::new(); SLOTS];
    let mut descriptions = vec![String::new(); SLOTS];
    let mut references = vec![String::new(); SLOTS];
    let mut flags = vec![0_u8; SLOTS];
    let mut required = vec![Vec::new(); SLOTS];
    let mut recommended = vec![Vec::new(); SLOTS];
    for entry in registry.entries().iter().filter(|entry| !entry.local) {
        let slot = usize::from(entry.code - 100);
        reasons[slot].clone_from(&entry.reason);
        lines[slot] = format!("{} {}", entry.code, entry.reason);
        descriptions[slot].clone_from(&entry.description);
        references[slot].clone_from(&entry.reference);
        flags[slot] = fact_flags(&entry.facts);
        required[slot].clone_from(&entry.facts.requires);
        recommended[slot].clone_from(&entry.facts.recommends);
    }
    let flags = flags.into_iter().map(proc_macro2::Literal::u8_unsuffixed);
    let required = required.iter().map(|names| quote!(&[#(#names),*]));
    let recommended = recommended.iter().map(|names| quote!(&[#(#names),*]));
    quote! {
        /// Reason phrases by `code - 100`; empty for an unregistered code.
        pub const REASONS: [&str; #SLOTS] = [#(#reasons),*];
        /// `Display` lines (`"404 Not Found"`) by `code - 100`.
        pub const LINES: [&str; #SLOTS] = [#(#lines),*];
        /// Descriptions by `code - 100`.
        pub const DESCRIPTIONS: [&str; #SLOTS] = [#(#descriptions),*];
        /// References by `code - 100`.
        pub const REFERENCES: [&str; #SLOTS] = [#(#references),*];
        /// `CACHEABLE` and `NO_CONTENT` by `code - 100`.
        pub const FLAGS: [u8; #SLOTS] = [#(#flags),*];
        /// Header fields a response MUST send, by `code - 100`.
        pub const REQUIRED: [&[&str]; #SLOTS] = [#(#required),*];
        /// Header fields a response SHOULD send, by `code - 100`.
        pub const RECOMMENDED: [&[&str]; #SLOTS] = [#(#recommended),*];
    }
}

/// The bits of `status_core::__private::FLAGS` for an entry: `CACHEABLE` (1) and
/// `NO_CONTENT` (2).
fn fact_flags(facts: &Facts) -> u8 {
    u8::from(facts.cacheable) | u8::from(facts.no_content) << 1
}
