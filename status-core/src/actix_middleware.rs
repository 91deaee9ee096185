//! `actix_web::Problems` (feature `actix-web`): every error the service sends as a problem
//! document, actix-web's own too (no route, wrong method, extractor errors, body limits), an
//! inner middleware's `Err` and a handler's panic, and `instance` from a request header in
//! every document. What is rewritten and how is `problem::rewrite`; this is moving actix-web's
//! bodies.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::RefCell;
use core::fmt;
use core::future::{Future, Ready, ready};
use core::pin::Pin;
use core::task::{Context, Poll};
use std::panic::{AssertUnwindSafe, catch_unwind};

use ::actix_web::body::{BodySize, BoxBody, EitherBody, MessageBody, to_bytes_limited};
use ::actix_web::dev::{Service, ServiceRequest, ServiceResponse, Transform};
use ::actix_web::http::StatusCode;
use ::actix_web::http::header::{
    CONTENT_ENCODING, CONTENT_LENGTH, CONTENT_TYPE, HeaderMap, HeaderName, HeaderValue, VARY,
};
use ::actix_web::web::Bytes;
use ::actix_web::{Error, HttpResponse, ResponseError};

use crate::problem::rewrite::{self, DOCUMENT_LIMIT, Prefix, Rewrite};
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
        // Checked only for an error response.
        let instance = (self.instance_header.as_ref())
            .map(|name| (name.clone(), request.headers().get(name).cloned()));
        // actix-web catches no panic: one here or in the future below would end the worker's
        // connection without an answer.
        let response = match catch_unwind(AssertUnwindSafe(|| self.service.call(request))) {
            Ok(response) => response,
            Err(payload) => return Box::pin(ready(Err(panicked(&*payload, instance)))),
        };
        Box::pin(async move {
            // Pinned in this future (no allocation of its own), and dropped in place, under
            // `catch_unwind` too, if it panics.
            let mut response = core::pin::pin!(Some(response));
            let polled = core::future::poll_fn(move |cx| {
                let Some(future) = response.as_mut().as_pin_mut() else {
                    return Poll::Pending; // Not polled again once ready.
                };
                match catch_unwind(AssertUnwindSafe(|| future.poll(cx))) {
                    Ok(Poll::Pending) => Poll::Pending,
                    Ok(Poll::Ready(result)) => Poll::Ready(Ok(result)),
                    Err(payload) => {
                        // What is left of the future may panic too while dropped.
                        let _ = catch_unwind(AssertUnwindSafe(|| response.as_mut().set(None)));
                        Poll::Ready(Err(payload))
                    }
                }
            });
            match polled.await {
                Ok(Ok(response)) => {
                    let (request, response) = response.into_parts();
                    let response = rewritten(response, instance).await;
                    Ok(ServiceResponse::new(request, response))
                }
                // No request to answer with: the error's response is rewritten, and sent as an
                // error whose response it is.
                Ok(Err(error)) => {
                    let response = error.error_response();
                    let response = rewritten(response, instance).await;
                    Err(Answered::error(
                        Cause::Error(error),
                        response.map_into_boxed_body(),
                    ))
                }
                Err(payload) => Err(panicked(&*payload, instance)),
            }
        })
    }
}

/// The answer to a panic of the wrapped service, logged with its message: a 500 problem
/// document without `detail`.
fn panicked(payload: &(dyn core::any::Any + Send), instance: Option<Instance>) -> Error {
    let message = (payload.downcast_ref::<&str>().copied())
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str));
    rewrite::report_panic(message);
    let status = StatusCode::INTERNAL_SERVER_ERROR;
    let mut response = HttpResponse::new(status);
    (response.headers_mut()).insert(CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
    let (vary, instance) = checked(instance);
    let document = rewrite::replacement(status.as_u16(), None, instance.as_deref());
    vary_on(response.headers_mut(), &vary);
    Answered::error(Cause::Panic, response.set_body(BoxBody::new(document)))
}

/// The `instance` header's name, and the request's value of it (checked only for an error).
type Instance = (HeaderName, Option<HeaderValue>);

