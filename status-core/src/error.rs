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
    pub(crate) const fn new(code: u16, target: &'static str) -> Self {
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

/// Text that does not parse as a member of a status type.
///
/// `FromStr` accepts exactly three ASCII digits that are the code of a member. Like `std`'s
/// `ParseIntError`, the error keeps no copy of the text, which the caller still has: it keeps
/// the code when the text was three digits, and the name of the target type. That makes it
/// 16 bytes, and a `Result<StatusCode, ParseStatusError>` 16 bytes too, returned in registers.
///
/// ```
/// use status_core::StatusCode;
///
/// let error = "40x".parse::<StatusCode>().unwrap_err();
/// assert_eq!(error.code(), None);
/// assert_eq!(error.target(), "StatusCode");
/// assert_eq!(error.to_string(), "invalid StatusCode: expected exactly three ASCII digits");
///
/// let error = "499".parse::<StatusCode>().unwrap_err();
/// assert_eq!(error.code(), Some(499));
/// assert_eq!(error.to_string(), "invalid StatusCode: 499 is not one of its codes");
///
/// let error = "099".parse::<StatusCode>().unwrap_err();
/// assert_eq!(error.code(), Some(99));
/// assert_eq!(
///     error.to_string(),
///     "invalid StatusCode: 099 is not one of its codes: HTTP status codes are 100..=599"
/// );
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct ParseStatusError {
    // A thin pointer to the name (`&&str`, 8 bytes) rather than the name (`&str`, 16): it keeps
    // the error at 16 bytes, and its null niche is where a `Result` puts `Ok`.
    target: &'static &'static str,
    // `NO_CODE` rather than an `Option<u16>`, whose tag would become the `Result`'s
    // discriminant: writing each `Result` would then cost the `FromStr` benchmark a third
    // more (measured: 1.36 of `http` against 1.01).
    code: u16,
}

/// [`ParseStatusError::code`] of text that was not three digits (three digits are at most 999).
const NO_CODE: u16 = u16::MAX;

// Two registers: what the `FromStr` benchmark against `http` depends on.
const _: () = assert!(size_of::<ParseStatusError>() <= 16);
const _: () = assert!(size_of::<Result<crate::StatusCode, ParseStatusError>>() <= 16);

impl ParseStatusError {
    /// The error for `text`, which `FromStr` of `target` refused. Out of line and cold, so
    /// the caller's hot path builds nothing.
    #[cold]
    #[inline(never)]
    pub(crate) fn rejected(text: &str, target: &'static &'static str) -> Self {
        let code = match crate::conversions::parse_three_digits(text) {
            Some(code) => code,
            None => NO_CODE,
        };
        ParseStatusError { target, code }
    }

    /// The code, when the text was three ASCII digits but not the code of a member (`"099"`
    /// gives `Some(99)`); `None` when the text was not three ASCII digits.
    pub const fn code(&self) -> Option<u16> {
        if self.code == NO_CODE {
            None
        } else {
            Some(self.code)
        }
    }

    /// The name of the type being parsed, such as `"StatusCode"`.
    pub const fn target(&self) -> &'static str {
        self.target
    }
}

impl fmt::Display for ParseStatusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid {}: ", self.target)?;
        match self.code() {
            // Three digits, so `{:03}` is the rejected text itself.
            Some(code) => {
                write!(f, "{code:03} is not one of its codes")?;
                if !(100..=599).contains(&code) {
                    f.write_str(": HTTP status codes are 100..=599")?;
                }
                Ok(())
            }
            None => f.write_str("expected exactly three ASCII digits"),
        }
    }
}

impl fmt::Debug for ParseStatusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ParseStatusError")
            .field("code", &self.code())
            .field("target", &self.target)
            .finish()
    }
}

impl core::error::Error for ParseStatusError {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::StatusCode;

    #[test]
    fn parse_results_fit_in_two_registers() {
        assert_eq!(size_of::<ParseStatusError>(), 16);
        assert_eq!(size_of::<Result<StatusCode, ParseStatusError>>(), 16);
        assert_eq!(size_of::<Option<ParseStatusError>>(), 16);
    }

    #[test]
    fn errors_compare_by_code_and_target_name() {
        static SAME: &str = "StatusCode";
        let error = ParseStatusError::rejected("499", &"StatusCode");
        assert_eq!(error, ParseStatusError::rejected("499", &SAME));
        assert_ne!(error, ParseStatusError::rejected("498", &"StatusCode"));
        assert_ne!(error, ParseStatusError::rejected("499", &"ApiStatus"));
        assert_ne!(error, ParseStatusError::rejected("49x", &"StatusCode"));
        assert_eq!(
            ParseStatusError::rejected("", &"StatusCode"),
            ParseStatusError::rejected("4040", &"StatusCode")
        );
    }

    #[test]
    fn code_is_the_three_digits_or_none() {
        assert_eq!(ParseStatusError::rejected("000", &"S").code(), Some(0));
        assert_eq!(ParseStatusError::rejected("999", &"S").code(), Some(999));
        assert_eq!(ParseStatusError::rejected("4040", &"S").code(), None);
        assert_eq!(ParseStatusError::rejected("40x", &"S").code(), None);
    }

    #[test]
    fn debug_shows_the_code_as_an_option() {
        extern crate alloc;
        assert_eq!(
            alloc::format!("{:?}", ParseStatusError::rejected("499", &"StatusCode")),
            r#"ParseStatusError { code: Some(499), target: "StatusCode" }"#
        );
        assert_eq!(
            alloc::format!("{:?}", ParseStatusError::rejected("x", &"StatusCode")),
            r#"ParseStatusError { code: None, target: "StatusCode" }"#
        );
    }
}
