//! LibreOffice opens and converts the rendered DOCX (runs when `soffice` is on PATH).

use std::process::Command;

use kehoach::plan::PlanRecord;
use kehoach::render::{OutputKind, render};

#[test]
fn libreoffice_converts_the_docx_to_pdf() {
    if Command::new("soffice").arg("--version").output().is_err() {
        eprintln!("skipped: soffice is not on PATH (apt-get install libreoffice-writer)");
        return;
    }
    let record: PlanRecord = serde_json::from_str(include_str!("data/plan-xa.json")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("ke-hoach.docx");
    std::fs::write(&docx, render(&record, OutputKind::Docx).unwrap()).unwrap();
    let profile = format!(
        "-env:UserInstallation=file://{}/profile",
        dir.path().display()
    );
    let output = Command::new("soffice")
        .args([
            profile.as_str(),
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(dir.path())
        .arg(&docx)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "soffice failed: {stderr}");
    let pdf = std::fs::read(dir.path().join("ke-hoach.pdf")).expect("soffice wrote the PDF");
    assert!(pdf.starts_with(b"%PDF"));
    // Header, body and signature: more than one page of A4 at 14 pt.
    let page = regex::bytes::Regex::new(r"/Type\s*/Page\b").unwrap();
    let pages = page.find_iter(&pdf).count();
    assert!(pages >= 2, "{pages} pages");
    assert!(!stderr.to_lowercase().contains("error"), "{stderr}");
}
