//! The cost of an error response: `cargo bench -p status-benches --features responses --bench
//! responses`. The derived response (`problem::http_response`: status, headers, problem
//! document) against the same response written by hand with a serde struct, as services write
//! it without the derive. Each benchmark keeps every whole response.

use std::collections::BTreeMap;
use std::hint::black_box;

use criterion::Criterion;
use status_core::HttpStatus;
use status_core::problem;

/// The errors of both benchmarks: with the problem document, and with an envelope of the
/// service's own (`response(parts, body = envelope)`).
macro_rules! api_error {
    ($name:ident, $($response:tt)*) => {
#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(500, response($($response)*))]
pub enum $name {
    #[error("authentication required")]
    #[status(401, header("WWW-Authenticate" = "Token"))]
    Unauthorized,
    #[error("no user with id {0}")]
    #[status(404)]
    UserNotFound(u64),
    #[error("slow down")]
    #[status(429)]
    RateLimited {
        #[status(header = "Retry-After", member = "retry_after")]
        seconds: u32,
    },
    #[error("the request has invalid fields")]
    #[status(
        422,
        type = "https://example.com/problems/validation",
        title = "Invalid fields"
    )]
    Invalid {
        #[status(member)]
        errors: BTreeMap<String, Vec<String>>,
    },
    #[error("database error")]
    Database,
}
    };
}

api_error!(ApiError, parts);
api_error!(EnvelopedError, parts, body = envelope);

/// The envelope: the problem document inside `errors`, and the service's name.
#[derive(serde::Serialize)]
pub struct Envelope<'a> {
    errors: [problem::Document<'a, EnvelopedError>; 1],
    service: &'static str,
}

fn envelope(error: &EnvelopedError) -> Envelope<'_> {
    Envelope {
        errors: [problem::Document(error)],
        service: "users",
    }
}

/// The envelope as a service writes it by hand.
#[derive(serde::Serialize)]
struct HandEnvelope<'a> {
    errors: [HandProblem<'a>; 1],
    service: &'static str,
}

/// The document as a service writes it by hand.
#[derive(serde::Serialize)]
struct HandProblem<'a> {
    #[serde(rename = "type")]
    problem_type: &'a str,
    title: &'a str,
    status: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    detail: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    retry_after: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    errors: Option<&'a BTreeMap<String, Vec<String>>>,
}

/// The same response, written by hand: a `match` for the status, the headers and the document.
fn by_hand(error: &ApiError) -> http::Response<String> {
    let (mut response, document) = hand_parts(Kind::of(error), error.to_string());
    *response.body_mut() = serde_json::to_string(&document).unwrap_or_default();
    response
}

/// The enveloped response, written by hand: the same parts, the document in the envelope.
fn enveloped_by_hand(error: &EnvelopedError) -> http::Response<String> {
    let (mut response, document) = hand_parts(Kind::of_enveloped(error), error.to_string());
    let envelope = HandEnvelope {
        errors: [document],
        service: "users",
    };
    *response.body_mut() = serde_json::to_string(&envelope).unwrap_or_default();
    response.headers_mut().insert(
        http::header::CONTENT_TYPE,
        http::HeaderValue::from_static("application/json"),
    );
    response
}

/// What the hand-written responses `match` on: the variant, with the fields they send.
enum Kind<'a> {
    Unauthorized,
    UserNotFound,
    RateLimited(u32),
    Invalid(&'a BTreeMap<String, Vec<String>>),
    Database,
}

impl<'a> Kind<'a> {
    fn of(error: &'a ApiError) -> Self {
        match error {
            ApiError::Unauthorized => Kind::Unauthorized,
            ApiError::UserNotFound(_) => Kind::UserNotFound,
            ApiError::RateLimited { seconds } => Kind::RateLimited(*seconds),
            ApiError::Invalid { errors } => Kind::Invalid(errors),
            ApiError::Database => Kind::Database,
        }
    }

    fn of_enveloped(error: &'a EnvelopedError) -> Self {
        match error {
            EnvelopedError::Unauthorized => Kind::Unauthorized,
            EnvelopedError::UserNotFound(_) => Kind::UserNotFound,
            EnvelopedError::RateLimited { seconds } => Kind::RateLimited(*seconds),
            EnvelopedError::Invalid { errors } => Kind::Invalid(errors),
            EnvelopedError::Database => Kind::Database,
        }
    }
}

/// The status, headers and document of a response written by hand.
fn hand_parts(kind: Kind<'_>, detail: String) -> (http::Response<String>, HandProblem<'_>) {
    use http::header::{CONTENT_TYPE, HeaderValue, RETRY_AFTER, WWW_AUTHENTICATE};

    let mut document = HandProblem {
        problem_type: "about:blank",
        title: "",
        status: 500,
        detail: Some(detail),
        retry_after: None,
        errors: None,
    };
    let mut response = http::Response::new(String::new());
    let headers = response.headers_mut();
    let status = match kind {
        Kind::Unauthorized => {
            headers.insert(WWW_AUTHENTICATE, HeaderValue::from_static("Token"));
            http::StatusCode::UNAUTHORIZED
        }
        Kind::UserNotFound => http::StatusCode::NOT_FOUND,
        Kind::RateLimited(seconds) => {
            headers.insert(RETRY_AFTER, HeaderValue::from(seconds));
            document.retry_after = Some(seconds);
            http::StatusCode::TOO_MANY_REQUESTS
        }
        Kind::Invalid(errors) => {
            document.problem_type = "https://example.com/problems/validation";
            document.title = "Invalid fields";
            document.errors = Some(errors);
            http::StatusCode::UNPROCESSABLE_ENTITY
        }
        Kind::Database => {
            document.detail = None;
            http::StatusCode::INTERNAL_SERVER_ERROR
        }
    };
    if document.title.is_empty() {
        document.title = status.canonical_reason().unwrap_or_default();
    }
    document.status = status.as_u16();
    headers.insert(
        CONTENT_TYPE,
        HeaderValue::from_static(problem::CONTENT_TYPE),
    );
    *response.status_mut() = status;
    (response, document)
}

