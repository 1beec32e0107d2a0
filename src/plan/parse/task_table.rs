//! Task tables: the table of assignments and deadlines many plans put in an appendix
//! ("PHỤ LỤC ... DANH MỤC NHIỆM VỤ"), read by its header row.
//!
//! The header names the columns, in any order: the task ("Nhiệm vụ", "Nội dung", "Tên nhiệm
//! vụ"), its time ("Thời gian hoàn thành", "Thời hạn", "Tiến độ"), the lead agency ("Cơ quan
//! chủ trì", "Đơn vị thực hiện", "Trách nhiệm thực hiện"), the persons who do it ("Người thực
//! hiện", "Cán bộ phụ trách", a team's table), the partners ("Phối hợp"), the product ("Sản
//! phẩm", "Kết quả") and the number ("STT", "TT"). A table is a task table when one of its
//! first rows names a task column and a time, a lead or a person column; a header may go on
//! in the row under it ("Cơ quan thực hiện" over "Chủ trì | Phối hợp").
//!
//! Every row under the header with a task gives a schedule step (task, when) when its time
//! cell has text, and an assignment (agency, duty = the task) for each agency its lead cell
//! names. A lead cell naming several agencies separates them with ";" ("Sở Tư pháp; UBND các
//! xã, phường"): each is given the task; a "," or "và" is part of a name ("Sở Văn hóa, Thể thao
//! và Du lịch", "Các sở, ban, ngành và địa phương"), so the cell is not cut there. A lead
//! naming the leaders of an agency ("Lãnh đạo Sở Y tế") is read as written. A person cell
//! holds one name a line ("Đỗ Mạnh Cường", "Vũ Việt Linh"): each person is given the task, as
//! a person named in the plan's text is ("Ông. Hoàng Văn Thuân - Trưởng đoàn").
//!
//! Rows that are not tasks are passed over: empty rows, the row numbering the columns
//! ("(1) | (2) | ..."), a header repeated further down, and group rows ("I | Cải cách thể
//! chế", "II. HOÀN THIỆN CƠ CHẾ ...") that have no time, agency, partner or product. A row
//! with a time or an agency but no task, a task with nothing else but a number, or a lead
//! cell that names no agency ("Theo phân công tại Quyết định số ...") is reported in the
//! warnings with what it holds.

use crate::plan::record::{Assignment, ScheduleStep};
use crate::read::{Cell, Row, Table};
use crate::text::upper_first;

use super::extract::{agency_name, starts_with_agency};
use super::layout::{Flow, collapse_spaces, strip_markup};
use super::re;
use super::signature::is_person_name;

/// How many of a table's first rows are looked at for its header.
const HEADER_ROWS: usize = 6;
/// How many rows of one table are reported in the warnings before the rest is only counted.
const MAX_ROW_WARNINGS: usize = 20;
/// How many characters of a row are quoted in a warning.
const QUOTED_CHARS: usize = 120;

/// What a column of a task table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// The row's number (STT).
    Number,
    /// The task.
    Task,
    /// When it is due.
    Time,
    /// Who leads it.
    Lead,
    /// The persons who do it, one a line.
    Person,
    /// Who takes part.
    Partner,
    /// What it yields.
    Product,
}

/// The role a header cell gives its column, if it names one.
fn role_of(header: &str) -> Option<Role> {
    if header.chars().count() > 80 {
        // A sentence, not a column's name.
        return None;
    }
    let lower = header.to_lowercase();
    let lower = lower.trim();
    if re!(r"^(?:stt|tt|số tt|số thứ tự)\.?$").is_match(lower) {
        return Some(Role::Number);
    }
    if re!(r"thời gian|thời hạn|tiến độ|thời điểm").is_match(lower) {
        return Some(Role::Time);
    }
    let leads = lower.contains("chủ trì");
    let partners = lower.contains("phối hợp");
    if leads && partners {
        // "Vai trò (Chủ trì/Phối hợp)": which one a row is, not who.
        return None;
    }
    if partners {
        return Some(Role::Partner);
    }
    if re!(r"^(?:người|cán bộ|công chức|thành viên)\b").is_match(lower) {
        return Some(Role::Person);
    }
    if leads
        || re!(r"(?:cơ quan|đơn vị|trách nhiệm|bộ phận|sở|ngành)[^()]*\b(?:thực hiện|tham mưu|phụ trách)|phụ trách")
            .is_match(lower)
    {
        return Some(Role::Lead);
    }
    if re!(r"sản phẩm|kết quả").is_match(lower) {
        return Some(Role::Product);
    }
    if re!(r"nhiệm vụ|nội dung|công việc|hoạt động|giải pháp|đề án|dự án").is_match(lower)
    {
        return Some(Role::Task);
    }
    None
}

