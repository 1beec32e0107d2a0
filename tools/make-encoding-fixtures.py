#!/usr/bin/env python3
"""Rebuilds the legacy-encoded inputs in fixtures/encodings/ from the
hand-written UTF-8 texts beside them, with converters that are not kehoach's:

- tcvn3.txt   glibc iconv's TCVN5712-1 (its lower-case letters and Ă Â Ê Ô Ơ
              Ư Đ are TCVN3's; upper-case toned letters, which TCVN3 lacks,
              are typed as lower-case bytes as a typist in .VnTime would)
- vni.txt     the VNI-Windows keyboard table below (letter + mark bytes)
- viqr.txt    RFC 1456 marks from Python's unicodedata decomposition
- cp1258.txt  Python's cp1258 codec, tone marks combining where the code
              page has no precomposed letter (as Windows writes it)
- mixed.rtf   an RTF document with .VnTime, .VnTimeH, VNI-Times and
              Times New Roman runs, its TCVN3 bytes from iconv

Run from the repository root: python3 tools/make-encoding-fixtures.py
"""

import subprocess
import unicodedata
from pathlib import Path

DIR = Path(__file__).resolve().parent.parent / "fixtures" / "encodings"

TONES = {"\u0300": 0, "\u0301": 1, "\u0309": 2, "\u0303": 3, "\u0323": 4}  # grave acute hook tilde dot
CIRCUMFLEX, BREVE, HORN = "\u0302", "\u0306", "\u031b"


def split(c):
    """A letter as (base, shape mark or '', tone index or None)."""
    d = unicodedata.normalize("NFD", c)
    base, marks = d[0], d[1:]
    shape = "".join(m for m in marks if m in (CIRCUMFLEX, BREVE, HORN))
    tone = next((TONES[m] for m in marks if m in TONES), None)
    return base, shape, tone


def tcvn3(text):
    out = bytearray()
    for c in text:
        b = subprocess.run(["iconv", "-f", "utf-8", "-t", "TCVN5712-1"], input=c.encode(),
                           capture_output=True, check=True).stdout
        if len(b) == 1 and (b[0] < 0x20 and c not in "\n\t" or 0x80 <= b[0] <= 0x9F or
                            b[0] in (0xAF, 0xBA, 0xCD, 0xD9, 0xDA, 0xDB, 0xE0, 0xF0, 0xFF) or
                            0xBF <= b[0] <= 0xC5 or 0xB0 <= b[0] <= 0xB4):
            # A VN1-only capital: TCVN3 typists typed the lower-case letter.
            b = subprocess.run(["iconv", "-f", "utf-8", "-t", "TCVN5712-1"],
                               input=c.lower().encode(), capture_output=True, check=True).stdout
        out += b
    return bytes(out)


VNI_TONE = "øùûõï"          # after a vowel: grave acute hook tilde dot
VNI_CIRCUMFLEX = "âàáåãä"   # â, then circumflex with each tone
VNI_BREVE = "êèéúüë"        # ă, then breve with each tone
VNI_I = {None: "i", 0: "ì", 1: "í", 2: "æ", 3: "ó", 4: "ò"}


def vni(text):
    out = []
    for c in text:
        if c in "đĐ":
            out.append("ñ" if c == "đ" else "Ñ")
            continue
        base, shape, tone = split(c)
        upper = base.isupper()
        lower = base.lower()
        if not unicodedata.category(c).startswith("L") or (not shape and tone is None):
            out.append(c)
            continue
        cased = (lambda s: s.upper()) if upper else (lambda s: s)
        if lower == "i" and not shape:
            out.append(cased(VNI_I[tone]))
        elif shape == HORN:
            out.append(cased({"o": "ô", "u": "ö"}[lower]) + ("" if tone is None else cased(VNI_TONE[tone])))
        elif shape == CIRCUMFLEX:
            out.append(base + cased(VNI_CIRCUMFLEX[0 if tone is None else tone + 1]))
        elif shape == BREVE:
            out.append(base + cased(VNI_BREVE[0 if tone is None else tone + 1]))
        else:
            out.append(base + cased(VNI_TONE[tone]))
    return "".join(out).encode("cp1252")


