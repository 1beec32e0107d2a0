//! One module per subcommand: argument parsing and wiring, no logic of its own.

pub mod model;
pub mod normalize;
pub mod parse;
pub mod schema;
pub mod targets;