/// The columns of a task table, by role, and the grid width of its header.
#[derive(Debug, Default)]
struct Columns {
    /// (grid column, role), left to right.
    roles: Vec<(usize, Role)>,
    /// Grid columns the header covers.
    width: usize,
}

impl Columns {
    /// True when a role has a column.
    fn has(&self, role: Role) -> bool {
        self.roles.iter().any(|&(_, r)| r == role)
    }

    /// True when the columns make a task table: a task, and a time, a lead or a person.
    fn is_task_table(&self) -> bool {
        self.has(Role::Task)
            && (self.has(Role::Time) || self.has(Role::Lead) || self.has(Role::Person))
    }
}

/// The header's roles read from one row, and refined by the row under it when that row goes on
/// with the header; gives the columns and how many rows the header takes.
fn header_at(table: &Table, at: usize, clean: &dyn Fn(&str) -> String) -> (Columns, usize) {
    let width = table.rows[at].width();
    let top: Vec<Option<Role>> = (0..width)
        .map(|c| role_of(&clean(table.text_at(at, c))))
        .collect();
    let mut roles = top.clone();
    let mut rows = 1;
    if let Some(under) = table.rows.get(at + 1)
        && goes_on_with_header(&table.rows[at], under, clean)
    {
        for (column, role) in roles.iter_mut().enumerate() {
            let own = under
                .cell_covering(column)
                .filter(|c| !c.continues_above)
                .and_then(|c| role_of(&clean(&c.text)));
            *role = own.or(*role);
        }
        rows = 2;
    }
    let columns = Columns {
        roles: roles
            .into_iter()
            .enumerate()
            .filter_map(|(c, r)| r.map(|r| (c, r)))
            .collect(),
        width,
    };
    (columns, rows)
}

/// True when the row under a header row is the header's second line: the top row has a cell
/// over several columns or the row under it continues a top cell, and the row under it holds
/// only short labels, one of which names a role.
fn goes_on_with_header(top: &Row, under: &Row, clean: &dyn Fn(&str) -> String) -> bool {
    let spanning = top.cells.iter().any(|c| c.span > 1);
    let continued = under.cells.iter().any(|c| c.continues_above);
    let own: Vec<String> = under
        .cells
        .iter()
        .filter(|c| !c.continues_above)
        .map(|c| clean(&c.text))
        .filter(|t| !t.is_empty())
        .collect();
    (spanning || continued)
        && !own.is_empty()
        && own.iter().all(|t| t.chars().count() <= 40)
        && own.iter().any(|t| role_of(t).is_some())
}

/// One row's texts by role.
#[derive(Debug, Default)]
struct RowTexts {
    number: String,
    task: String,
    time: String,
    lead: String,
    person: String,
    partner: String,
    product: String,
}

/// What the task tables of a plan give.
#[derive(Debug, Default)]
pub struct TaskTables {
    /// Steps from rows with a time.
    pub schedule: Vec<ScheduleStep>,
    /// One entry for each agency a lead cell names, with the row's task as duty, in order.
    pub assignments: Vec<Assignment>,
    /// Rows that could not be read.
    pub warnings: Vec<String>,
}

/// Reads the task tables among a plan's tables (and the tables nested in them).
pub fn read_task_tables(tables: &[Table], flow: Flow) -> TaskTables {
    let clean = |text: &str| -> String {
        let lines: Vec<String> = text
            .lines()
            .map(|l| match flow {
                Flow::Markdown => strip_markup(l),
                Flow::Paragraphs => l.to_string(),
            })
            .collect();
        collapse_spaces(&lines.join(" "))
    };
    let mut out = TaskTables::default();
    let mut number = 0;
    for table in tables.iter().flat_map(Table::with_nested) {
        let Some((columns, from)) = (0..table.rows.len().min(HEADER_ROWS)).find_map(|at| {
            let (columns, rows) = header_at(table, at, &clean);
            columns.is_task_table().then_some((columns, at + rows))
        }) else {
            continue;
        };
        number += 1;
        read_rows(table, &columns, from, number, &clean, &mut out);
    }
    out
}

