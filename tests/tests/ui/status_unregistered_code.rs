use status_core::status;

fn main() {
    let _ = status!(432);
    let _ = status!(299);
}
