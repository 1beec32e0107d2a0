//! The committed examples are what the README's draft command makes from fixture 000.

use std::process::Command;

#[test]
fn examples_are_reproduced_by_the_readme_command() {
    let dir = tempfile::tempdir().unwrap();
    for ext in ["docx", "md", "html"] {
        let out = dir.path().join(format!("ke-hoach-2027.{ext}"));
        let run = Command::new(env!("CARGO_BIN_EXE_kehoach"))
            .args([
                "draft",
                "--from",
                "fixtures/plans/000.txt",
                "--year",
                "2027",
                "--data",
                "examples/data-2027.toml",
                "-o",
            ])
            .arg(&out)
            .output()
            .unwrap();
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        let committed = std::fs::read(format!("examples/ke-hoach-2027.{ext}")).unwrap();
        assert!(
            std::fs::read(&out).unwrap() == committed,
            "examples/ke-hoach-2027.{ext} is out of date: rerun the README's draft command"
        );
    }
}
