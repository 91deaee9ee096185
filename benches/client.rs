//! The cost of decoding error responses on the client: `cargo bench -p status-benches --features
//! client --bench client`. 1024 mixed error responses (status, headers, body), each decoded into
//! the enum that sent it: `Problem` and `FromProblem::from_problem` (what `#[status(client)]`
//! derives), against the same done by hand (a `match` on status and `type`, a serde struct per
//! shape). Every whole result is kept, the `None`s and errors too.

use std::collections::BTreeMap;
use std::hint::black_box;

use criterion::Criterion;
use serde::Deserialize;
use status_core::HttpStatus;
use status_core::problem::{self, FromProblem, Problem};

#[derive(Debug, Clone, PartialEq, thiserror::Error, HttpStatus)]
#[status(500, response(parts), client)]
pub enum ApiError {
    #[error("authentication required")]
    #[status(401, header("WWW-Authenticate" = "Token"))]
    Unauthorized,
    #[error("no user with id {id}")]
    #[status(404, type = "https://example.com/problems/no-user")]
    UserNotFound {
        #[status(member)]
        id: u64,
    },
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

const INPUTS: usize = 1024;

/// What a client receives: status, headers, body.
type Received = (u16, http::HeaderMap, String);

/// 1024 responses of the five variants, drawn by a fixed xorshift.
fn received() -> Vec<Received> {
    let mut state = 0x9E37_79B9_7F4A_7C15_u64;
    (0..INPUTS)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let error = match state % 5 {
                0 => ApiError::Unauthorized,
                1 => ApiError::UserNotFound { id: state % 1000 },
                2 => ApiError::RateLimited {
                    seconds: (state % 120) as u32,
                },
                3 => ApiError::Invalid {
                    errors: BTreeMap::from([("username".to_owned(), vec!["taken".to_owned()])]),
                },
                _ => ApiError::Database,
            };
            let response = problem::http_response(&error);
            let (parts, body) = response.into_parts();
            (parts.status.as_u16(), parts.headers, body)
        })
        .collect()
}

/// Ours: the document, then the variant.
fn ours(
    status: u16,
    headers: &http::HeaderMap,
    body: &str,
) -> Result<Option<ApiError>, serde_json::Error> {
    let problem: Problem = serde_json::from_str(body)?;
    Ok(ApiError::from_problem(status, headers, &problem))
}

/// By hand: a `match` on status, a serde struct per shape, the `type` compared.
fn by_hand(
    status: u16,
    headers: &http::HeaderMap,
    body: &str,
) -> Result<Option<ApiError>, serde_json::Error> {
    #[derive(serde::Deserialize)]
    struct Typed {
        #[serde(rename = "type")]
        problem_type: Option<String>,
    }
    #[derive(serde::Deserialize)]
    struct NoUser {
        #[serde(rename = "type")]
        problem_type: Option<String>,
        id: u64,
    }
    #[derive(serde::Deserialize)]
    struct Limited {
        #[serde(rename = "type")]
        problem_type: Option<String>,
        retry_after: u32,
    }
    #[derive(serde::Deserialize)]
    struct Invalid {
        #[serde(rename = "type")]
        problem_type: Option<String>,
        errors: BTreeMap<String, Vec<String>>,
    }
    let blank = |problem_type: &Option<String>| {
        problem_type.as_deref().unwrap_or("about:blank") == "about:blank"
    };
    Ok(match status {
        401 => {
            let typed: Typed = serde_json::from_str(body)?;
            blank(&typed.problem_type).then_some(ApiError::Unauthorized)
        }
        404 => {
            let no_user: NoUser = serde_json::from_str(body)?;
            let ours =
                no_user.problem_type.as_deref() == Some("https://example.com/problems/no-user");
            ours.then_some(ApiError::UserNotFound { id: no_user.id })
        }
        429 => {
            let limited: Limited = serde_json::from_str(body)?;
            let header = headers
                .get("retry-after")
                .and_then(|value| value.to_str().ok());
            let seconds = header.and_then(|text| text.parse::<u32>().ok());
            match (blank(&limited.problem_type), seconds) {
                (true, Some(seconds)) if seconds == limited.retry_after => {
                    Some(ApiError::RateLimited { seconds })
                }
                _ => None,
            }
        }
        422 => {
            let invalid: Invalid = serde_json::from_str(body)?;
            let ours =
                invalid.problem_type.as_deref() == Some("https://example.com/problems/validation");
            ours.then_some(ApiError::Invalid {
                errors: invalid.errors,
            })
        }
        500 => {
            let typed: Typed = serde_json::from_str(body)?;
            blank(&typed.problem_type).then_some(ApiError::Database)
        }
        _ => None,
    })
}

