use status_core::{StatusCode, status};

fn main() {
    let _ = status!(StatusCode::NotFound);
    let _ = status!(498);
    let _ = status!(InternalError);
    let _ = status!(r#PayloadTooLarge);
    let _: StatusCode = status!(NotFound,);
}
