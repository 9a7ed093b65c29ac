//! Closed sets of names (directions, statuses, roles...) stored and exchanged as
//! snake_case text. One macro declares each with the same behaviour: serde and TypeScript
//! as snake_case strings, `ALL`, `as_str` and `parse`.

/// Declares a closed set of names. Variants map to snake_case text given explicitly, so
/// that a rename in Rust never silently changes what is stored.
#[macro_export]
macro_rules! named {
    (
        $(#[$meta:meta])*
        pub enum $name:ident { $( $(#[$vmeta:meta])* $variant:ident = $text:literal ),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize, ts_rs::TS,
        )]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $text)] $variant ),+
        }

        impl $name {
            pub const ALL: &'static [Self] = &[ $( Self::$variant ),+ ];

            pub const fn as_str(self) -> &'static str {
                match self { $( Self::$variant => $text ),+ }
            }

            pub fn parse(text: &str) -> Option<Self> {
                match text.trim() { $( $text => Some(Self::$variant), )+ _ => None }
            }

            /// The choices as `(text, value)` pairs, for [`crate::check::Check::one_of`].
            pub fn choices() -> Vec<(&'static str, Self)> {
                Self::ALL.iter().map(|v| (v.as_str(), *v)).collect()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

/// The names papers print for a closed set, in Vietnamese and English side by side (so that a
/// translation cannot go missing): declares `label(self, language)`. The window has its own
/// dictionaries; these are for the PDFs, workbooks and the CLI.
#[macro_export]
macro_rules! printed {
    (
        $(#[$meta:meta])*
        $name:ident { $( $variant:ident => $vi:literal, $en:literal; )+ }
    ) => {
        impl $name {
            $(#[$meta])*
            pub fn label(self, language: $crate::report::Language) -> &'static str {
                let (vi, en) = match self { $( Self::$variant => ($vi, $en), )+ };
                match language {
                    $crate::report::Language::Vi => vi,
                    $crate::report::Language::En => en,
                }
            }
        }
    };
}
