status_macros::status_enum! {
    /// Every IANA HTTP status code except 306 (reserved and unused), with its RFC 9110 name.
    ///
    /// Generated from the project's registry by `status_enum!`, so it has everything a
    /// `status_enum!` type has: `const` lookups that index tables, conversions, `Display` and
    /// `FromStr`. The discriminant is the code.
    ///
    /// ```
    /// use status_core::{StatusClass, StatusCode};
    ///
    /// let status = StatusCode::ContentTooLarge;
    /// assert_eq!(status as u16, 413);
    /// assert_eq!(status.reason(), "Content Too Large");
    /// assert_eq!(status.class(), StatusClass::ClientError);
    /// assert_eq!(StatusCode::from_code(422), Some(StatusCode::UnprocessableContent));
    /// assert_eq!(format!("{status}"), "413 Content Too Large");
    /// assert_eq!(format!("[{:<16}]", StatusCode::Ok), "[200 OK          ]");
    /// assert_eq!("404".parse(), Ok(StatusCode::NotFound));
    /// assert!(StatusCode::try_from(306).is_err());
    /// ```
    ///
    /// Vendor codes such as nginx's 499 are not here: list them in a `status_enum!`.
    #[non_exhaustive]
    pub enum StatusCode {
        1xx,
        2xx,
        3xx,
        4xx,
        5xx,
    }
}
