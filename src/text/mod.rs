//! The ground floor: Vietnamese text. Decoding, normalization and the syllable model.

pub mod channel;
pub mod encoding;
pub mod lm;
pub mod normalize;
pub mod restore;
pub mod syllable;

pub use encoding::{DecodeError, Decoded, Encoding, EncodingChoice, decode};
pub use normalize::{NormalizeOptions, normalize};
pub use restore::{Restorer, needs_restoration};
pub use syllable::{Syllable, Tone, ToneStyle};
