//! `axum::ProblemLayer` (feature `axum`): every error the service sends as a problem document,
//! the router's and the middleware's too (no route, wrong method, body limits, timeouts,
//! rejections), and `instance` from a request header in every document. What is rewritten
//! and how is `problem::rewrite`; this is moving axum's bodies.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use ::axum::body::{Body, HttpBody};
use ::axum::response::Response;
use http::header::{CONTENT_ENCODING, CONTENT_LENGTH, CONTENT_TYPE, HeaderName, HeaderValue, VARY};
use hyper::ext::ReasonPhrase;

use crate::problem::rewrite::{self, DOCUMENT_LIMIT, Prefix, Rewrite};
use crate::problem::{CONTENT_TYPE as PROBLEM_JSON, Declared};

/// A `tower::Layer` that turns every response with a status in 400..=599 whose content type is
/// not `application/problem+json` into a problem document with the same status and headers
/// (`title` the registry's reason phrase; a `text/plain` 4xx body of at most 1024 bytes as
/// `detail`; a 5xx body dropped, and logged with feature `tracing`), so that a client meets one
/// error format whoever answered: a handler, an extractor, the router or a middleware. A
/// response an [`ErrorResponse`](crate::problem::ErrorResponse) declared (the derive's, see
/// [`Declared`]) keeps its body; every other response passes through untouched and unread.
///
/// Add it after (outside) the layers whose errors it rewrites. By `Router::layer` axum wraps
/// each route once more; around the whole router it costs less (see BENCHMARKS.md):
///
/// ```
/// use axum::Router;
/// use axum::routing::get;
/// use status_core::axum::ProblemLayer;
/// use tower_layer::Layer;
///
/// let routes = Router::new().route("/", get(|| async { "hello" }));
/// // On each route and the fallback:
/// let app: Router = routes.clone().layer(ProblemLayer::new().instance_from_header("x-request-id"));
/// // Around the router (`Layer` is `tower::Layer`, from `tower` or `tower-layer`):
/// let app = ProblemLayer::new().instance_from_header("x-request-id").layer(routes);
/// // Served by `axum::serve(listener, axum::ServiceExt::<axum::extract::Request>::
/// // into_make_service(app))`.
/// ```
#[derive(Clone, Debug, Default)]
pub struct ProblemLayer {
    instance_header: Option<HeaderName>,
}

impl ProblemLayer {
    /// The layer, setting no `instance`.
    pub fn new() -> Self {
        ProblemLayer::default()
    }

    /// Sets `instance` in every problem document that has none (the derived ones too, up to
    /// 64 KiB and not encoded) to the request header `name`'s value, when that is a URI
    /// reference (RFC 3986) of at most 256 bytes, else none, so that a client's report names
    /// the request in the server's logs. Such a response says `Vary: name`.
    ///
    /// # Panics
    ///
    /// If `name` is not a header name (an RFC 9110 token), as `HeaderName::from_static` does:
    /// the name is a constant of the program, and the service would never set `instance`.
    pub fn instance_from_header(mut self, name: &str) -> Self {
        match HeaderName::from_bytes(name.as_bytes()) {
            Ok(name) => self.instance_header = Some(name),
            Err(_) => {
                panic!("instance_from_header: {name:?} is not a header name (RFC 9110 token)")
            }
        }
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

pin_project_lite::pin_project! {
    /// The future of [`ProblemService`]: the inner service's; then, only for an error response
    /// that changes, the change (boxed, so that the responses that pass pay nothing for it).
    pub struct ProblemFuture<F> {
        #[pin]
        inner: F,
        // The `instance` header's name (when the layer has one) and the request's value of it,
        // checked only for an error response.
        instance: Option<(HeaderName, Option<HeaderValue>)>,
        changing: Option<Pin<Box<dyn Future<Output = Response> + Send>>>,
    }
}

impl<F, E> Future for ProblemFuture<F>
where
    F: Future<Output = Result<Response, E>>,
{
    type Output = Result<Response, E>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        if let Some(changing) = this.changing {
            return changing.as_mut().poll(cx).map(Ok);
        }
        let response = core::task::ready!(this.inner.poll(cx))?;
        if !(400..=599).contains(&response.status().as_u16()) {
            return Poll::Ready(Ok(response));
        }
        // An error response varies on the header, whether the request has it or not.
        let (vary, instance) = match this.instance.take() {
            Some((name, value)) => {
                let instance = value.and_then(|value| rewrite::instance_of(value.as_bytes()));
                (Some(name), instance)
            }
            None => (None, None),
        };
        let headers = response.headers();
        let content_type = headers.get(CONTENT_TYPE).map(HeaderValue::as_bytes);
        let encoding = headers.get(CONTENT_ENCODING).map(HeaderValue::as_bytes);
        let declared = response.extensions().get::<Declared>().is_some();
        let status = response.status().as_u16();
        match rewrite::rewrite_of(status, content_type, encoding, declared, instance.is_some()) {
            Rewrite::Pass => Poll::Ready(Ok(with_vary(response, vary))),
            change => {
                let mut changing = Box::pin(changed(response, change, vary, instance));
                let polled = changing.as_mut().poll(cx).map(Ok);
                *this.changing = Some(changing);
                polled
            }
        }
    }
}

impl<S, B> tower_service::Service<http::Request<B>> for ProblemService<S>
where
    S: tower_service::Service<http::Request<B>, Response = Response>,
{
    type Response = Response;
    type Error = S::Error;
    type Future = ProblemFuture<S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<B>) -> ProblemFuture<S::Future> {
        let instance = (self.instance_header.as_ref())
            .map(|name| (name.clone(), request.headers().get(name).cloned()));
        ProblemFuture {
            inner: self.inner.call(request),
            instance,
            changing: None,
        }
    }
}

