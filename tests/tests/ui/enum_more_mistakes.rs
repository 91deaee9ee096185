use status_core::status_enum;

status_enum! {
    pub enum ApiStatus {
        Ok,
        #[cfg(feature = "never")]
        NotFound,
        4xx,
        4xx,
        0404,
        4_04,
        01xx,
        code = 201,
        ALL = 202,
        r#Ok = 203,
        ,
        r#PayloadTooLarge,
    }
}

fn main() {}
