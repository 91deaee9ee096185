//! One collector for every error of a macro call, so that one build reports every mistake
//! (serde_derive's `Ctxt` is the model).

use std::fmt::Display;

use proc_macro2::Span;

#[derive(Default)]
pub struct Errors {
    combined: Option<syn::Error>,
}

impl Errors {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, error: syn::Error) {
        match &mut self.combined {
            Some(combined) => combined.combine(error),
            None => self.combined = Some(error),
        }
    }

    /// Errors collected elsewhere, if any.
    pub fn extend(&mut self, errors: Option<&syn::Error>) {
        if let Some(errors) = errors {
            self.push(errors.clone());
        }
    }

    /// An error with `message` at `span`.
    pub fn at(&mut self, span: Span, message: impl Display) {
        self.push(syn::Error::new(span, message));
    }

    /// Every error collected, if there was one.
    pub fn into_error(self) -> Option<syn::Error> {
        self.combined
    }
}
