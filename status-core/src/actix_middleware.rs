//! `actix_web::Problems` (feature `actix-web`): every error the service sends as a problem
//! document, actix-web's own too (no route, wrong method, extractor errors, body limits), an
//! inner middleware's `Err` and a handler's panic, and `instance` from a request header in
//! every document. What is rewritten and how is `problem::rewrite`; this is moving actix-web's
//! bodies.

use alloc::boxed::Box;
use alloc::string::String;
use core::cell::RefCell;
use core::fmt;
use core::future::{Future, Ready, ready};
use core::pin::Pin;
use core::task::{Context, Poll};
use std::panic::{AssertUnwindSafe, catch_unwind};

use ::actix_web::body::{BodySize, BoxBody, EitherBody, MessageBody, to_bytes_limited};
use ::actix_web::dev::{Service, ServiceRequest, ServiceResponse, Transform};
use ::actix_web::http::header::{
    CONTENT_LENGTH, CONTENT_TYPE, HeaderMap, HeaderName, HeaderValue, TRANSFER_ENCODING,
};
use ::actix_web::http::{Method, StatusCode};
use ::actix_web::web::Bytes;
use ::actix_web::{Error, HttpResponse, ResponseError};

use crate::problem::rewrite::{self, DETAIL_LIMIT, DOCUMENT_LIMIT, LOGGED_LIMIT, Rewrite};
use crate::problem::{CONTENT_TYPE as PROBLEM_JSON, Declared};

/// An actix-web middleware that turns every response with a status in 400..=599 whose content
/// type is not `application/problem+json` into a problem document with the same status and
/// headers (`title` the registry's reason phrase; a short `text/plain` 4xx body as `detail`; a
/// 5xx body dropped), and passes every other response through untouched and unbuffered, so
/// that a client meets one error format whoever answered: a handler, an extractor or actix-web.
///
/// An `Err` of the service it wraps is answered the same way (from the error's own response),
/// and a panic of it with a 500 problem document (logged with `tracing`).
///
/// ```no_run
/// use actix_web::{App, HttpServer, web};
/// use status_core::actix_web::Problems;
///
/// # async fn serve() -> std::io::Result<()> {
/// HttpServer::new(|| {
///     App::new()
///         .wrap(Problems::new().instance_from_header("x-request-id"))
///         .route("/", web::get().to(|| async { "hello" }))
/// })
/// .bind(("127.0.0.1", 8080))?
/// .run()
/// .await
/// # }
/// ```
#[derive(Clone, Debug, Default)]
pub struct Problems {
    instance_header: Option<HeaderName>,
}

impl Problems {
    /// The middleware, setting no `instance`.
    pub fn new() -> Self {
        Problems::default()
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

impl<S, B> Transform<S, ServiceRequest> for Problems
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error> + 'static,
    S::Future: 'static,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<EitherBody<B>>;
    type Error = Error;
    type Transform = ProblemsMiddleware<S>;
    type InitError = ();
    type Future = Ready<Result<ProblemsMiddleware<S>, ()>>;

    fn new_transform(&self, service: S) -> Self::Future {
        ready(Ok(ProblemsMiddleware {
            service,
            instance_header: self.instance_header.clone(),
        }))
    }
}

/// The service of [`Problems`]: the wrapped service `S`, whose responses it rewrites. Its
/// body is `EitherBody<B>`: left, a response passed through; right, a new document.
#[derive(Debug)]
pub struct ProblemsMiddleware<S> {
    service: S,
    instance_header: Option<HeaderName>,
}

/// What [`ProblemsMiddleware`] answers with.
type Answer<B> = Result<ServiceResponse<EitherBody<B>>, Error>;

impl<S, B> Service<ServiceRequest> for ProblemsMiddleware<S>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error>,
    S::Future: 'static,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<EitherBody<B>>;
    type Error = Error;
    type Future = Pin<Box<dyn Future<Output = Answer<B>>>>;

