//! Decoding on the client (feature `client`): a problem document as received ([`Problem`]),
//! the error type that sent it ([`FromProblem`], which `#[status(response, client)]` derives),
//! and `Retry-After` ([`retry_after`]).

use alloc::string::String;
use core::fmt;
use core::time::Duration;

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value};

use super::http_date;

/// A problem details document (RFC 9457) as a client receives it: owned, every member optional,
/// any extension members. A member of a standard name whose value has the wrong type is
/// ignored, as RFC 9457 (Section 3.1) says; serialized, absent members are left out.
///
/// ```
/// use status_core::problem::Problem;
///
/// let body = r#"{"title":"Not Found","status":404,"detail":"no user 7","user":7}"#;
/// let problem: Problem = serde_json::from_str(body).unwrap();
/// assert_eq!(problem.problem_type(), "about:blank");
/// assert_eq!(problem.status, Some(404));
/// assert_eq!(problem.extensions["user"], 7);
/// assert_eq!(serde_json::to_string(&problem).unwrap(), body);
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Problem {
    /// `type`: a URI reference naming the problem type; absent means `about:blank`.
    pub r#type: Option<String>,
    /// `title`: a short summary of the problem type.
    pub title: Option<String>,
    /// `status`: the status code the server sent it with (a client trusts the status line).
    pub status: Option<u16>,
    /// `detail`: this occurrence, for a person.
    pub detail: Option<String>,
    /// `instance`: a URI reference naming this occurrence (the request's id, say).
    pub instance: Option<String>,
    /// Every other member, as sent.
    pub extensions: Map<String, Value>,
}

impl Problem {
    /// The problem `type`: `about:blank` when the document has none.
    pub fn problem_type(&self) -> &str {
        self.r#type.as_deref().unwrap_or("about:blank")
    }
}

/// The `Visitor` methods of every JSON value a standard member may not have: the value is read
/// (an array or object to its end) and ignored.
macro_rules! ignore_others {
    ($ignored:expr) => {
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Ok($ignored)
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Ok($ignored)
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok($ignored)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok($ignored)
        }
        fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            while seq.next_element::<de::IgnoredAny>()?.is_some() {}
            Ok($ignored)
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            while map
                .next_entry::<de::IgnoredAny, de::IgnoredAny>()?
                .is_some()
            {}
            Ok($ignored)
        }
    };
}

impl Serialize for Problem {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        let texts = [("type", &self.r#type), ("title", &self.title)];
        for (name, value) in texts {
            if let Some(value) = value {
                map.serialize_entry(name, value)?;
            }
        }
        if let Some(status) = self.status {
            map.serialize_entry("status", &status)?;
        }
        for (name, value) in [("detail", &self.detail), ("instance", &self.instance)] {
            if let Some(value) = value {
                map.serialize_entry(name, value)?;
            }
        }
        for (name, value) in &self.extensions {
            // A standard name set here by hand would be a second key: the field is the one.
            if !super::STANDARD_MEMBERS.contains(&name.as_str()) {
                map.serialize_entry(name, value)?;
            }
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Problem {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ProblemVisitor)
    }
}

/// Reads a document member by member: a standard member straight into its field (no map entry
/// to make and take back), a later one of the same name replacing it, as a map would.
struct ProblemVisitor;

impl<'de> Visitor<'de> for ProblemVisitor {
    type Value = Problem;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a problem details document (a JSON object)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Problem, A::Error> {
        let mut problem = Problem::default();
        while let Some(key) = map.next_key::<Member>()? {
            match key {
                Member::Type => problem.r#type = map.next_value::<Text>()?.0,
                Member::Title => problem.title = map.next_value::<Text>()?.0,
                Member::Detail => problem.detail = map.next_value::<Text>()?.0,
                Member::Instance => problem.instance = map.next_value::<Text>()?.0,
                Member::Status => problem.status = map.next_value::<Status>()?.0,
                Member::Other(name) => {
                    problem.extensions.insert(name, map.next_value()?);
                }
            }
        }
        Ok(problem)
    }
}

/// A member's name: a standard one without allocating.
enum Member {
    Type,
    Title,
    Status,
    Detail,
    Instance,
    Other(String),
}

impl<'de> Deserialize<'de> for Member {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Name;
        impl Visitor<'_> for Name {
            type Value = Member;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a member name")
            }
            fn visit_str<E: de::Error>(self, name: &str) -> Result<Member, E> {
                Ok(match name {
                    "type" => Member::Type,
                    "title" => Member::Title,
                    "status" => Member::Status,
                    "detail" => Member::Detail,
                    "instance" => Member::Instance,
                    other => Member::Other(other.into()),
                })
            }
        }
        deserializer.deserialize_str(Name)
    }
}

