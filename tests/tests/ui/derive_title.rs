use status_core::HttpStatus;

// A title is non-empty text without control or bidirectional-formatting characters.
#[derive(Debug, HttpStatus)]
#[status(500, response, title = "")]
pub enum Titles {
    #[status(404, title = "   ")]
    Blank,
    #[status(404, title = "two
lines")]
    LineFeed,
    #[status(404, title = "nul\0")]
    Nul,
    #[status(404, title = "tab\there")]
    Tab,
    #[status(404, title = "\u{202E}txt.exe")]
    RightToLeftOverride,
    #[status(404, title = "mark\u{200F}")]
    RightToLeftMark,
    #[status(404, title = "isolate\u{2066}")]
    Isolate,
    #[status(404, title = "arabic\u{61C}")]
    ArabicLetterMark,
    #[status(404, title = "next\u{85}line")]
    NextLine,
    #[status(404, title = "Café: ünïcode, fine")]
    Fine,
}

fn main() {}

// Error responses have `Display`: the errors above are the only ones.
impl std::fmt::Display for Titles {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("error")
    }
}
