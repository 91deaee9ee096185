//! Integration and UI tests of the workspace live in `tests/`. The README's examples run as
//! this crate's doctests, so the README cannot drift from the code.
#![cfg_attr(doctest, doc = include_str!("../README.md"))]
