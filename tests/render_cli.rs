//! The `render`, `draft` and `template` commands: outputs, refusals and messages.

use std::path::Path;
use std::process::{Command, Output};

fn kehoach(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .args(args)
        .output()
        .unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn render_writes_each_kind() {
    let dir = tempfile::tempdir().unwrap();
    for ext in ["md", "html", "docx"] {
        let out = dir.path().join(format!("plan.{ext}"));
        let run = kehoach(&["render", "tests/data/plan-xa.json", "-o", path(&out)]);
        assert!(run.status.success(), "{}", stderr(&run));
        assert!(std::fs::metadata(&out).unwrap().len() > 1000);
    }
}

#[test]
fn render_refuses_to_write_over_its_input() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("plan.md");
    std::fs::copy("tests/data/plan-xa.json", &record).unwrap();
    let before = std::fs::read(&record).unwrap();
    // The record has an .md name here so the output kind is accepted.
    let run = kehoach(&["render", path(&record), "-o", path(&record)]);
    assert_eq!(run.status.code(), Some(2));
    assert!(
        stderr(&run).contains("refusing to write over an input"),
        "{}",
        stderr(&run)
    );
    assert_eq!(std::fs::read(&record).unwrap(), before);
}

#[test]
fn render_refuses_a_record_with_a_date_or_stars_no_plan_can_have() {
    let dir = tempfile::tempdir().unwrap();
    let mut record: serde_json::Value =
        serde_json::from_str(include_str!("data/plan-xa.json")).unwrap();
    let cases = [
        ("/date/day", serde_json::json!(40), "date.day"),
        (
            "/products/0/stars",
            serde_json::json!(9),
            "products[0].stars",
        ),
    ];
    for (pointer, value, field) in cases {
        let mut wrong = record.clone();
        *wrong.pointer_mut(pointer).expect("field in the record") = value;
        let input = dir.path().join("wrong.json");
        std::fs::write(&input, wrong.to_string()).unwrap();
        let out = dir.path().join("plan.md");
        let run = kehoach(&["render", path(&input), "-o", path(&out)]);
        assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
        assert!(
            stderr(&run).contains("plan.md") && stderr(&run).contains(field),
            "{}",
            stderr(&run)
        );
        assert!(!out.exists());
    }
    // The same record with values a plan can have is written.
    *record.pointer_mut("/date/day").unwrap() = serde_json::json!(31);
    *record.pointer_mut("/date/month").unwrap() = serde_json::json!(12);
    let input = dir.path().join("right.json");
    std::fs::write(&input, record.to_string()).unwrap();
    let out = dir.path().join("plan.md");
    let run = kehoach(&["render", path(&input), "-o", path(&out)]);
    assert!(run.status.success(), "{}", stderr(&run));
}

#[test]
fn template_show_prints_the_default_and_list_names_them() {
    let run = kehoach(&["template", "show", "plan-xa.md"]);
    assert!(run.status.success());
    assert_eq!(
        String::from_utf8(run.stdout).unwrap(),
        include_str!("../templates/plan-xa.md.tera")
    );
    let list = String::from_utf8(kehoach(&["template", "list"]).stdout).unwrap();
    for name in ["plan-xa.md", "plan-huyen.md", "plan-tinh.md", "plan.html"] {
        assert!(list.lines().any(|l| l == name), "{list}");
    }
    let run = kehoach(&["template", "show", "plan-xyz.md"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(stderr(&run).contains("plan-xa.md"));
}

#[test]
fn a_copied_template_can_be_edited_and_used() {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("mine.md.tera");
    let shown = String::from_utf8(kehoach(&["template", "show", "plan-xa.md"]).stdout).unwrap();
    std::fs::write(
        &template,
        shown.replace("Trên đây là Kế hoạch", "Trên đây là bản Kế hoạch"),
    )
    .unwrap();
    let out = dir.path().join("plan.md");
    let run = kehoach(&[
        "render",
        "tests/data/plan-xa.json",
        "--template",
        path(&template),
        "-o",
        path(&out),
    ]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("Trên đây là bản Kế hoạch")
    );
}

#[test]
fn bad_template_and_bad_data_are_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("broken.md.tera");
    std::fs::write(&template, "{% if record.title %}no end\n").unwrap();
    let out = dir.path().join("plan.md");
    let run = kehoach(&[
        "render",
        "tests/data/plan-xa.json",
        "--template",
        path(&template),
        "-o",
        path(&out),
    ]);
    assert_eq!(run.status.code(), Some(2));
    assert!(stderr(&run).contains("broken.md.tera"), "{}", stderr(&run));
    assert!(!out.exists(), "nothing written on error");

    let data = dir.path().join("data.toml");
    std::fs::write(&data, "[signature]\nname = 7\n").unwrap();
    let run = kehoach(&[
        "draft",
        "--from",
        "tests/data/plan-xa.json",
        "--year",
        "2027",
        "--data",
        path(&data),
        "-o",
        path(&out),
    ]);
    assert_eq!(run.status.code(), Some(2));
    let message = stderr(&run);
    assert!(
        message.contains("data.toml") && message.contains("signature.name"),
        "{message}"
    );
    assert!(!out.exists());

    let run = kehoach(&[
        "draft",
        "--from",
        "tests/data/plan-xa.json",
        "--year",
        "2024",
        "-o",
        path(&out),
    ]);
    assert_eq!(run.status.code(), Some(2));
    assert!(stderr(&run).contains("2024 is before the source plan's year 2026"));
}

#[test]
fn draft_writes_the_record_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("next.json");
    let run = kehoach(&[
        "draft",
        "--from",
        "tests/data/plan-xa.json",
        "--year",
        "2027",
        "--data",
        "examples/data-2027.toml",
        "-o",
        path(&out),
    ]);
    assert!(run.status.success(), "{}", stderr(&run));
    let record: kehoach::plan::PlanRecord =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(record.year, Some(2027));
    assert_eq!(record.signature.name.as_deref(), Some("Phan Quang Hưng"));
}

#[test]
fn draft_from_a_rendered_docx() {
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("ke-hoach-2026.docx");
    let run = kehoach(&["render", "tests/data/plan-xa.json", "-o", path(&docx)]);
    assert!(run.status.success(), "{}", stderr(&run));
    let out = dir.path().join("ke-hoach-2027.md");
    let run = kehoach(&[
        "draft",
        "--from",
        path(&docx),
        "--year",
        "2027",
        "-o",
        path(&out),
    ]);
    assert!(run.status.success(), "{}", stderr(&run));
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(
        text.contains("trên địa bàn xã Vĩnh Tuy năm 2027**"),
        "{text}"
    );
    // Last year's plan is cited, with its number and date.
    assert!(
        text.contains("Căn cứ Kế hoạch số 45/KH-UBND ngày 07/02/2026"),
        "{text}"
    );
}
