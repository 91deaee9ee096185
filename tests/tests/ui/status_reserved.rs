use status_core::status;

fn main() {
    let _ = status!(306);
    let _ = status!(SwitchProxy);
}
