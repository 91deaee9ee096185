//! Integration and UI tests of the workspace live in `tests/`. The README's Rust blocks are
//! built and run by `tests/readme.rs`, each in a crate with only the dependencies it names (as
//! doctests of this crate they would see every dependency of it), and its curl listings are
//! compared with what the example sends, so the README cannot drift from the code.
//!
//! The library holds what the real-server tests share: a server on 127.0.0.1 for each
//! framework, and a client bounded in time.

/// A client that returns error statuses and redirects as responses, and gives up after 10
/// seconds.
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub fn client() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .timeout_global(Some(std::time::Duration::from_secs(10)))
        .build()
        .into()
}

/// What a server answered: its status, headers in order, body as text and as JSON (`Null`
/// when it is not JSON).
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub text: String,
    pub body: serde_json::Value,
}

#[cfg(any(feature = "axum", feature = "actix-web"))]
impl Answer {
    /// The values of a header, in order.
    pub fn header(&self, name: &str) -> Vec<&str> {
        let values = self
            .headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name));
        values.map(|(_, value)| value.as_str()).collect()
    }
}

/// A GET of `path` at `base`, by [`client`].
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub fn get(base: &str, path: &str) -> Answer {
    let agent = client();
    let mut response = agent.get(format!("{base}{path}")).call().expect("request");
    let headers = response
        .headers()
        .iter()
        .map(|(name, value)| (name.as_str().to_owned(), value.to_str().unwrap().to_owned()));
    let headers = headers.collect();
    let text = response.body_mut().read_to_string().expect("body");
    Answer {
        status: response.status().as_u16(),
        headers,
        body: serde_json::from_str(&text).unwrap_or(serde_json::Value::Null),
        text,
    }
}

/// Serves `app` with axum on 127.0.0.1 while `check` asks it at its base URL.
#[cfg(feature = "axum")]
pub fn with_axum(app: axum::Router, check: impl FnOnce(&str)) {
    with_axum_service(app, check);
}

/// Serves any axum service (a `Router` inside a layer, say) on 127.0.0.1 while `check` asks it
/// at its base URL.
#[cfg(feature = "axum")]
pub fn with_axum_service<S>(service: S, check: impl FnOnce(&str))
where
    S: tower_service::Service<
            axum::extract::Request,
            Response = axum::response::Response,
            Error = std::convert::Infallible,
        > + Clone
        + Send
        + 'static,
    S::Future: Send,
{
    let app = axum::ServiceExt::<axum::extract::Request>::into_make_service(service);
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
    with_actix_web_app(
        move || actix_web::App::new().configure(routes.clone()),
        check,
    );
}

