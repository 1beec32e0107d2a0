#!/usr/bin/env python3
"""Rebuild corpus/text/: the project's own clean Vietnamese text for the embedded model.

Sources (see corpus/SOURCES.md): the clean fixture plans (fixtures/plans/ except
003, which is OCR-garbled) and the real government documents in
../shared/real-docs/ (public administrative texts, outside copyright under
Article 15 of the Law on Intellectual Property). DOCX files are reduced to the
text of their paragraphs (w:p), one paragraph a line; .md and .txt are copied
as text. Nothing from ../shared/corpus/ goes here.

Usage (from the repository root): tools/build-corpus-text.py
"""
import pathlib, re, sys, unicodedata, zipfile, html

ROOT = pathlib.Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "real-docs"
OUT = ROOT / "corpus" / "text"
# The clean plan fixtures taken (003 is an OCR scan). Fixtures added later join only when
# listed here, after which the models are rebuilt and docs/restore-eval.md re-measured.
CLEAN_FIXTURES = ["000.txt", "001.txt", "002.txt", "004.txt"]


def docx_text(path):
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    lines = []
    for para in re.findall(r"<w:p[ >].*?</w:p>", xml, flags=re.S):
        runs = re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>|<w:tab/>", para)
        text = "".join(html.unescape(r) if r else " " for r in runs).strip()
        if text:
            lines.append(text)
    return "\n".join(lines) + "\n"


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.txt"):
        old.unlink()
    sources = sorted(REAL.glob("[0-9]*"))
    if not sources:
        sys.exit(f"no documents in {REAL}")
    for src in sources:
        text = docx_text(src) if src.suffix == ".docx" else src.read_text(encoding="utf-8")
        (OUT / (src.stem + ".txt")).write_text(unicodedata.normalize("NFC", text), encoding="utf-8")
    for name in CLEAN_FIXTURES:
        fix = ROOT / "fixtures" / "plans" / name
        text = fix.read_text(encoding="utf-8")
        (OUT / f"fixture-{fix.name}").write_text(unicodedata.normalize("NFC", text), encoding="utf-8")


if __name__ == "__main__":
    main()
