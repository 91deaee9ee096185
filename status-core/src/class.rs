/// The class of a status code, given by its first digit.
///
/// ```
/// use status_core::StatusClass;
///
/// assert_eq!(StatusClass::from_code(404), Some(StatusClass::ClientError));
/// assert_eq!(StatusClass::from_code(99), None);
/// assert_eq!(StatusClass::Success.codes(), 200..=299);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StatusClass {
    /// 1xx: the request was received and is being processed.
    Informational = 1,
    /// 2xx: the request was received, understood and accepted.
    Success = 2,
    /// 3xx: the client must take further action to complete the request.
    Redirection = 3,
    /// 4xx: the request is wrong or cannot be fulfilled.
    ClientError = 4,
    /// 5xx: the server failed to fulfil a valid request.
    ServerError = 5,
}

impl StatusClass {
    /// The class of `code`, or `None` outside 100..=599.
    pub const fn from_code(code: u16) -> Option<StatusClass> {
        match code {
            100..=199 => Some(StatusClass::Informational),
            200..=299 => Some(StatusClass::Success),
            300..=399 => Some(StatusClass::Redirection),
            400..=499 => Some(StatusClass::ClientError),
            500..=599 => Some(StatusClass::ServerError),
            _ => None,
        }
    }

    /// The codes of the class, such as `400..=499`.
    pub const fn codes(self) -> core::ops::RangeInclusive<u16> {
        let first = self as u16 * 100;
        first..=first + 99
    }

    /// The class's name in RFC 9110, such as `"Client Error"`.
    pub const fn name(self) -> &'static str {
        match self {
            StatusClass::Informational => "Informational",
            StatusClass::Success => "Successful",
            StatusClass::Redirection => "Redirection",
            StatusClass::ClientError => "Client Error",
            StatusClass::ServerError => "Server Error",
        }
    }
}
