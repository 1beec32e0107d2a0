#!/usr/bin/env python3
"""Print text with every Vietnamese mark removed (tones, hats, horns, breve; đ → d): typing without accents.

Usage: strip-marks.py FILE > OUT
"""
import sys, unicodedata

text = unicodedata.normalize("NFD", open(sys.argv[1], encoding="utf-8").read())
text = "".join(c for c in text if not unicodedata.combining(c))
sys.stdout.write(unicodedata.normalize("NFC", text.replace("đ", "d").replace("Đ", "D")))
