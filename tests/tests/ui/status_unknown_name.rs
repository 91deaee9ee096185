use status_core::status;

fn main() {
    let _ = status!(NotFund);
    let _ = status!(TOO_MANY_REQUEST);
    let _ = status!(Teapot);
    let _ = status!(Banana);
}
