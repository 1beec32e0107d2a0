//! `kehoach targets` usage errors and small runs: exit codes, messages, nothing overwritten;
//! `parse` and `targets` with a model of one's own; `parse` and `normalize` on the threads asked
//! for.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

/// Runs `kehoach` with these arguments.
fn run(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .args(args)
        .output()
        .unwrap()
}

/// Runs `kehoach targets` with these arguments.
fn kehoach(args: &[&std::ffi::OsStr]) -> Output {
    let mut all = vec!["targets".as_ref()];
    all.extend_from_slice(args);
    run(&all)
}

/// A commune's plan typed without marks, naming its product "chè Shan tuyết Suối Giàng".
const TYPED_PLAN: &str = "UY BAN NHAN DAN XA SUOI GIANG\n\nKE HOACH\nPhat trien san pham che nam 2027\n\n\
                          I. MUC TIEU\n- Phan dau co 01 san pham che Shan tuyet Suoi Giang dat 4 sao.\n";

fn fixtures() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/plans"))
}

#[test]
fn unknown_output_format_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("t.pdf");
    let output = kehoach(&[fixtures().as_os_str(), "-o".as_ref(), out.as_os_str()]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("unknown output format"), "{stderr}");
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn an_output_that_cannot_be_written_is_named_and_its_cause_said_once() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("t.csv");
    fs::create_dir(&out).unwrap();
    let output = kehoach(&[fixtures().as_os_str(), "-o".as_ref(), out.as_os_str()]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("t.csv: cannot write"), "{stderr}");
    // The OS's words, once, not once per layer of the error.
    assert_eq!(stderr.matches("os error").count(), 1, "{stderr}");
}