/// Reads the rows of one task table from row `from` on.
fn read_rows(
    table: &Table,
    columns: &Columns,
    from: usize,
    number: usize,
    clean: &dyn Fn(&str) -> String,
    out: &mut TaskTables,
) {
    let mut warned = 0usize;
    let mut unreported = 0usize;
    let mut warn = |out: &mut TaskTables, text: String| {
        if warned < MAX_ROW_WARNINGS {
            out.warnings.push(text);
            warned += 1;
        } else {
            unreported += 1;
        }
    };
    // The text each grid column had last, for cells merged down from the row above.
    let mut above: Vec<(usize, String)> = Vec::new();
    for (at, row) in table.rows.iter().enumerate().skip(from) {
        let offset = number_column_lost(columns, row, clean);
        let mut texts = RowTexts::default();
        let mut all: Vec<String> = Vec::new();
        let mut seen: Vec<&Cell> = Vec::new();
        for &(column, role) in &columns.roles {
            let Some(cell) = row.cell_covering(column + offset) else {
                continue;
            };
            let text = if cell.continues_above {
                above
                    .iter()
                    .find(|(c, _)| *c == column)
                    .map_or_else(String::new, |(_, t)| t.clone())
            } else if role == Role::Person {
                // One person a line.
                cell.text
                    .lines()
                    .map(clean)
                    .filter(|l| !l.is_empty())
                    .collect::<Vec<_>>()
                    .join("; ")
            } else {
                clean(&cell.text)
            };
            above.retain(|(c, _)| *c != column);
            above.push((column, text.clone()));
            // A cell over several columns of the same role counts once.
            if seen.iter().any(|c| std::ptr::eq(*c, cell)) {
                continue;
            }
            seen.push(cell);
            if text.is_empty() {
                continue;
            }
            all.push(text.clone());
            let slot = match role {
                Role::Number => &mut texts.number,
                Role::Task => &mut texts.task,
                Role::Time => &mut texts.time,
                Role::Lead => &mut texts.lead,
                Role::Person => &mut texts.person,
                Role::Partner => &mut texts.partner,
                Role::Product => &mut texts.product,
            };
            if !slot.is_empty() {
                slot.push_str("; ");
            }
            slot.push_str(&text);
        }
        let row_label = if texts.number.is_empty() {
            format!("row {}", at + 1)
        } else {
            format!("row {} (STT {})", at + 1, texts.number)
        };
        let seen_text = || quote(&all.join(" | "));
        if all.is_empty()
            || is_numbering(&all)
            || is_repeated_header(&all, columns)
            || is_group_row(row, columns, clean)
        {
            continue;
        }
        let has_more = !(texts.time.is_empty()
            && texts.lead.is_empty()
            && texts.person.is_empty()
            && texts.partner.is_empty()
            && texts.product.is_empty());
        if texts.task.is_empty() {
            if has_more {
                warn(
                    out,
                    format!("task table {number}, {row_label}: no task: {}", seen_text()),
                );
            }
            continue;
        }
        if !has_more {
            // A group row ("I | Cải cách thể chế"), unless a plain number says it is a task.
            if re!(r"^\d+$").is_match(&texts.number) {
                warn(
                    out,
                    format!(
                        "task table {number}, {row_label}: a task with no time and no agency: {}",
                        seen_text()
                    ),
                );
            }
            continue;
        }
        let task = upper_first(texts.task.trim_end_matches(['.', ';', ',', ':', ' ']));
        if !texts.time.is_empty() {
            out.schedule.push(ScheduleStep {
                task: task.clone(),
                when: upper_first(texts.time.trim_end_matches(['.', ';', ',', ' '])),
            });
        }
        let cells: [(&str, Namer, &str); 2] = [
            (&texts.lead, lead_agency, "the lead cell names no agency"),
            (&texts.person, person, "the person cell names no one"),
        ];
        for (cell, name_of, says) in cells {
            let mut unnamed = Vec::new();
            for part in cell.split(';').map(str::trim).filter(|p| !p.is_empty()) {
                match name_of(part) {
                    Ok(name) => out.assignments.push(Assignment {
                        agency: name,
                        duties: vec![task.clone()],
                    }),
                    Err(part) => unnamed.push(part),
                }
            }
            if !unnamed.is_empty() {
                warn(
                    out,
                    format!(
                        "task table {number}, {row_label}: {says}: {}",
                        quote(&unnamed.join("; "))
                    ),
                );
            }
        }
        if texts.time.is_empty() && texts.lead.is_empty() && texts.person.is_empty() {
            warn(
                out,
                format!(
                    "task table {number}, {row_label}: a task with no time and no lead: {}",
                    seen_text()
                ),
            );
        }
    }
    if unreported > 0 {
        out.warnings.push(format!(
            "task table {number}: {unreported} more rows not read"
        ));
    }
}

