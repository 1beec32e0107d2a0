//! Tables as a reader found them: rows of cells on the table's grid of columns.
//!
//! A cell covers one or more grid columns (`span`, Word's `w:gridSpan`) from
//! `column` on; a cell that `continues_above` is the lower part of a cell
//! merged down the rows (Word's `w:vMerge` without "restart") and holds no
//! text of its own. [`Table::cell_at`] resolves both: it gives the cell that
//! covers a grid column of a row, whatever cell it started in.

/// A table: its rows, top to bottom.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    /// The rows, in order.
    pub rows: Vec<Row>,
}

/// One row of a table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Row {
    /// The row's cells, left to right.
    pub cells: Vec<Cell>,
}

/// One cell of a table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cell {
    /// The cell's paragraphs, one a line, without those of tables nested in it.
    pub text: String,
    /// The first grid column the cell covers (0 for the first).
    pub column: usize,
    /// How many grid columns the cell covers (1 at least).
    pub span: usize,
    /// True when the cell is the continuation of the cell above it (merged down).
    pub continues_above: bool,
    /// Tables nested in the cell, in order.
    pub tables: Vec<Table>,
}

impl Cell {
    /// A plain cell of one grid column.
    pub fn new(text: impl Into<String>, column: usize) -> Cell {
        Cell {
            text: text.into(),
            column,
            span: 1,
            ..Cell::default()
        }
    }

    /// True when the cell covers the grid column.
    pub fn covers(&self, column: usize) -> bool {
        self.column <= column && column < self.column + self.span.max(1)
    }
}

impl Row {
    /// The number of grid columns the row reaches to.
    pub fn width(&self) -> usize {
        self.cells
            .iter()
            .map(|c| c.column + c.span.max(1))
            .max()
            .unwrap_or(0)
    }

    /// The cell of this row that covers a grid column, if any (a merged-down cell as it is).
    pub fn cell_covering(&self, column: usize) -> Option<&Cell> {
        self.cells.iter().find(|c| c.covers(column))
    }
}

impl Table {
    /// The number of grid columns of the widest row.
    pub fn width(&self) -> usize {
        self.rows.iter().map(Row::width).max().unwrap_or(0)
    }

    /// The cell holding the text at a row and grid column: the cell covering the column, or,
    /// for a cell merged down from above, the cell the merge started in. None where the row
    /// has no cell there (a ragged row).
    pub fn cell_at(&self, row: usize, column: usize) -> Option<&Cell> {
        let mut at = row;
        loop {
            let cell = self.rows.get(at)?.cell_covering(column)?;
            if !cell.continues_above || at == 0 {
                return Some(cell);
            }
            at -= 1;
        }
    }

    /// The text at a row and grid column ("" where there is none), see [`Table::cell_at`].
    pub fn text_at(&self, row: usize, column: usize) -> &str {
        self.cell_at(row, column).map_or("", |c| c.text.as_str())
    }

    /// This table and every table nested in its cells, depth first.
    pub fn with_nested(&self) -> Vec<&Table> {
        let mut out = vec![self];
        for row in &self.rows {
            for cell in &row.cells {
                for nested in &cell.tables {
                    out.extend(nested.with_nested());
                }
            }
        }
        out
    }

    /// Applies a function to the text of every cell, nested tables included.
    pub fn map_text(&mut self, f: &mut dyn FnMut(&str) -> String) {
        for row in &mut self.rows {
            for cell in &mut row.cells {
                cell.text = f(&cell.text);
                for nested in &mut cell.tables {
                    nested.map_text(f);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merged_cells_resolve_to_their_first_cell() {
        let merged = Cell {
            continues_above: true,
            ..Cell::new("", 0)
        };
        let table = Table {
            rows: vec![
                Row {
                    cells: vec![
                        Cell::new("a", 0),
                        Cell {
                            span: 2,
                            ..Cell::new("b", 1)
                        },
                    ],
                },
                Row {
                    cells: vec![merged.clone(), Cell::new("c", 1)],
                },
                Row {
                    cells: vec![merged],
                },
            ],
        };
        assert_eq!(table.width(), 3);
        assert_eq!(table.text_at(0, 2), "b");
        assert_eq!(table.text_at(1, 0), "a");
        assert_eq!(table.text_at(2, 0), "a");
        assert_eq!(table.text_at(1, 2), "");
        assert_eq!(table.text_at(5, 0), "");
    }
}
