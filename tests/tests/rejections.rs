//! Statuses known at run time: the extractor rejections of axum and the extractor errors of
//! actix-web, wrapped in a derived error with `#[status(transparent)]`, give the status the
//! framework itself answers with. Real servers on 127.0.0.1, asked by a real HTTP client:
//! each bad request goes to a route where the framework answers by itself (plain) and to one
//! where a handler wraps the rejection and answers with the wrapper's `code()` (wrapped).
#![cfg(any(feature = "axum", feature = "actix-web"))]

/// What an extractor reads from a body, a query or a path.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct Order {
    #[allow(dead_code)] // Read by the extractors only.
    id: u64,
}

/// A bad request, and the status the framework answers it with.
struct Case {
    method: &'static str,
    path: &'static str,
    content_type: Option<&'static str>,
    body: &'static [u8],
    status: u16,
}

const fn case(
    method: &'static str,
    path: &'static str,
    content_type: Option<&'static str>,
    body: &'static [u8],
    status: u16,
) -> Case {
    Case {
        method,
        path,
        content_type,
        body,
        status,
    }
}

const JSON: Option<&str> = Some("application/json");
const FORM: Option<&str> = Some("application/x-www-form-urlencoded");
const TEXT: Option<&str> = Some("text/plain");

/// A body over the limit both servers set (64 bytes).
const LARGE: &[u8] = &[b'a'; 100];

struct Answer {
    status: u16,
    body: String,
}

fn send(base: &str, case: &Case) -> Answer {
    let agent = status_tests::client();
    let url = format!("{base}{}", case.path);
    let response = match case.method {
        "GET" => agent.get(url).call(),
        _ => {
            let request = agent.post(url);
            match case.content_type {
                Some(content_type) => request.content_type(content_type).send(case.body),
                None => request.send(case.body),
            }
        }
    };
    let mut response = response.expect("request");
    Answer {
        status: response.status().as_u16(),
        body: response.body_mut().read_to_string().expect("body"),
    }
}

/// Each case gets the same status from the framework and from the wrapper, the expected one.
/// `plain` and `wrapped` are the base URLs of the same routes, answered by the framework and
/// by the wrapper.
fn check(plain: &str, wrapped: &str, cases: &[Case]) {
    for case in cases {
        let what = format!("{} {}", case.method, case.path);
        let plain = send(plain, case);
        let wrapped = send(wrapped, case);
        assert_eq!(
            plain.status, case.status,
            "{what}: the framework's own answer"
        );
        assert_eq!(wrapped.status, case.status, "{what}: the wrapper's answer");
        // The wrapper's handler answered, not the framework.
        assert_eq!(wrapped.body, format!("wrapped {}", case.status), "{what}");
    }
}

#[cfg(feature = "axum")]
mod axum_rejections {
    use super::*;

    use axum::Router;
    use axum::body::Bytes;
    use axum::extract::rejection::*;
    use axum::extract::{
        DefaultBodyLimit, Extension, Form, Json, MatchedPath, NestedPath, Path, Query, RawForm,
        RawPathParams,
    };
    use axum::routing::{any, get};
    use status_core::HttpStatus;
    use status_core::http::ToHttp;
    use status_tests::with_axum;

