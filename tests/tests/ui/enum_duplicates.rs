use status_core::status_enum;

status_enum! {
    pub enum ApiStatus {
        NotFound,
        404,
        Ok,
        OK,
        Missing = 410,
        Gone,
        Missing = 411,
        4xx,
        Created = 200,
    }
}

fn main() {}
