//! Suggestions for a code or name the registry does not have.

use super::model::{Entry, Registry};

impl Registry {
    /// Registered codes of the same class that pass `accepted`, nearest first (at most
    /// `limit`).
    pub fn nearest_codes(
        &self,
        code: u16,
        limit: usize,
        accepted: fn(&Entry) -> bool,
    ) -> Vec<&Entry> {
        let mut same_class: Vec<&Entry> = self
            .entries()
            .iter()
            .filter(|entry| entry.class_digit() == code / 100 && !entry.is_unusable())
            .filter(|entry| accepted(entry))
            .collect();
        same_class.sort_by_key(|entry| (entry.code.abs_diff(code), entry.code));
        same_class.truncate(limit);
        same_class
    }

    /// Registry names that look like `name`, closest first (at most `limit`).
    pub fn similar_names(&self, name: &str, limit: usize) -> Vec<&Entry> {
        let wanted = fold(name);
        let words: Vec<String> = words(name).iter().map(|word| fold(word)).collect();
        let mut scored: Vec<(usize, &Entry)> = self
            .entries()
            .iter()
            .filter(|entry| !entry.is_unusable())
            .filter_map(|entry| {
                std::iter::once(&entry.name)
                    .chain(&entry.aliases)
                    .map(|spelling| {
                        let candidate = fold(spelling);
                        // A part of the name (`Teapot`, `Bad`), or all its words
                        // (`InternalError`), count as close.
                        if (wanted.len() >= 3 && candidate.contains(&wanted))
                            || (words.len() > 1 && words.iter().all(|w| candidate.contains(w)))
                        {
                            1
                        } else {
                            edit_distance(&wanted, &candidate)
                        }
                    })
                    .min()
                    .filter(|&distance| distance <= (wanted.len() / 3).max(1))
                    .map(|distance| (distance, entry))
            })
            .collect();
        scored.sort_by_key(|&(distance, entry)| (distance, entry.code));
        scored.into_iter().take(limit).map(|(_, e)| e).collect()
    }
}

/// The candidate closest to `word`, if one is close enough to be what was meant: at most a
/// third of its letters (at least one) differ. The first of equally close ones.
pub fn closest<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    let limit = (word.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|candidate| (edit_distance(word, candidate), candidate))
        .filter(|&(distance, _)| distance <= limit)
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, candidate)| candidate)
}

/// The words of an UpperCamelCase or SCREAMING_SNAKE_CASE name.
fn words(name: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut previous_lower = false;
    for ch in name.chars() {
        if ch == '_' {
            words.push(String::new());
        } else {
            if ch.is_uppercase() && previous_lower || words.is_empty() {
                words.push(String::new());
            }
            if let Some(word) = words.last_mut() {
                word.push(ch);
            }
        }
        previous_lower = ch.is_lowercase();
    }
    words.retain(|word| word.len() >= 2);
    words
}

/// Case and underscores do not count when comparing names for suggestions.
fn fold(name: &str) -> String {
    name.chars()
        .filter(|c| *c != '_')
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Edit distance in characters: insertions, deletions, substitutions, and transpositions of
/// two neighbours (`titel`, `title`), each one edit (the optimal string alignment distance).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Rows i - 2, i - 1 and i of the table of distances between prefixes.
    let mut before: Vec<usize> = Vec::new();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, &ca) in a.iter().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, &cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            let mut best = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
            if i > 0 && j > 0 && ca == b[j - 1] && a[i - 1] == cb {
                best = best.min(before[j - 1] + 1);
            }
            current[j + 1] = best;
        }
        before = std::mem::replace(&mut previous, current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::edit_distance;
    use crate::registry::builtin;

    #[test]
    fn suggestions() {
        let registry = builtin().unwrap();
        let names: Vec<_> = registry
            .similar_names("NotFund", 3)
            .iter()
            .map(|e| e.name.as_str())
            .collect();
        assert_eq!(names[0], "NotFound");
        let first = |name: &str| registry.similar_names(name, 1).first().map(|e| e.code);
        assert_eq!(first("InternalError"), Some(500));
        assert_eq!(first("INTERNAL_ERROR"), Some(500));
        assert_eq!(first("Bad"), Some(400));
        assert_eq!(first("Teapot"), Some(418));
        assert_eq!(first("Foo"), None);
        assert_eq!(first("ñ"), None);
        // `ImATeapot` and `ImUsed` start with it, but two letters are too few to count as part.
        assert_eq!(first("Im"), None);
        let codes: Vec<_> = registry
            .nearest_codes(432, 2, |_| true)
            .iter()
            .map(|e| e.code)
            .collect();
        assert_eq!(codes, [431, 429]);
    }

    #[test]
    fn nearest_codes_are_usable_and_of_the_same_class() {
        let registry = builtin().unwrap();
        let nearest = |code, limit| -> Vec<u16> {
            registry
                .nearest_codes(code, limit, |_| true)
                .iter()
                .map(|e| e.code)
                .collect()
        };
        assert_eq!(nearest(399, 1), [308], "400 is nearer, but a client error");
        assert_eq!(nearest(306, 2), [305, 307], "306 is unusable");
    }

    #[test]
    fn closest_is_within_a_third_of_the_letters() {
        use super::closest;
        let words = [
            "response",
            "openapi",
            "detail",
            "transparent",
            "title",
            "type",
        ];
        assert_eq!(closest("respone", words), Some("response"));
        assert_eq!(
            closest("opeanpi", words),
            Some("openapi"),
            "two letters swapped"
        );
        assert_eq!(closest("details", words), Some("detail"));
        assert_eq!(closest("transparant", words), Some("transparent"));
        assert_eq!(closest("titel", words), Some("title"));
        assert_eq!(
            closest("typ", words),
            Some("type"),
            "one letter counts when fewer than 6"
        );
        assert_eq!(
            closest("rspnse", words),
            Some("response"),
            "two letters of six"
        );
        assert_eq!(closest("rspns", words), None, "three letters of five");
        assert_eq!(closest("colour", words), None);
        assert_eq!(closest("tpye", words), Some("type"), "two letters swapped");
        assert_eq!(closest("tyep", words), Some("type"), "two letters swapped");
        assert_eq!(closest("tuxe", words), None, "two letters of four");
        assert_eq!(
            closest("tile", ["title", "tile"]),
            Some("tile"),
            "the closest, not the first"
        );
        assert_eq!(closest("x", []), None);
    }

    #[test]
    fn edit_distance_counts_each_edit_once() {
        assert_eq!(edit_distance("notfound", "notfound"), 0);
        assert_eq!(edit_distance("notfund", "notfound"), 1, "insertion");
        assert_eq!(edit_distance("notfoound", "notfound"), 1, "deletion");
        assert_eq!(edit_distance("notfonnd", "notfound"), 1, "substitution");
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("abc", ""), 3);
        assert_eq!(edit_distance("titel", "title"), 1, "transposition");
        assert_eq!(edit_distance("opeanpi", "openapi"), 1, "transposition");
        assert_eq!(edit_distance("ab", "ba"), 1, "transposition");
        assert_eq!(edit_distance("ca", "abc"), 3, "no edit twice");
    }
}
