//! `kehoach normalize` end to end: files, folders, stdin, and bad input.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn kehoach(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run kehoach")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Normalizes the folder `in` of `dir` into `out`, which refuses `binary` as no text (and so
/// exits with 1), and gives the messages.
fn normalize_refusing(dir: &Path, binary: &str) -> String {
    let out = kehoach(&["normalize", "in", "-o", "out"], dir);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(binary) && err.contains("not a text file"),
        "{err}"
    );
    err
}

#[test]
fn stdin_to_stdout_keeps_lines_and_fixes_text() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .arg("normalize")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .unwrap()
        .write_all("Uỷ ban nhân dân , phường Yên Hoà\r\n\r\nthuỷ lợi\u{200B} .\n".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "Ủy ban nhân dân, phường Yên Hòa\n\nthủy lợi.\n"
    );
}

#[test]
fn folder_is_mirrored_and_inputs_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in/sub");
    fs::create_dir_all(&input).unwrap();
    fs::write(input.join("a.txt"), "hoà bình\n").unwrap();
    fs::write(dir.path().join("in/b.md"), "# Kế hoạch\n").unwrap();
    let out = kehoach(&["normalize", "in", "-o", "out"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        fs::read_to_string(dir.path().join("out/sub/a.txt")).unwrap(),
        "hòa bình\n"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("out/b.md")).unwrap(),
        "# Kế hoạch\n"
    );
    assert_eq!(
        fs::read_to_string(input.join("a.txt")).unwrap(),
        "hoà bình\n"
    );
    assert!(stderr(&out).contains("2 files read"), "{}", stderr(&out));
}

#[test]
fn two_inputs_with_one_output_name_the_first_is_written_and_the_later_refused_by_name() {
    // Two communes' folders, each with its "ke-hoach.txt"; and an RTF whose text goes under
    // the name of the .txt beside it.
    let dir = tempfile::tempdir().unwrap();
    for (commune, text) in [("xa-a", "hoà bình\n"), ("xa-b", "thuỷ lợi\n")] {
        fs::create_dir_all(dir.path().join(commune)).unwrap();
        fs::write(dir.path().join(commune).join("ke-hoach.txt"), text).unwrap();
    }
    fs::write(dir.path().join("xa-b/bao-cao.rtf"), "{\\rtf1 Ke hoach}").unwrap();
    fs::write(dir.path().join("xa-b/bao-cao.txt"), "báo cáo\n").unwrap();
    let out = kehoach(&["normalize", "xa-a", "xa-b", "-o", "out"], dir.path());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let read = |path: &str| fs::read_to_string(dir.path().join(path)).unwrap();
    // The first in input order (folders as given, names sorted) keeps the name.
    assert_eq!(read("out/ke-hoach.txt"), "hòa bình\n");
    assert!(read("out/bao-cao.txt").contains("Ke hoach"));
    for (later, first) in [
        ("xa-b/ke-hoach.txt", "xa-a/ke-hoach.txt"),
        ("xa-b/bao-cao.txt", "xa-b/bao-cao.rtf"),
    ] {
        assert!(
            err.lines().any(|l| l.starts_with("refused: ")
                && l.contains(later)
                && l.contains(&format!("is already that of {first}"))),
            "{later} not refused by name:\n{err}"
        );
    }
    assert!(err.contains("2 refused"), "{err}");
    // Given the folder above both, each commune keeps its folder.
    let above = kehoach(&["normalize", ".", "-o", "all"], dir.path());
    assert!(stderr(&above).contains("1 refused"), "{}", stderr(&above));
    assert_eq!(read("all/xa-b/ke-hoach.txt"), "thủy lợi\n");
    assert_eq!(read("all/xa-a/ke-hoach.txt"), "hòa bình\n");
}

#[test]
fn output_inside_the_input_folder_is_not_walked_again() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), "hoà\n").unwrap();
    let first = kehoach(&["normalize", ".", "-o", "out"], dir.path());
    assert!(first.status.success(), "{}", stderr(&first));
    let second = kehoach(&["normalize", ".", "-o", "out"], dir.path());
    assert!(second.status.success(), "{}", stderr(&second));
    assert!(!dir.path().join("out/out").exists());
}

#[test]
fn the_input_folder_given_as_the_output_is_refused_by_name_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("plans")).unwrap();
    fs::write(dir.path().join("plans/a.txt"), "hoà\n").unwrap();
    let out = kehoach(&["normalize", "plans", "-o", "plans"], dir.path());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("plans") && err.contains("output folder"),
        "{err}"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("plans/a.txt")).unwrap(),
        "hoà\n"
    );
}

