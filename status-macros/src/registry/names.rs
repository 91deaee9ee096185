//! The spellings of a variant name.

/// A name and its SCREAMING_SNAKE_CASE form, once if they are the same; none for "".
pub(super) fn name_spellings(name: &str) -> Vec<String> {
    if name.is_empty() {
        return Vec::new();
    }
    let screaming = screaming_snake_case(name);
    if screaming == name {
        vec![screaming]
    } else {
        vec![name.to_owned(), screaming]
    }
}

/// `ImATeapot` to `IM_A_TEAPOT`.
pub fn screaming_snake_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for (i, ch) in name.chars().enumerate() {
        if ch.is_ascii_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(ch.to_ascii_uppercase());
    }
    out
}

/// Whether `name` is UpperCamelCase: an ASCII capital, then ASCII letters and digits.
pub fn is_upper_camel_case(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase()) && chars.all(|c| c.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn screaming_snake_case_splits_at_capitals() {
        assert_eq!(screaming_snake_case("ImATeapot"), "IM_A_TEAPOT");
        assert_eq!(screaming_snake_case("Ok"), "OK");
    }
}