/// The header's name (an error response varies on it), and its value as `instance` when it is a
/// URI reference.
fn checked(instance: Option<Instance>) -> (Option<HeaderName>, Option<String>) {
    match instance {
        Some((name, value)) => {
            let text = value.and_then(|value| rewrite::instance_of(value.as_bytes()));
            (Some(name), text)
        }
        None => (None, None),
    }
}

/// The response varies on the header `instance` comes from.
fn vary_on(headers: &mut HeaderMap, vary: &Option<HeaderName>) {
    if let Some(name) = vary {
        headers.append(VARY, HeaderValue::from(name.clone()));
    }
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
        // Final: a `Problems` outside this one sends it as it is.
        response.extensions_mut().insert(Declared);
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
    instance: Option<Instance>,
) -> HttpResponse<EitherBody<B>> {
    let status = response.status().as_u16();
    if !(400..=599).contains(&status) {
        return response.map_into_left_body();
    }
    let (vary, instance) = checked(instance);
    let mut response = response;
    vary_on(response.headers_mut(), &vary);
    let headers = response.headers();
    let content_type = headers.get(CONTENT_TYPE).map(HeaderValue::as_bytes);
    let encoding = headers.get(CONTENT_ENCODING).map(HeaderValue::as_bytes);
    let declared = response.extensions().get::<Declared>().is_some();
    match rewrite::rewrite_of(status, content_type, encoding, declared, instance.is_some()) {
        Rewrite::Pass => response.map_into_left_body(),
        Rewrite::AddInstance => {
            let Some(text) = instance.as_deref() else {
                return response.map_into_left_body();
            };
            // Only a body known to be short is read: a longer one could not be given back.
            match response.body().size() {
                BodySize::Sized(size) if size <= DOCUMENT_LIMIT as u64 => {}
                _ => return response.map_into_left_body(),
            }
            let (mut response, body) = response.into_parts();
            let document = match to_bytes_limited(body, DOCUMENT_LIMIT).await {
                Ok(Ok(document)) => match rewrite::with_instance(&document, text) {
                    Some(with_instance) => Bytes::from(with_instance),
                    None => document,
                },
                // What was read is gone: the document of the status, with `instance`.
                _ => Bytes::from(rewrite::replacement(status, None, Some(text))),
            };
            response.headers_mut().remove(CONTENT_LENGTH);
            response.set_body(EitherBody::right(BoxBody::new(document)))
        }
        Rewrite::Replace { read, logged } => {
            let (mut response, body) = response.into_parts();
            // A body of unknown length (a stream) may never end: it is not waited for.
            let known = matches!(body.size(), BodySize::None | BodySize::Sized(_));
            let prefix = match read.limit() {
                Some(limit) if known => Some(read_prefix(body, limit).await),
                _ => None,
            };
            let document =
                rewrite::replaced_document(status, read, logged, &prefix, instance.as_deref());
            let headers = response.headers_mut();
            // By the names present (few), not the list: each lookup by text parses the name.
            let gone = (headers.keys())
                .filter(|name| rewrite::loses_header(status, name.as_str()))
                .cloned();
            for name in gone.collect::<Vec<_>>() {
                headers.remove(name);
            }
            headers.insert(CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
            // The status line's reason is the registry's, never one a handler wrote.
            let canonical = response.status().canonical_reason();
            response.head_mut().reason = rewrite::status_line_reason(status, canonical);
            response.extensions_mut().insert(Declared);
            response.set_body(EitherBody::right(BoxBody::new(document)))
        }
    }
}

/// The first `limit` bytes of `body` (no more are read), and whether there was more; `None`
/// when reading fails.
async fn read_prefix<B: MessageBody>(body: B, limit: usize) -> Option<(Prefix, bool)> {
    let mut body = core::pin::pin!(body);
    let mut prefix = Prefix::new(limit);
    loop {
        let chunk = core::future::poll_fn(|cx| body.as_mut().poll_next(cx)).await;
        let Some(chunk) = chunk else {
            return Some((prefix, false));
        };
        if prefix.push(&chunk.ok()?) {
            return Some((prefix, true));
        }
    }
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
