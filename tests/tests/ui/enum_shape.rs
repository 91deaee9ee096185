use status_core::status_enum;

status_enum! {
    pub enum Empty {}
}

status_enum! {
    pub enum Generic<T> { Ok }
}

status_enum! {
    pub enum Trailing { Ok NotFound }
}

status_enum! {
    pub struct NotAnEnum { Ok }
}

fn main() {}
