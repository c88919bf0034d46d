#!/usr/bin/env python3
"""bench/cluster_plot.py CSV SVG - plots the scale benchmark
(bench/cluster_scale.c): time per report against corpus size, on a log
axis, for the copy index (and for story clustering when the CSV has it).
Hand-written SVG, python3 stdlib only: a flat line is what issue 5 asks.
"""
import csv
import math
import sys

W, H = 760, 420
LEFT, RIGHT, TOP, BOTTOM = 80, 30, 50, 70


def nice_max(v):
    """A round number at or above v for the top of the y axis."""
    if v <= 0:
        return 1.0
    e = 10 ** math.floor(math.log10(v))
    for m in (1, 2, 2.5, 5, 10):
        if m * e >= v:
            return m * e
    return 10 * e


def fmt_n(n):
    if n >= 1e6:
        return "%gM" % (n / 1e6)
    if n >= 1e3:
        return "%gk" % (n / 1e3)
    return "%d" % n


def main():
    if len(sys.argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    with open(sys.argv[1], newline="") as f:
        rows = [r for r in csv.DictReader(f)]
    rows = [r for r in rows if r["n"]]
    if not rows:
        sys.stderr.write("cluster_plot: no rows in %s\n" % sys.argv[1])
        return 1
    xs = [int(r["n"]) for r in rows]
    series = [("copy index (shingles, query, confirm, add)", "#1f77b4",
               [float(r["us_per_report_last1k"]) for r in rows])]
    if rows[0].get("cluster_us_per_report_last1k"):
        series.append(("story clustering (incremental clusterer)", "#d62728",
                       [float(r["cluster_us_per_report_last1k"]) for r in rows]))
    if rows[0].get("lang_us_per_report_last1k"):
        series.append(("language layer + event signature (once per report)", "#2ca02c",
                       [float(r["lang_us_per_report_last1k"]) for r in rows]))
    ymax = nice_max(max([max(s[2]) for s in series] + [1.0]) * 1.1)
    x0, x1 = math.log10(min(xs)), math.log10(max(xs))
    if x1 - x0 < 1e-9:
        x1 = x0 + 1

    def px(n):
        return LEFT + (math.log10(n) - x0) / (x1 - x0) * (W - LEFT - RIGHT)

    def py(v):
        return H - BOTTOM - v / ymax * (H - TOP - BOTTOM)

    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
           'font-family="sans-serif" font-size="12">' % (W, H),
           '<rect width="100%" height="100%" fill="white"/>',
           '<text x="%d" y="24" font-size="15">Time per report against corpus size '
           '(mean of the last 1,000 reports, CPU time)</text>' % LEFT]
    # axes and grid
    out.append('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="black"/>'
               % (LEFT, H - BOTTOM, W - RIGHT, H - BOTTOM))
    out.append('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="black"/>'
               % (LEFT, TOP, LEFT, H - BOTTOM))
    for k in range(6):
        v = ymax * k / 5
        y = py(v)
        out.append('<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#ddd"/>'
                   % (LEFT, y, W - RIGHT, y))
        out.append('<text x="%d" y="%.1f" text-anchor="end">%g</text>' % (LEFT - 6, y + 4, v))
    for n in xs:
        x = px(n)
        out.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#eee"/>'
                   % (x, TOP, x, H - BOTTOM))
        out.append('<text x="%.1f" y="%d" text-anchor="middle">%s</text>'
                   % (x, H - BOTTOM + 18, fmt_n(n)))
    out.append('<text x="%d" y="%d" text-anchor="middle">reports so far (log scale)</text>'
               % ((LEFT + W - RIGHT) // 2, H - 22))
    out.append('<text transform="translate(22,%d) rotate(-90)" text-anchor="middle">'
               'microseconds per report</text>' % ((TOP + H - BOTTOM) // 2))
    # lines
    legend_y = TOP + 8
    for name, color, ys in series:
        pts = list(zip(xs, ys))
        path = " ".join("%.1f,%.1f" % (px(n), py(v)) for n, v in pts)
        out.append('<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>'
                   % (color, path))
        for n, v in pts:
            out.append('<circle cx="%.1f" cy="%.1f" r="3" fill="%s"><title>%s: %.1f us</title>'
                       '</circle>' % (px(n), py(v), color, fmt_n(n), v))
        out.append('<rect x="%d" y="%d" width="14" height="3" fill="%s"/>'
                   % (LEFT + 14, legend_y, color))
        out.append('<text x="%d" y="%d">%s</text>' % (LEFT + 34, legend_y + 5, name))
        legend_y += 18
    last = rows[-1]
    extra = ""
    if last.get("stories_total_s"):
        extra = "; stories %.0f s, clusterer %.0f bytes per report" % (
            float(last["stories_total_s"]), float(last["cluster_bytes_per_report"]))
    out.append('<text x="%d" y="%d" fill="#555">%s reports: copies %.0f s, index %.0f bytes '
               'per report%s</text>' % (LEFT + 14, legend_y + 8, fmt_n(int(last["n"])),
                                        float(last["total_s"]),
                                        float(last["index_bytes_per_report"]), extra))
    out.append("</svg>")
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
