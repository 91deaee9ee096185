//! The cost of `status_core::axum::ProblemLayer`: `cargo bench -p status-benches --features
//! layer --bench layer`. One request through a router (`tower::ServiceExt::oneshot`), its whole
//! response read (status, headers, body), with and without the layer: a 200 that passes through
//! it, and a 404 of no route that it rewrites into a problem document.

use std::hint::black_box;

use axum::Router;
use axum::body::Body;
use axum::http::Request;
use axum::routing::get;
use criterion::Criterion;
use status_core::axum::ProblemLayer;
use tower::ServiceExt;

/// The same routes under a layer that does nothing: what `Router::layer` costs by itself
/// (axum boxes each route's service and future once more).
fn router_with_identity() -> Router {
    router(false).layer(tower::layer::util::Identity::new())
}

fn router(layer: bool) -> Router {
    let router = Router::new()
        .route("/users/{id}", get(|| async { "alice" }))
        .route("/health", get(|| async { "up" }));
    match layer {
        true => router.layer(ProblemLayer::new().instance_from_header("x-request-id")),
        false => router,
    }
}

/// One request's whole response: status, headers and the body's bytes.
async fn ask(router: &Router, path: &str) -> (axum::http::response::Parts, axum::body::Bytes) {
    let request = Request::get(path)
        .header("x-request-id", "/requests/42")
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
    let mut group = c.benchmark_group("problem_layer");
    for (name, router, path) in [
        ("ok_without", &plain, "/users/7"),
        ("ok_with", &layered, "/users/7"),
        ("ok_identity_layer", &identity, "/users/7"),
        (
            "ok_no_instance",
            &router(false).layer(ProblemLayer::new()),
            "/users/7",
        ),
        ("not_found_without", &plain, "/nowhere"),
        ("not_found_with", &layered, "/nowhere"),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| black_box(runtime.block_on(ask(router, black_box(path)))))
        });
    }
    group.finish();
}

fn main() {
    let output = status_benches::criterion_dir();
    let mut criterion = Criterion::default()
        .output_directory(&output)
        .configure_from_args();
    benches(&mut criterion);
    criterion.final_summary();
    let mean = |id: &str| status_benches::mean(&output.join("problem_layer").join(id));
    let ok = (mean("ok_with"), mean("ok_without"));
    if let (Some(with), Some(without)) = ok {
        println!(
            "\n200 passed through: with {with:.0} ns, without {without:.0} ns, ratio {:.3}",
            with / without
        );
    }
    let not_found = (mean("not_found_with"), mean("not_found_without"));
    if let (Some(with), Some(without)) = not_found {
        println!(
            "404 rewritten: with {with:.0} ns, without {without:.0} ns, {:.0} ns more",
            with - without
        );
    }
}
