//! Plans: the record type and the parser that fills it from text.

pub mod record;

pub use record::PlanRecord;
