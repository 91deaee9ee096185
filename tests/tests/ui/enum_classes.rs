use status_core::status_enum;

status_enum! {
    pub enum ApiStatus {
        2xx,
        6xx,
        Missing = 4xx,
    }
}

fn main() {}
