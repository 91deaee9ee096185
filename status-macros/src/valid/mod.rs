//! Every check against the registry, in one place. Each error points at the token that is
//! wrong. The checked forms record everything code generation needs, so that `expand` reads
//! nothing else: no environment, no user attribute, no registry lookup.

mod client;
mod derive;
pub mod response;
mod status;
mod status_enum;
pub mod uri;

pub use client::{ArmKey, CheckedClient, ClientArm, FieldDecode, FieldsShape, Source};
pub use derive::{
    AskedBy, Asks, CheckedDerive, CheckedResponse, DeriveArm, Fallback, FrameworkImpl, Mapping,
    check_derive,
};
pub use response::HeaderValue;
#[cfg(test)]
pub use status::code_value;
pub use status::{FormerName, Resolved, check_status_code};
#[cfg(test)]
pub use status_enum::GENERATED_ITEMS;
pub use status_enum::{CatchAll, CheckedEnum, Requested, Shape, check_status_enum};

/// The names of a path's segments, as written (`["std", "time", "Duration"]`).
fn segment_names(path: &syn::Path) -> Vec<String> {
    let segments = path.segments.iter();
    segments.map(|segment| segment.ident.to_string()).collect()
}
