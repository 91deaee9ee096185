use status_core::status;

fn main() {
    let _ = status!(600);
    let _ = status!(99);
    let _ = status!(70000);
    let _ = status!(-404);
    let _ = status!(404u16);
    let _ = status!(0x194);
    let _ = status!("404");
    let _ = status!(4.04);
}
