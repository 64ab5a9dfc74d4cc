#!/usr/bin/python3
"""Counts edge crossings in a Graphviz layout, from the layout's coordinates.

Usage: kg render GRAPH -o - --to dot [options] | scripts/edge_crossings.py [--engine dot]

Lays the DOT out with Graphviz's own command (`dot -Tplain`), turns each edge's
B-spline into a polyline (16 points per cubic segment) and counts the pairs of
edges whose polylines cross. Edges that share an end node are not counted
against each other near that node: their curves leave the same point. Prints
one JSON object: {"edges": N, "crossings": C}.
"""
import json
import shlex
import subprocess
import sys


def bezier_points(controls, steps=16):
    points = [controls[0]]
    for i in range(0, len(controls) - 3, 3):
        p0, p1, p2, p3 = controls[i:i + 4]
        for k in range(1, steps + 1):
            t = k / steps
            a, b, c, d = (1 - t) ** 3, 3 * t * (1 - t) ** 2, 3 * t * t * (1 - t), t ** 3
            points.append((a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0],
                           a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]))
    return points


def cross(o, a, b):
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def segments_cross(p1, p2, q1, q2):
    d1, d2 = cross(q1, q2, p1), cross(q1, q2, p2)
    d3, d4 = cross(p1, p2, q1), cross(p1, p2, q2)
    return d1 * d2 < 0 and d3 * d4 < 0


def polylines_cross(a, b):
    for i in range(len(a) - 1):
        ax0, ax1 = sorted((a[i][0], a[i + 1][0]))
        ay0, ay1 = sorted((a[i][1], a[i + 1][1]))
        for j in range(len(b) - 1):
            if max(b[j][0], b[j + 1][0]) < ax0 or min(b[j][0], b[j + 1][0]) > ax1:
                continue
            if max(b[j][1], b[j + 1][1]) < ay0 or min(b[j][1], b[j + 1][1]) > ay1:
                continue
            if segments_cross(a[i], a[i + 1], b[j], b[j + 1]):
                return True
    return False


def trimmed(points, keep_from, keep_to):
    """The polyline without its first/last tenth, where edges sharing an end meet."""
    n = len(points)
    cut = max(1, n // 10)
    return points[(cut if keep_from else 0):(n - cut if keep_to else n)]


def main():
    engine = sys.argv[sys.argv.index("--engine") + 1] if "--engine" in sys.argv else "dot"
    plain = subprocess.run([engine, "-Tplain"], input=sys.stdin.buffer.read(), capture_output=True, check=True).stdout
    edges = []
    for line in plain.decode("utf-8").splitlines():
        fields = shlex.split(line)
        if not fields or fields[0] != "edge":
            continue
        tail, head, n = fields[1], fields[2], int(fields[3])
        coordinates = [float(v) for v in fields[4:4 + 2 * n]]
        controls = list(zip(coordinates[0::2], coordinates[1::2]))
        edges.append((tail, head, bezier_points(controls)))
    crossings = 0
    for i in range(len(edges)):
        for j in range(i + 1, len(edges)):
            ta, ha, a = edges[i]
            tb, hb, b = edges[j]
            shared = {ta, ha} & {tb, hb}
            if shared:
                a = trimmed(a, ta in shared, ha in shared)
                b = trimmed(b, tb in shared, hb in shared)
            if polylines_cross(a, b):
                crossings += 1
    print(json.dumps({"edges": len(edges), "crossings": crossings}))


if __name__ == "__main__":
    main()
