//! `axum::ProblemLayer` (feature `axum`): every error the service sends as a problem document,
//! the router's and the middleware's too (no route, wrong method, body limits, timeouts,
//! rejections), and `instance` from a request header in every document.
//!
//! Work in progress (issue #23): the axum half, without tests yet; see the closing note.

use alloc::boxed::Box;
use alloc::string::{String, ToString};
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use ::axum::body::Body;
use ::axum::response::Response;
use http::header::{CONTENT_LENGTH, CONTENT_TYPE, HeaderName, HeaderValue, TRANSFER_ENCODING};

use crate::problem::CONTENT_TYPE as PROBLEM_JSON;

/// The longest `text/plain` body of a 4xx that becomes the document's `detail`.
const DETAIL_LIMIT: usize = 1024;

/// The longest problem document read to add `instance` to it.
const DOCUMENT_LIMIT: usize = 64 * 1024;

/// A `tower::Layer` that turns every response with a status in 400..=599 whose content type is
/// not `application/problem+json` into a problem document with the same status and headers
/// (`title` the registry's reason phrase; a short `text/plain` 4xx body as `detail`; a 5xx body
/// dropped), and passes every other response through untouched and unbuffered.
#[derive(Clone, Debug, Default)]
pub struct ProblemLayer {
    instance_header: Option<HeaderName>,
}

impl ProblemLayer {
    /// The layer, setting no `instance`.
    pub fn new() -> Self {
        ProblemLayer::default()
    }

    /// Sets `instance` in every problem document that has none (the derived ones too) to the
    /// request header `name`'s value, when that is a URI reference. A `name` that is no header
    /// name sets nothing.
    pub fn instance_from_header(mut self, name: &str) -> Self {
        self.instance_header = HeaderName::from_bytes(name.as_bytes()).ok();
        self
    }
}

impl<S> tower_layer::Layer<S> for ProblemLayer {
    type Service = ProblemService<S>;

    fn layer(&self, inner: S) -> ProblemService<S> {
        ProblemService {
            inner,
            instance_header: self.instance_header.clone(),
        }
    }
}

/// The service of [`ProblemLayer`].
#[derive(Clone, Debug)]
pub struct ProblemService<S> {
    inner: S,
    instance_header: Option<HeaderName>,
}

/// The future of [`ProblemService`].
pub struct ProblemFuture<E>(Pin<Box<dyn Future<Output = Result<Response, E>> + Send>>);

impl<E> Future for ProblemFuture<E> {
    type Output = Result<Response, E>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        self.0.as_mut().poll(cx)
    }
}

impl<S, B> tower_service::Service<http::Request<B>> for ProblemService<S>
where
    S: tower_service::Service<http::Request<B>, Response = Response>,
    S::Future: Send + 'static,
    S::Error: 'static,
{
    type Response = Response;
    type Error = S::Error;
    type Future = ProblemFuture<S::Error>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<B>) -> ProblemFuture<S::Error> {
        let instance = (self.instance_header.as_ref())
            .and_then(|name| request.headers().get(name))
            .and_then(|value| value.to_str().ok())
            .filter(|value| is_instance(value))
            .map(ToString::to_string);
        let response = self.inner.call(request);
        ProblemFuture(Box::pin(async move {
            let response = response.await?;
            Ok(rewrite(response, instance).await)
        }))
    }
}

/// Whether a header value may be a problem's `instance`: a URI reference without spaces.
// TODO(#23): the derive's RFC 3986 check, moved to status-core and shared.
fn is_instance(value: &str) -> bool {
    !value.is_empty() && value.bytes().all(|byte| byte.is_ascii_graphic())
}

async fn rewrite(response: Response, instance: Option<String>) -> Response {
    let status = response.status().as_u16();
    if !(400..=599).contains(&status) {
        return response;
    }
    let content_type = (response.headers().get(CONTENT_TYPE))
        .and_then(|value| value.to_str().ok())
        .unwrap_or("");
    if content_type.eq_ignore_ascii_case(PROBLEM_JSON) {
        return match instance {
            Some(instance) => with_instance(response, instance).await,
            None => response,
        };
    }
    let plain = content_type
        .split(';')
        .next()
        .is_some_and(|media| media.trim().eq_ignore_ascii_case("text/plain"));
    let (mut parts, body) = response.into_parts();
    let detail = match (
        status < 500 && plain,
        ::axum::body::to_bytes(body, DETAIL_LIMIT).await,
    ) {
        (true, Ok(bytes)) => String::from_utf8(bytes.to_vec())
            .ok()
            .map(|text| text.trim().to_string())
            .filter(|text| !text.is_empty()),
        _ => None,
    };
    let document = serde_json::json!({
        "type": "about:blank",
        "title": title(status),
        "status": status,
    });
    let mut document = match document {
        serde_json::Value::Object(map) => map,
        _ => serde_json::Map::new(),
    };
    if let Some(detail) = detail {
        document.insert("detail".into(), detail.into());
    }
    if let Some(instance) = instance {
        document.insert("instance".into(), instance.into());
    }
    let body = serde_json::to_string(&document).unwrap_or_default();
    for name in [CONTENT_TYPE, CONTENT_LENGTH, TRANSFER_ENCODING] {
        parts.headers.remove(name);
    }
    parts
        .headers
        .insert(CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
    Response::from_parts(parts, Body::from(body))
}

/// A problem document with `instance` set, unless it has one.
async fn with_instance(response: Response, instance: String) -> Response {
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = ::axum::body::to_bytes(body, DOCUMENT_LIMIT).await else {
        return Response::from_parts(parts, Body::empty());
    };
    let mut document: serde_json::Map<String, serde_json::Value> =
        match serde_json::from_slice(&bytes) {
            Ok(document) => document,
            Err(_) => return Response::from_parts(parts, Body::from(bytes)),
        };
    document
        .entry("instance")
        .or_insert_with(|| instance.into());
    let body = serde_json::to_string(&document).unwrap_or_default();
    parts.headers.remove(CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(body))
}

/// The registry's reason phrase of `status`, else its class's name.
fn title(status: u16) -> &'static str {
    match crate::tables::reason_by_code(status) {
        "" => crate::tables::class_of(status).name(),
        reason => reason,
    }
}
