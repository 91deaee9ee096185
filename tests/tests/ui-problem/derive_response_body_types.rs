use status_core::HttpStatus;

#[derive(Debug)]
pub struct NotSerialize;

fn of_another_type(error: &std::io::Error) -> String {
    error.to_string()
}

fn not_serialize(_: &Unserializable) -> NotSerialize {
    NotSerialize
}

fn minutes(value: &std::time::Duration) -> u64 {
    value.as_secs() / 60
}

// `body` is a function of the error whose value is `Serialize`; `with` a function of the field.
#[derive(Debug, HttpStatus)]
#[status(500, response(parts, body = of_another_type))]
pub struct WrongArgument;

#[derive(Debug, HttpStatus)]
#[status(500, response(parts, body = not_serialize))]
pub struct Unserializable;

#[derive(Debug, HttpStatus)]
#[status(429, response(parts))]
pub struct WrongField {
    #[status(header = "X-Minutes", with = minutes)]
    seconds: u32,
}

macro_rules! display {
    ($($t:ty),*) => {$(
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("body")
            }
        }
    )*};
}
display!(WrongArgument, Unserializable, WrongField);

fn main() {}
