use core::fmt;

/// A code that is not a member of the status type it was converted to.
///
/// Returned by `TryFrom<u16>` and `TryFrom<StatusCode>` of [`StatusCode`](crate::StatusCode)
/// and of every `status_enum!` type.
///
/// ```
/// use status_core::StatusCode;
///
/// let error = StatusCode::try_from(499).unwrap_err();
/// assert_eq!(error.code(), 499);
/// assert_eq!(error.target(), "StatusCode");
/// assert_eq!(error.to_string(), "499 is not a code of StatusCode");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct InvalidStatusCode {
    code: u16,
    target: &'static str,
}

impl InvalidStatusCode {
    #[doc(hidden)]
    pub const fn new(code: u16, target: &'static str) -> Self {
        InvalidStatusCode { code, target }
    }

    /// The rejected code.
    pub const fn code(&self) -> u16 {
        self.code
    }

    /// The name of the type the code was converted to, such as `"StatusCode"`.
    pub const fn target(&self) -> &'static str {
        self.target
    }
}

impl fmt::Display for InvalidStatusCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} is not a code of {}", self.code, self.target)?;
        if !(100..=599).contains(&self.code) {
            f.write_str(": HTTP status codes are 100..=599")?;
        }
        Ok(())
    }
}

impl core::error::Error for InvalidStatusCode {}

/// How much of a rejected text a [`ParseStatusError`] keeps (it allocates nothing).
const KEPT: usize = 24;

/// Text that does not parse as a member of a status type.
///
/// `FromStr` accepts exactly three ASCII digits that are the code of a member.
///
/// ```
/// use status_core::StatusCode;
///
/// let error = "40x".parse::<StatusCode>().unwrap_err();
/// assert_eq!(error.input(), "40x");
/// assert_eq!(error.code(), None);
/// assert_eq!(error.to_string(), r#"invalid StatusCode "40x": expected exactly three ASCII digits"#);
///
/// let error = "499".parse::<StatusCode>().unwrap_err();
/// assert_eq!(error.code(), Some(499));
/// assert_eq!(error.to_string(), r#"invalid StatusCode "499": not one of its codes"#);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct ParseStatusError {
    input: [u8; KEPT],
    len: u8,
    truncated: bool,
    code: Option<u16>,
    target: &'static str,
}

impl ParseStatusError {
    fn new(text: &str, code: Option<u16>, target: &'static str) -> Self {
        let mut len = text.len().min(KEPT);
        while !text.is_char_boundary(len) {
            len -= 1;
        }
        let mut input = [0; KEPT];
        input[..len].copy_from_slice(&text.as_bytes()[..len]);
        ParseStatusError {
            input,
            len: len as u8,
            truncated: len < text.len(),
            code,
            target,
        }
    }

    #[doc(hidden)]
    #[cold]
    #[inline(never)]
    pub fn invalid_syntax(text: &str, target: &'static &'static str) -> Self {
        Self::new(text, None, target)
    }

    #[doc(hidden)]
    #[cold]
    #[inline(never)]
    pub fn not_a_member(text: &str, code: u16, target: &'static &'static str) -> Self {
        Self::new(text, Some(code), target)
    }

    /// The rejected text; its first 24 bytes if it was longer (see [`is_truncated`](Self::is_truncated)).
    pub fn input(&self) -> &str {
        // Cut on a character boundary in `new`, so this never fails.
        core::str::from_utf8(&self.input[..usize::from(self.len)]).unwrap_or_default()
    }

    /// Whether [`input`](Self::input) is only the start of the rejected text.
    pub const fn is_truncated(&self) -> bool {
        self.truncated
    }

    /// The code, when the text was three digits but not the code of a member.
    pub const fn code(&self) -> Option<u16> {
        self.code
    }

    /// The name of the type being parsed, such as `"StatusCode"`.
    pub const fn target(&self) -> &'static str {
        self.target
    }
}

impl fmt::Display for ParseStatusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ellipsis = if self.truncated { "..." } else { "" };
        write!(f, "invalid {} {:?}{ellipsis}: ", self.target, self.input())?;
        f.write_str(match self.code {
            Some(100..=599) => "not one of its codes",
            Some(_) => "HTTP status codes are 100..=599",
            None => "expected exactly three ASCII digits",
        })
    }
}

impl fmt::Debug for ParseStatusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ParseStatusError")
            .field("input", &self.input())
            .field("truncated", &self.truncated)
            .field("code", &self.code)
            .field("target", &self.target)
            .finish()
    }
}

impl core::error::Error for ParseStatusError {}
