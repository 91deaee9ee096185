//! The tables of generated enums and of the built-in codes: code to member, member to text,
//! code to what the registry says of it, each a `const` lookup. Generated code reaches them
//! through `__private`.
//!
//! A generated enum's tables are built by `const` evaluation from its list of codes, so that
//! an expansion grows with the number of members, not with the spread of their codes.

use crate::{HttpStatus, StatusClass, StatusCode};

/// A slot of a position table with no member.
pub const NONE: u16 = u16::MAX;

/// How many codes there are from the first to the last of `codes` (sorted).
pub const fn span(codes: &[u16]) -> usize {
    match codes {
        [first, .., last] => (*last - *first) as usize + 1,
        [_] => 1,
        [] => 0,
    }
}

/// The first of `codes`, where the tables start.
pub const fn first(codes: &[u16]) -> u16 {
    match codes {
        [first, ..] => *first,
        [] => 0,
    }
}

/// For each code of the span of `codes`, its position in `codes`, or [`NONE`].
pub const fn index_table<const SPAN: usize>(codes: &[u16]) -> [u16; SPAN] {
    let mut table = [NONE; SPAN];
    let min = first(codes);
    let mut position = 0;
    while position < codes.len() {
        table[(codes[position] - min) as usize] = position as u16;
        position += 1;
    }
    table
}

/// For each code of the span of `codes`, the member with that code, from the members and
/// their codes, both in code order.
pub const fn lookup_table<T: Copy, const SPAN: usize>(
    members: &[T],
    codes: &[u16],
) -> [Option<T>; SPAN] {
    let mut table = [None; SPAN];
    let min = first(codes);
    let mut position = 0;
    while position < codes.len() {
        table[(codes[position] - min) as usize] = Some(members[position]);
        position += 1;
    }
    table
}

/// `from_code` of a closed enum: one range check and one load. The table starts at the
/// first of `codes`.
#[inline]
pub const fn lookup<T: Copy, const SPAN: usize>(
    table: &[Option<T>; SPAN],
    codes: &[u16],
    code: u16,
) -> Option<T> {
    let slot = code.wrapping_sub(first(codes)) as usize;
    if slot < SPAN { table[slot] } else { None }
}

/// The position of the member with `code`, in an enum with a catch-all.
#[inline]
pub const fn position<const SPAN: usize>(
    index: &[u16; SPAN],
    min: u16,
    code: u16,
) -> Option<usize> {
    let slot = code.wrapping_sub(min) as usize;
    if slot < SPAN && index[slot] != NONE {
        Some(index[slot] as usize)
    } else {
        None
    }
}

/// `From<E> for StatusCode` of an enum whose members are all in `StatusCode`, as the macro
/// checked: the fallback is never taken.
#[inline]
pub const fn status_code_of(code: u16) -> StatusCode {
    match StatusCode::from_code(code) {
        Some(status) => status,
        None => StatusCode::InternalServerError,
    }
}

/// [`status_code_of`] through `HttpStatus`: a call short enough for one line of expansion.
#[inline]
pub fn status_code<T: HttpStatus>(status: T) -> StatusCode {
    status_code_of(status.code())
}

// The texts and facts of every built-in code, by `code - 100`: the expansion of
// `__builtin_tables!`, kept as source (see `code.rs`).
include!("generated/builtin_tables.rs");

/// A bit of [`FLAGS`]: heuristically cacheable (RFC 9110, Section 15.1).
pub const CACHEABLE: u8 = 1;
/// A bit of [`FLAGS`]: never carries content.
pub const NO_CONTENT: u8 = 2;

/// The slot of `code` in the tables of built-in codes, if it has one.
#[inline]
const fn slot(code: u16) -> Option<usize> {
    match code {
        100..=599 => Some((code - 100) as usize),
        _ => None,
    }
}

/// [`FLAGS`] of a code; none for a code outside 100..=599.
#[inline]
const fn flags_of(code: u16) -> u8 {
    match slot(code) {
        Some(slot) => FLAGS[slot],
        None => 0,
    }
}

// What the built-in registry says of a code, read by code: `HttpStatus`'s provided methods,
// the members of enums whose members are all built in, and catch-all values (whose codes
// are `StatusCode`'s or have none of these: vendor codes have none). An unregistered code
// has none either: not cacheable by default, may carry content, no header fields.

/// The built-in registry's reason phrase of a code, vendor codes included; empty for an
/// unregistered code.
#[inline]
pub const fn reason_by_code(code: u16) -> &'static str {
    match slot(code) {
        Some(slot) => REASONS[slot],
        None => "",
    }
}

/// Whether a response with this code is heuristically cacheable.
#[inline]
pub const fn cacheable_of(code: u16) -> bool {
    flags_of(code) & CACHEABLE != 0
}

/// Whether a response with this code may carry content.
#[inline]
pub const fn allows_content_of(code: u16) -> bool {
    flags_of(code) & NO_CONTENT == 0
}

/// Header fields a response with this code MUST send.
#[inline]
pub const fn required_of(code: u16) -> &'static [&'static str] {
    match slot(code) {
        Some(slot) => REQUIRED[slot],
        None => &[],
    }
}

/// Header fields a response with this code SHOULD send.
#[inline]
pub const fn recommended_of(code: u16) -> &'static [&'static str] {
    match slot(code) {
        Some(slot) => RECOMMENDED[slot],
        None => &[],
    }
}

/// The class of a code; outside 100..=599 (a catch-all only) the response is malformed, which
/// is the server's fault.
#[inline]
pub const fn class_of(code: u16) -> StatusClass {
    match StatusClass::from_code(code) {
        Some(class) => class,
        None => StatusClass::ServerError,
    }
}

/// The reason phrase of a catch-all value: `StatusCode`'s, or empty.
pub const fn reason_of(code: u16) -> &'static str {
    match StatusCode::from_code(code) {
        Some(status) => status.reason(),
        None => "",
    }
}

/// The description of a catch-all value: `StatusCode`'s, or empty.
pub const fn description_of(code: u16) -> &'static str {
    match StatusCode::from_code(code) {
        Some(status) => status.description(),
        None => "",
    }
}

/// The reference of a catch-all value: `StatusCode`'s, or empty.
pub const fn reference_of(code: u16) -> &'static str {
    match StatusCode::from_code(code) {
        Some(status) => status.reference(),
        None => "",
    }
}
