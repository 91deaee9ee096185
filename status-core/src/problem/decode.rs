//! What the code `#[status(response, client)]` writes calls to read a document back: a
//! member, a header by its field's type, and a `transparent` field from the status (method
//! resolution decides how, by autoref, as in `delegate`). Reached through `__private::client`.

// Support for generated code, reached through the hidden `__private`: documented for readers of
// this crate, not as API.
#![allow(missing_docs)]

use core::marker::PhantomData;
use core::time::Duration;

use super::client::{FromProblem, Problem, delta_seconds};
use super::http_date;

/// The text of the header `name`, when sent once as visible ASCII (without surrounding
/// spaces): a header a field is sent as is one line.
pub fn header<'a>(headers: &'a http::HeaderMap, name: &str) -> Option<&'a str> {
    let mut values = headers.get_all(name).iter();
    let (value, None) = (values.next()?, values.next()) else {
        return None;
    };
    Some(value.to_str().ok()?.trim_matches([' ', '\t']))
}

/// A `Duration` sent as delta-seconds.
pub fn seconds(text: &str) -> Option<Duration> {
    delta_seconds(text).map(Duration::from_secs)
}

/// A `SystemTime` sent as an HTTP-date (any of its three formats).
pub fn http_date(text: &str) -> Option<std::time::SystemTime> {
    let now = super::client::now_since_epoch();
    let since_epoch = Duration::from_secs(http_date::parse(text, now)?);
    std::time::UNIX_EPOCH.checked_add(since_epoch)
}

/// A `transparent` field of type `T`, read back: from the status when `T: TryFrom<u16>` (a
/// status type) and the document has the arm's `type`; else by `T`'s own `FromProblem` (an
/// error response that decodes itself); else not at all. Called on `&&Decode<T>`: the impl of
/// [`ByStatus`] for `&&Decode<T>` comes first, then [`ByFromProblem`] for `&&&Decode<T>`,
/// then [`NotDecoded`] for `&Decode<T>`.
pub struct Decode<T>(PhantomData<fn() -> T>);

impl<T> Decode<T> {
    pub const fn new() -> Self {
        Decode(PhantomData)
    }
}

impl<T> Default for Decode<T> {
    fn default() -> Self {
        Decode::new()
    }
}

/// The rungs of [`Decode`]'s autoref ladder: one trait each, the same method. The method's
/// arguments: the status, the headers and the document; the arm's `problem_type` (for a status
/// field); whether the variant says its own `type` (then a field that decodes itself never sees
/// its own document).
macro_rules! rungs {
    ($($rung:ident),*) => {$(
        pub trait $rung<T> {
            fn decode(
                self,
                status: u16,
                headers: &http::HeaderMap,
                problem: &Problem,
                problem_type: &str,
                own_type: bool,
            ) -> Option<T>;
        }
    )*};
}

rungs!(ByStatus, ByFromProblem, NotDecoded);

impl<T: TryFrom<u16>> ByStatus<T> for &&Decode<T> {
    fn decode(
        self,
        status: u16,
        _: &http::HeaderMap,
        problem: &Problem,
        problem_type: &str,
        _: bool,
    ) -> Option<T> {
        if problem.problem_type() != problem_type {
            return None;
        }
        T::try_from(status).ok()
    }
}

impl<T: FromProblem> ByFromProblem<T> for &&&Decode<T> {
    fn decode(
        self,
        status: u16,
        headers: &http::HeaderMap,
        problem: &Problem,
        _: &str,
        own_type: bool,
    ) -> Option<T> {
        match own_type {
            true => None,
            false => T::from_problem(status, headers, problem),
        }
    }
}

impl<T> NotDecoded<T> for &Decode<T> {
    fn decode(self, _: u16, _: &http::HeaderMap, _: &Problem, _: &str, _: bool) -> Option<T> {
        None
    }
}

/// Whether the document's `status` member, if any, is the status line's: one that disagrees
/// came from another hop (a proxy's document around a service's), and is decoded as nothing.
pub fn agrees(status: u16, problem: &Problem) -> bool {
    problem.status.is_none_or(|sent| sent == status)
}
