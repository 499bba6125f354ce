#!/usr/bin/env python3
"""Fills unfinished entries of a Qt Linguist .ts file from a table.

Used once when many strings arrived together; Qt Linguist is the tool for
everyday translation work. Usage: fill_translations.py TS TABLE.py [TABLE.py...]
where each table defines dicts SV*/PLURAL_* (see the call sites)."""
import sys
import xml.etree.ElementTree as ET

def main():
    ts, lang, tables = sys.argv[1], sys.argv[2], sys.argv[3:]
    plain, plural = {}, {}
    for t in tables:
        ns = {}
        exec(open(t, encoding="utf-8").read(), ns)
        for k, v in ns.items():
            if k.startswith("SV") and lang == "sv":
                plain.update(v)
            if k == "PLURAL_SV" and lang == "sv":
                plural.update(v)
            if k == "PLURAL_EN" and lang == "en":
                plural.update(v)
    tree = ET.parse(ts)
    missing = []
    for m in tree.getroot().iter("message"):
        src = m.find("source").text
        tr = m.find("translation")
        if m.get("numerus") == "yes":
            if src in plural:
                for f in list(tr):
                    tr.remove(f)
                tr.text = None
                for form in plural[src]:
                    ET.SubElement(tr, "numerusform").text = form
                tr.attrib.pop("type", None)
            elif tr.get("type") == "unfinished":
                missing.append(src)
            continue
        if lang == "en":
            continue
        if tr.get("type") != "unfinished":
            continue
        if src in plain:
            tr.text = plain[src]
            tr.attrib.pop("type", None)
        else:
            missing.append(src)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    for s in missing:
        print("untranslated:", repr(s))

main()
