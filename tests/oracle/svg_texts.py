"""Reads an SVG with Python's XML parser (so it must be well-formed) and the
kg JSON graph; prints which entity names no <text> element of the SVG holds,
how many entities there are, and how many links the SVG carries."""
import json
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
root = ET.parse(sys.argv[1]).getroot()
texts = {t.text for t in root.iter(SVG + "text")}
links = [a for a in root.iter(SVG + "a") if a.get("{http://www.w3.org/1999/xlink}href")]
graph = json.load(open(sys.argv[2], encoding="utf-8"))
missing = [e["name"] for e in graph["entities"] if e["name"] not in texts]
print(json.dumps({"missing": missing, "entities": len(graph["entities"]), "links": len(links)}))
