#!/usr/bin/env python3
"""Makes the benchmark graphs (standard library only), each as kg JSON and as
the TSV edge list the peers load.

  inputs.py synthetic SIZE [OUTDIR] [--seed N] [--no-json]
      SIZE: S (10,000 entities / 50,000 relations), M (100,000 / 1,000,000),
      L (1,000,000 / 10,000,000; its JSON is about 800 MB) or ENTITIES:RELATIONS.
  inputs.py debian [OUTDIR]
      The Debian package graph of this machine's apt lists: real data.

Writes OUTDIR/<name>.tsv (`source<TAB>target<TAB>type`, no header) and
OUTDIR/<name>.json. OUTDIR defaults to /tmp/benchdata; generated data stays
out of the repository.

The synthetic graphs are directed and scale-free, like the relationship
graphs kg is for: a few hubs hold many relations, most entities few. Entities
arrive on a schedule that ends on exactly ENTITIES; each arrives with one
relation to an entity already there (as its source with probability 0.89),
and every other relation joins two entities already there, its source drawn
in proportion to out-degree + 5 and its target to in-degree + 5 (the
directed preferential attachment of Bollobas, Borgs, Chayes and Riordan).
So every entity has a relation, the graph is weakly connected and may hold
parallel relations, never a self-loop. Types and months (2000-01 to
2024-12) come from a second random stream, so the shape does not depend on
them.
"""
import argparse
import glob
import json
import os
import random
import re
import subprocess
import sys
from array import array

from benchlib import DEFAULT_DATA

SIZES = {"S": (10_000, 50_000), "M": (100_000, 1_000_000), "L": (1_000_000, 10_000_000)}
ENTITY_TYPES = {"person": 0.55, "organization": 0.15, "lab": 0.10, "company": 0.20}
RELATION_TYPES = {"funded": 0.15, "recruited": 0.15, "rejected": 0.05, "competed": 0.10, "advised": 0.20,
                  "employed": 0.35}
NEWCOMER_IS_SOURCE = 0.89
SMOOTHING = 5.0  # added to every degree in the preferential draw; smaller values give many parallel relations


class Endpoints:
    """Entities drawn in proportion to (their count in `ends`) + SMOOTHING."""

    def __init__(self, draw):
        self.ends = array("l")
        self.draw = draw

    def choose(self, entity_count):
        stored = len(self.ends)
        if self.draw() * (stored + SMOOTHING * entity_count) < stored:
            return self.ends[int(self.draw() * stored)]
        return int(self.draw() * entity_count)


