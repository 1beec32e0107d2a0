//! JSON Lines: one target row per line, as a JSON object with the Targets columns.

use std::io::Write;

use super::csv::ErrorsCsv;
use super::{TableWriter, TargetRow, WriteError};
use crate::plan::PlanRecord;

/// The Targets table as JSON Lines, streamed row by row.
pub struct JsonlTargets<W: Write> {
    out: W,
    errors: Option<ErrorsCsv<W>>,
}

impl<W: Write> JsonlTargets<W> {
    /// Starts the table and, if given, the errors table (CSV).
    pub fn new(out: W, errors: Option<W>) -> Result<Self, WriteError> {
        let errors = errors.map(ErrorsCsv::new).transpose()?;
        Ok(JsonlTargets { out, errors })
    }
}

impl<W: Write> TableWriter for JsonlTargets<W> {
    fn add_plan(&mut self, record: &PlanRecord) -> Result<(), WriteError> {
        for row in TargetRow::from_record(record) {
            serde_json::to_writer(&mut self.out, &row)?;
            self.out.write_all(b"\n")?;
        }
        Ok(())
    }

    fn add_refused(&mut self, path: &str, reason: &str) -> Result<(), WriteError> {
        if let Some(errors) = &mut self.errors {
            errors.add(path, reason)?;
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<(), WriteError> {
        self.out.flush()?;
        if let Some(errors) = self.errors {
            errors.finish()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::write::tests::sample_record;
    use crate::write::{TARGET_COLUMNS, TableFormat, table_writer};

    #[test]
    fn one_json_object_per_target() {
        let mut out = Vec::new();
        {
            let mut writer = table_writer(TableFormat::Jsonl, &mut out, None).unwrap();
            writer
                .add_plan(&sample_record("b.md", "Sính Phình", None))
                .unwrap();
            writer.finish().unwrap();
        }
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 2);
        let keys: Vec<&str> = lines[0]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys.len(), TARGET_COLUMNS.len());
        assert_eq!(lines[0]["locality"], "Sính Phình");
        assert_eq!(lines[0]["stars"], 3);
        assert_eq!(lines[1]["due_period"], "2027-2030");
        assert_eq!(lines[1]["stars"], serde_json::Value::Null);
    }
}
