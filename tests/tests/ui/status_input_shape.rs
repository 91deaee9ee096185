use status_core::status;

fn main() {
    let _ = status!();
    let _ = status!(404, 405);
    let _ = status!(4xx);
    let _ = status!(Not Found);
}