#[test]
fn zero_jobs_and_missing_output_are_usage_errors() {
    let output = kehoach(&[
        fixtures().as_os_str(),
        "-o".as_ref(),
        "x.csv".as_ref(),
        "-j".as_ref(),
        "0".as_ref(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    let output = kehoach(&[fixtures().as_os_str()]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn parse_and_normalize_run_on_the_threads_asked_for() {
    let folder = fixtures().as_os_str();
    let all_cores = run(&["parse".as_ref(), folder]);
    let one = run(&["parse".as_ref(), "-j".as_ref(), "1".as_ref(), folder]);
    assert_eq!(one.status.code(), Some(0));
    assert_eq!(one.stdout, all_cores.stdout);
    // One record a line, one line a plan.
    let plans = fs::read_dir(fixtures()).unwrap().count();
    assert_eq!(one.stdout.iter().filter(|&&b| b == b'\n').count(), plans);
    let plan = fixtures().join("000.txt");
    let one = run(&[
        "normalize".as_ref(),
        "--jobs".as_ref(),
        "1".as_ref(),
        plan.as_os_str(),
    ]);
    assert_eq!(one.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&one.stdout).contains("KẾ HOẠCH"));
    for command in ["parse", "normalize"] {
        let zero = run(&[command.as_ref(), "-j".as_ref(), "0".as_ref(), folder]);
        assert_eq!(zero.status.code(), Some(2), "{command} -j 0");
    }
}

#[test]
fn output_that_is_an_input_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.md");
    fs::write(&plan, "KẾ HOẠCH\n").unwrap();
    let errors = dir.path().join("t.errors.csv");
    fs::write(&errors, "mine").unwrap();
    let out = dir.path().join("t.csv");
    let output = kehoach(&[
        plan.as_os_str(),
        errors.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("would overwrite an input"));
    assert_eq!(fs::read_to_string(&errors).unwrap(), "mine");
    assert!(!out.exists());
}

#[test]
fn clean_run_exits_zero_with_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sub/t.jsonl");
    let output = kehoach(&[
        fixtures().as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
        "-j".as_ref(),
        "1".as_ref(),
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    let plans = fs::read_dir(fixtures()).unwrap().count();
    assert!(stderr.contains(&format!("{plans} plans read")), "{stderr}");
    assert!(stderr.contains("0 files refused"), "{stderr}");
    assert!(out.exists());
    let errors = fs::read_to_string(dir.path().join("sub/t.errors.csv")).unwrap();
    assert_eq!(errors, "\u{feff}file,reason\n");
}

#[test]
fn a_summary_of_one_plan_counts_it_in_the_singular() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("t.csv");
    let plan = fixtures().join("000.txt");
    let output = kehoach(&[plan.as_os_str(), "-o".as_ref(), out.as_os_str()]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("targets: 1 plan read, "), "{stderr}");
    assert!(
        stderr.contains(", 0 plans restored from OCR, 0 files refused"),
        "{stderr}"
    );
    let normalized = dir.path().join("normalized");
    let output = run(&[
        "normalize".as_ref(),
        plan.as_os_str(),
        "-o".as_ref(),
        normalized.as_os_str(),
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("normalize: 1 file read, "), "{stderr}");
}

#[test]
fn adapt_lets_the_clean_plans_teach_restoration_before_the_table_is_made() {
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    fs::create_dir_all(&plans).unwrap();
    fs::write(
        plans.join("a.txt"),
        "ỦY BAN NHÂN DÂN XÃ SUỐI GIÀNG\n\nKẾ HOẠCH\nPhát triển sản phẩm chè Shan tuyết Suối Giàng năm 2026\n\n\
         I. MỤC TIÊU\n- Hợp tác xã Nậm Búng trồng chè Shan tuyết Suối Giàng trên diện tích 30 ha.\n\
         - Phấn đấu có 01 sản phẩm chè Shan tuyết Suối Giàng đạt 3 sao.\n",
    )
    .unwrap();
    fs::write(plans.join("b.txt"), TYPED_PLAN).unwrap();
    let table = |adapt: bool| -> String {
        let out = dir
            .path()
            .join(if adapt { "adapted.csv" } else { "alone.csv" });
        let mut args = vec![plans.as_os_str(), "-o".as_ref(), out.as_os_str()];
        if adapt {
            args.push("--adapt".as_ref());
        }
        let output = kehoach(&args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{stderr}");
        assert_eq!(
            stderr.contains("adapt: the restoration model learned from 1 clean plan,"),
            adapt,
            "{stderr}"
        );
        let csv = fs::read_to_string(out).unwrap();
        // The row of the unaccented plan.
        let row = csv
            .lines()
            .find(|l| l.contains("b.txt"))
            .unwrap_or_default();
        row.to_string()
    };
    let adapted = table(true);
    assert!(
        adapted.contains("sản phẩm chè Shan tuyết Suối Giàng đạt 4 sao"),
        "{adapted}"
    );
    let alone = table(false);
    assert!(!alone.contains("chè Shan tuyết"), "{alone}");
}

#[test]
fn parse_and_targets_restore_with_a_model_built_from_an_archive() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive");
    fs::create_dir_all(&archive).unwrap();
    fs::write(
        archive.join("2025.txt"),
        "Kế hoạch phát triển sản phẩm chè Shan tuyết Suối Giàng của hợp tác xã Nậm Búng.\n\
         Phấn đấu có 01 sản phẩm chè Shan tuyết Suối Giàng đạt 3 sao.\n",
    )
    .unwrap();
    let model = dir.path().join("archive.bin");
    let corpus = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/text"));
    let built = run(&[
        "model".as_ref(),
        "build".as_ref(),
        corpus.as_os_str(),
        archive.as_os_str(),
        "-o".as_ref(),
        model.as_os_str(),
    ]);
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let plan = dir.path().join("b.txt");
    fs::write(&plan, TYPED_PLAN).unwrap();
    let on_plan = |command: &str, extra: &[&std::ffi::OsStr]| -> Output {
        let mut args = vec![command.as_ref(), plan.as_os_str()];
        args.extend_from_slice(extra);
        run(&args)
    };
    let with_model = ["--model".as_ref(), model.as_os_str()];
    let record = on_plan("parse", &with_model);
    let json = String::from_utf8_lossy(&record.stdout);
    assert!(
        record.status.success(),
        "{}",
        String::from_utf8_lossy(&record.stderr)
    );
    assert!(
        json.contains("chè Shan tuyết Suối Giàng đạt 4 sao"),
        "{json}"
    );
    let alone = on_plan("parse", &[]);
    assert!(!String::from_utf8_lossy(&alone.stdout).contains("chè Shan tuyết"));
    let out = dir.path().join("t.csv");
    let table = on_plan(
        "targets",
        &[with_model[0], with_model[1], "-o".as_ref(), out.as_os_str()],
    );
    assert!(
        table.status.success(),
        "{}",
        String::from_utf8_lossy(&table.stderr)
    );
    let csv = fs::read_to_string(&out).unwrap();
    assert!(csv.contains("chè Shan tuyết Suối Giàng đạt 4 sao"), "{csv}");
    // A file that is no model is refused with its name, and nothing is written.
    let broken = dir.path().join("broken.bin");
    fs::write(&broken, "not a model").unwrap();
    let out = dir.path().join("u.csv");
    for (command, extra) in [
        ("parse", vec!["--model".as_ref(), broken.as_os_str()]),
        (
            "targets",
            vec![
                "--model".as_ref(),
                broken.as_os_str(),
                "-o".as_ref(),
                out.as_os_str(),
            ],
        ),
    ] {
        let refused = on_plan(command, &extra);
        let stderr = String::from_utf8_lossy(&refused.stderr);
        assert!(!refused.status.success(), "{command}");
        assert!(stderr.contains("broken.bin"), "{command}: {stderr}");
        assert!(refused.stdout.is_empty());
    }
    assert!(!out.exists());
}

#[test]
fn parse_and_targets_list_the_restored_words_in_doubt_and_change_no_record() {
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    fs::create_dir_all(&plans).unwrap();
    fs::copy(fixtures().join("000.txt"), plans.join("clean.txt")).unwrap();
    // (With a space before each comma, which normalizing takes out, moving the words after.)
    let scan = fs::read_to_string(fixtures().join("003.txt")).unwrap();
    fs::write(plans.join("scan.txt"), scan.replace(", ", " , ")).unwrap();
    let review = dir.path().join("review.csv");
    let with_review = run(&[
        "parse".as_ref(),
        plans.as_os_str(),
        "--review".as_ref(),
        review.as_os_str(),
    ]);
    let stderr = String::from_utf8_lossy(&with_review.stderr);
    assert!(with_review.status.success(), "{stderr}");
    assert!(stderr.contains("in 1 restored file,"), "{stderr}");
    let without = run(&["parse".as_ref(), plans.as_os_str()]);
    assert_eq!(with_review.stdout, without.stdout);
    let list = fs::read_to_string(&review).unwrap();
    let rows: Vec<&str> = list.lines().skip(1).collect();
    assert!(list.starts_with("\u{feff}file,line,column,written,restored,alternative"));
    assert!(rows.len() > 10, "{list}");
    assert!(rows.iter().all(|r| r.contains("scan.txt")), "{list}");
    // The scan's "vao ky tiep theo" ("kỳ", the next round, or "ký", signing) is a close call.
    assert!(
        rows.iter()
            .any(|r| r.contains(",ky,ký,kỳ,") || r.contains(",ky,kỳ,ký,")),
        "{list}"
    );
    // Each word is where the file has it: its line, and its column in the line as written.
    let scan = fs::read_to_string(plans.join("scan.txt")).unwrap();
    for row in &rows {
        let cells: Vec<&str> = row.splitn(5, ',').collect();
        let (line, column): (usize, usize) = (cells[1].parse().unwrap(), cells[2].parse().unwrap());
        let written: String = scan
            .lines()
            .nth(line - 1)
            .unwrap()
            .chars()
            .skip(column - 1)
            .collect();
        assert!(written.starts_with(cells[3]), "{row}: {written}");
    }
    // targets lists the same words.
    let table = dir.path().join("t.csv");
    let review_too = dir.path().join("review-targets.csv");
    let targets = run(&[
        "targets".as_ref(),
        plans.as_os_str(),
        "-o".as_ref(),
        table.as_os_str(),
        "--review".as_ref(),
        review_too.as_os_str(),
    ]);
    assert!(targets.status.success());
    assert_eq!(fs::read_to_string(&review_too).unwrap(), list);
    // A review list that would overwrite an input is refused before anything is written.
    let clobber = run(&[
        "parse".as_ref(),
        plans.as_os_str(),
        "--review".as_ref(),
        plans.join("clean.txt").as_os_str(),
    ]);
    assert!(!clobber.status.success());
    assert!(clobber.stdout.is_empty());
    assert_eq!(
        fs::read(plans.join("clean.txt")).unwrap(),
        fs::read(fixtures().join("000.txt")).unwrap()
    );
}