def scale_free(entities, relations, seed):
    """Source and target arrays (entity indexes) of exactly `relations` relations."""
    draw = random.Random(seed).random
    sources, targets = Endpoints(draw), Endpoints(draw)
    present = 1
    for i in range(relations):
        due = min(entities, 1 + ((i + 1) * (entities - 1) + relations - 1) // relations)
        if present < due:
            newcomer = present
            present += 1
            if draw() < NEWCOMER_IS_SOURCE:
                source, target = newcomer, targets.choose(newcomer)
            else:
                source, target = sources.choose(newcomer), newcomer
        else:
            source = target = 0
            for _ in range(20):
                source, target = sources.choose(present), targets.choose(present)
                if source != target:
                    break
            else:
                target = (source + 1) % present
        sources.ends.append(source)
        targets.ends.append(target)
    assert present == entities
    return sources.ends, targets.ends


def weighted_choices(draw, weights, count):
    names = list(weights)
    bounds, total = [], 0.0
    for name in names:
        total += weights[name]
        bounds.append(total)
    out = bytearray(count)
    for k in range(count):
        x = draw() * total
        out[k] = next((i for i, bound in enumerate(bounds) if x < bound), len(names) - 1)
    return names, out


def synthetic(size, outdir, seed, with_json):
    entities, relations = SIZES[size] if size in SIZES else map(int, size.split(":"))
    sources, targets = scale_free(entities, relations, seed)
    draw = random.Random(seed + 1).random
    entity_type_names, entity_types = weighted_choices(draw, ENTITY_TYPES, entities)
    relation_type_names, relation_types = weighted_choices(draw, RELATION_TYPES, relations)
    months = array("H", (int(draw() * 300) for _ in range(relations)))

    base = os.path.join(outdir, size)
    with open(base + ".tsv", "w") as tsv:
        for s, t, k in zip(sources, targets, relation_types):
            tsv.write(f"e{s + 1}\te{t + 1}\t{relation_type_names[k]}\n")
    if with_json:
        with open(base + ".json", "w") as out:
            out.write('{"entities":[\n')
            out.write(",\n".join(f'{{"id":"e{i + 1}","name":"Entity {i + 1}","type":"{entity_type_names[k]}"}}'
                                 for i, k in enumerate(entity_types)))
            out.write('\n],"relations":[\n')
            out.write(",\n".join(
                f'{{"source":"e{s + 1}","target":"e{t + 1}","type":"{relation_type_names[k]}",'
                f'"date":"{2000 + month // 12}-{month % 12 + 1:02d}"}}'
                for s, t, k, month in zip(sources, targets, relation_types, months)))
            out.write("\n]}\n")
    degree = [0] * entities
    for s, t in zip(sources, targets):
        degree[s] += 1
        degree[t] += 1
    print(f"{size}: {entities} entities, {relations} relations -> {base}.tsv{' and .json' if with_json else ''}; "
          f"highest degree {max(degree)}, median degree {sorted(degree)[entities // 2]}", file=sys.stderr)


# ---- the Debian package graph ----------------------------------------------

TEAM_ADDRESS = re.compile(r"team|maintainers|group|developers|project|packag|debian-|uploaders|lists\.|alioth", re.I)


def package_stanzas(path):
    """The fields of each stanza of an apt Packages list, whatever its compression."""
    text = subprocess.run(["/usr/lib/apt/apt-helper", "cat-file", path], check=True,
                          capture_output=True).stdout.decode("utf-8", "replace")
    for block in text.split("\n\n"):
        fields, last = {}, None
        for line in block.split("\n"):
            if line[:1] in (" ", "\t") and last:
                fields[last] += " " + line.strip()
            elif ":" in line:
                last, _, value = line.partition(":")
                fields[last] = value.strip()
        if "Package" in fields:
            yield fields


def first_alternatives(field):
    """Package names of a Depends-style field: the first of each `a | b`, bare."""
    for clause in field.split(","):
        name = re.sub(r"\(.*?\)|\[.*?\]|<.*?>", "", clause.split("|")[0]).strip().split(":")[0].lower()
        if name:
            yield name


def debian(outdir):
    """Maintainers -maintains-> packages, packages -depends/recommends-> packages.

    Packages listed in several suites are merged; a name only ever depended
    on (a virtual package) gets type "virtual"; no dates."""
    lists = sorted(p for p in glob.glob("/var/lib/apt/lists/*_Packages*") if not p.endswith(".diff_Index"))
    if not lists:
        sys.exit("inputs.py debian: no apt lists in /var/lib/apt/lists (run apt-get update)")
    packages = {}
    for path in lists:
        for fields in package_stanzas(path):
            entry = packages.setdefault(fields["Package"].lower(), {"maintainer": None, "depends": set(),
                                                                     "recommends": set()})
            if "Maintainer" in fields:
                match = re.match(r"\s*(.*?)\s*<([^>]+)>", fields["Maintainer"])
                entry["maintainer"] = ((match.group(2).lower(), match.group(1)) if match
                                       else (fields["Maintainer"].lower(), fields["Maintainer"]))
            entry["depends"].update(first_alternatives(fields.get("Depends", "") + "," +
                                                       fields.get("Pre-Depends", "")))
            entry["recommends"].update(first_alternatives(fields.get("Recommends", "")))
    entities = {f"p:{name}": (name, "package") for name in sorted(packages)}
    relations = []
    for name in sorted(packages):
        entry = packages[name]
        if entry["maintainer"]:
            email, display = entry["maintainer"]
            maintainer = f"m:{email}"
            entities.setdefault(maintainer, (display, "organization" if TEAM_ADDRESS.search(display + email)
                                             else "person"))
            relations.append((maintainer, f"p:{name}", "maintains"))
        for kind in ("depends", "recommends"):
            for other in sorted(entry[kind] - {name}):
                entities.setdefault(f"p:{other}", (other, "virtual"))
                relations.append((f"p:{name}", f"p:{other}", kind))
    with open(os.path.join(outdir, "debian.tsv"), "w") as tsv:
        tsv.writelines(f"{s}\t{t}\t{k}\n" for s, t, k in relations)
    with open(os.path.join(outdir, "debian.json"), "w") as out:
        json.dump({"entities": [{"id": i, "name": n, "type": t} for i, (n, t) in entities.items()],
                   "relations": [{"source": s, "target": t, "type": k} for s, t, k in relations]}, out, indent=0)
    print(f"debian: {len(lists)} apt lists, {len(entities)} entities, {len(relations)} relations", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    kinds = parser.add_subparsers(dest="kind", required=True)
    made = kinds.add_parser("synthetic", help="a seeded scale-free graph")
    made.add_argument("size", help="S, M, L or ENTITIES:RELATIONS")
    made.add_argument("outdir", nargs="?", default=DEFAULT_DATA)
    made.add_argument("--seed", type=int, default=20240601)
    made.add_argument("--no-json", action="store_true")
    real = kinds.add_parser("debian", help="the Debian package graph of this machine's apt lists")
    real.add_argument("outdir", nargs="?", default=DEFAULT_DATA)
    args = parser.parse_args()
    os.makedirs(args.outdir, exist_ok=True)
    if args.kind == "synthetic":
        synthetic(args.size, args.outdir, args.seed, not args.no_json)
    else:
        debian(args.outdir)


if __name__ == "__main__":
    main()
