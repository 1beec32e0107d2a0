//! Values a plan cannot hold though their type allows them: a day 40, a month 13, 9 stars, a
//! negative amount. Each check gives the field (under the item checked) and what is wrong.

use crate::plan::record::{BudgetLine, DocDate, Period, PlanRecord, Product, Target};

/// A field and what is wrong with its value.
pub type Wrong = (String, String);

/// The years a plan's date, period and targets may name.
const YEARS: std::ops::RangeInclusive<i32> = 1945..=2100;
/// OCOP's scale of stars.
const STARS: std::ops::RangeInclusive<u8> = 1..=5;

/// A value outside `range`, said as `what` says it with the range's ends.
fn outside<T: PartialOrd + Copy + std::fmt::Display>(
    field: &str,
    value: Option<T>,
    range: &std::ops::RangeInclusive<T>,
    what: fn(T, T, T) -> String,
) -> Option<Wrong> {
    let value = value.filter(|v| !range.contains(v))?;
    Some((field.to_string(), what(value, *range.start(), *range.end())))
}

/// A year outside 1945-2100 (`YEARS`).
fn year_wrong(field: &str, year: Option<i32>) -> Option<Wrong> {
    outside(field, year, &YEARS, |year, from, to| {
        format!("year {year} is not one a plan can name ({from} to {to})")
    })
}

/// Stars outside OCOP's scale.
fn stars_wrong(field: &str, stars: Option<u8>) -> Option<Wrong> {
    outside(field, stars, &STARS, |stars, from, to| {
        format!("{stars} stars: OCOP rates products from {from} to {to} stars")
    })
}

/// An amount or quantity that is negative or not a number.
fn amount_wrong(field: &str, amount: Option<f64>) -> Option<Wrong> {
    let amount = amount.filter(|a| !a.is_finite() || *a < 0.0)?;
    Some((
        field.to_string(),
        format!("{amount} is not an amount (a number, 0 or more)"),
    ))
}

/// A period whose years are out of range or the wrong way round.
fn period_wrong(field: &str, period: &Period) -> Option<Wrong> {
    year_wrong(&format!("{field}.from"), Some(period.from))
        .or_else(|| year_wrong(&format!("{field}.to"), Some(period.to)))
        .or_else(|| {
            (period.from > period.to).then(|| {
                (
                    field.to_string(),
                    format!("it ends ({}) before it starts ({})", period.to, period.from),
                )
            })
        })
}

/// What is wrong with a target's stars, quantity, year or period.
pub fn target_wrong(target: &Target) -> Option<Wrong> {
    stars_wrong("stars", target.stars)
        .or_else(|| amount_wrong("quantity", target.quantity))
        .or_else(|| year_wrong("year", target.year))
        .or_else(|| {
            target
                .period
                .as_ref()
                .and_then(|p| period_wrong("period", p))
        })
}

/// A date that no calendar has ("ngày 31 tháng 2", month 13) or a year out of range; a blank
/// day or month is allowed.
fn date_wrong(date: &DocDate) -> Option<Wrong> {
    if let Some(wrong) = year_wrong("date.year", date.year) {
        return Some(wrong);
    }
    let month = date.month;
    if let Some(m) = month.filter(|m| !(1..=12).contains(m)) {
        return Some(("date.month".to_string(), format!("there is no month {m}")));
    }
    let leap = |y: i32| y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let last_day = match month {
        Some(4 | 6 | 9 | 11) => 30,
        Some(2) if date.year.is_some_and(|y| !leap(y)) => 28,
        Some(2) => 29,
        _ => 31,
    };
    let day = date.day.filter(|d| !(1..=last_day).contains(d))?;
    let month = match (month, date.year) {
        (Some(m), Some(y)) => format!(" in month {m} of {y}"),
        (Some(m), None) => format!(" in month {m}"),
        _ => String::new(),
    };
    Some((
        "date.day".to_string(),
        format!("there is no day {day}{month}"),
    ))
}

/// What is wrong with a product's stars.
pub fn product_wrong(product: &Product) -> Option<Wrong> {
    stars_wrong("stars", product.stars)
}

/// What is wrong with a budget line's amount.
pub fn budget_line_wrong(line: &BudgetLine) -> Option<Wrong> {
    amount_wrong("million_vnd", line.million_vnd)
}

/// What is wrong with the record's own values (not its lists' items), each under the record
/// field that holds it: `year`, `date`, `period`, `budget`.
pub fn whole_values_wrong(record: &PlanRecord) -> [(&'static str, Option<Wrong>); 4] {
    [
        ("year", year_wrong("year", record.year)),
        ("date", date_wrong(&record.date)),
        (
            "period",
            record
                .period
                .as_ref()
                .and_then(|p| period_wrong("period", p)),
        ),
        (
            "budget",
            amount_wrong("budget.total_million_vnd", record.budget.total_million_vnd),
        ),
    ]
}

/// The first value of a record that no plan can hold, with its field path
/// (`products[0].stars`).
pub fn first_wrong(record: &PlanRecord) -> Option<Wrong> {
    fn within<T>(list: &str, items: &[T], wrong: impl Fn(&T) -> Option<Wrong>) -> Option<Wrong> {
        items.iter().enumerate().find_map(|(i, item)| {
            wrong(item).map(|(field, message)| (format!("{list}[{i}].{field}"), message))
        })
    }
    whole_values_wrong(record)
        .into_iter()
        .find_map(|(_, wrong)| wrong)
        .or_else(|| within("products", &record.products, product_wrong))
        .or_else(|| within("targets", &record.targets, target_wrong))
        .or_else(|| within("budget.lines", &record.budget.lines, budget_line_wrong))
}
