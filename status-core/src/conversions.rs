//! The conversions every generated enum has, written once here and called by the expansions:
//! `FromStr` from three digits, `TryFrom` a code or a `StatusCode`, `Display` of a catch-all
//! value, and with features the `http` (1 and actix-web's 0.2) and serde conversions.

use core::fmt;

use crate::StatusCode;

/// `FromStr`: the value of exactly three ASCII digits.
#[inline]
pub const fn parse_three_digits(text: &str) -> Option<u16> {
    match *text.as_bytes() {
        [a, b, c] => three_digits([a, b, c]),
        _ => None,
    }
}

/// The value of three ASCII digits, computed on the three bytes at once (SWAR): this is the
/// hot path of every `FromStr`, where each instruction shows against `http`.
#[inline]
const fn three_digits(bytes: [u8; 3]) -> Option<u16> {
    let [a, b, c] = bytes;
    // `^ b'0'` maps exactly the ASCII digits to 0..=9, each byte on its own (no borrows).
    let digits = u32::from_le_bytes([a, b, c, 0]) ^ 0x0030_3030;
    // A byte is at most 9 when neither it nor it plus 0x76 reaches 0x80. The lowest byte
    // above 9 sets its own bit 7 in one of the two (bytes at most 9 carry nothing into it).
    if (digits | digits.wrapping_add(0x0076_7676)) & 0x0080_8080 != 0 {
        return None;
    }
    // Byte 2 of `digits * 0xA01` is `10 * tens + ones`: no byte of it carries (each is <= 99).
    let tens_and_ones = (digits.wrapping_mul(0xA01) >> 16) & 0xff;
    Some(((digits & 0xff) * 100 + tens_and_ones) as u16)
}

/// `TryFrom<u16>` of a closed enum.
#[inline]
pub fn try_from_code<T>(
    code: u16,
    from_code: fn(u16) -> Option<T>,
    target: &'static str,
) -> Result<T, crate::InvalidStatusCode> {
    match from_code(code) {
        Some(status) => Ok(status),
        None => Err(crate::InvalidStatusCode::new(code, target)),
    }
}

/// `TryFrom<StatusCode>` of a closed enum.
#[inline]
pub fn try_from_status<T>(
    status: StatusCode,
    from_code: fn(u16) -> Option<T>,
    target: &'static str,
) -> Result<T, crate::InvalidStatusCode> {
    try_from_code(status.code(), from_code, target)
}

/// `FromStr` of every generated enum: exactly three ASCII digits that are the code of a
/// member. `target` names the type in the error.
///
/// The hot path only parses and looks up; every failure goes to one cold constructor that
/// works out from the text what to report, so the caller's loop assembles no error.
#[inline]
pub fn parse_status<T>(
    text: &str,
    from_code: fn(u16) -> Option<T>,
    target: &'static &'static str,
) -> Result<T, crate::ParseStatusError> {
    if let Some(code) = parse_three_digits(text)
        && let Some(status) = from_code(code)
    {
        return Ok(status);
    }
    Err(crate::ParseStatusError::rejected(text, target))
}

/// `Display` of a catch-all value, padded like the table-driven members.
pub fn fmt_status_line(f: &mut fmt::Formatter<'_>, code: u16, reason: &str) -> fmt::Result {
    if f.width().is_none() && f.precision().is_none() {
        return if reason.is_empty() {
            write!(f, "{code}")
        } else {
            write!(f, "{code} {reason}")
        };
    }
    let mut line = LineBuffer::new();
    // Reasons are short; one that does not fit is written unpadded.
    if fmt::Write::write_fmt(&mut line, format_args!("{code} {reason}")).is_err() {
        return write!(f, "{code} {reason}");
    }
    f.pad(line.as_str().trim_end())
}

struct LineBuffer {
    bytes: [u8; 96],
    len: usize,
}

impl LineBuffer {
    const fn new() -> Self {
        LineBuffer {
            bytes: [0; 96],
            len: 0,
        }
    }

    fn as_str(&self) -> &str {
        core::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default()
    }
}

impl fmt::Write for LineBuffer {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        let end = self.len + text.len();
        let slot = self.bytes.get_mut(self.len..end).ok_or(fmt::Error)?;
        slot.copy_from_slice(text.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// `http::StatusCode` accepts 100..=999; a code outside it (a catch-all only) is a malformed
/// response, sent on as 500 like `HttpStatus::class` counts it.
#[cfg(feature = "http")]
pub fn to_http(code: u16) -> http::StatusCode {
    http::StatusCode::from_u16(code).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR)
}

/// `ToActix::to_actix`: as `to_http`, on actix-web's `http` 0.2, which accepts 100..=999
/// too.
#[cfg(feature = "actix-web")]
pub fn to_actix(code: u16) -> actix_web::http::StatusCode {
    actix_web::http::StatusCode::from_u16(code)
        .unwrap_or(actix_web::http::StatusCode::INTERNAL_SERVER_ERROR)
}

/// Reads a status code as a number. A number that is not a `u16`, or that `accepts` refuses,
/// is an error naming the value and `target`, raised while reading so that it has a position.
#[cfg(feature = "serde")]
pub fn deserialize_code<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
    target: &'static str,
    accepts: fn(u16) -> bool,
) -> Result<u16, D::Error> {
    use serde::de::{Error, Visitor};

    struct CodeVisitor(&'static str, fn(u16) -> bool);

    impl Visitor<'_> for CodeVisitor {
        type Value = u16;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "a status code of {} (a number)", self.0)
        }

        fn visit_u64<E: Error>(self, value: u64) -> Result<u16, E> {
            match u16::try_from(value) {
                Ok(code) if (self.1)(code) => Ok(code),
                Ok(code) => Err(E::custom(crate::InvalidStatusCode::new(code, self.0))),
                Err(_) => Err(E::custom(format_args!(
                    "{value} is not a code of {}: HTTP status codes are 100..=599",
                    self.0
                ))),
            }
        }

        fn visit_i64<E: Error>(self, value: i64) -> Result<u16, E> {
            match u64::try_from(value) {
                Ok(value) => self.visit_u64(value),
                Err(_) => Err(E::custom(format_args!(
                    "{value} is not a code of {}: HTTP status codes are 100..=599",
                    self.0
                ))),
            }
        }
    }

    deserializer.deserialize_u16(CodeVisitor(target, accepts))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every three bytes, against the obvious definition.
    #[test]
    fn three_digits_is_exact() {
        let digit = |byte: u8| byte.is_ascii_digit().then(|| u16::from(byte - b'0'));
        for a in 0..=u8::MAX {
            for b in 0..=u8::MAX {
                for c in 0..=u8::MAX {
                    let expected = match (digit(a), digit(b), digit(c)) {
                        (Some(a), Some(b), Some(c)) => Some(a * 100 + b * 10 + c),
                        _ => None,
                    };
                    assert_eq!(three_digits([a, b, c]), expected, "{a} {b} {c}");
                }
            }
        }
    }

    #[test]
    fn parse_three_digits_wants_exactly_three() {
        assert_eq!(parse_three_digits("404"), Some(404));
        assert_eq!(parse_three_digits("000"), Some(0));
        assert_eq!(parse_three_digits("999"), Some(999));
        for text in ["", "4", "40", "4040", "40a", "4 4", "٤04"] {
            assert_eq!(parse_three_digits(text), None, "{text:?}");
        }
    }
}
