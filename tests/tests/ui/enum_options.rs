use status_core::{HttpStatus, status_enum};

status_enum! {
    #[status(json)]
    pub enum UnknownWord { Ok }
}

status_enum! {
    #[status(crate = "not a path!")]
    pub enum BadPath { Ok }
}

status_enum! {
    #[status]
    pub enum Bare { Ok }
}

#[derive(HttpStatus)]
#[status(404, crate = "1x")]
struct BadDerivePath;

#[derive(HttpStatus)]
enum CrateOnVariant {
    #[status(404, crate = "status_core")]
    Missing,
}

status_enum! {
    #[status(crate = "status_core", crate = "status_core")]
    pub enum CrateTwice { Ok }
}

status_enum! {
    #[cfg_attr(all(), status(crate = "status_core"))]
    pub enum CrateUnderCfg { Ok }
}

#[derive(HttpStatus)]
#[status(404, crate = "status_core")]
#[status(crate = "status_core")]
struct DeriveCrateTwice;

fn main() {}
