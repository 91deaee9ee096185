//! Features are additive for real: turning on a feature of status-core in one crate of a
//! build never breaks another crate of it. Real throwaway workspaces, each tested with one
//! `cargo test --workspace --lib` (which unifies the features of all its crates):
//!
//! - a crate that hand-writes `Serialize` and `From<E> for http::StatusCode` for its
//!   `status_enum!` types, or derives a trait named `Serialize`, while another turns on `http`
//!   and `serde`;
//! - a crate with its own `impl HttpStatus for Box<Local>` and its own `to_http` method on
//!   every `HttpStatus`, while another turns on `http` and `alloc`;
//! - (with the tests' `axum` and `actix-web` features) crates that say `response(axum)` or
//!   `response(parts)` and write the other framework impls by hand, and their own `to_actix`,
//!   while another turns on `axum` and `actix-web`.

use status_tests::fixture::{Fixtures, status_core_path};

const FIXTURES: Fixtures = Fixtures::new(env!("CARGO_TARGET_TMPDIR"), "additive-features");

/// `handwritten` asks for no feature and writes the impls itself.
const HANDWRITTEN: &str = r#"
use status_core::status_enum;

status_enum! {
    /// Serialized by hand, as a string.
    pub enum Hand { Ok, NotFound }
}

impl serde::Serialize for Hand {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.reason())
    }
}

impl From<Hand> for http::StatusCode {
    fn from(status: Hand) -> Self {
        http::StatusCode::from_u16(status.code()).unwrap()
    }
}

/// A derive named `Serialize` that is not serde's, as rkyv has.
mod archive {
    pub use serde::Serialize;
}

status_enum! {
    /// The user's own derive, whatever its name; no guessing.
    #[derive(archive::Serialize)]
    pub enum Derived { Ok, Gone }
}

