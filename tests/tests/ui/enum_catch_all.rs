use status_core::status_enum;

status_enum! {
    pub enum WrongType {
        Ok,
        Other(u32),
    }
}

status_enum! {
    pub enum TwoCatchAlls {
        Ok,
        Other(u16),
        Rest(u16),
    }
}

status_enum! {
    pub enum NameTaken {
        Ok,
        Ok(u16),
    }
}

fn main() {}
