use status_core::HttpStatus;

/// Serializable, so a member of the problem document, but with no OpenAPI schema.
#[derive(Debug, serde::Serialize)]
pub struct Limits {
    pub per_minute: u32,
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(response, openapi)]
pub enum ApiError {
    #[error("slow down")]
    #[status(429)]
    RateLimited {
        #[status(member)]
        limits: Limits,
        #[status(member = "window")]
        seconds: u32,
    },
}

/// A member of a type parameter: the bound is the use's to meet.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(response, openapi)]
pub enum Wrapper<T: std::fmt::Debug + serde::Serialize> {
    #[error("bad value")]
    #[status(400)]
    Bad {
        #[status(member)]
        value: T,
    },
}

fn main() {
    let _ = <Wrapper<Limits> as utoipa::IntoResponses>::responses();
}
