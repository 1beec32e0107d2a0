//! The ground floor: Vietnamese text. Decoding, normalization and the syllable model.

pub mod encoding;
pub mod normalize;
pub mod syllable;

pub use encoding::{DecodeError, Decoded, Encoding, EncodingChoice, decode};
pub use normalize::{NormalizeOptions, normalize};
pub use syllable::{Syllable, Tone, ToneStyle};
