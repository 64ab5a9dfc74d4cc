#!/usr/bin/env python3
"""Check samples/openai.json against samples/openai-founding-emails.txt.

Checks:
  (a) every evidence quote occurs verbatim (exact substring) in the text;
  (b) every relation has at least one evidence item;
  (c) every evidence `source` names a declared source id;
  (d) every relation's source/target is an entity id or alias;
  (e) ids are unique (entity ids, source ids) and aliases do not collide;
  (f) dates match ^\\d{4}(-\\d{2}(-\\d{2})?)?$ and `until` does not precede `date`.
Also checks the kg version-1 key sets, attribute value types, snake_case types
and that every relation type is declared in relation_types.

Usage: check_quotes.py [graph.json] [text.txt]   (defaults: next to this file)
Prints the failures and exits 1 if there are any.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
TYPE_RE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
ENTITY_KEYS = {"id", "name", "type", "aliases", "attributes"}
RELATION_KEYS = {"source", "target", "type", "date", "until", "attributes", "evidence"}
RELATION_REQUIRED = {"source", "target", "type", "attributes", "evidence"}
EVIDENCE_KEYS = {"source", "quote"}
SOURCE_KEYS = {"id", "title", "url", "date"}
POLARITIES = {"positive", "negative", "neutral"}


def main(argv):
    graph_path = argv[1] if len(argv) > 1 else os.path.join(HERE, "openai.json")
    text_path = argv[2] if len(argv) > 2 else os.path.join(HERE, "openai-founding-emails.txt")
    with open(graph_path, encoding="utf-8") as f:
        kg = json.load(f)
    with open(text_path, encoding="utf-8") as f:
        text = f.read()

    failures = []

    def fail(msg):
        failures.append(msg)

    def check_date(where, value):
        if not isinstance(value, str) or not DATE_RE.match(value):
            fail(f"{where}: bad date {value!r}")
            return False
        return True

    def check_attributes(where, attrs):
        if not isinstance(attrs, dict):
            fail(f"{where}: attributes must be an object")
            return
        for k, v in attrs.items():
            if isinstance(v, bool) or isinstance(v, (int, float, str)):
                continue
            fail(f"{where}: attribute {k!r} has non-scalar value {v!r}")

    if kg.get("kg") != 1:
        fail(f"top level: 'kg' must be 1, got {kg.get('kg')!r}")
    for key in ("name", "description"):
        if not isinstance(kg.get(key), str) or not kg.get(key):
            fail(f"top level: missing {key!r}")

    # sources
    source_ids = set()
    for i, s in enumerate(kg.get("sources", [])):
        where = f"sources[{i}]"
        extra = set(s) - SOURCE_KEYS
        if extra:
            fail(f"{where}: unexpected keys {sorted(extra)}")
        sid = s.get("id")
        if not sid:
            fail(f"{where}: missing id")
        elif sid in source_ids:
            fail(f"{where}: duplicate source id {sid!r}")
        source_ids.add(sid)
        if "date" in s:
            check_date(where, s["date"])

    # entities
    entity_ids = set()
    for i, e in enumerate(kg.get("entities", [])):
        where = f"entities[{i}] ({e.get('id')})"
        if set(e) != ENTITY_KEYS:
            fail(f"{where}: keys must be exactly {sorted(ENTITY_KEYS)}, got {sorted(e)}")
        eid = e.get("id")
        if eid in entity_ids:
            fail(f"{where}: duplicate entity id {eid!r}")
        entity_ids.add(eid)
        if not isinstance(e.get("type"), str) or not TYPE_RE.match(e.get("type", "")):
            fail(f"{where}: type {e.get('type')!r} is not lower-case snake_case")
        if not isinstance(e.get("aliases", []), list):
            fail(f"{where}: aliases must be a list")
        check_attributes(where, e.get("attributes", {}))

    # aliases: unique case-insensitively, never another entity's id
    alias_owner = {}  # exact alias -> entity id
    seen_lower = {}
    for e in kg.get("entities", []):
        for a in e.get("aliases", []) or []:
            where = f"entity {e.get('id')}: alias {a!r}"
            if not isinstance(a, str) or not a:
                fail(f"{where}: aliases must be non-empty strings")
                continue
            low = a.casefold()
            if low in seen_lower:
                fail(f"{where}: collides (case-insensitively) with alias of {seen_lower[low]!r}")
            seen_lower[low] = e.get("id")
            for other in entity_ids:
                if other != e.get("id") and other.casefold() == low:
                    fail(f"{where}: equals the id of entity {other!r}")
            alias_owner[a] = e.get("id")
    names = entity_ids | set(alias_owner)

    # relation types
    rtypes = kg.get("relation_types", {})
    for t, spec in rtypes.items():
        where = f"relation_types[{t}]"
        if not TYPE_RE.match(t):
            fail(f"{where}: not lower-case snake_case")
        if not isinstance(spec, dict):
            fail(f"{where}: must be an object")
            continue
        extra = set(spec) - {"symmetric", "polarity", "description"}
        if extra:
            fail(f"{where}: unexpected keys {sorted(extra)}")
        if not isinstance(spec.get("symmetric"), bool):
            fail(f"{where}: symmetric must be a boolean")
        if spec.get("polarity") not in POLARITIES:
            fail(f"{where}: polarity must be one of {sorted(POLARITIES)}")
        if "description" in spec and not isinstance(spec["description"], str):
            fail(f"{where}: description must be a string")

    # relations
    used_types = set()
    for i, r in enumerate(kg.get("relations", [])):
        where = f"relations[{i}] ({r.get('source')} -{r.get('type')}-> {r.get('target')})"
        keys = set(r)
        if keys - RELATION_KEYS:
            fail(f"{where}: unexpected keys {sorted(keys - RELATION_KEYS)}")
        if RELATION_REQUIRED - keys:
            fail(f"{where}: missing keys {sorted(RELATION_REQUIRED - keys)}")
        for end in ("source", "target"):
            if r.get(end) not in names:
                fail(f"{where}: {end} {r.get(end)!r} is not an entity id or alias")
        t = r.get("type")
        used_types.add(t)
        if not isinstance(t, str) or not TYPE_RE.match(t):
            fail(f"{where}: type {t!r} is not lower-case snake_case")
        elif t not in rtypes:
            fail(f"{where}: type {t!r} is not declared in relation_types")
        ok_date = "date" not in r or check_date(where, r["date"])
        ok_until = "until" not in r or check_date(where + " until", r["until"])
        if "date" in r and "until" in r and ok_date and ok_until:
            n = min(len(r["date"]), len(r["until"]))
            if r["until"][:n] < r["date"][:n]:
                fail(f"{where}: until {r['until']} precedes date {r['date']}")
        check_attributes(where, r.get("attributes", {}))
        evidence = r.get("evidence")
        if not isinstance(evidence, list) or not evidence:
            fail(f"{where}: no evidence")
            continue
        for j, ev in enumerate(evidence):
            ew = f"{where} evidence[{j}]"
            if not isinstance(ev, dict) or set(ev) != EVIDENCE_KEYS:
                fail(f"{ew}: keys must be exactly {sorted(EVIDENCE_KEYS)}")
                continue
            if ev["source"] not in source_ids:
                fail(f"{ew}: source {ev['source']!r} is not a declared source id")
            q = ev["quote"]
            if not isinstance(q, str) or not q.strip():
                fail(f"{ew}: empty quote")
            elif q not in text:
                fail(f"{ew}: quote not found verbatim: {q!r}")

    for t in sorted(set(rtypes) - used_types):
        fail(f"relation_types[{t}]: declared but never used")

    for msg in failures:
        print("FAIL:", msg)
    n_rel = len(kg.get("relations", []))
    n_ev = sum(len(r.get("evidence") or []) for r in kg.get("relations", []))
    print(f"{len(kg.get('entities', []))} entities, {n_rel} relations, "
          f"{n_ev} evidence quotes, {len(used_types)} relation types: "
          f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
