use status_core::HttpStatus;

#[derive(HttpStatus)]
#[status(500)]
pub union Raw {
    code: u16,
    bytes: [u8; 2],
}

fn main() {}