def viqr(text):
    out = []
    for c in text:
        if c in "đĐ":
            out.append("dd" if c == "đ" else "DD")
            continue
        base, shape, tone = split(c)
        if not unicodedata.category(c).startswith("L"):
            out.append(c)
            continue
        out.append(base + {"": "", CIRCUMFLEX: "^", BREVE: "(", HORN: "+"}[shape]
                   + ("" if tone is None else "`'?~."[tone]))
    return "".join(out).encode("ascii")


def cp1258(text):
    out = bytearray()
    for c in text:
        try:
            out += c.encode("cp1258")
        except UnicodeEncodeError:
            base, shape, tone = split(c)
            out += unicodedata.normalize("NFC", base + shape).encode("cp1258")
            out += "\u0300\u0301\u0309\u0303\u0323"[tone].encode("cp1258")
    return bytes(out)


def rtf_bytes(data):
    """Bytes as RTF text: ASCII as is, the rest as \\'hh escapes."""
    return "".join(chr(b) if 0x20 <= b < 0x80 and chr(b) not in "\\{}" else "\\'%02x" % b for b in data)


def mixed_rtf():
    t = lambda s: rtf_bytes(tcvn3(s))
    v = lambda s: rtf_bytes(vni(s))
    # "đăng" carries an optional hyphen (\-), which RTF readers must drop.
    dang = t("đă") + "\\-" + t("ng")
    return "".join([
        r"{\rtf1\ansi\ansicpg1252\uc1\deff0{\fonttbl{\f0\froman\fcharset0\fprq2 Times New Roman;}",
        r"{\f1\fswiss\fcharset0\fprq2{\*\panose 020b7200000000000000}.VnTime;}",
        r"{\f2\fswiss\fcharset0\fprq2{\*\panose 020b7200000000000000}.VnTimeH;}",
        r"{\f3\fnil\fcharset0 VNI-Times;}}",
        r"{\colortbl;\red0\green0\blue0;}{\stylesheet{\f1\fs26 Normal;}}",
        r"{\info{\title " + t("kế hoạch") + r"}{\author UBND}}",
        r"{\header \pard\plain\f1 Trang 1\par}",
        "\n\\pard\\plain\\qc\\f2\\fs26 " + t("cộng hòa xã hội chủ nghĩa việt nam") + "\\par\n",
        "\\pard\\plain\\qc\\f1\\fs26 " + t("Độc lập - Tự do - Hạnh phúc") + "\\par\n",
        "{\\f2 " + t("kế hoạch phát triển sản phẩm") + "}{\\f1  OCOP}\\par\n",
        "\\pard\\plain\\f1 " + t("Hướng dẫn các chủ thể nước mắm, chè và gạo ") + dang
        + t(" ký đánh giá sản phẩm.") + "\\par\n",
        r"\trowd\cellx3000\cellx5000\pard\intbl{\f1 " + t("Sản phẩm") + r"}\cell{\f1 " + t("Số sao")
        + "}\\cell\\row\n",
        r"\trowd\cellx3000\cellx5000\pard\intbl{\f1 " + t("Nước mắm Cái Rồng") + r"}\cell{\f1 4}\cell\row" + "\n",
        r"\trowd\cellx3000\cellx5000\pard\intbl{\f1 " + t("Chè Đường Hoa") + r"}\cell{\f1 3}\cell\row" + "\n",
        r"\pard\plain{\f3 " + v("Ghi chú: ") + r"}\ldblquote VNI\rdblquote{\f3  " + v("Tiếng Việt được viết lại ")
        + r"}{\f0 b\u7857?ng Unicode.}\par" + "\n",
        "{\\*\\generator Hand-made for kehoach;}}\n",
    ]).encode("ascii")


def main():
    plan = (DIR / "plan.utf8.txt").read_text(encoding="utf-8")
    (DIR / "tcvn3.txt").write_bytes(tcvn3((DIR / "tcvn3.utf8.txt").read_text(encoding="utf-8")))
    (DIR / "vni.txt").write_bytes(vni(plan))
    (DIR / "viqr.txt").write_bytes(viqr(plan))
    (DIR / "cp1258.txt").write_bytes(cp1258(plan))
    (DIR / "mixed.rtf").write_bytes(mixed_rtf())


if __name__ == "__main__":
    main()