status_enum! {
    /// An optional derive whose feature is off: no impl either way.
    #[cfg_attr(feature = "off", derive(serde::Serialize))]
    pub enum Optional { Ok, 499, Other(u16) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_impls_are_used() {
        assert_eq!(serde_json::to_string(&Hand::NotFound).unwrap(), "\"Not Found\"");
        assert_eq!(http::StatusCode::from(Hand::Ok), http::StatusCode::OK);
        assert_eq!(serde_json::to_string(&Derived::Gone).unwrap(), "\"Gone\"");
        assert_eq!(Optional::from(499), Optional::ClientClosedRequest);
    }
}
"#;

/// `own_impls` writes, for status-core's traits, what no feature may then add.
const OWN_IMPLS: &str = r#"
use status_core::{HttpStatus, StatusCode};

/// A status of this crate, which also works boxed: `Box` is fundamental, so the crate may
/// write the impl for `Box<Local>` itself.
#[derive(Debug, HttpStatus)]
#[status(409)]
pub struct Local;

impl HttpStatus for Box<Local> {
    fn code(&self) -> u16 {
        (**self).code()
    }
}

/// This crate's own conversion, under the name of status-core's extension method.
pub trait Wire {
    fn to_http(&self) -> http::StatusCode;
}

impl<T: HttpStatus + ?Sized> Wire for T {
    fn to_http(&self) -> http::StatusCode {
        // Its own rule: what `http` refuses is a bad gateway here.
        http::StatusCode::from_u16(self.code()).unwrap_or(http::StatusCode::BAD_GATEWAY)
    }
}

pub fn boxed() -> Box<Local> {
    Box::new(Local)
}

/// The crate's own method, called as a method.
pub fn on_the_wire(status: StatusCode) -> http::StatusCode {
    status.to_http()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_pointer_impl_and_method_are_used() {
        assert_eq!(boxed().code(), 409);
        assert_eq!(StatusCode::NotFound.to_http(), http::StatusCode::NOT_FOUND);
        assert_eq!(boxed().to_http(), http::StatusCode::CONFLICT);
    }
}
"#;

/// `enabler` turns the features on, and asks for them on its own enum.
const ENABLER: &str = r#"
status_core::status_enum! {
    #[status(http, serde)]
    pub enum Asked { Ok, NotFound }
}

status_core::status_enum! {
    /// Asks for nothing: the extension trait works on it all the same.
    pub enum Relayed { Ok, Other(u16) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use status_core::http::ToHttp;

    #[test]
    fn features_reach_only_who_asked() {
        assert_eq!(serde_json::to_string(&Asked::NotFound).unwrap(), "404");
        assert_eq!(http::StatusCode::from(Asked::NotFound), http::StatusCode::NOT_FOUND);
        assert_eq!(serde_json::to_string(&handwritten::Hand::Ok).unwrap(), "\"OK\"");
        assert_eq!(serde_json::to_string(&status_core::StatusCode::Gone).unwrap(), "410");
        // The extension trait, where it is imported; the crate's own method, where it is.
        assert_eq!(Relayed::Other(1000).to_http(), http::StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(Asked::NotFound.to_http(), http::StatusCode::NOT_FOUND);
        assert_eq!(own_impls::Wire::to_http(&Relayed::Other(1000)), http::StatusCode::BAD_GATEWAY);
        assert_eq!(own_impls::boxed().to_http(), http::StatusCode::CONFLICT);
    }
}
"#;

/// A crate of a fixture workspace: its name, the features of status-core it turns on, its
/// other dependencies (lines of `[dependencies]`) and its `lib.rs`.
struct Member<'a> {
    name: &'a str,
    features: &'a [&'a str],
    dependencies: &'a str,
    lib: &'a str,
}

fn manifest(member: &Member) -> String {
    let features: Vec<String> = member.features.iter().map(|f| format!("{f:?}")).collect();
    format!(
        "[package]\nname = \"{}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\nstatus-core = {{ path = {}, features = [{}] }}\n\
         serde = {{ version = \"1\", features = [\"derive\"] }}\nserde_json = \"1\"\nhttp = \"1\"\n{}\n\
         [features]\noff = []\n",
        member.name,
        status_core_path(),
        features.join(", "),
        member.dependencies,
    )
}

/// Writes the workspace `name` of these crates, runs `cargo test --workspace --lib` in it,
/// and asserts that it passes and that each of `tests` passed.
fn test_workspace(name: &str, members: &[Member], tests: &[&str]) {
    let names: Vec<String> = members.iter().map(|m| format!("{:?}", m.name)).collect();
    let workspace = format!(
        "[workspace]\nresolver = \"3\"\nmembers = [{}]\n",
        names.join(", ")
    );
    let mut files = vec![("Cargo.toml".to_owned(), workspace)];
    for member in members {
        files.push((format!("{}/Cargo.toml", member.name), manifest(member)));
        files.push((format!("{}/src/lib.rs", member.name), member.lib.to_owned()));
    }
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let fixture = FIXTURES.write(name, &files);
    // `--lib`: the tests are in `lib.rs`; doctests, one rustdoc run per crate, would assert
    // nothing.
    let stdout = fixture
        .cargo(&["test", "--workspace", "--lib"])
        .expect_success();
    for test in tests {
        assert!(
            stdout.contains(&format!("test tests::{test} ... ok")),
            "{test} did not pass:\n{stdout}"
        );
    }
}

#[test]
fn enabling_features_elsewhere_breaks_no_crate() {
    let members = [
        Member {
            name: "handwritten",
            features: &[],
            dependencies: "",
            lib: HANDWRITTEN,
        },
        Member {
            name: "own_impls",
            features: &[],
            dependencies: "",
            lib: OWN_IMPLS,
        },
        Member {
            name: "enabler",
            features: &["http", "serde", "alloc"],
            dependencies: "handwritten = { path = \"../handwritten\" }\n\
                           own_impls = { path = \"../own_impls\" }",
            lib: ENABLER,
        },
    ];
    test_workspace(
        "plain",
        &members,
        &[
            "own_impls_are_used",
            "own_pointer_impl_and_method_are_used",
            "features_reach_only_who_asked",
        ],
    );
}

/// `by_hand` says `response(axum)` and writes actix-web's `ResponseError` itself, with its own
/// `to_actix`.
#[cfg(all(feature = "axum", feature = "actix-web"))]
const BY_HAND: &str = r#"
use actix_web::{HttpResponse, ResponseError};
use status_core::HttpStatus;

#[derive(Debug, HttpStatus)]
#[status(404, response(axum))]
pub struct Missing;

impl std::fmt::Display for Missing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("missing")
    }
}