    fn poll_ready(&self, cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        self.service.poll_ready(cx)
    }

    fn call(&self, request: ServiceRequest) -> Self::Future {
        let instance = (self.instance_header.as_ref())
            .and_then(|name| request.headers().get(name))
            .and_then(|value| rewrite::instance_of(value.as_bytes()));
        let head = request.method() == Method::HEAD;
        // actix-web catches no panic: one here or in the future below would end the worker's
        // connection without an answer.
        let response = match catch_unwind(AssertUnwindSafe(|| self.service.call(request))) {
            Ok(response) => response,
            Err(payload) => return Box::pin(ready(Err(panicked(&*payload, instance, head)))),
        };
        Box::pin(async move {
            let mut response = Some(Box::pin(response));
            let polled = core::future::poll_fn(move |cx| {
                let Some(future) = response.as_mut() else {
                    return Poll::Pending; // Not polled again once ready.
                };
                match catch_unwind(AssertUnwindSafe(|| future.as_mut().poll(cx))) {
                    Ok(Poll::Pending) => Poll::Pending,
                    Ok(Poll::Ready(result)) => Poll::Ready(Ok(result)),
                    Err(payload) => {
                        // What is left of the future may panic too while dropped.
                        let _ = catch_unwind(AssertUnwindSafe(|| drop(response.take())));
                        Poll::Ready(Err(payload))
                    }
                }
            });
            match polled.await {
                Ok(Ok(response)) => {
                    let (request, response) = response.into_parts();
                    let response = rewritten(response, instance, head).await;
                    Ok(ServiceResponse::new(request, response))
                }
                // No request to answer with: the error's response is rewritten, and sent as an
                // error whose response it is.
                Ok(Err(error)) => {
                    let response = error.error_response();
                    let response = rewritten(response, instance, head).await;
                    Err(Answered::error(
                        Cause::Error(error),
                        response.map_into_boxed_body(),
                    ))
                }
                Err(payload) => Err(panicked(&*payload, instance, head)),
            }
        })
    }
}

/// The answer to a panic of the wrapped service, logged with its message: a 500 problem
/// document without `detail`.
fn panicked(payload: &(dyn core::any::Any + Send), instance: Option<String>, head: bool) -> Error {
    let message = (payload.downcast_ref::<&str>().copied())
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str));
    rewrite::report_panic(message);
    let status = StatusCode::INTERNAL_SERVER_ERROR;
    let mut response = HttpResponse::new(status);
    (response.headers_mut()).insert(CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
    let response = match head {
        true => response.set_body(BoxBody::new(())),
        false => response.set_body(BoxBody::new(rewrite::replacement(
            status.as_u16(),
            None,
            instance.as_deref(),
        ))),
    };
    Answered::error(Cause::Panic, response)
}

/// Why the wrapped service gave no response.
#[derive(Debug)]
enum Cause {
    /// It answered with an error.
    Error(Error),
    /// It panicked.
    Panic,
}

/// An error whose response is already written: what [`ProblemsMiddleware`] answers with in
/// place of the wrapped service's error or panic. Its `Display` and `Debug` are the cause's,
/// for the middleware around it.
struct Answered {
    cause: Cause,
    status: StatusCode,
    /// The status line's reason phrase (the registry's, for a vendor code).
    reason: Option<&'static str>,
    headers: HeaderMap,
    /// Taken by the first response; a body in memory is put back for the next.
    body: RefCell<Option<BoxBody>>,
}

impl Answered {
    /// The error that answers with `response`, for `cause`.
    fn error(cause: Cause, response: HttpResponse<BoxBody>) -> Error {
        let (head, body) = response.into_parts();
        Error::from(Answered {
            cause,
            status: head.status(),
            reason: head.head().reason,
            headers: head.headers().clone(),
            body: RefCell::new(Some(body)),
        })
    }
}

impl fmt::Debug for Answered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.cause, f)
    }
}