/// The columns a row is shifted right by when its header lost the number column (a Markdown
/// table whose merged cells were dropped: "Nội dung | Đơn vị thực hiện | ..." over rows "1.1 |
/// Xây dựng ... | Sở Y tế | ..."): 1 when the header has no number column, the row is one
/// column wider and starts with a number; else 0.
fn number_column_lost(columns: &Columns, row: &Row, clean: &dyn Fn(&str) -> String) -> usize {
    let first = row
        .cell_covering(0)
        .map(|c| clean(&c.text))
        .unwrap_or_default();
    usize::from(
        !columns.has(Role::Number)
            && row.width() == columns.width + 1
            && re!(r"^(?:\d{1,3}(?:\.\d{1,3})*|[IVXL]{1,5})\.?$").is_match(&first),
    )
}

/// True for a row that heads a group of tasks rather than being one: a single cell across
/// the row or under the number or task column ("II. HOÀN THIỆN CƠ CHẾ ..."), or a group's
/// label (Roman numeral, letter, or a number with a dot: "IV", "B", "5.1") and its title, with
/// nothing else. A row that goes on with a cell merged down from above is part of a task.
fn is_group_row(row: &Row, columns: &Columns, clean: &dyn Fn(&str) -> String) -> bool {
    if row.cells.iter().any(|c| c.continues_above) {
        return false;
    }
    let own: Vec<(&Cell, String)> = row
        .cells
        .iter()
        .map(|c| (c, clean(&c.text)))
        .filter(|(_, t)| !t.is_empty())
        .collect();
    match own.as_slice() {
        [(cell, _)] => {
            let role = columns
                .roles
                .iter()
                .find(|&&(c, _)| cell.covers(c))
                .map(|&(_, r)| r);
            cell.span > 1 || matches!(role, None | Some(Role::Number | Role::Task))
        }
        [(_, label), _] => re!(r"^(?:[IVXL]{1,5}|[A-Z]|\d{1,2}(?:\.\d{1,2})+)\.?$").is_match(label),
        _ => false,
    }
}

/// Reads one part of a cell as an assignee's name, or gives the part back as it is shown.
type Namer = fn(&str) -> Result<String, String>;

/// A part of a lead cell as an agency's name ("Sở Tư pháp", "Lãnh đạo Sở Y tế").
fn lead_agency(part: &str) -> Result<String, String> {
    let part = upper_first(part.trim_end_matches(['.', ',', ' ']));
    let named = starts_with_agency(&part)
        || part
            .strip_prefix("Lãnh đạo ")
            .is_some_and(|rest| starts_with_agency(&upper_first(rest)));
    if named {
        Ok(agency_name(&part))
    } else {
        Err(part)
    }
}

/// A line of a person cell as a person's name ("Nguyễn Thị Loan"), perhaps after "Ông",
/// "Bà" or "Đ/c".
fn person(part: &str) -> Result<String, String> {
    let name = re!(r"^(?:Ông|Bà|Đ/c|Đồng chí)\.?\s+").replace(part, "");
    if is_person_name(&name) {
        Ok(part.to_string())
    } else {
        Err(part.to_string())
    }
}

/// True for the row that numbers the columns: "(1) | (2) | (3)".
fn is_numbering(texts: &[String]) -> bool {
    texts.len() >= 2 && texts.iter().all(|t| re!(r"^\(?\d{1,2}\)?$").is_match(t))
}

/// True for a row that repeats the header further down (a new page, a new group): short
/// cells, at least two, each naming a column of the table.
fn is_repeated_header(texts: &[String], columns: &Columns) -> bool {
    texts.len() >= 2
        && texts
            .iter()
            .all(|t| t.chars().count() <= 60 && role_of(t).is_some_and(|role| columns.has(role)))
}

