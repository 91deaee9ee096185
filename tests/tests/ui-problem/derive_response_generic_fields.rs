use std::fmt::Debug;

use status_core::HttpStatus;

#[derive(Debug)]
pub struct NoSer;

#[derive(Debug)]
pub struct NoDisp;

// The bounds of a generic type's member and header fields fail where the type is used: the
// errors name the field's type and what it lacks, and nothing of status-core's internals.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(500, response)]
pub enum Generic<T: Debug, H: Debug> {
    #[error("x")]
    #[status(400)]
    A {
        #[status(member)]
        t: T,
        #[status(header = "X-A")]
        h: H,
    },
}

fn main() {
    let error: Generic<NoSer, NoDisp> = Generic::A { t: NoSer, h: NoDisp };
    let _ = status_core::problem::body(&error);
}
