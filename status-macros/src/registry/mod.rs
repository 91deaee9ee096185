//! The registry of status codes: `codes.toml`, parsed once per compiler process.
//!
//! - `model`: entries and the registry that indexes them by code and by name;
//! - `load`: registries made from files: the built-in one, and a crate's own file (read and
//!   cached through `env`);
//! - `read`: a TOML document read into entries, every problem with its position;
//! - `suggest`: registered codes and names near a wrong one, for error messages;
//! - `names`: the spellings of a variant name;
//! - `headers`: header fields the server owns, which no status may ask for;
//! - `text`: characters that hide or reorder text shown to people.

mod headers;
mod load;
mod model;
mod names;
mod read;
mod suggest;
mod text;

pub use headers::owned_header;
#[cfg(test)]
pub use load::builtin;
pub use load::{LOCAL_FILE, Loaded, load};
pub use model::{Entry, Facts, NameMatch, Registry, RegistryError, Standing};
pub use names::screaming_snake_case;
pub use suggest::closest;
pub use text::hidden_character;
