//! `axum::ProblemLayer` (feature `axum`): every error the service sends as a problem document,
//! the router's and the middleware's too (no route, wrong method, body limits, timeouts,
//! rejections), and `instance` from a request header in every document. What is rewritten
//! and how is `problem::rewrite`; this is moving axum's bodies.

use alloc::boxed::Box;
use alloc::string::String;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use ::axum::body::{Body, Bytes, HttpBody};
use ::axum::response::Response;
use http::header::{CONTENT_LENGTH, CONTENT_TYPE, HeaderName, HeaderValue, TRANSFER_ENCODING};

use crate::problem::rewrite::{self, DETAIL_LIMIT, DOCUMENT_LIMIT, LOGGED_LIMIT, Rewrite};
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
/// // Around the router (serve it with `axum::ServiceExt::into_make_service`):
/// let app = ProblemLayer::new().instance_from_header("x-request-id").layer(routes);
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

    /// Sets `instance` in every problem document that has none (the derived ones too) to the
    /// request header `name`'s value, when that is a URI reference (RFC 3986; else none), so
    /// that a client's report names the request in the server's logs.
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
        request: RequestFacts,
        changing: Option<Pin<Box<dyn Future<Output = Response> + Send>>>,
    }
}

/// What the layer keeps of a request: its `instance` header (checked only for an error
/// response) and whether it is a HEAD.
struct RequestFacts {
    instance: Option<HeaderValue>,
    head: bool,
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
        let instance =
            (this.request.instance.take()).and_then(|value| rewrite::instance_of(value.as_bytes()));
        let content_type = response
            .headers()
            .get(CONTENT_TYPE)
            .map(HeaderValue::as_bytes);
        let declared = response.extensions().get::<Declared>().is_some();
        let status = response.status().as_u16();
        match rewrite::rewrite_of(status, content_type, declared, instance.is_some()) {
            Rewrite::Pass => Poll::Ready(Ok(response)),
            change => {
                let head = this.request.head;
                let mut changing = Box::pin(changed(response, change, instance, head));
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
            .and_then(|name| request.headers().get(name))
            .cloned();
        let head = request.method() == http::Method::HEAD;
        ProblemFuture {
            inner: self.inner.call(request),
            request: RequestFacts { instance, head },
            changing: None,
        }
    }
}

/// `response` as [`ProblemLayer`] sends it, after `change`.
async fn changed(
    response: Response,
    change: Rewrite,
    instance: Option<String>,
    head: bool,
) -> Response {
    let status = response.status().as_u16();
    match change {
        Rewrite::Pass => response,
        Rewrite::AddInstance => {
            let (mut parts, body) = response.into_parts();
            let Some(instance) = instance.filter(|_| !head) else {
                return Response::from_parts(parts, body);
            };
            // Only a body known to be short is read: a longer one could not be given back.
            if body
                .size_hint()
                .upper()
                .is_none_or(|size| size > DOCUMENT_LIMIT as u64)
            {
                return Response::from_parts(parts, body);
            }
            let Ok(document) = ::axum::body::to_bytes(body, DOCUMENT_LIMIT).await else {
                return Response::from_parts(parts, Body::empty());
            };
            match rewrite::with_instance(&document, &instance) {
                Some(with_instance) => {
                    parts.headers.remove(CONTENT_LENGTH);
                    Response::from_parts(parts, Body::from(with_instance))
                }
                None => Response::from_parts(parts, Body::from(document)),
            }
        }
        Rewrite::Replace {
            detail_from_body,
            logged,
        } => {
            let (mut parts, body) = response.into_parts();
            let limit = if logged { LOGGED_LIMIT } else { DETAIL_LIMIT };
            let read = match (detail_from_body || logged) && !head {
                true => read_at_most(body, limit).await,
                false => None,
            };
            if logged {
                rewrite::report_dropped(status, read.as_deref());
            }
            let detail = read.as_deref().filter(|_| detail_from_body);
            for name in [CONTENT_TYPE, CONTENT_LENGTH, TRANSFER_ENCODING] {
                parts.headers.remove(name);
            }
            (parts.headers).insert(CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
            let document = match head {
                true => Body::empty(),
                false => Body::from(rewrite::replacement(status, detail, instance.as_deref())),
            };
            Response::from_parts(parts, document)
        }
    }
}

/// The whole body if it has at most `limit` bytes, else `None` (and nothing past the limit is
/// read).
async fn read_at_most(body: Body, limit: usize) -> Option<Bytes> {
    if body.size_hint().lower() > limit as u64 {
        return None;
    }
    ::axum::body::to_bytes(body, limit).await.ok()
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
