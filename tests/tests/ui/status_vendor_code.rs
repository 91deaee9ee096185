use status_core::status;

fn main() {
    let _ = status!(499);
    let _ = status!(WebServerIsDown);
}
