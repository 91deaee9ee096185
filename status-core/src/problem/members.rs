//! A `transparent` field's extension members, less those the variant sends itself: a variant's
//! own member replaces the field's of the same name, so a document never has a key twice.

use core::fmt;

use serde::ser::{Impossible, Serialize, SerializeMap, Serializer};

/// A map that passes on the entries whose key is not in `skip`.
pub struct Skipping<'m, M> {
    map: &'m mut M,
    skip: &'static [&'static str],
    /// The last key was skipped: so is its value.
    skipping: bool,
}

impl<'m, M> Skipping<'m, M> {
    pub fn new(map: &'m mut M, skip: &'static [&'static str]) -> Self {
        Skipping {
            map,
            skip,
            skipping: false,
        }
    }

    fn skips<K: Serialize + ?Sized>(&self, key: &K) -> bool {
        // A key that is no text is not one of the variant's names.
        key.serialize(KeyIn(self.skip)).unwrap_or(false)
    }
}

impl<M: SerializeMap> SerializeMap for Skipping<'_, M> {
    type Ok = ();
    type Error = M::Error;

    fn serialize_key<K: Serialize + ?Sized>(&mut self, key: &K) -> Result<(), M::Error> {
        self.skipping = self.skips(key);
        if self.skipping {
            return Ok(());
        }
        self.map.serialize_key(key)
    }

    fn serialize_value<V: Serialize + ?Sized>(&mut self, value: &V) -> Result<(), M::Error> {
        if core::mem::take(&mut self.skipping) {
            return Ok(());
        }
        self.map.serialize_value(value)
    }

    fn serialize_entry<K, V>(&mut self, key: &K, value: &V) -> Result<(), M::Error>
    where
        K: Serialize + ?Sized,
        V: Serialize + ?Sized,
    {
        if self.skips(key) {
            return Ok(());
        }
        self.map.serialize_entry(key, value)
    }

    /// The document's map is ended by its owner, not by the field's members.
    fn end(self) -> Result<(), M::Error> {
        Ok(())
    }
}

/// Serializes a map key into whether it is a text among the names.
struct KeyIn(&'static [&'static str]);

/// A key that is not text.
#[derive(Debug)]
struct NotText;

impl fmt::Display for NotText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name is text")
    }
}

impl core::error::Error for NotText {}

impl serde::ser::Error for NotText {
    fn custom<T: fmt::Display>(_: T) -> Self {
        NotText
    }
}

/// Every kind of value but text gives `false`.
macro_rules! not_text {
    ($($method:ident($($ty:ty),*);)*) => {$(
        fn $method(self, $(_: $ty),*) -> Result<bool, NotText> {
            Ok(false)
        }
    )*};
}

impl Serializer for KeyIn {
    type Ok = bool;
    type Error = NotText;
    type SerializeSeq = Impossible<bool, NotText>;
    type SerializeTuple = Impossible<bool, NotText>;
    type SerializeTupleStruct = Impossible<bool, NotText>;
    type SerializeTupleVariant = Impossible<bool, NotText>;
    type SerializeMap = Impossible<bool, NotText>;
    type SerializeStruct = Impossible<bool, NotText>;
    type SerializeStructVariant = Impossible<bool, NotText>;

    fn serialize_str(self, text: &str) -> Result<bool, NotText> {
        Ok(self.0.contains(&text))
    }

    fn serialize_char(self, c: char) -> Result<bool, NotText> {
        self.serialize_str(c.encode_utf8(&mut [0; 4]))
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<bool, NotText> {
        value.serialize(self)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<bool, NotText> {
        value.serialize(self)
    }

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<bool, NotText> {
        self.serialize_str(variant)
    }

    not_text! {
        serialize_bool(bool);
        serialize_i8(i8);
        serialize_i16(i16);
        serialize_i32(i32);
        serialize_i64(i64);
        serialize_u8(u8);
        serialize_u16(u16);
        serialize_u32(u32);
        serialize_u64(u64);
        serialize_f32(f32);
        serialize_f64(f64);
        serialize_bytes(&[u8]);
        serialize_none();
        serialize_unit();
        serialize_unit_struct(&'static str);
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<bool, NotText> {
        Ok(false)
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, NotText> {
        Err(NotText)
    }

    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, NotText> {
        Err(NotText)
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, NotText> {
        Err(NotText)
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, NotText> {
        Err(NotText)
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, NotText> {
        Err(NotText)
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, NotText> {
        Err(NotText)
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, NotText> {
        Err(NotText)
    }

    // `serde` without `alloc` has no default for it.
    fn collect_str<T: fmt::Display + ?Sized>(self, _: &T) -> Result<bool, NotText> {
        Ok(false)
    }
}

#[cfg(test)]
mod tests {
    use alloc::collections::BTreeMap;
    use alloc::string::String;

    use super::*;

    /// A document with the field's members written through `Skipping`.
    fn written(skip: &'static [&'static str]) -> String {
        struct Inner(&'static [&'static str]);
        impl Serialize for Inner {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(None)?;
                let mut skipping = Skipping::new(&mut map, self.0);
                skipping.serialize_entry("code", "SIGNUP_FAILED")?;
                skipping.serialize_key("hint")?;
                skipping.serialize_value(&1)?;
                skipping.serialize_entry(&7, "numbered")?;
                skipping.serialize_entry(&'c', "char")?;
                skipping.end()?;
                map.end()
            }
        }
        serde_json::to_string(&Inner(skip)).unwrap()
    }

    #[test]
    fn skips_the_named_keys_and_their_values() {
        assert_eq!(
            written(&[]),
            r#"{"code":"SIGNUP_FAILED","hint":1,"7":"numbered","c":"char"}"#
        );
        assert_eq!(
            written(&["code"]),
            r#"{"hint":1,"7":"numbered","c":"char"}"#
        );
        assert_eq!(
            written(&["hint", "c"]),
            r#"{"code":"SIGNUP_FAILED","7":"numbered"}"#
        );
        // Keys are compared as written: member names are case-sensitive.
        assert_eq!(written(&["Code", "7"]).matches("code").count(), 1);
    }

    #[test]
    fn keys_that_are_not_text_are_kept() {
        let mut numbers = BTreeMap::new();
        numbers.insert(1, 2);
        assert!(!numbers.serialize(KeyIn(&["1"])).unwrap_or(false));
        assert!(!1u8.serialize(KeyIn(&["1"])).unwrap());
        assert!(Some("a").serialize(KeyIn(&["a"])).unwrap());
    }
}