/// A standard text member: `None` when its value is not a string (RFC 9457: ignored).
struct Text(Option<String>);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Text, E> {
                Ok(Text(Some(text.into())))
            }
            fn visit_string<E: de::Error>(self, text: String) -> Result<Text, E> {
                Ok(Text(Some(text)))
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Text, E> {
                Ok(Text(None))
            }
            ignore_others!(Text(None));
        }
        deserializer.deserialize_any(TextVisitor)
    }
}

/// The `status` member: `None` unless a whole number that is a `u16`.
struct Status(Option<u16>);

impl<'de> Deserialize<'de> for Status {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct StatusVisitor;
        impl<'de> Visitor<'de> for StatusVisitor {
            type Value = Status;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_u64<E: de::Error>(self, number: u64) -> Result<Status, E> {
                Ok(Status(u16::try_from(number).ok()))
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Status, E> {
                Ok(Status(None))
            }
            ignore_others!(Status(None));
        }
        deserializer.deserialize_any(StatusVisitor)
    }
}

impl fmt::Display for Problem {
    /// `title: detail`, or what of them the document has, else its `type`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.title, &self.detail) {
            (Some(title), Some(detail)) => write!(f, "{title}: {detail}"),
            (Some(text), None) | (None, Some(text)) => f.write_str(text),
            (None, None) => f.write_str(self.problem_type()),
        }
    }
}

/// An error type that decodes the problem documents it sends: what `#[derive(HttpStatus)]`
/// implements for a type that says `#[status(response, client)]` (feature `client`).
///
/// ```
/// use status_core::HttpStatus;
/// use status_core::problem::{FromProblem, Problem};
///
/// #[derive(Debug, PartialEq, HttpStatus)]
/// #[status(500, response(parts), client)]
/// pub enum ApiError {
///     #[status(429)]
///     RateLimited {
///         #[status(header = "Retry-After", member = "retry_after")]
///         seconds: u32,
///     },
///     Database,
/// }
///
/// impl std::fmt::Display for ApiError {
///     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
///         f.write_str("api error")
///     }
/// }
///
/// let sent = status_core::problem::http_response(&ApiError::RateLimited { seconds: 30 });
/// let problem: Problem = serde_json::from_str(sent.body()).unwrap();
/// let error = ApiError::from_problem(429, sent.headers(), &problem);
/// assert_eq!(error, Some(ApiError::RateLimited { seconds: 30 }));
/// ```
pub trait FromProblem: Sized {
    /// The value that sent `problem` with `status` and `headers`: the variant whose status and
    /// `type` match, its fields from the members and headers they were sent as. `None` when no
    /// variant matches, or one of its fields was not sent (a hidden source error) or does not
    /// parse.
    fn from_problem(status: u16, headers: &http::HeaderMap, problem: &Problem) -> Option<Self>;
}

/// What the type of a `member` field of a type that says `client` implements:
/// `serde::Deserialize`, under a name that lets the compiler say what is wrong, at the field's
/// type, when it does not. Every `DeserializeOwned` type has it; there is nothing to implement.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be decoded from a member of the problem document: it does not \
               implement `serde::Deserialize`",
    label = "with `client`, a `member` field is deserialized from the document",
    note = "derive it with `#[derive(serde::Deserialize)]`, or implement `Deserialize` by hand"
)]
pub trait FromMember: Sized {
    /// The member `name` of `problem`, as a `Self` (an absent one as `null`, so an `Option` is
    /// `None`); `None` when it does not deserialize.
    fn from_member(problem: &Problem, name: &str) -> Option<Self>;
}

#[diagnostic::do_not_recommend]
impl<T: serde::de::DeserializeOwned> FromMember for T {
    fn from_member(problem: &Problem, name: &str) -> Option<Self> {
        // An absent member reads as `null`: an `Option` is `None`, anything else fails.
        let value = problem.extensions.get(name).unwrap_or(&Value::Null);
        T::deserialize(value).ok()
    }
}

/// What the type of a `header = "..."` field of a type that says `client` implements
/// (besides `Duration` and `SystemTime`, read by their own rules): `FromStr`, the inverse of the
/// `Display` it is sent by, under a name that lets the compiler say what is wrong, at the
/// field's type, when it does not. Every `FromStr` type has it; there is nothing to implement.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be read back from a header: it does not implement `FromStr`",
    label = "with `client`, a `header` field is parsed from the header's text",
    note = "implement `FromStr` for it (the inverse of its `Display`); a field sent `with` a \
            function is never read back, and its variant is not decoded"
)]
pub trait FromHeader: Sized {
    /// `text`, parsed; `None` when it does not parse.
    fn from_header(text: &str) -> Option<Self>;
}

#[diagnostic::do_not_recommend]
impl<T: core::str::FromStr> FromHeader for T {
    fn from_header(text: &str) -> Option<Self> {
        text.parse().ok()
    }
}