impl fmt::Display for Answered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.cause {
            Cause::Error(error) => fmt::Display::fmt(error, f),
            Cause::Panic => f.write_str("the service panicked"),
        }
    }
}

impl ResponseError for Answered {
    fn status_code(&self) -> StatusCode {
        self.status
    }

    fn error_response(&self) -> HttpResponse<BoxBody> {
        let mut response = HttpResponse::new(self.status);
        response.head_mut().reason = self.reason;
        *response.headers_mut() = self.headers.clone();
        let taken = self.body.borrow_mut().take();
        let body = match taken {
            None => BoxBody::new(()),
            Some(body) => match body.try_into_bytes() {
                Ok(bytes) => {
                    *self.body.borrow_mut() = Some(BoxBody::new(bytes.clone()));
                    BoxBody::new(bytes)
                }
                Err(body) => body,
            },
        };
        response.set_body(body)
    }
}

/// `response` as [`Problems`] sends it.
async fn rewritten<B: MessageBody>(
    response: HttpResponse<B>,
    instance: Option<String>,
    head: bool,
) -> HttpResponse<EitherBody<B>> {
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get(CONTENT_TYPE)
        .map(HeaderValue::as_bytes);
    let declared = response.extensions().get::<Declared>().is_some();
    match rewrite::rewrite_of(status, content_type, declared, instance.is_some()) {
        Rewrite::Pass => response.map_into_left_body(),
        Rewrite::AddInstance => {
            let Some(instance) = instance.filter(|_| !head) else {
                return response.map_into_left_body();
            };
            // Only a body known to be short is read: a longer one could not be given back.
            match response.body().size() {
                BodySize::Sized(size) if size <= DOCUMENT_LIMIT as u64 => {}
                _ => return response.map_into_left_body(),
            }
            let (mut response, body) = response.into_parts();
            let Ok(Ok(document)) = to_bytes_limited(body, DOCUMENT_LIMIT).await else {
                response.headers_mut().remove(CONTENT_LENGTH);
                return response.set_body(EitherBody::right(BoxBody::new(())));
            };
            response.headers_mut().remove(CONTENT_LENGTH);
            let document = match rewrite::with_instance(&document, &instance) {
                Some(with_instance) => Bytes::from(with_instance),
                None => document,
            };
            response.set_body(EitherBody::right(BoxBody::new(document)))
        }
        Rewrite::Replace {
            detail_from_body,
            logged,
        } => {
            let (mut response, body) = response.into_parts();
            let limit = if logged { LOGGED_LIMIT } else { DETAIL_LIMIT };
            let read = match (detail_from_body || logged) && !head {
                true => read_at_most(body, limit).await,
                false => None,
            };
            if logged {
                rewrite::report_dropped(status, read.as_deref());
            }
            let detail = read.as_deref().filter(|_| detail_from_body);
            let headers = response.headers_mut();
            for name in [CONTENT_TYPE, CONTENT_LENGTH, TRANSFER_ENCODING] {
                headers.remove(name);
            }
            headers.insert(CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
            let document = match head {
                true => BoxBody::new(()),
                false => BoxBody::new(rewrite::replacement(status, detail, instance.as_deref())),
            };
            response.set_body(EitherBody::right(document))
        }
    }
}

/// The whole body if it has at most `limit` bytes, else `None` (and nothing past the limit is
/// read).
async fn read_at_most<B: MessageBody>(body: B, limit: usize) -> Option<Bytes> {
    to_bytes_limited(body, limit).await.ok()?.ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_name_is_kept() {
        let layer = Problems::new().instance_from_header("X-Request-Id");
        assert_eq!(layer.instance_header.unwrap(), "x-request-id");
        assert!(Problems::new().instance_header.is_none());
    }

    #[test]
    #[should_panic(expected = r#"instance_from_header: "x request id" is not a header name"#)]
    fn a_name_that_is_no_header_name_panics() {
        let _ = Problems::new().instance_from_header("x request id");
    }
}