/// `response` as [`ProblemLayer`] sends it, after `change`: with `instance`, and varying on
/// `vary`, the request header it comes from.
async fn changed(
    response: Response,
    change: Rewrite,
    vary: Option<HeaderName>,
    instance: Option<String>,
) -> Response {
    let status = response.status().as_u16();
    let (mut parts, body) = response.into_parts();
    let body = match change {
        Rewrite::Pass => return with_vary(Response::from_parts(parts, body), vary),
        Rewrite::AddInstance => {
            let Some(instance) = instance else {
                return with_vary(Response::from_parts(parts, body), vary);
            };
            // Only a body known to be short is read: a longer one could not be given back.
            if (body.size_hint().upper()).is_none_or(|size| size > DOCUMENT_LIMIT as u64) {
                return with_vary(Response::from_parts(parts, body), vary);
            }
            let document = match ::axum::body::to_bytes(body, DOCUMENT_LIMIT).await {
                Ok(document) => rewrite::with_instance(&document, &instance)
                    .map_or_else(|| Body::from(document), Body::from),
                // What was read is gone: the document of the status, with `instance`.
                Err(_) => Body::from(rewrite::replacement(status, None, Some(&instance))),
            };
            parts.headers.remove(CONTENT_LENGTH);
            document
        }
        Rewrite::Replace { read, logged } => {
            // A body of unknown length (a stream) may never end: it is not waited for.
            let known = body.size_hint().upper().is_some();
            let prefix = match read.limit() {
                Some(limit) if known => Some(read_prefix(body, limit).await),
                _ => None,
            };
            let document =
                rewrite::replaced_document(status, read, logged, &prefix, instance.as_deref());
            // By the names present (few), not the list: each lookup by text parses the name.
            let gone = (parts.headers.keys())
                .filter(|name| rewrite::loses_header(status, name.as_str()))
                .cloned();
            for name in gone.collect::<Vec<_>>() {
                parts.headers.remove(name);
            }
            let problem_json = HeaderValue::from_static(PROBLEM_JSON);
            parts.headers.insert(CONTENT_TYPE, problem_json);
            // The status line's reason is the registry's, never one a handler wrote.
            parts.extensions.remove::<ReasonPhrase>();
            let canonical = parts.status.canonical_reason();
            if let Some(reason) = rewrite::status_line_reason(status, canonical)
                && let Ok(reason) = ReasonPhrase::try_from(reason.as_bytes())
            {
                parts.extensions.insert(reason);
            }
            Body::from(document)
        }
    };
    with_vary(Response::from_parts(parts, body), vary)
}

/// `response`, varying on the request header `vary` too (its `instance` is the header's).
fn with_vary(mut response: Response, vary: Option<HeaderName>) -> Response {
    if let Some(name) = vary {
        response.headers_mut().append(VARY, HeaderValue::from(name));
    }
    response
}

/// The first `limit` bytes of `body` (no more are read), and whether there was more; `None`
/// when reading fails.
async fn read_prefix(mut body: Body, limit: usize) -> Option<(Prefix, bool)> {
    let mut prefix = Prefix::new(limit);
    loop {
        let frame = core::future::poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await;
        let Some(frame) = frame else {
            return Some((prefix, false));
        };
        if let Ok(data) = frame.ok()?.into_data()
            && prefix.push(&data)
        {
            return Some((prefix, true));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_name_is_kept() {
        let layer = ProblemLayer::new().instance_from_header("X-Request-Id");
        assert_eq!(layer.instance_header.unwrap(), "x-request-id");
        assert!(ProblemLayer::new().instance_header.is_none());
    }

    #[test]
    #[should_panic(expected = r#"instance_from_header: "x request id" is not a header name"#)]
    fn a_name_that_is_no_header_name_panics() {
        let _ = ProblemLayer::new().instance_from_header("x request id");
    }
}
