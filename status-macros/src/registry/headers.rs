//! Header fields that neither a declaration nor a registry entry may set: the server, the
//! response or the protocol owns them.

/// A header field someone else owns, and who, in words for an error message.
pub struct OwnedHeader {
    pub name: &'static str,
    pub owner: &'static str,
}

const CONNECTION_SPECIFIC: &str = "it is connection-specific, which the server manages \
     (RFC 9110, Section 7.6.1), and HTTP/2 and HTTP/3 forbid it in a response (RFC 9113, \
     Section 8.2.2)";

/// Refused in any letter case. `Upgrade` is not here: a 101 or 426 response sends it (the
/// derive allows it with 426 alone, the registry's `requires` names it for both).
pub const OWNED_HEADERS: [OwnedHeader; 10] = [
    OwnedHeader {
        name: "Content-Type",
        owner: "the response sets it from the body it sends",
    },
    OwnedHeader {
        name: "Content-Length",
        owner: "the server computes it from the body",
    },
    OwnedHeader {
        name: "Content-Encoding",
        owner: "the server's compression sets it; the body is sent as it is, and a client would \
                decode it wrongly",
    },
    OwnedHeader {
        name: "Transfer-Encoding",
        owner: "the server's HTTP/1.1 framing sets it (RFC 9112, Section 6.1)",
    },
    OwnedHeader {
        name: "Connection",
        owner: CONNECTION_SPECIFIC,
    },
    OwnedHeader {
        name: "Keep-Alive",
        owner: CONNECTION_SPECIFIC,
    },
    OwnedHeader {
        name: "Proxy-Connection",
        owner: CONNECTION_SPECIFIC,
    },
    OwnedHeader {
        name: "TE",
        owner: "it is a request header, and connection-specific (RFC 9110, Section 10.1.4)",
    },
    OwnedHeader {
        name: "Trailer",
        owner: "it announces trailer fields, which only the server's framing sends (RFC 9110, \
                Section 6.6.2)",
    },
    OwnedHeader {
        name: "Host",
        owner: "it is a request header (RFC 9110, Section 7.2)",
    },
];

/// The owned header field `name` is, in any letter case.
pub fn owned_header(name: &str) -> Option<&'static OwnedHeader> {
    OWNED_HEADERS
        .iter()
        .find(|owned| owned.name.eq_ignore_ascii_case(name))
}

#[cfg(test)]
mod tests {
    use super::owned_header;

    #[test]
    fn owned_headers_match_in_any_case() {
        assert_eq!(
            owned_header("content-TYPE").map(|h| h.name),
            Some("Content-Type")
        );
        assert_eq!(owned_header("te").map(|h| h.name), Some("TE"));
        assert!(owned_header("Upgrade").is_none());
        assert!(owned_header("Content-Typo").is_none());
        assert!(owned_header("").is_none());
    }
}
