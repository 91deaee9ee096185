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

async fn handler() -> Result<String, ApiError> {
    Err(ApiError::Missing)
}

fn main() {
    let _app: axum::Router = axum::Router::new().route("/", axum::routing::get(handler));
    let _ = actix_web::ResponseError::error_response(&ApiError::Missing);
    let _ = <ApiError as utoipa::IntoResponses>::responses();
}