    /// Every rejection of axum 0.8 with a status, each in a variant of its own.
    #[derive(Debug, thiserror::Error, HttpStatus)]
    pub enum Rejected {
        #[error(transparent)]
        #[status(transparent)]
        Json(#[from] JsonRejection),
        #[error(transparent)]
        #[status(transparent)]
        Path(#[from] PathRejection),
        #[error(transparent)]
        #[status(transparent)]
        RawPathParams(#[from] RawPathParamsRejection),
        #[error(transparent)]
        #[status(transparent)]
        Query(#[from] QueryRejection),
        #[error(transparent)]
        #[status(transparent)]
        Form(#[from] FormRejection),
        #[error(transparent)]
        #[status(transparent)]
        RawForm(#[from] RawFormRejection),
        #[error(transparent)]
        #[status(transparent)]
        Extension(#[from] ExtensionRejection),
        #[error(transparent)]
        #[status(transparent)]
        MatchedPath(#[from] MatchedPathRejection),
        #[error(transparent)]
        #[status(transparent)]
        NestedPath(#[from] NestedPathRejection),
        #[error(transparent)]
        #[status(transparent)]
        Bytes(#[from] BytesRejection),
        #[error(transparent)]
        #[status(transparent)]
        String(#[from] StringRejection),
        // What the rejections above hold: each has the impl too.
        #[error(transparent)]
        #[status(transparent)]
        FailedToBufferBody(FailedToBufferBody),
        #[error(transparent)]
        #[status(transparent)]
        JsonData(JsonDataError),
        #[error(transparent)]
        #[status(transparent)]
        JsonSyntax(JsonSyntaxError),
        #[error(transparent)]
        #[status(transparent)]
        MissingJsonContentType(MissingJsonContentType),
        #[error(transparent)]
        #[status(transparent)]
        PathParams(FailedToDeserializePathParams),
        #[error(transparent)]
        #[status(transparent)]
        InvalidUtf8InPathParam(InvalidUtf8InPathParam),
        #[error(transparent)]
        #[status(transparent)]
        MissingPathParams(MissingPathParams),
        #[error(transparent)]
        #[status(transparent)]
        QueryString(FailedToDeserializeQueryString),
        #[error(transparent)]
        #[status(transparent)]
        InvalidFormContentType(InvalidFormContentType),
        #[error(transparent)]
        #[status(transparent)]
        FormQuery(FailedToDeserializeForm),
        #[error(transparent)]
        #[status(transparent)]
        FormBody(FailedToDeserializeFormBody),
        #[error(transparent)]
        #[status(transparent)]
        MissingExtension(MissingExtension),
        #[error(transparent)]
        #[status(transparent)]
        MatchedPathMissing(MatchedPathMissing),
        #[error(transparent)]
        #[status(transparent)]
        LengthLimit(LengthLimitError),
        #[error(transparent)]
        #[status(transparent)]
        UnknownBody(UnknownBodyError),
        #[error(transparent)]
        #[status(transparent)]
        InvalidUtf8(InvalidUtf8),
    }

    impl Rejected {
        /// What the rejection holds, one level down: the leaf types have the impl too, and
        /// must agree with the rejections that hold them.
        fn inner(self) -> Option<Rejected> {
            use Rejected as R;
            Some(match self {
                R::Json(JsonRejection::JsonDataError(e)) => R::JsonData(e),
                R::Json(JsonRejection::JsonSyntaxError(e)) => R::JsonSyntax(e),
                R::Json(JsonRejection::MissingJsonContentType(e)) => R::MissingJsonContentType(e),
                R::Json(JsonRejection::BytesRejection(e)) => R::Bytes(e),
                R::Path(PathRejection::FailedToDeserializePathParams(e)) => R::PathParams(e),
                R::Path(PathRejection::MissingPathParams(e)) => R::MissingPathParams(e),
                R::RawPathParams(RawPathParamsRejection::InvalidUtf8InPathParam(e)) => {
                    R::InvalidUtf8InPathParam(e)
                }
                R::RawPathParams(RawPathParamsRejection::MissingPathParams(e)) => {
                    R::MissingPathParams(e)
                }
                R::Query(QueryRejection::FailedToDeserializeQueryString(e)) => R::QueryString(e),
                R::Form(FormRejection::InvalidFormContentType(e)) => R::InvalidFormContentType(e),
                R::Form(FormRejection::FailedToDeserializeForm(e)) => R::FormQuery(e),
                R::Form(FormRejection::FailedToDeserializeFormBody(e)) => R::FormBody(e),
                R::Form(FormRejection::BytesRejection(e)) => R::Bytes(e),
                R::RawForm(RawFormRejection::InvalidFormContentType(e)) => {
                    R::InvalidFormContentType(e)
                }
                R::RawForm(RawFormRejection::BytesRejection(e)) => R::Bytes(e),
                R::Extension(ExtensionRejection::MissingExtension(e)) => R::MissingExtension(e),
                R::MatchedPath(MatchedPathRejection::MatchedPathMissing(e)) => {
                    R::MatchedPathMissing(e)
                }
                R::Bytes(BytesRejection::FailedToBufferBody(e)) => R::FailedToBufferBody(e),
                R::String(StringRejection::FailedToBufferBody(e)) => R::FailedToBufferBody(e),
                R::String(StringRejection::InvalidUtf8(e)) => R::InvalidUtf8(e),
                R::FailedToBufferBody(FailedToBufferBody::LengthLimitError(e)) => R::LengthLimit(e),
                R::FailedToBufferBody(FailedToBufferBody::UnknownBodyError(e)) => R::UnknownBody(e),
                _ => return None,
            })
        }
    }

    /// A wrapped route's answer: the rejection's status, by way of the derived enum; the body
    /// says whether each type it holds, down to the leaf, gives the same status.
    fn answer<T, R: Into<Rejected>>(extracted: Result<T, R>) -> (http::StatusCode, String) {
        let Err(rejected) = extracted.map_err(Into::into) else {
            return (http::StatusCode::OK, "accepted".to_owned());
        };
        let (status, code) = (rejected.to_http(), rejected.code());
        let mut body = format!("wrapped {code}");
        let mut level = Some(rejected);
        while let Some(rejected) = level {
            if rejected.code() != code {
                body = format!("wrapped {code}, but {rejected:?} gives {}", rejected.code());
            }
            level = rejected.inner();
        }
        (status, body)
    }

    /// The routes where axum answers rejections itself.
    fn plain() -> Router {
        Router::new()
            .route("/json", any(|_: Json<Order>| async {}))
            .route("/path/{id}", get(|_: Path<u64>| async {}))
            .route("/no-params", get(|_: Path<u64>| async {}))
            .route("/raw-path/{id}", get(|_: RawPathParams| async {}))
            .route("/query", get(|_: Query<Order>| async {}))
            .route("/form", any(|_: Form<Order>| async {}))
            .route("/raw-form", any(|_: RawForm| async {}))
            .route("/extension", get(|_: Extension<Order>| async {}))
            .route("/nested", get(|_: NestedPath| async {}))
            .route("/bytes", any(|_: Bytes| async {}))
            .route("/string", any(|_: String| async {}))
            // A fallback matched no route: it has no matched path.
            .fallback(|_: MatchedPath| async {})
    }

    /// The same routes, where a handler wraps the rejection and answers with its `code()`.
    fn wrapped() -> Router {
        Router::new()
            .route(
                "/json",
                any(|r: Result<Json<Order>, JsonRejection>| async { answer(r) }),
            )
            .route(
                "/path/{id}",
                get(|r: Result<Path<u64>, PathRejection>| async { answer(r) }),
            )
            .route(
                "/no-params",
                get(|r: Result<Path<u64>, PathRejection>| async { answer(r) }),
            )
            .route(
                "/raw-path/{id}",
                get(|r: Result<RawPathParams, RawPathParamsRejection>| async { answer(r) }),
            )
            .route(
                "/query",
                get(|r: Result<Query<Order>, QueryRejection>| async { answer(r) }),
            )
            .route(
                "/form",
                any(|r: Result<Form<Order>, FormRejection>| async { answer(r) }),
            )
            .route(
                "/raw-form",
                any(|r: Result<RawForm, RawFormRejection>| async { answer(r) }),
            )
            .route(
                "/extension",
                get(|r: Result<Extension<Order>, ExtensionRejection>| async { answer(r) }),
            )
            .route(
                "/nested",
                get(|r: Result<NestedPath, NestedPathRejection>| async { answer(r) }),
            )
            .route(
                "/bytes",
                any(|r: Result<Bytes, BytesRejection>| async { answer(r) }),
            )
            .route(
                "/string",
                any(|r: Result<String, StringRejection>| async { answer(r) }),
            )
            .fallback(|r: Result<MatchedPath, MatchedPathRejection>| async { answer(r) })
    }

    const CASES: &[Case] = &[
        case("POST", "/json", JSON, br#"{"id": 7"#, 400), // JsonSyntaxError
        case("POST", "/json", JSON, br#"{"id": "seven"}"#, 422), // JsonDataError
        case("POST", "/json", None, br#"{"id": 7}"#, 415), // MissingJsonContentType
        case("POST", "/json", JSON, LARGE, 413),          // a body over the limit
        case("GET", "/path/seven", None, b"", 400),       // FailedToDeserializePathParams
        case("GET", "/no-params", None, b"", 500),        // MissingPathParams
        case("GET", "/raw-path/%FF", None, b"", 400),     // InvalidUtf8InPathParam
        case("GET", "/query?id=seven", None, b"", 400),   // FailedToDeserializeQueryString
        case("GET", "/form?id=seven", None, b"", 400),    // FailedToDeserializeForm
        case("POST", "/form", FORM, b"id=seven", 422),    // FailedToDeserializeFormBody
        case("POST", "/form", TEXT, b"id=7", 415),        // InvalidFormContentType
        case("POST", "/raw-form", TEXT, b"id=7", 415),    // InvalidFormContentType
        case("GET", "/extension", None, b"", 500),        // MissingExtension
        case("GET", "/nested", None, b"", 500),           // NestedPathRejection
        case("POST", "/bytes", TEXT, LARGE, 413),         // LengthLimitError
        case("POST", "/string", TEXT, b"caf\xe9", 400),   // InvalidUtf8
        case("GET", "/nowhere", None, b"", 500),          // MatchedPathMissing
    ];

    #[test]
    fn wrapped_rejections_answer_as_axum_does() {
        // Two servers, so that each router is at the root: not nested, with its own fallback.
        let limit = DefaultBodyLimit::max(64);
        with_axum(plain().layer(limit), |plain| {
            with_axum(wrapped().layer(limit), |wrapped| {
                check(plain, wrapped, CASES)
            })
        });
    }
}

#[cfg(feature = "actix-web")]
mod actix_web_errors {
    use super::*;

    use actix_web::error::{
        BlockingError, ContentTypeError, InternalError, JsonPayloadError, ParseError, PathError,
        PayloadError, QueryPayloadError, ReadlinesError, UrlGenerationError, UrlencodedError,
    };
    use actix_web::web::{self, FormConfig, JsonConfig, PathConfig, QueryConfig};
    use actix_web::{HttpRequest, HttpResponse, ResponseError};
    use status_core::actix_web::ToActix;
    use status_core::{HttpStatus, StatusCode};
    use status_tests::with_actix_web;

    /// Every actix-web error with the impl, each in a variant of its own.
    #[derive(Debug, thiserror::Error, HttpStatus)]
    pub enum Rejected {
        #[error(transparent)]
        #[status(transparent)]
        Json(#[from] JsonPayloadError),
        #[error(transparent)]
        #[status(transparent)]
        Path(#[from] PathError),
        #[error(transparent)]
        #[status(transparent)]
        Query(#[from] QueryPayloadError),
        #[error(transparent)]
        #[status(transparent)]
        Form(#[from] UrlencodedError),
        #[error(transparent)]
        #[status(transparent)]
        Readlines(ReadlinesError),
        #[error(transparent)]
        #[status(transparent)]
        Payload(PayloadError),
        #[error(transparent)]
        #[status(transparent)]
        ContentType(ContentTypeError),
        #[error(transparent)]
        #[status(transparent)]
        Parse(ParseError),
        #[error(transparent)]
        #[status(transparent)]
        UrlGeneration(UrlGenerationError),
        #[error(transparent)]
        #[status(transparent)]
        Blocking(BlockingError),
        #[error("{0}")]
        #[status(transparent)]
        Internal(InternalError<&'static str>),
        #[error("{0}")]
        #[status(transparent)]
        Any(actix_web::Error),
        #[error("upstream answered {0}")]
        #[status(transparent)]
        Upstream(actix_web::http::StatusCode),
    }

    /// The error handler of the wrapped routes: the error's status, by way of the derived
    /// enum, written with `to_actix()`.
    fn wrap(error: impl Into<Rejected>, _: &HttpRequest) -> actix_web::Error {
        let rejected = error.into();
        let response =
            HttpResponse::build(rejected.to_actix()).body(format!("wrapped {}", rejected.code()));
        InternalError::from_response(rejected, response).into()
    }

    /// The routes, answered by actix-web itself or, under `wrapped`, by [`wrap`].
    fn routes(config: &mut web::ServiceConfig) {
        let scope = |prefix: &str| {
            web::scope(prefix)
                .route("/json", web::post().to(|_: web::Json<Order>| async { "" }))
                .route(
                    "/path/{id}",
                    web::get().to(|_: web::Path<u64>| async { "" }),
                )
                .route("/query", web::get().to(|_: web::Query<Order>| async { "" }))
                .route("/form", web::post().to(|_: web::Form<Order>| async { "" }))
        };
        config
            .service(scope("/plain").app_data(JsonConfig::default().limit(64)))
            .service(
                scope("/wrapped")
                    .app_data(JsonConfig::default().limit(64).error_handler(wrap))
                    .app_data(PathConfig::default().error_handler(wrap))
                    .app_data(QueryConfig::default().error_handler(wrap))
                    .app_data(FormConfig::default().error_handler(wrap)),
            );
    }

    const CASES: &[Case] = &[
        case("POST", "/json", JSON, br#"{"id": 7"#, 400), // Deserialize
        case("POST", "/json", JSON, br#"{"id": "seven"}"#, 400), // Deserialize
        case("POST", "/json", TEXT, br#"{"id": 7}"#, 400), // ContentType
        case("POST", "/json", JSON, LARGE, 413),          // OverflowKnownLength
        case("GET", "/query?id=seven", None, b"", 400),   // QueryPayloadError
        case("POST", "/form", FORM, b"id=seven", 400),    // Parse
        case("POST", "/form", TEXT, b"id=7", 415),        // ContentType
    ];

    #[test]
    fn wrapped_errors_answer_as_actix_web_does() {
        with_actix_web(routes, |base| {
            check(&format!("{base}/plain"), &format!("{base}/wrapped"), CASES)
        });
    }

    /// `Path` is the exception: without an error handler actix-web answers 404 (it wraps the
    /// error in `ErrorNotFound`), while the error itself, `PathError`, says 400.
    #[test]
    fn path_errors_say_400_where_actix_web_answers_404() {
        with_actix_web(routes, |base| {
            let case = case("GET", "/path/seven", None, b"", 400);
            assert_eq!(send(&format!("{base}/plain"), &case).status, 404);
            let wrapped = send(&format!("{base}/wrapped"), &case);
            assert_eq!(
                (wrapped.status, wrapped.body.as_str()),
                (400, "wrapped 400")
            );
        });
    }

    /// Errors no request of the test makes: their status is still the one actix-web gives.
    #[test]
    fn other_errors_give_actix_web_s_status() {
        /// The wrapper's status and actix-web's.
        fn both<E: ResponseError>(error: E, wrap: fn(E) -> Rejected) -> (u16, u16) {
            let theirs = error.status_code().as_u16();
            (wrap(error).code(), theirs)
        }
        let statuses = [
            both(PayloadError::Overflow, Rejected::Payload),
            both(PayloadError::Incomplete(None), Rejected::Payload),
            both(ReadlinesError::LimitOverflow, Rejected::Readlines),
            both(ReadlinesError::EncodingError, Rejected::Readlines),
            both(UrlencodedError::UnknownLength, Rejected::Form),
            both(JsonPayloadError::Overflow { limit: 1 }, Rejected::Json),
            both(ContentTypeError::ParseError, Rejected::ContentType),
            both(ParseError::Method, Rejected::Parse),
            both(
                UrlGenerationError::ResourceNotFound,
                Rejected::UrlGeneration,
            ),
            both(blocking_error(), Rejected::Blocking),
        ];
        let (ours, theirs): (Vec<u16>, Vec<u16>) = statuses.into_iter().unzip();
        assert_eq!(ours, [413, 400, 413, 400, 411, 413, 400, 400, 500, 500]);
        assert_eq!(ours, theirs);

        let teapot = InternalError::new("brewing", actix_web::http::StatusCode::IM_A_TEAPOT);
        assert_eq!(Rejected::Internal(teapot).code(), 418);
        let any: actix_web::Error = UrlencodedError::ContentType.into();
        assert_eq!(Rejected::Any(any).reason(), "Unsupported Media Type");
        // actix-web's own `StatusCode` (http 0.2), registered or not.
        let upstream =
            |code| Rejected::Upstream(actix_web::http::StatusCode::from_u16(code).unwrap());
        assert_eq!(upstream(502).reason(), "Bad Gateway");
        assert_eq!((upstream(599).code(), upstream(599).reason()), (599, ""));
    }

    /// An error that overrides only `error_response`, as actix-web-validator's errors do: it
    /// sends 400, while its `status_code()` is the provided 500.
    #[derive(Debug, thiserror::Error)]
    #[error("name: too short")]
    struct Invalid;

    impl ResponseError for Invalid {
        fn error_response(&self) -> HttpResponse {
            HttpResponse::BadRequest().body("name: too short")
        }
    }

    /// A derived response wrapping actix-web's catch-all error.
    #[derive(Debug, thiserror::Error, HttpStatus)]
    #[status(response)]
    #[error("{0}")]
    struct Wrapped(#[status(transparent)] actix_web::Error);

    /// `code()` of an `actix_web::Error` is the status it sends, also when its error overrides
    /// only `error_response`; and asking never takes the response an `InternalError` holds.
    #[test]
    fn the_status_of_any_error_is_the_one_it_sends() {
        let any = actix_web::Error::from(Invalid);
        assert_eq!(any.as_response_error().status_code().as_u16(), 500);
        assert_eq!(any.error_response().status().as_u16(), 400);
        assert_eq!(Rejected::Any(any).code(), 400);
        let wrapped = Wrapped(Invalid.into());
        assert_eq!(wrapped.code(), 400);
        assert_eq!(wrapped.status_code().as_u16(), 400);
        assert_eq!(wrapped.error_response().status().as_u16(), 400);

        // An error with a whole response of its own, a redirect: its status, every time, and
        // the response is still there to send.
        let moved = || {
            let response = HttpResponse::Found()
                .insert_header(("Location", "/users/7"))
                .finish();
            InternalError::from_response("moved", response)
        };
        let internal = Rejected::Internal(moved());
        assert_eq!((internal.code(), internal.code()), (302, 302));
        let Rejected::Internal(internal) = internal else {
            unreachable!()
        };
        let sent = internal.error_response();
        assert_eq!(sent.status().as_u16(), 302);
        assert_eq!(sent.headers().get("location").unwrap(), "/users/7");
        let any = Rejected::Any(moved().into());
        assert_eq!((any.code(), any.code()), (302, 302));
        let Rejected::Any(any) = any else {
            unreachable!()
        };
        let sent = any.error_response();
        assert_eq!(sent.headers().get("location").unwrap(), "/users/7");
    }

    /// The error of a blocking task that panicked (its fields are private).
    fn blocking_error() -> BlockingError {
        let task = async { web::block(|| panic!("a blocking task fails")).await };
        match actix_web::rt::System::new().block_on(task) {
            Ok(()) => unreachable!("the task panicked"),
            Err(error) => error,
        }
    }

    /// `to_actix()` converts every code as `to_http()` does, in actix-web's type: the number
    /// where `http` accepts it (100..=999), else 500; never a panic.
    #[test]
    fn to_actix_converts_every_code() {
        #[derive(HttpStatus)]
        #[status(transparent)]
        struct Relayed(RawCode);

        /// A number off the wire, with no check: the status of a hand-written impl.
        struct RawCode(u16);
        impl HttpStatus for RawCode {
            fn code(&self) -> u16 {
                self.0
            }
        }

        for code in 0..=u16::MAX {
            let expected = if (100..=999).contains(&code) {
                code
            } else {
                500
            };
            assert_eq!(
                Relayed(RawCode(code)).to_actix().as_u16(),
                expected,
                "{code}"
            );
        }
        assert_eq!(
            StatusCode::ImATeapot.to_actix(),
            actix_web::http::StatusCode::IM_A_TEAPOT
        );
        assert_eq!(
            Relayed(RawCode(99)).to_actix(),
            actix_web::http::StatusCode::INTERNAL_SERVER_ERROR
        );
        assert_eq!(Relayed(RawCode(700)).to_actix().as_u16(), 700);
        #[cfg(feature = "http")]
        for code in 0..=u16::MAX {
            use status_core::http::ToHttp;
            let status = RawCode(code);
            assert_eq!(
                status.to_actix().as_u16(),
                status.to_http().as_u16(),
                "{code}"
            );
        }
    }
}
