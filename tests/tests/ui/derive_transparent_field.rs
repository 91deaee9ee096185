use status_core::HttpStatus;

#[derive(Debug, HttpStatus)]
#[status(503)]
pub struct Inner;

// `transparent` on a field picks the field that holds the status; only one may.
#[derive(Debug, HttpStatus)]
pub enum Outer {
    #[status(404)]
    StatusAndField(#[status(transparent)] Inner),
    TwoFields(#[status(transparent)] Inner, #[status(transparent)] Inner),
    #[status(transparent)]
    WhichOne(Inner, Inner),
    CodeOnField {
        #[status(404)]
        inner: Inner,
    },
}

fn main() {}
