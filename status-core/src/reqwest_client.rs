//! `status_core::reqwest` (feature `reqwest`): an error response of a `reqwest::Response`
//! decoded into the error type that sent it, or kept as what it is.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;
use core::future::Future;
use core::time::Duration;

use crate::problem::{FromProblem, Problem};

/// The most of an error body read: a problem document is far shorter; a longer body (an HTML
/// page, a hostile stream) is not read further, and is [`ClientError::Status`] with this much.
pub const BODY_LIMIT: usize = 64 * 1024;

/// An error response, decoded as far as it goes, or the request's failure.
#[derive(Debug)]
pub enum ClientError<E> {
    /// A problem document that decodes into `E`: the error the server sent.
    Api {
        /// The error, as the server's type declares it.
        error: E,
        /// The response's status.
        status: u16,
        /// The response's headers (`Retry-After`, a challenge, ...).
        headers: http::HeaderMap,
    },
    /// A problem document that is none of `E`'s (another `type`, a field not sent, a `status`
    /// member that disagrees with the status line, as from another hop).
    Problem {
        /// The document.
        problem: Problem,
        /// The response's status.
        status: u16,
        /// The response's headers.
        headers: http::HeaderMap,
    },
    /// Not a problem document (another media type, not a JSON object, longer than
    /// [`BODY_LIMIT`]): the body's first [`BODY_LIMIT`] bytes, as lossy UTF-8.
    Status {
        /// The body's first bytes, as lossy UTF-8.
        body: String,
        /// The response's status.
        status: u16,
        /// The response's headers.
        headers: http::HeaderMap,
    },
    /// The request or reading the body failed.
    Transport(reqwest::Error),
}

impl<E> ClientError<E> {
    /// The response's status; `None` for [`ClientError::Transport`] without one.
    pub fn status(&self) -> Option<u16> {
        match self {
            ClientError::Api { status, .. }
            | ClientError::Problem { status, .. }
            | ClientError::Status { status, .. } => Some(*status),
            ClientError::Transport(error) => error.status().map(|status| status.as_u16()),
        }
    }

    /// The response's headers; `None` for [`ClientError::Transport`].
    pub fn headers(&self) -> Option<&http::HeaderMap> {
        match self {
            ClientError::Api { headers, .. }
            | ClientError::Problem { headers, .. }
            | ClientError::Status { headers, .. } => Some(headers),
            ClientError::Transport(_) => None,
        }
    }

    /// The wait the response's `Retry-After` asks for ([`crate::problem::retry_after`]).
    pub fn retry_after(&self) -> Option<Duration> {
        crate::problem::retry_after(self.headers()?)
    }
}

/// What happened, without the inner error's own text, which [`source`] gives (an error chain
/// printer shows each once).
///
/// [`source`]: core::error::Error::source
impl<E> fmt::Display for ClientError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClientError::Api { status, .. } => write!(f, "error response {status}"),
            ClientError::Problem {
                problem, status, ..
            } => write!(f, "{status}: {problem}"),
            ClientError::Status { status, .. } => write!(f, "error status {status}"),
            ClientError::Transport(_) => f.write_str("the request failed"),
        }
    }
}

impl<E: core::error::Error + 'static> core::error::Error for ClientError<E> {
    fn source(&self) -> Option<&(dyn core::error::Error + 'static)> {
        match self {
            ClientError::Api { error, .. } => Some(error),
            ClientError::Transport(error) => Some(error),
            ClientError::Problem { .. } | ClientError::Status { .. } => None,
        }
    }
}

impl<E> From<reqwest::Error> for ClientError<E> {
    fn from(error: reqwest::Error) -> Self {
        ClientError::Transport(error)
    }
}

/// `error_for_problem` on `reqwest::Response`: reqwest's `error_for_status`, keeping what the
/// server said.
///
/// ```no_run
/// use status_core::reqwest::{ClientError, ResponseExt};
/// # #[derive(Debug, PartialEq, status_core::HttpStatus)]
/// # #[status(500, response(parts), client)]
/// # pub enum ApiError { #[status(404)] NotFound, Internal }
/// # impl std::fmt::Display for ApiError {
/// #     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { f.write_str("x") }
/// # }
///
/// # async fn get() -> Result<(), ClientError<ApiError>> {
/// let response = reqwest::get("http://127.0.0.1:3000/users/7").await?;
/// match response.error_for_problem::<ApiError>().await {
///     Ok(response) => println!("{}", response.text().await?),
///     Err(ClientError::Api { error: ApiError::NotFound, .. }) => println!("no such user"),
///     Err(other) => return Err(other),
/// }
/// # Ok(())
/// # }
/// ```
pub trait ResponseExt: Sized {
    /// `Ok(self)` for a status below 400, its body unread; else the error response, decoded:
    /// [`ClientError::Api`] when the body is a problem document (`application/problem+json`)
    /// that `E` decodes, [`ClientError::Problem`] when it is another, [`ClientError::Status`]
    /// when it is none. At most [`BODY_LIMIT`] bytes of the body are read.
    fn error_for_problem<E: FromProblem>(
        self,
    ) -> impl Future<Output = Result<Self, ClientError<E>>> + Send;
}

impl ResponseExt for reqwest::Response {
    async fn error_for_problem<E: FromProblem>(self) -> Result<Self, ClientError<E>> {
        let status = self.status().as_u16();
        if status < 400 {
            return Ok(self);
        }
        let headers = self.headers().clone();
        let (body, whole) = read_at_most(self, BODY_LIMIT).await?;
        Err(decoded(status, headers, &body, whole))
    }
}

/// The first `limit` bytes of `response`'s body (and no more are read), and whether that is
/// all of it.
async fn read_at_most(
    mut response: reqwest::Response,
    limit: usize,
) -> Result<(Vec<u8>, bool), reqwest::Error> {
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await? {
        let room = limit - body.len();
        if chunk.len() > room {
            body.extend_from_slice(&chunk[..room]);
            return Ok((body, false));
        }
        body.extend_from_slice(&chunk);
    }
    Ok((body, true))
}

/// What an error response with `body` (`whole`: all of it) says, as far as it decodes.
fn decoded<E: FromProblem>(
    status: u16,
    headers: http::HeaderMap,
    body: &[u8],
    whole: bool,
) -> ClientError<E> {
    let problem = (whole && is_problem_json(&headers))
        .then(|| serde_json::from_slice::<Problem>(body).ok())
        .flatten();
    let Some(problem) = problem else {
        let body = String::from_utf8_lossy(body).into_owned();
        return ClientError::Status {
            body,
            status,
            headers,
        };
    };
    // `from_problem` refuses a `status` member that disagrees with the status line.
    match E::from_problem(status, &headers, &problem) {
        Some(error) => ClientError::Api {
            error,
            status,
            headers,
        },
        None => ClientError::Problem {
            problem,
            status,
            headers,
        },
    }
}

/// Whether the response says its body is a problem document.
fn is_problem_json(headers: &http::HeaderMap) -> bool {
    let Some(value) = headers.get(http::header::CONTENT_TYPE) else {
        return false;
    };
    let value = value.as_bytes();
    let media = value.split(|&byte| byte == b';').next().unwrap_or_default();
    media
        .trim_ascii()
        .eq_ignore_ascii_case(crate::problem::CONTENT_TYPE.as_bytes())
}