#[test]
fn text_saved_from_word_with_its_marks_is_read_and_control_noise_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir_all(&input).unwrap();
    // Word's optional hyphen inside words and its footnote separators: a few marks in a text.
    let mut word = "Thực hiện chủ trương của Nhà nư\x1fớc về cải cách hành chính.\n".repeat(20);
    word.push_str("\x03\n\x04\nHà Nội, ngày 15 tháng 3 năm 2005\n");
    fs::write(input.join("word.txt"), &word).unwrap();
    // No NUL, but a control byte in every few: not text.
    let noise: Vec<u8> = (0..2000u32)
        .map(|i| [b'a', 0x01, b'b', 0x1f][i as usize % 4])
        .collect();
    fs::write(input.join("noise.txt"), &noise).unwrap();

    let err = normalize_refusing(dir.path(), "noise.txt");
    assert!(!err.contains("word.txt"), "{err}");
    let read = fs::read_to_string(dir.path().join("out/word.txt")).unwrap();
    assert_eq!(read.lines().count(), word.lines().count());
    assert_eq!(read.matches("Nhà nước về").count(), 20, "{read}");
    assert!(
        read.ends_with("\n\n\nHà Nội, ngày 15 tháng 3 năm 2005\n"),
        "{read}"
    );
}

#[test]
fn bad_files_are_refused_by_name_and_the_rest_processed() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir_all(&input).unwrap();
    fs::write(input.join("empty.txt"), "").unwrap();
    fs::write(input.join("good.txt"), "Kế hoạch năm 2026\n").unwrap();
    let mut binary = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    binary.extend((0u8..=255).cycle().take(4096));
    fs::write(input.join("picture.txt"), &binary).unwrap();
    std::os::unix::fs::symlink(input.join("gone.txt"), input.join("broken.txt")).unwrap();

    let err = normalize_refusing(dir.path(), "picture.txt");
    assert!(err.contains("broken.txt"), "{err}");
    assert!(err.contains("empty.txt") && err.contains("empty"), "{err}");
    assert_eq!(
        fs::read_to_string(dir.path().join("out/good.txt")).unwrap(),
        "Kế hoạch năm 2026\n"
    );
    assert!(!dir.path().join("out/picture.txt").exists());
    assert!(err.contains("2 refused"), "{err}");
}

#[test]
fn invalid_utf8_is_refused_when_utf8_is_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("bad.txt"), b"Xin ch\xC3\x28o\n").unwrap();
    let out = kehoach(
        &["normalize", "--encoding", "utf-8", "bad.txt", "-o", "out"],
        dir.path(),
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("bad.txt") && err.contains("not valid utf-8"),
        "{err}"
    );
}

#[test]
fn a_clean_run_exits_zero_and_a_missing_path_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), "x\n").unwrap();
    let ok = kehoach(&["normalize", "a.txt", "-o", "out"], dir.path());
    assert_eq!(ok.status.code(), Some(0), "{}", stderr(&ok));
    let missing = kehoach(&["normalize", "a.txt", "nope.txt", "-o", "out"], dir.path());
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("nope.txt"));
}

#[test]
fn a_fifty_megabyte_file_is_processed() {
    let dir = tempfile::tempdir().unwrap();
    let line = "Uỷ ban nhân dân xã Vĩnh Tuy ban hành Kế hoạch , thuỷ lợi hoà bình năm 2026\n";
    let copies = 50 * 1024 * 1024 / line.len() + 1;
    fs::write(dir.path().join("big.txt"), line.repeat(copies)).unwrap();
    let out = kehoach(&["normalize", "big.txt", "-o", "out"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let text = fs::read_to_string(dir.path().join("out/big.txt")).unwrap();
    assert_eq!(text.lines().count(), copies);
    assert!(text.starts_with("Ủy ban nhân dân xã Vĩnh Tuy ban hành Kế hoạch, thủy lợi hòa bình"));
}

#[test]
fn unwrap_joins_the_pdf_extraction_of_fixture_001() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = kehoach(&["normalize", "--unwrap", "fixtures/plans/001.txt"], root);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains(
        "Căn cứ Quyết định số 255/QĐ-TTg ngày 25/02/2021 của Thủ tướng Chính phủ về phê duyệt Kế hoạch cơ cấu lại ngành nông nghiệp giai đoạn 2021-2025;\n"
    ));
    assert!(text.contains("\nI. MỤC ĐÍCH, YÊU CẦU\n"));
    assert!(text.contains("\n1. Mục đích\n"));
}

