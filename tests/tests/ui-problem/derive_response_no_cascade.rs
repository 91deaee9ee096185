use status_core::HttpStatus;

// One mistake in a response type is one error: the handlers that return the type, the
// `ResponseError` and the OpenAPI description that use it add none.
#[derive(Debug, HttpStatus)]
#[status(500, response, openapi)]
pub enum ApiError {
    #[status(NotFund)]
    Missing,
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("missing")
    }
}

// A misspelled `response`, or an attribute that does not parse, may have asked for the
// responses: the handlers add no errors either.
#[derive(Debug, HttpStatus)]
#[status(500, respone, openapi)]
pub enum Misspelled {
    #[status(404)]
    Missing,
}

#[derive(Debug, HttpStatus)]
#[status(500, response, openapi, header("X-A" = ))]
pub enum Unparsed {
    #[status(404)]
    Missing,
}

impl std::fmt::Display for Misspelled {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("missing")
    }
}

impl std::fmt::Display for Unparsed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("missing")
    }
}

async fn handler() -> Result<String, ApiError> {
    Err(ApiError::Missing)
}

async fn misspelled() -> Result<String, Misspelled> {
    Err(Misspelled::Missing)
}

async fn unparsed() -> Result<String, Unparsed> {
    Err(Unparsed::Missing)
}

fn main() {
    let _app: axum::Router = axum::Router::new()
        .route("/", axum::routing::get(handler))
        .route("/misspelled", axum::routing::get(misspelled))
        .route("/unparsed", axum::routing::get(unparsed));
    let _ = actix_web::ResponseError::error_response(&ApiError::Missing);
    let _ = actix_web::ResponseError::error_response(&Misspelled::Missing);
    let _ = actix_web::ResponseError::error_response(&Unparsed::Missing);
    let _ = <ApiError as utoipa::IntoResponses>::responses();
    let _ = <Misspelled as utoipa::IntoResponses>::responses();
    let _ = <Unparsed as utoipa::IntoResponses>::responses();
}