const INPUTS: usize = 1024;

fn errors() -> Vec<ApiError> {
    let mut state = 0x9E37_79B9_7F4A_7C15_u64;
    (0..INPUTS)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            match state % 5 {
                0 => ApiError::Unauthorized,
                1 => ApiError::UserNotFound(state % 1000),
                2 => ApiError::RateLimited {
                    seconds: (state % 120) as u32,
                },
                3 => ApiError::Invalid {
                    errors: BTreeMap::from([("username".to_owned(), vec!["taken".to_owned()])]),
                },
                _ => ApiError::Database,
            }
        })
        .collect()
}

/// The same errors, of the enveloped type.
fn enveloped(errors: &[ApiError]) -> Vec<EnvelopedError> {
    let enveloped = |error: &ApiError| match error {
        ApiError::Unauthorized => EnvelopedError::Unauthorized,
        ApiError::UserNotFound(id) => EnvelopedError::UserNotFound(*id),
        ApiError::RateLimited { seconds } => EnvelopedError::RateLimited { seconds: *seconds },
        ApiError::Invalid { errors } => EnvelopedError::Invalid {
            errors: errors.clone(),
        },
        ApiError::Database => EnvelopedError::Database,
    };
    errors.iter().map(enveloped).collect()
}

fn benches(c: &mut Criterion) {
    let errors = errors();
    let enveloped = enveloped(&errors);
    // The two agree on what they send, but for the reason phrase of 422 (`http` has the old one).
    for (error, wrapped) in errors.iter().zip(&enveloped) {
        let pairs = [
            (problem::http_response(error), by_hand(error)),
            (problem::http_response(wrapped), enveloped_by_hand(wrapped)),
        ];
        for (ours, theirs) in pairs {
            assert_eq!(ours.status(), theirs.status());
            assert_eq!(ours.headers(), theirs.headers());
            if !matches!(error, ApiError::Invalid { .. }) {
                assert_eq!(ours.body(), theirs.body());
            }
        }
    }
    let mut group = c.benchmark_group("error_response");
    group.bench_function("ours", |b| b.iter(|| black_box(ours_1024(&errors))));
    group.bench_function("by_hand", |b| b.iter(|| black_box(by_hand_1024(&errors))));
    group.bench_function("enveloped_ours", |b| {
        b.iter(|| black_box(enveloped_ours_1024(&enveloped)))
    });
    group.bench_function("enveloped_by_hand", |b| {
        b.iter(|| black_box(enveloped_by_hand_1024(&enveloped)))
    });
    group.finish();
}

/// The four benchmarks, each a function of its own for `callgrind`'s inclusive counts.
#[inline(never)]
fn ours_1024(errors: &[ApiError]) -> Vec<http::Response<String>> {
    errors.iter().map(problem::http_response).collect()
}

#[inline(never)]
fn by_hand_1024(errors: &[ApiError]) -> Vec<http::Response<String>> {
    errors.iter().map(by_hand).collect()
}

#[inline(never)]
fn enveloped_ours_1024(errors: &[EnvelopedError]) -> Vec<http::Response<String>> {
    errors.iter().map(problem::http_response).collect()
}

#[inline(never)]
fn enveloped_by_hand_1024(errors: &[EnvelopedError]) -> Vec<http::Response<String>> {
    errors.iter().map(enveloped_by_hand).collect()
}

fn main() {
    // Instruction counts, which do not move with the machine's load (BENCHMARKS.md):
    // `valgrind --tool=callgrind <this binary> --instructions`, then `callgrind_annotate
    // --inclusive=yes` and the four `*_1024` functions.
    if std::env::args().any(|arg| arg == "--instructions") {
        let errors = errors();
        let enveloped = enveloped(&errors);
        for _ in 0..10 {
            black_box(ours_1024(&errors));
            black_box(by_hand_1024(&errors));
            black_box(enveloped_ours_1024(&enveloped));
            black_box(enveloped_by_hand_1024(&enveloped));
        }
        return;
    }
    let output = status_benches::criterion_dir();
    let mut criterion = Criterion::default()
        .output_directory(&output)
        .configure_from_args();
    benches(&mut criterion);
    criterion.final_summary();
    let mean = |id: &str| status_benches::mean(&output.join("error_response").join(id));
    for (name, ours, theirs) in [
        ("error_response", "ours", "by_hand"),
        ("enveloped", "enveloped_ours", "enveloped_by_hand"),
    ] {
        if let (Some(ours), Some(theirs)) = (mean(ours), mean(theirs)) {
            println!(
                "\n{name} per {INPUTS} errors: ours {ours:.0} ns, by hand {theirs:.0} ns, ratio {:.3}",
                ours / theirs
            );
        }
    }
}