#[test]
fn adapt_lets_the_clean_inputs_teach_the_model_before_the_damaged_ones_are_restored() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir_all(&input).unwrap();
    let clean = "Kế hoạch phát triển sản phẩm chè Shan tuyết Suối Giàng của hợp tác xã Nậm Búng năm 2026.\n\
                 Hợp tác xã Nậm Búng trồng chè Shan tuyết Suối Giàng trên diện tích 30 ha.\n";
    fs::write(input.join("clean.txt"), clean).unwrap();
    fs::write(
        input.join("typed.txt"),
        "Ho tro hop tac xa Nam Bung nang hang san pham che Shan tuyet Suoi Giang len 4 sao.\n",
    )
    .unwrap();
    let restored = |flags: &[&str], out: &str| -> String {
        let mut args = vec!["normalize", "--restore", "in", "-o", out];
        args.extend(flags);
        let run = kehoach(&args, dir.path());
        assert!(run.status.success(), "{}", stderr(&run));
        assert_eq!(
            fs::read_to_string(dir.path().join(out).join("clean.txt")).unwrap(),
            clean
        );
        fs::read_to_string(dir.path().join(out).join("typed.txt")).unwrap()
    };
    let adapted = restored(&["--adapt"], "adapted");
    assert!(
        adapted.contains("sản phẩm chè Shan tuyết Suối Giàng"),
        "{adapted}"
    );
    // Without it, the embedded model alone does not know the product.
    let alone = restored(&[], "alone");
    assert!(!alone.contains("chè Shan tuyết"), "{alone}");
}

#[test]
fn review_places_each_word_where_the_file_has_it() {
    // Normalizing spaces and punctuation (", ," becomes ",,") moves the words after them; the
    // list gives the column in the file as written.
    let dir = tempfile::tempdir().unwrap();
    let input = "Cac dai bieu , , du hop , , tham gia y kien ve ban hanh\n\
                 Dai bieu  du hop , , co y kien ve viec ban hanh , , ke hoach\n";
    fs::write(dir.path().join("typed.txt"), input).unwrap();
    let run = kehoach(
        &[
            "normalize",
            "--restore",
            "typed.txt",
            "-o",
            "out",
            "--review",
            "review.csv",
        ],
        dir.path(),
    );
    assert!(run.status.success(), "{}", stderr(&run));
    let review = fs::read_to_string(dir.path().join("review.csv")).unwrap();
    let rows: Vec<&str> = review.lines().skip(1).collect();
    let mut after_commas = 0;
    for row in &rows {
        let cells: Vec<&str> = row.split(',').collect();
        let (line, column): (usize, usize) = (cells[1].parse().unwrap(), cells[2].parse().unwrap());
        let written = input.lines().nth(line - 1).unwrap();
        let from: String = written.chars().skip(column - 1).collect();
        assert!(from.starts_with(cells[3]), "{row}: {from}");
        after_commas += usize::from(
            written
                .chars()
                .take(column)
                .collect::<String>()
                .contains(", ,"),
        );
    }
    assert!(after_commas > 0, "no word after \", ,\" listed: {review}");
}

#[test]
fn review_lists_the_doubtful_words_of_each_file_and_changes_no_output() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir_all(&input).unwrap();
    fs::write(
        input.join("typed.txt"),
        "Ke hoach to chuc thuc hien Chuong trinh OCOP nam 2026\n\
         Dieu 33. Von hoat dong cua hop tac xa\n\
         Dieu 5. Tieu chuan va dieu kien du tuyen\n",
    )
    .unwrap();
    let plain = kehoach(&["normalize", "--restore", "in", "-o", "plain"], dir.path());
    assert!(plain.status.success(), "{}", stderr(&plain));
    let run = kehoach(
        &[
            "normalize",
            "--restore",
            "in",
            "-o",
            "reviewed",
            "--review",
            "review.csv",
        ],
        dir.path(),
    );
    assert!(run.status.success(), "{}", stderr(&run));
    let read = |p: &str| fs::read_to_string(dir.path().join(p)).unwrap();
    assert_eq!(read("reviewed/typed.txt"), read("plain/typed.txt"));
    let review = read("review.csv");
    let mut rows = review.trim_start_matches('\u{feff}').lines();
    assert_eq!(
        rows.next(),
        Some("file,line,column,written,restored,alternative,margin,restored line")
    );
    let rows: Vec<&str> = rows.collect();
    assert!(!rows.is_empty(), "{review}");
    let restored = read("plain/typed.txt");
    for row in &rows {
        let cells: Vec<&str> = row.split(',').collect();
        assert!(cells[0].ends_with("typed.txt"), "{row}");
        let line: usize = cells[1].parse().unwrap();
        let margin: f32 = cells[6].parse().unwrap();
        assert!((0.0..2.0).contains(&margin), "{row}");
        // The restored reading is the one in the output, and the alternative another.
        let out_line = restored.lines().nth(line - 1).unwrap();
        assert!(out_line.contains(cells[4]), "{row}");
        assert_ne!(cells[4], cells[5], "{row}");
    }
    assert!(stderr(&run).contains("review:"), "{}", stderr(&run));
    // A review list needs restoration, and may not overwrite an input.
    let alone = kehoach(
        &["normalize", "in", "-o", "x", "--review", "r.csv"],
        dir.path(),
    );
    assert!(!alone.status.success());
    let over = kehoach(
        &[
            "normalize",
            "--restore",
            "in",
            "-o",
            "y",
            "--review",
            "in/typed.txt",
        ],
        dir.path(),
    );
    assert!(!over.status.success());
    assert!(
        stderr(&over).contains("would overwrite an input"),
        "{}",
        stderr(&over)
    );
}

