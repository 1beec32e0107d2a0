//! JSON Lines: one target row per line, as a JSON object with the Targets columns.

use std::io::Write;

use super::{RowSink, TargetRow, WriteError};

/// Target rows as JSON Lines: one JSON object per line.
pub struct JsonRows<W: Write>(W);

impl<W: Write> JsonRows<W> {
    /// Starts the table (JSON Lines has no header).
    pub fn new(out: W) -> Self {
        JsonRows(out)
    }
}

impl<W: Write> RowSink for JsonRows<W> {
    fn write_row(&mut self, row: &TargetRow) -> Result<(), WriteError> {
        serde_json::to_writer(&mut self.0, row)?;
        self.0.write_all(b"\n")?;
        Ok(())
    }

    fn flush(&mut self) -> Result<(), WriteError> {
        self.0.flush()?;
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
