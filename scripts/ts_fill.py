"""Fill a Qt .ts file from a JSON dictionary {source: translation} and mark those messages finished.

Usage: python scripts/ts_fill.py resources/translations/fieldapp_zh_CN.ts resources/translations/zh_CN.json
The JSON dictionary is the translators' working file; Qt Linguist can edit the .ts as well.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def main(ts_path: str, dict_path: str) -> int:
    mapping = json.loads(Path(dict_path).read_text(encoding="utf-8"))
    tree = ET.parse(ts_path)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if source not in mapping:
            missing.append(source)
            continue
        text = mapping[source]
        translation.attrib.pop("type", None)
        for child in list(translation):
            translation.remove(child)
        if message.get("numerus") == "yes":
            translation.text = None
            form = ET.SubElement(translation, "numerusform")
            form.text = text
        else:
            translation.text = text
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    for source in missing:
        print(f"untranslated: {source}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