/// This crate's own conversion, under the name of status-core's extension method.
pub trait Wire {
    fn to_actix(&self) -> actix_web::http::StatusCode;
}

impl<T: HttpStatus + ?Sized> Wire for T {
    fn to_actix(&self) -> actix_web::http::StatusCode {
        actix_web::http::StatusCode::from_u16(self.code()).unwrap()
    }
}

impl ResponseError for Missing {
    fn status_code(&self) -> actix_web::http::StatusCode {
        self.to_actix()
    }

    fn error_response(&self) -> HttpResponse {
        HttpResponse::build(self.status_code()).content_type("text/plain").body("by hand")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_axum_and_own_actix_web() {
        let axum = axum::response::IntoResponse::into_response(Missing);
        assert_eq!(axum.status(), 404);
        assert_eq!(axum.headers()["content-type"], "application/problem+json");
        let actix = Missing.error_response();
        assert_eq!(actix.status(), 404);
        assert_eq!(actix.headers().get("content-type").unwrap(), "text/plain");
    }
}
"#;

/// `parts` says `response(parts)` and writes axum's `IntoResponse` itself.
#[cfg(all(feature = "axum", feature = "actix-web"))]
const PARTS: &str = r#"
use axum::response::{IntoResponse, Response};
use status_core::HttpStatus;

#[derive(Debug, HttpStatus)]
#[status(409, response(parts), title = "Taken")]
pub struct Taken;

impl std::fmt::Display for Taken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("taken")
    }
}

impl IntoResponse for Taken {
    fn into_response(self) -> Response {
        let status = axum::http::StatusCode::from_u16(self.code()).unwrap();
        (status, "by hand").into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use status_core::problem::ErrorResponse;

    #[test]
    fn parts_and_own_axum() {
        assert_eq!(Taken.title(), "Taken");
        let response = Taken.into_response();
        assert_eq!(response.status(), 409);
        assert_eq!(response.headers()["content-type"], "text/plain; charset=utf-8");
    }
}
"#;

/// `frameworks` turns both frameworks on, and says `response` on its own type.
#[cfg(all(feature = "axum", feature = "actix-web"))]
const FRAMEWORKS: &str = r#"
use status_core::HttpStatus;

#[derive(Debug, HttpStatus)]
#[status(503, response)]
pub struct Down;

impl std::fmt::Display for Down {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("down")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::ResponseError;
    use axum::response::IntoResponse;
    use status_core::actix_web::ToActix;
    use status_core::http::ToHttp;

    #[test]
    fn both_frameworks_for_who_asked() {
        assert_eq!(Down.into_response().status(), 503);
        assert_eq!(Down.error_response().status(), 503);
        assert_eq!(by_hand::Missing.to_http(), http::StatusCode::NOT_FOUND);
        assert_eq!(by_hand::Missing.to_actix(), actix_web::http::StatusCode::NOT_FOUND);
        assert_eq!(by_hand::Wire::to_actix(&Down), actix_web::http::StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(by_hand::Missing.into_response().status(), 404);
        assert_eq!(parts::Taken.into_response().status(), 409);
    }
}
"#;

/// A crate that names the framework it wants responses for, or none, and writes the others'
/// impls by hand, keeps building when another crate turns on every framework.
#[cfg(all(feature = "axum", feature = "actix-web"))]
#[test]
fn framework_features_elsewhere_break_no_hand_written_impl() {
    let frameworks = "axum = { version = \"0.8\", default-features = false }\n\
                      actix-web = { version = \"4\", default-features = false }";
    let members = [
        Member {
            name: "by_hand",
            features: &["axum"],
            dependencies: frameworks,
            lib: BY_HAND,
        },
        Member {
            name: "parts",
            features: &["problem"],
            dependencies: frameworks,
            lib: PARTS,
        },
        Member {
            name: "frameworks",
            features: &["axum", "actix-web", "http", "alloc"],
            dependencies: &format!(
                "{frameworks}\nby_hand = {{ path = \"../by_hand\" }}\nparts = {{ path = \"../parts\" }}"
            ),
            lib: FRAMEWORKS,
        },
    ];
    test_workspace(
        "frameworks",
        &members,
        &[
            "derived_axum_and_own_actix_web",
            "parts_and_own_axum",
            "both_frameworks_for_who_asked",
        ],
    );
}
