//! One module per subcommand: argument parsing and wiring, no logic of its own.

pub mod draft;
pub mod model;
pub mod normalize;
pub mod parse;
pub mod render;
pub mod schema;
pub mod targets;
pub mod template;
