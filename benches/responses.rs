//! The cost of an error response: `cargo bench -p status-benches --features responses --bench
//! responses`. The derived response (`problem::http_response`: status, headers, problem
//! document) against the same response written by hand with a serde struct, as services write
//! it without the derive. Each benchmark keeps every whole response.

use std::collections::BTreeMap;
use std::hint::black_box;

use criterion::Criterion;
use status_core::HttpStatus;
use status_core::problem;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(500, response(parts))]
pub enum ApiError {
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
    use http::header::{CONTENT_TYPE, HeaderValue, RETRY_AFTER, WWW_AUTHENTICATE};

    let mut document = HandProblem {
        problem_type: "about:blank",
        title: "",
        status: 500,
        detail: Some(error.to_string()),
        retry_after: None,
        errors: None,
    };
    let mut response = http::Response::new(String::new());
    let headers = response.headers_mut();
    let status = match error {
        ApiError::Unauthorized => {
            headers.insert(WWW_AUTHENTICATE, HeaderValue::from_static("Token"));
            http::StatusCode::UNAUTHORIZED
        }
        ApiError::UserNotFound(_) => http::StatusCode::NOT_FOUND,
        ApiError::RateLimited { seconds } => {
            headers.insert(RETRY_AFTER, HeaderValue::from(*seconds));
            document.retry_after = Some(*seconds);
            http::StatusCode::TOO_MANY_REQUESTS
        }
        ApiError::Invalid { errors } => {
            document.problem_type = "https://example.com/problems/validation";
            document.title = "Invalid fields";
            document.errors = Some(errors);
            http::StatusCode::UNPROCESSABLE_ENTITY
        }
        ApiError::Database => {
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
    *response.body_mut() = serde_json::to_string(&document).unwrap_or_default();
    response
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

fn benches(c: &mut Criterion) {
    let errors = errors();
    // The two agree on what they send, but for the reason phrase of 422 (`http` has the old one).
    for error in &errors {
        let (ours, theirs) = (problem::http_response(error), by_hand(error));
        assert_eq!(ours.status(), theirs.status());
        assert_eq!(ours.headers().len(), theirs.headers().len());
        if !matches!(error, ApiError::Invalid { .. }) {
            assert_eq!(ours.body(), theirs.body());
        }
    }
    let mut group = c.benchmark_group("error_response");
    group.bench_function("ours", |b| {
        b.iter(|| {
            let responses: Vec<_> = errors.iter().map(problem::http_response).collect();
            black_box(responses)
        })
    });
    group.bench_function("by_hand", |b| {
        b.iter(|| {
            let responses: Vec<_> = errors.iter().map(by_hand).collect();
            black_box(responses)
        })
    });
    group.finish();
}

fn main() {
    let output = status_benches::criterion_dir();
    let mut criterion = Criterion::default()
        .output_directory(&output)
        .configure_from_args();
    benches(&mut criterion);
    criterion.final_summary();
    let mean = |id: &str| status_benches::mean(&output.join("error_response").join(id));
    if let (Some(ours), Some(theirs)) = (mean("ours"), mean("by_hand")) {
        println!(
            "\nerror_response per {INPUTS} errors: ours {ours:.0} ns, by hand {theirs:.0} ns, ratio {:.3}",
            ours / theirs
        );
    }
}