/// A text shortened for a warning, in quotes.
fn quote(text: &str) -> String {
    let short: String = text.chars().take(QUOTED_CHARS).collect();
    if short.len() < text.len() {
        format!("{short:?}…")
    } else {
        format!("{short:?}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::Cell;

    fn row(texts: &[&str]) -> Row {
        Row {
            cells: texts
                .iter()
                .enumerate()
                .map(|(c, t)| Cell::new(*t, c))
                .collect(),
        }
    }

    fn read(rows: Vec<Row>) -> TaskTables {
        read_task_tables(&[Table { rows }], Flow::Paragraphs)
    }

    /// The schedule steps found, as (task, when).
    fn steps(found: &TaskTables) -> Vec<(&str, &str)> {
        found
            .schedule
            .iter()
            .map(|s| (s.task.as_str(), s.when.as_str()))
            .collect()
    }

    #[test]
    fn header_words_name_the_columns() {
        assert_eq!(role_of("STT"), Some(Role::Number));
        assert_eq!(role_of("Tên nhiệm vụ"), Some(Role::Task));
        assert_eq!(role_of("Thời gian thực hiện"), Some(Role::Time));
        assert_eq!(role_of("Sở, ngành chủ trì tham mưu"), Some(Role::Lead));
        assert_eq!(role_of("Đơn vị thực hiện"), Some(Role::Lead));
        assert_eq!(role_of("Trách nhiệm thực hiện"), Some(Role::Lead));
        assert_eq!(role_of("Đơn vị phối hợp thực hiện"), Some(Role::Partner));
        assert_eq!(role_of("Sản phẩm đầu ra"), Some(Role::Product));
        assert_eq!(role_of("Vai trò (Chủ trì/ Phối hợp)"), None);
        assert_eq!(role_of("Ghi chú"), None);
        assert_eq!(role_of("Người thực hiện"), Some(Role::Person));
        assert_eq!(role_of("Cán bộ phụ trách"), Some(Role::Person));
    }

    #[test]
    fn columns_in_any_order_and_several_agencies() {
        let found = read(vec![
            row(&["Cơ quan chủ trì", "Thời hạn", "STT", "Nội dung"]),
            row(&["(1)", "(2)", "(3)", "(4)"]),
            row(&["", "", "I", "NHÓM MỘT"]),
            row(&[
                "Sở Tư pháp; UBND các xã, phường",
                "Quý II/2026",
                "1",
                "Rà soát văn bản.",
            ]),
            row(&[
                "Theo phân công tại Quyết định số 1/QĐ-UBND",
                "Năm 2026",
                "2",
                "Việc hai",
            ]),
            row(&["Sở Nội vụ", "", "3", ""]),
        ]);
        let steps = steps(&found);
        assert_eq!(
            steps,
            [("Rà soát văn bản", "Quý II/2026"), ("Việc hai", "Năm 2026")]
        );
        let agencies: Vec<&str> = found
            .assignments
            .iter()
            .map(|a| a.agency.as_str())
            .collect();
        assert_eq!(agencies, ["Sở Tư pháp", "UBND các xã, phường"]);
        assert_eq!(found.assignments[1].duties, ["Rà soát văn bản"]);
        assert_eq!(found.warnings.len(), 2, "{:?}", found.warnings);
        assert!(
            found.warnings[0].contains("row 5 (STT 2)")
                && found.warnings[0].contains("Theo phân công")
        );
        assert!(found.warnings[1].contains("no task"));
    }

    #[test]
    fn a_header_on_two_rows_and_cells_merged_down() {
        let spanning = Cell {
            span: 2,
            ..Cell::new("Cơ quan thực hiện", 2)
        };
        let merged = |column| Cell {
            continues_above: true,
            ..Cell::new("", column)
        };
        let found = read(vec![
            Row {
                cells: vec![
                    Cell::new("TT", 0),
                    Cell::new("Nhiệm vụ", 1),
                    spanning,
                    Cell::new("Thời gian", 4),
                ],
            },
            Row {
                cells: vec![
                    merged(0),
                    merged(1),
                    Cell::new("Chủ trì", 2),
                    Cell::new("Phối hợp", 3),
                    merged(4),
                ],
            },
            row(&["1", "Kiểm tra", "Sở Nội vụ", "Sở Tài chính", "Tháng 6"]),
            Row {
                cells: vec![
                    merged(0),
                    merged(1),
                    Cell::new("Các sở, ngành", 2),
                    Cell::new("", 3),
                    Cell::new("Tháng 9", 4),
                ],
            },
        ]);
        let steps = steps(&found);
        assert_eq!(steps, [("Kiểm tra", "Tháng 6"), ("Kiểm tra", "Tháng 9")]);
        let agencies: Vec<&str> = found
            .assignments
            .iter()
            .map(|a| a.agency.as_str())
            .collect();
        assert_eq!(agencies, ["Sở Nội vụ", "Các sở, ngành"]);
        assert!(found.warnings.is_empty(), "{:?}", found.warnings);
    }

    #[test]
    fn a_repeated_header_is_passed_over_but_a_short_task_is_not() {
        let found = read(vec![
            row(&["Nội dung", "Chủ trì", "Thời gian"]),
            row(&["Rà soát nhiệm vụ", "Sở Nội vụ", "Thời gian theo kế hoạch"]),
            row(&["Nội dung", "Chủ trì", "Thời gian"]),
            row(&["Kiểm tra", "Thanh tra tỉnh", "Quý III"]),
        ]);
        let tasks: Vec<&str> = steps(&found).into_iter().map(|(task, _)| task).collect();
        assert_eq!(tasks, ["Rà soát nhiệm vụ", "Kiểm tra"]);
        assert!(found.warnings.is_empty(), "{:?}", found.warnings);
    }

    #[test]
    fn a_row_under_a_merged_task_with_only_a_new_time_is_a_step() {
        let found = read(vec![
            row(&["STT", "Nhiệm vụ", "Thời gian"]),
            row(&["I", "NHÓM MỘT", ""]),
            row(&["1", "Kiểm tra", "Tháng 6"]),
            Row {
                cells: vec![
                    Cell {
                        continues_above: true,
                        ..Cell::new("", 0)
                    },
                    Cell {
                        continues_above: true,
                        ..Cell::new("", 1)
                    },
                    Cell::new("Tháng 9", 2),
                ],
            },
            row(&["", "", "Tháng 12"]),
        ]);
        let steps = steps(&found);
        assert_eq!(steps, [("Kiểm tra", "Tháng 6"), ("Kiểm tra", "Tháng 9")]);
        // A time alone, under no task: said so.
        assert_eq!(found.warnings.len(), 1, "{:?}", found.warnings);
        assert!(found.warnings[0].contains("no task") && found.warnings[0].contains("Tháng 12"));
    }

    #[test]
    fn a_person_column_gives_each_person_named_a_line_the_task() {
        let mut rows = vec![row(&[
            "TT",
            "Nhiệm vụ thực hiện",
            "Người thực hiện",
            "Ghi chú",
        ])];
        rows.push(row(&[
            "1",
            "Tổ chức kiểm tra",
            "Đỗ Mạnh Cường\nBà Nguyễn Thị Loan",
            "",
        ]));
        rows.push(row(&["2", "In ấn chứng chỉ", "Văn thư cơ quan", ""]));
        let found = read(rows);
        let given: Vec<(&str, &str)> = found
            .assignments
            .iter()
            .map(|a| (a.agency.as_str(), a.duties[0].as_str()))
            .collect();
        assert_eq!(
            given,
            [
                ("Đỗ Mạnh Cường", "Tổ chức kiểm tra"),
                ("Bà Nguyễn Thị Loan", "Tổ chức kiểm tra"),
            ]
        );
        assert!(found.schedule.is_empty());
        assert_eq!(found.warnings.len(), 1, "{:?}", found.warnings);
        assert!(found.warnings[0].contains("names no one: \"Văn thư cơ quan\""));
    }

    #[test]
    fn tables_without_a_task_header_are_left_alone() {
        assert!(
            read(vec![row(&["ỦY BAN NHÂN DÂN", "CỘNG HÒA"])])
                .schedule
                .is_empty()
        );
        assert!(
            read(vec![row(&["STT", "Đơn vị được kiểm tra", "Thời gian"])])
                .warnings
                .is_empty()
        );
        assert!(read(vec![row(&[]), Row::default()]).warnings.is_empty());
    }

    #[test]
    fn ragged_empty_and_huge_tables_do_not_panic() {
        let mut rows = vec![row(&["STT", "Nhiệm vụ", "Thời gian", "Chủ trì"])];
        rows.push(row(&["1"]));
        rows.push(row(&["2", "Việc", "Quý I", "Sở A", "thừa", "thừa"]));
        rows.push(Row::default());
        for i in 0..20_000 {
            rows.push(row(&[&i.to_string(), "Báo cáo", "", "Không rõ"]));
        }
        let found = read(rows);
        assert_eq!(found.schedule.len(), 1);
        assert_eq!(found.warnings.len(), MAX_ROW_WARNINGS + 1);
        assert!(
            found
                .warnings
                .last()
                .unwrap()
                .contains("more rows not read")
        );
        let _ = read(vec![row(&["", "", ""]), row(&["Nhiệm vụ"])]);
    }
}
