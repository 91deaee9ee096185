#![no_std]

use core::fmt::Write;

use status_core::{HttpStatus, StatusCode, status, status_enum};

status_enum! {
    /// A subset, in a crate without std.
    #[cfg_attr(feature = "serde", status(serde))]
    pub enum Answer { Ok, NotFound, 499, Other(u16) }
}

#[derive(HttpStatus)]
#[status(503)]
pub struct Busy;

/// Writes `404 Not Found` into a buffer, as firmware without an allocator would.
struct Buffer {
    bytes: [u8; 64],
    len: usize,
}

impl Write for Buffer {
    fn write_str(&mut self, text: &str) -> core::fmt::Result {
        let end = self.len + text.len();
        let slot = self.bytes.get_mut(self.len..end).ok_or(core::fmt::Error)?;
        slot.copy_from_slice(text.as_bytes());
        self.len = end;
        Ok(())
    }
}

pub fn status_line_len(code: u16) -> usize {
    let mut buffer = Buffer { bytes: [0; 64], len: 0 };
    let _ = write!(buffer, "{}", Answer::from(code));
    let _ = StatusCode::from_code(code).map(|s| s.reason().len());
    let _ = Busy.code() + status!(NotFound).code();
    buffer.len
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}