/// Words of `restored` that differ from `gold`, word for word (restoration keeps the words).
fn words_wrong(gold: &str, restored: &str) -> usize {
    let (gold, restored): (Vec<&str>, Vec<&str>) = (
        gold.split_whitespace().collect(),
        restored.split_whitespace().collect(),
    );
    assert_eq!(gold.len(), restored.len());
    gold.iter().zip(&restored).filter(|(g, r)| g != r).count()
}

#[test]
fn a_model_built_on_the_default_one_learns_an_archive_and_keeps_what_the_default_knew() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir_all(d.join("archive")).unwrap();
    fs::write(
        d.join("archive/2025.txt"),
        "Kế hoạch phát triển sản phẩm chè Shan tuyết Suối Giàng của hợp tác xã Nậm Búng.\n\
         Phấn đấu có 01 sản phẩm chè Shan tuyết Suối Giàng đạt 3 sao.\n",
    )
    .unwrap();
    for (base, model) in [(Some("default"), "on-default.bin"), (None, "alone.bin")] {
        let mut args = vec!["model", "build", "archive", "-o", model];
        args.extend(base.map(|b| ["--base", b]).into_iter().flatten());
        let out = kehoach(&args, d);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    // The archive's product, typed without marks, comes back as the archive writes it.
    let line = "Phan dau nam 2026 co 02 san pham che Shan tuyet Suoi Giang dat 4 sao\n";
    fs::write(d.join("line.txt"), line).unwrap();
    let out = kehoach(
        &[
            "normalize",
            "--restore",
            "--model",
            "on-default.bin",
            "line.txt",
        ],
        d,
    );
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .contains("sản phẩm chè Shan tuyết Suối Giàng đạt 4 sao"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // A plan the default model knows, typed without marks: the model built on it restores it
    // as well as the default does; the archive alone knows too little.
    let gold =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/plans/002.txt"))
            .unwrap();
    fs::write(
        d.join("plain.txt"),
        kehoach::text::syllable::strip_marks(&gold),
    )
    .unwrap();
    let wrong = |model: Option<&str>| {
        let mut args = vec!["normalize", "--restore", "plain.txt"];
        args.extend(model.map(|m| ["--model", m]).into_iter().flatten());
        let out = kehoach(&args, d);
        assert!(out.status.success(), "{}", stderr(&out));
        words_wrong(&gold, &String::from_utf8_lossy(&out.stdout))
    };
    let default = wrong(None);
    assert!(wrong(Some("on-default.bin")) <= default + 2);
    assert!(wrong(Some("alone.bin")) > default + 100);
    // A base that is no model is refused by name, and no model is written.
    fs::write(d.join("broken.bin"), "not a model").unwrap();
    let out = kehoach(
        &[
            "model",
            "build",
            "archive",
            "--base",
            "broken.bin",
            "-o",
            "new.bin",
        ],
        d,
    );
    assert!(!out.status.success());
    assert!(stderr(&out).contains("broken.bin"), "{}", stderr(&out));
    assert!(!d.join("new.bin").exists());
}

#[test]
fn model_commands_refuse_to_write_over_a_file_they_read() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("archive")).unwrap();
    let plan = "Kế hoạch phát triển sản phẩm OCOP năm 2026.\n";
    fs::write(dir.path().join("archive/a.txt"), plan).unwrap();
    fs::write(dir.path().join("pairs.tsv"), "hòa\thoa\n").unwrap();
    for args in [
        &["model", "build", "archive", "-o", "archive/a.txt"][..],
        &["model", "syllables", "archive", "-o", "archive/a.txt"],
        &["model", "channel", "pairs.tsv", "-o", "pairs.tsv"],
    ] {
        let out = kehoach(args, dir.path());
        let err = stderr(&out);
        assert!(!out.status.success(), "{args:?}: {err}");
        assert!(err.contains(args[4]) && err.contains("over"), "{err}");
    }
    assert_eq!(
        fs::read_to_string(dir.path().join("archive/a.txt")).unwrap(),
        plan
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("pairs.tsv")).unwrap(),
        "hòa\thoa\n"
    );
}