/// The wait `Retry-After` asks for (RFC 9110, Section 10.2.3): its delta-seconds, or the time
/// until its HTTP-date (any of the three formats of Section 5.6.7; a date in the past is no
/// wait). `None` when the header is absent or neither; a number of seconds too big for a
/// `u64` is the longest wait. A header sent twice, or not as visible ASCII, is none.
///
/// ```
/// use core::time::Duration;
/// use status_core::problem::retry_after;
///
/// let mut headers = http::HeaderMap::new();
/// headers.insert("retry-after", "120".parse().unwrap());
/// assert_eq!(retry_after(&headers), Some(Duration::from_secs(120)));
/// headers.insert("retry-after", "Sun, 06 Nov 1994 08:49:37 GMT".parse().unwrap());
/// assert_eq!(retry_after(&headers), Some(Duration::ZERO));
/// headers.insert("retry-after", "soon".parse().unwrap());
/// assert_eq!(retry_after(&headers), None);
/// ```
pub fn retry_after(headers: &http::HeaderMap) -> Option<Duration> {
    // One value, as a `header` field is read: two are no answer.
    let value = super::decode::header(headers, "retry-after")?;
    wait(value, now_since_epoch())
}

/// The wait a `Retry-After` value asks for, `now` seconds after the epoch.
fn wait(value: &str, now: u64) -> Option<Duration> {
    if let Some(seconds) = delta_seconds(value) {
        return Some(Duration::from_secs(seconds));
    }
    let date = http_date::parse(value, now)?;
    Some(Duration::from_secs(date.saturating_sub(now)))
}

/// `delta-seconds = 1*DIGIT` (RFC 9111, Section 1.2.2), saturating at `u64::MAX`.
pub(crate) fn delta_seconds(value: &str) -> Option<u64> {
    if value.is_empty() || !value.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    Some(value.parse().unwrap_or(u64::MAX))
}

/// Seconds since the Unix epoch, now (0 for a clock set before it).
pub(crate) fn now_since_epoch() -> u64 {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
    now.map_or(0, |since| since.as_secs())
}

#[cfg(test)]
mod tests {
    use alloc::format;
    use alloc::string::ToString;

    use super::*;

    #[test]
    fn standard_members_of_the_wrong_type_are_ignored() {
        let problem: Problem = serde_json::from_str(
            r#"{"type":7,"title":null,"status":"404","detail":["x"],"instance":"/r/1","a":1}"#,
        )
        .unwrap();
        let expected = Problem {
            instance: Some("/r/1".into()),
            extensions: serde_json::from_str(r#"{"a":1}"#).unwrap(),
            ..Problem::default()
        };
        assert_eq!(problem, expected);
        for status in ["70000", "-1", "404.5", "1e3"] {
            let body = format!(r#"{{"status":{status}}}"#);
            let problem: Problem = serde_json::from_str(&body).unwrap();
            assert_eq!(problem.status, None, "{status}");
        }
        let error = serde_json::from_str::<Problem>("[1]")
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("a problem details document (a JSON object)"),
            "{error}"
        );
        assert!(serde_json::from_str::<Problem>("\"x\"").is_err());
    }

    #[test]
    fn problems_round_trip_without_absent_members() {
        assert_eq!(serde_json::to_string(&Problem::default()).unwrap(), "{}");
        let body = r#"{"type":"https://e.example/p","title":"T","status":422,"detail":"d","instance":"/i","errors":{"a":["b"]}}"#;
        let problem: Problem = serde_json::from_str(body).unwrap();
        assert_eq!(serde_json::to_string(&problem).unwrap(), body);
        let mut problem = problem;
        problem.extensions.insert("status".into(), "shadow".into());
        assert!(!serde_json::to_string(&problem).unwrap().contains("shadow"));
    }

    #[test]
    fn problems_display_title_and_detail() {
        let problem = |title: Option<&str>, detail: Option<&str>| Problem {
            title: title.map(Into::into),
            detail: detail.map(Into::into),
            ..Problem::default()
        };
        assert_eq!(problem(Some("T"), Some("d")).to_string(), "T: d");
        assert_eq!(problem(Some("T"), None).to_string(), "T");
        assert_eq!(problem(None, Some("d")).to_string(), "d");
        assert_eq!(problem(None, None).to_string(), "about:blank");
    }

    #[test]
    fn retry_after_reads_seconds_and_dates() {
        // 1994-11-06T08:49:37Z.
        let then = 784_111_777;
        assert_eq!(wait("120", then), Some(Duration::from_secs(120)));
        assert_eq!(wait("0", then), Some(Duration::ZERO));
        let huge = "99999999999999999999999";
        assert_eq!(wait(huge, then), Some(Duration::from_secs(u64::MAX)));
        for date in [
            "Sun, 06 Nov 1994 08:49:37 GMT",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
        ] {
            assert_eq!(
                wait(date, then - 30),
                Some(Duration::from_secs(30)),
                "{date}"
            );
            assert_eq!(wait(date, then + 30), Some(Duration::ZERO), "{date}");
        }
        for garbage in ["", "-1", "1.5", "+3", "soon", "Sun, 06 Nov 1994", "12 s"] {
            assert_eq!(wait(garbage, then), None, "{garbage:?}");
        }
    }
}
