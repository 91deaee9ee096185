//! The cost of `status_core::axum::ProblemLayer`: `cargo bench -p status-benches --features
//! layer --bench layer`. One request through a router (`tower::ServiceExt::oneshot`), its whole
//! response read (status, headers, body), with and without the layer: a 200 that passes through
//! it, and a 404 of no route that it rewrites into a problem document.

use std::hint::black_box;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderValue, Request};
use axum::routing::get;
use criterion::Criterion;
use status_core::axum::ProblemLayer;
use tower::ServiceExt;

/// The same routes under a layer that does nothing: what `Router::layer` costs by itself
/// (axum boxes each route's service and future once more).
fn router_with_identity() -> Router {
    router(false).layer(tower::layer::util::Identity::new())
}

/// The layer measured: with `instance`, which costs a header lookup a request.
fn layer() -> ProblemLayer {
    ProblemLayer::new().instance_from_header("x-request-id")
}

/// The routes, with the layer by `Router::layer` (on each route and the fallback) or without.
fn router(layered: bool) -> Router {
    let router = Router::new()
        .route("/users/{id}", get(|| async { "alice" }))
        .route("/health", get(|| async { "up" }));
    match layered {
        true => router.layer(layer()),
        false => router,
    }
}

/// A router for the whole run, so that the closures that ask it can be built by one function.
fn leak(router: Router) -> &'static Router {
    Box::leak(Box::new(router))
}

/// A whole response: status, headers and the body's bytes.
type Answer = (axum::http::response::Parts, axum::body::Bytes);

/// One request's whole response: status, headers and the body's bytes.
async fn ask<S>(router: &S, path: &str) -> Answer
where
    S: tower::Service<Request<Body>, Response = axum::response::Response> + Clone,
    S::Error: std::fmt::Debug,
{
    // As hyper parses it: a slice of a shared buffer, so that cloning it counts a reference
    // (a value from a `&str` would be copied on its first clone).
    let id = axum::body::Bytes::from(b"/requests/42".to_vec()).slice(..);
    let request = Request::get(path)
        .header("x-request-id", HeaderValue::from_maybe_shared(id).unwrap())
        .body(Body::empty())
        .unwrap();
    let response = router.clone().oneshot(request).await.unwrap();
    let (parts, body) = response.into_parts();
    (parts, axum::body::to_bytes(body, usize::MAX).await.unwrap())
}

fn benches(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let (plain, layered, identity) = (router(false), router(true), router_with_identity());
    // What is measured is what the layer is for.
    let (parts, body) = runtime.block_on(ask(&layered, "/nowhere"));
    assert_eq!(parts.status, 404);
    assert_eq!(
        &body[..],
        br#"{"type":"about:blank","title":"Not Found","status":404,"instance":"/requests/42"}"#
    );
    let (_, body) = runtime.block_on(ask(&layered, "/users/7"));
    assert_eq!(&body[..], b"alice");
    let outside = tower::Layer::layer(&layer(), router(false));
    let mut group = c.benchmark_group("problem_layer");
    let mut case = |name: &str, service: &dyn Fn() -> Answer| {
        group.bench_function(name, |b| b.iter(|| black_box(service())));
    };
    let runtime = &runtime;
    let ask_on =
        |service: &'static Router, path| move || runtime.block_on(ask(service, black_box(path)));
    let (plain, identity, layered) = (leak(plain), leak(identity), leak(layered));
    case("ok_without", &ask_on(plain, "/users/7"));
    case("ok_identity_layer", &ask_on(identity, "/users/7"));
    case("ok_with", &ask_on(layered, "/users/7"));
    case("ok_outside", &|| {
        runtime.block_on(ask(&outside, black_box("/users/7")))
    });
    case("not_found_without", &ask_on(plain, "/nowhere"));
    case("not_found_with", &ask_on(layered, "/nowhere"));
    case("not_found_outside", &|| {
        runtime.block_on(ask(&outside, black_box("/nowhere")))
    });
    group.finish();
}

/// `REQUESTS` requests of `path` to `router`: for counting instructions under callgrind
/// (`--instructions`), one function per case so that each has its own inclusive count.
macro_rules! counted {
    ($($name:ident),*) => {$(
        #[inline(never)]
        fn $name<S>(runtime: &tokio::runtime::Runtime, router: &S, path: &str)
        where
            S: tower::Service<Request<Body>, Response = axum::response::Response> + Clone,
            S::Error: std::fmt::Debug,
        {
            // A constant of its own, so that the linker does not fold the functions into one.
            black_box(stringify!($name));
            for _ in 0..REQUESTS {
                black_box(runtime.block_on(ask(router, black_box(path))));
            }
        }
    )*};
}

const REQUESTS: usize = 10_000;

counted!(
    count_ok_without,
    count_ok_identity_layer,
    count_ok_with,
    count_ok_outside,
    count_ok_outside_no_instance
);
counted!(
    count_not_found_without,
    count_not_found_with,
    count_not_found_outside
);

fn main() {
    if std::env::args().any(|arg| arg == "--instructions") {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let outside = tower::Layer::layer(&layer(), router(false));
        count_ok_without(&runtime, &router(false), "/users/7");
        count_ok_identity_layer(&runtime, &router_with_identity(), "/users/7");
        count_ok_with(&runtime, &router(true), "/users/7");
        count_ok_outside(&runtime, &outside, "/users/7");
        let no_instance = tower::Layer::layer(&ProblemLayer::new(), router(false));
        count_ok_outside_no_instance(&runtime, &no_instance, "/users/7");
        count_not_found_without(&runtime, &router(false), "/nowhere");
        count_not_found_with(&runtime, &router(true), "/nowhere");
        count_not_found_outside(&runtime, &outside, "/nowhere");
        return;
    }
    let output = status_benches::criterion_dir();
    let mut criterion = Criterion::default()
        .output_directory(&output)
        .configure_from_args();
    benches(&mut criterion);
    criterion.final_summary();
    let mean = |id: &str| status_benches::mean(&output.join("problem_layer").join(id));
    for (name, with, without) in [
        ("200, Router::layer", "ok_with", "ok_without"),
        ("200, around the router", "ok_outside", "ok_without"),
        (
            "200, a layer doing nothing",
            "ok_identity_layer",
            "ok_without",
        ),
        (
            "404 rewritten, Router::layer",
            "not_found_with",
            "not_found_without",
        ),
        (
            "404 rewritten, around the router",
            "not_found_outside",
            "not_found_without",
        ),
    ] {
        if let (Some(with), Some(without)) = (mean(with), mean(without)) {
            let (ratio, more) = (with / without, with - without);
            println!(
                "{name}: {with:.0} ns against {without:.0} ns, ratio {ratio:.3}, {more:.0} ns more"
            );
        }
    }
}