/// Serves the `App` that `app` builds (one per worker: with its middleware, say) with
/// actix-web on 127.0.0.1 while `check` asks it at its base URL.
#[cfg(feature = "actix-web")]
pub fn with_actix_web_app<T, B>(
    app: impl Fn() -> actix_web::App<T> + Clone + Send + 'static,
    check: impl FnOnce(&str),
) where
    T: actix_web::dev::ServiceFactory<
            actix_web::dev::ServiceRequest,
            Config = (),
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
            InitError = (),
        > + 'static,
    B: actix_web::body::MessageBody + 'static,
{
    use actix_web::HttpServer;

    let (sender, receiver) = std::sync::mpsc::channel();
    let server = std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            let server = HttpServer::new(app)
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

/// What a `tracing` event said: its level and fields, the message as `message`.
#[cfg(feature = "tracing")]
#[derive(Clone, Debug)]
pub struct Event {
    pub level: tracing::Level,
    pub fields: Vec<(&'static str, String)>,
    /// The fields of the spans the event was emitted in, outermost first.
    pub span_fields: Vec<(&'static str, String)>,
}

#[cfg(feature = "tracing")]
impl Event {
    /// The value of a field, if the event has it.
    pub fn field(&self, name: &str) -> Option<&str> {
        let mut fields = self.fields.iter();
        fields
            .find(|(field, _)| *field == name)
            .map(|(_, value)| value.as_str())
    }

    /// The value of a field of a span the event was emitted in, if one has it.
    pub fn span_field(&self, name: &str) -> Option<&str> {
        let mut fields = self.span_fields.iter();
        fields
            .find(|(field, _)| *field == name)
            .map(|(_, value)| value.as_str())
    }
}

#[cfg(feature = "tracing")]
static EVENTS: std::sync::Mutex<Vec<Event>> = std::sync::Mutex::new(Vec::new());

/// Every event recorded so far in this test binary (see [`record_events`]).
#[cfg(feature = "tracing")]
pub fn events() -> Vec<Event> {
    EVENTS.lock().unwrap().clone()
}

#[cfg(feature = "tracing")]
struct Recorder;

#[cfg(feature = "tracing")]
struct Fields<'a>(&'a mut Vec<(&'static str, String)>);

#[cfg(feature = "tracing")]
impl tracing::field::Visit for Fields<'_> {
    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        self.0.push((field.name(), format!("{value:?}")));
    }

    fn record_str(&mut self, field: &tracing::field::Field, value: &str) {
        self.0.push((field.name(), value.to_owned()));
    }
}

/// Each span's fields, by id (the index plus one).
#[cfg(feature = "tracing")]
static SPANS: std::sync::Mutex<Vec<Vec<(&'static str, String)>>> =
    std::sync::Mutex::new(Vec::new());

#[cfg(feature = "tracing")]
thread_local! {
    /// The spans this thread is in, innermost last.
    static ENTERED: std::cell::RefCell<Vec<u64>> = const { std::cell::RefCell::new(Vec::new()) };
}

#[cfg(feature = "tracing")]
impl tracing::Subscriber for Recorder {
    fn enabled(&self, _: &tracing::Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, attributes: &tracing::span::Attributes<'_>) -> tracing::span::Id {
        let mut fields = Vec::new();
        attributes.record(&mut Fields(&mut fields));
        let mut spans = SPANS.lock().unwrap();
        spans.push(fields);
        tracing::span::Id::from_u64(spans.len() as u64)
    }
    fn record(&self, span: &tracing::span::Id, values: &tracing::span::Record<'_>) {
        let mut spans = SPANS.lock().unwrap();
        values.record(&mut Fields(&mut spans[span.into_u64() as usize - 1]));
    }
    fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}
    fn event(&self, event: &tracing::Event<'_>) {
        let mut fields = Vec::new();
        event.record(&mut Fields(&mut fields));
        let level = *event.metadata().level();
        let spans = SPANS.lock().unwrap();
        let entered = ENTERED.with(|entered| entered.borrow().clone());
        let span_fields = entered
            .iter()
            .flat_map(|&id| spans[id as usize - 1].iter().cloned())
            .collect();
        drop(spans);
        EVENTS.lock().unwrap().push(Event {
            level,
            fields,
            span_fields,
        });
    }
    fn enter(&self, span: &tracing::span::Id) {
        ENTERED.with(|entered| entered.borrow_mut().push(span.into_u64()));
    }
    fn exit(&self, _: &tracing::span::Id) {
        ENTERED.with(|entered| entered.borrow_mut().pop());
    }
}

/// Records the events of every thread of the test binary, the servers' too.
#[cfg(feature = "tracing")]
pub fn record_events() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| tracing::subscriber::set_global_default(Recorder).unwrap());
}

/// The status line of a GET of `path`, read off the wire (HTTP/1.1): clients do not show
/// the reason phrase.
pub fn status_line(base: &str, path: &str) -> String {
    use std::io::{BufRead, BufReader, Write};

    let address = base.trim_start_matches("http://");
    let mut stream = std::net::TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut line = String::new();
    BufReader::new(stream).read_line(&mut line).unwrap();
    line.trim_end().to_owned()
}

pub mod fixture;
