//! `StatusCode`: the expansion of `status_enum!` over every IANA class
//! (`generated/status_code.rs.in`), kept as source so that status-core builds without its
//! macros when the feature `macros` is off; status-macros' tests keep it current.

include!("generated/status_code.rs");
