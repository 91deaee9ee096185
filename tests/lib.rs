//! Integration and UI tests of the workspace live in `tests/`. The README's examples run as
//! this crate's doctests, so the README cannot drift from the code.
//!
//! The library holds what the real-server tests share: a server on 127.0.0.1 for each
//! framework, and a client bounded in time.
#![cfg_attr(doctest, doc = include_str!("../README.md"))]

/// A client that returns error statuses as responses, and gives up after 10 seconds.
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub fn client() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(std::time::Duration::from_secs(10)))
        .build()
        .into()
}

/// Serves `app` with axum on 127.0.0.1 while `check` asks it at its base URL.
#[cfg(feature = "axum")]
pub fn with_axum(app: axum::Router, check: impl FnOnce(&str)) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let address = listener.local_addr().unwrap();
    runtime.spawn(async move { axum::serve(listener, app).await });
    check(&format!("http://{address}"));
    runtime.shutdown_background();
}

/// Serves the routes of `routes` with actix-web on 127.0.0.1 while `check` asks them at their
/// base URL.
#[cfg(feature = "actix-web")]
pub fn with_actix_web(
    routes: impl Fn(&mut actix_web::web::ServiceConfig) + Clone + Send + 'static,
    check: impl FnOnce(&str),
) {
    use actix_web::{App, HttpServer};

    let (sender, receiver) = std::sync::mpsc::channel();
    let server = std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            let server = HttpServer::new(move || App::new().configure(routes.clone()))
                .workers(1)
                .disable_signals()
                .bind(("127.0.0.1", 0))
                .unwrap();
            let address = server.addrs()[0];
            let server = server.run();
            sender.send((address, server.handle())).unwrap();
            server.await
        })
    });
    let (address, handle) = receiver.recv().unwrap();
    check(&format!("http://{address}"));
    actix_web::rt::System::new().block_on(handle.stop(true));
    server.join().unwrap().unwrap();
}
