use status_core::status_enum;

status_enum! {
    pub enum ApiStatus {
        Ok,
        NotFund,
        432,
        600,
        306,
        "404",
        -1,
        200u16,
        ClientClosedRequest,
    }
}

fn main() {
    // The members that passed are still there: no cascade of errors from here.
    let _ = ApiStatus::Ok.code();
    let _ = ApiStatus::ClientClosedRequest;
}
