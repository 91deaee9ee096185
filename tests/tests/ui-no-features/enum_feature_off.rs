use status_core::status_enum;

status_enum! {
    #[status(http, serde)]
    pub enum NeedsFeatures { Ok, NotFound }
}

status_enum! {
    #[cfg_attr(all(), status(serde))]
    pub enum NeedsSerde { Ok }
}

status_enum! {
    #[status(openapi)]
    pub enum NeedsUtoipa { Ok }
}

status_enum! {
    #[status(openapi, openapi)]
    pub enum Twice { Ok }
}

fn main() {}
