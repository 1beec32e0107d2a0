//! The tables of a Markdown text, as rows of cells ([`Table`]); the text itself is read as is.
//!
//! Two layouts are read:
//! - pipe tables: consecutive lines that start or end with "|" ("| STT | Nhiệm vụ |"),
//!   one row a line, the delimiter row ("|---|:--:|") left out, empty cells kept in place;
//! - "lone pipe" tables, as web-page converters write them: a line that is only "|" opens the
//!   table and ends every cell, the lines between are the cell's text, two "|" lines in a row
//!   end a row and open the next, and a blank line right after a "|" ends the table. An empty
//!   cell cannot be told from a row's end in this layout; it is read as one.
//!
//! Cells keep their inline Markdown (emphasis, escapes); each of their lines is trimmed.

use super::table::{Cell, Row, Table};

/// Reads the tables of a Markdown text, in order.
pub fn tables(text: &str) -> Vec<Table> {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let mut out = Vec::new();
    let mut at = 0;
    while at < lines.len() {
        let line = lines[at];
        if line == "|" {
            let (table, next) = lone_pipe_table(&lines, at);
            out.extend(table);
            at = next;
        } else if is_pipe_row(line) {
            let mut table = Table::default();
            while at < lines.len() && is_pipe_row(lines[at]) {
                let cells = pipe_cells(lines[at]);
                if !cells.iter().all(|c| is_delimiter_cell(c)) {
                    table
                        .rows
                        .push(row_of(cells.into_iter().map(str::to_string)));
                }
                at += 1;
            }
            if !table.rows.is_empty() {
                out.push(table);
            }
        } else {
            at += 1;
        }
    }
    out
}

/// True when a (trimmed) line is a row of a pipe table.
fn is_pipe_row(line: &str) -> bool {
    line != "|" && (line.starts_with('|') || line.ends_with('|'))
}

/// The cells of a pipe-table row: split at the "|" not escaped, the outer ones dropped.
fn pipe_cells(line: &str) -> Vec<&str> {
    let inner = line.strip_prefix('|').unwrap_or(line);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let mut cells = Vec::new();
    let mut from = 0;
    let mut escaped = false;
    for (i, c) in inner.char_indices() {
        match c {
            '\\' => escaped = !escaped,
            '|' if !escaped => {
                cells.push(inner[from..i].trim());
                from = i + 1;
            }
            _ => escaped = false,
        }
    }
    cells.push(inner[from..].trim());
    cells
}

/// True for a cell of the delimiter row ("---", ":--:").
fn is_delimiter_cell(cell: &str) -> bool {
    cell.contains('-') && cell.chars().all(|c| matches!(c, '-' | ':' | ' '))
}

/// A row of one-column cells from their texts.
fn row_of(texts: impl IntoIterator<Item = String>) -> Row {
    Row {
        cells: texts
            .into_iter()
            .enumerate()
            .map(|(column, text)| Cell::new(text, column))
            .collect(),
    }
}

/// Reads a lone-pipe table that opens at line `start` (a "|"); gives it (None when it has no
/// cell with text) and the line after it.
fn lone_pipe_table(lines: &[&str], start: usize) -> (Option<Table>, usize) {
    let mut table = Table::default();
    let mut row: Vec<String> = Vec::new();
    // The lines of the open cell.
    let mut cell: Vec<&str> = Vec::new();
    let mut at = start + 1;
    let close_row = |row: &mut Vec<String>, table: &mut Table| {
        if row.iter().any(|c| !c.is_empty()) {
            table.rows.push(row_of(std::mem::take(row)));
        }
        row.clear();
    };
    while at < lines.len() {
        let line = lines[at];
        let after_pipe = lines[at - 1] == "|";
        if line == "|" {
            if after_pipe && cell.is_empty() {
                // Two "|" in a row: the row ends, the next one opens.
                close_row(&mut row, &mut table);
            } else {
                row.push(cell.join("\n"));
                cell.clear();
            }
        } else if line.is_empty() {
            if after_pipe && cell.is_empty() {
                at += 1;
                break;
            }
        } else {
            cell.push(line);
        }
        at += 1;
    }
    if !cell.is_empty() {
        row.push(cell.join("\n"));
    }
    close_row(&mut row, &mut table);
    ((!table.rows.is_empty()).then_some(table), at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(table: &Table) -> Vec<Vec<&str>> {
        table
            .rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn pipe_tables_keep_empty_cells_in_place() {
        let found = tables(
            "Bảng:\n\n| STT | Nhiệm vụ | Thời gian |\n|---|:---:|---|\n| 1 | A \\| B | |\n\nSau.\n",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(
            texts(&found[0]),
            [
                vec!["STT", "Nhiệm vụ", "Thời gian"],
                vec!["1", "A \\| B", ""]
            ]
        );
        assert_eq!(found[0].text_at(1, 2), "");
    }

    #[test]
    fn lone_pipe_tables_cells_rows_and_end() {
        let text = "|\n**STT**\n|\n**Nhiệm vụ**\n|\n|\n**I. NHÓM**\n|\n|\n1\n|\nTriển khai\nnền tảng\n|\n\nSau bảng.\n|\nA\n|\n|\n|\n|";
        let found = tables(text);
        assert_eq!(found.len(), 2);
        assert_eq!(
            texts(&found[0]),
            [
                vec!["**STT**", "**Nhiệm vụ**"],
                vec!["**I. NHÓM**"],
                vec!["1", "Triển khai\nnền tảng"]
            ]
        );
        assert_eq!(texts(&found[1]), [vec!["A"]]);
    }

    #[test]
    fn broken_tables_do_not_panic() {
        for text in [
            "|",
            "|\n|",
            "| |",
            "||\n|-|",
            "|\n\n|\nx",
            "a |\n| b",
            "|\\|",
        ] {
            let _ = tables(text);
        }
    }
}
