use status_core::HttpStatus;

#[derive(Debug, HttpStatus)]
#[status(404, response(axum))]
pub struct Axum;

#[derive(Debug, HttpStatus)]
#[status(404, response(actix_web))]
pub struct ActixWeb;

#[derive(Debug, HttpStatus)]
#[status(404, response(axum, actix_web))]
pub struct Both;

#[derive(Debug, HttpStatus)]
#[status(404, response(parts))]
pub struct Parts;

macro_rules! display {
    ($($ty:ident),*) => {$(
        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("missing")
            }
        }
    )*};
}

display!(Axum, ActixWeb, Both, Parts);

fn main() {}