/// By hand, reading `type` first (what a status with two shapes needs): the body as a
/// `serde_json::Value`, then a `match` on status and `type`, then the shape's fields from it.
fn by_hand_type_first(
    status: u16,
    headers: &http::HeaderMap,
    body: &str,
) -> Result<Option<ApiError>, serde_json::Error> {
    let document: serde_json::Value = serde_json::from_str(body)?;
    let problem_type = document
        .get("type")
        .and_then(|t| t.as_str())
        .unwrap_or("about:blank");
    let member = |name: &str| document.get(name).ok_or(()).ok();
    Ok(match (status, problem_type) {
        (401, "about:blank") => Some(ApiError::Unauthorized),
        (404, "https://example.com/problems/no-user") => member("id")
            .and_then(|id| id.as_u64())
            .map(|id| ApiError::UserNotFound { id }),
        (429, "about:blank") => {
            let header = headers
                .get("retry-after")
                .and_then(|value| value.to_str().ok());
            let seconds = header.and_then(|text| text.parse::<u32>().ok());
            seconds.map(|seconds| ApiError::RateLimited { seconds })
        }
        (422, "https://example.com/problems/validation") => {
            let errors = member("errors").map(BTreeMap::<String, Vec<String>>::deserialize);
            errors
                .and_then(Result::ok)
                .map(|errors| ApiError::Invalid { errors })
        }
        (500, "about:blank") => Some(ApiError::Database),
        _ => None,
    })
}

type Decoded = Vec<Result<Option<ApiError>, serde_json::Error>>;

#[inline(never)]
fn by_hand_type_first_1024(received: &[Received]) -> Decoded {
    let decode = |(status, headers, body): &Received| by_hand_type_first(*status, headers, body);
    received.iter().map(decode).collect()
}

#[inline(never)]
fn ours_1024(received: &[Received]) -> Decoded {
    (received.iter())
        .map(|(status, headers, body)| ours(*status, headers, body))
        .collect()
}

#[inline(never)]
fn by_hand_1024(received: &[Received]) -> Decoded {
    (received.iter())
        .map(|(status, headers, body)| by_hand(*status, headers, body))
        .collect()
}

fn benches(c: &mut Criterion) {
    let received = received();
    // Both decode every response, into the same value.
    for (status, headers, body) in &received {
        let ours = ours(*status, headers, body).unwrap();
        assert!(ours.is_some(), "{status} {body}");
        assert_eq!(ours, by_hand(*status, headers, body).unwrap());
        assert_eq!(ours, by_hand_type_first(*status, headers, body).unwrap());
    }
    let mut group = c.benchmark_group("client_decode");
    group.bench_function("ours", |b| {
        b.iter(|| black_box(ours_1024(black_box(&received))))
    });
    group.bench_function("by_hand", |b| {
        b.iter(|| black_box(by_hand_1024(black_box(&received))))
    });
    group.bench_function("by_hand_type_first", |b| {
        b.iter(|| black_box(by_hand_type_first_1024(black_box(&received))))
    });
    group.finish();
}

fn main() {
    if std::env::args().any(|arg| arg == "--instructions") {
        let received = received();
        for _ in 0..10 {
            black_box(ours_1024(&received));
            black_box(by_hand_1024(&received));
            black_box(by_hand_type_first_1024(&received));
        }
        return;
    }
    let output = status_benches::criterion_dir();
    let mut criterion = Criterion::default()
        .output_directory(&output)
        .configure_from_args();
    benches(&mut criterion);
    criterion.final_summary();
    let mean = |id: &str| status_benches::mean(&output.join("client_decode").join(id));
    for baseline in ["by_hand", "by_hand_type_first"] {
        if let (Some(ours), Some(theirs)) = (mean("ours"), mean(baseline)) {
            println!(
                "decoding {INPUTS} errors: ours {ours:.0} ns, {baseline} {theirs:.0} ns, ratio {:.3}",
                ours / theirs
            );
        }
    }
}
