#!/usr/bin/env python3
"""Draws the bench plots as SVG from the committed results, with the standard library only
(no plotting package is installed on the build machines).

    python3 bench/plot.py            # reads bench/results/*.json, writes bench/*.svg

decode_vs_context.svg: decode tokens/s against context depth (agora-cli bench --ctx-sweep --json,
files named *-ctx-sweep-<run>.json, or *-sweep-r<N>.json for one file of N sweeps, which
plots each depth's median).
pp_vs_batch.svg: prompt tokens/s against the batch size (files named *-pp-batch<N>.json).
"""
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
WIDTH, HEIGHT = 640, 400
LEFT, RIGHT, TOP, BOTTOM = 70, 20, 40, 60
COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"]


def load_results():
    results = []
    for path in sorted((HERE / "results").glob("*.json")):
        with open(path) as f:
            data = json.load(f)
        data["_file"] = path.stem
        results.append(data)
    return results


def svg_plot(title, x_label, y_label, series, out_path, anchors=()):
    """series: [(name, [(x, y), ...])]; anchors: [(name, y)] drawn as dashed horizontal lines."""
    xs = [x for _, pts in series for x, _ in pts]
    ys = [y for _, pts in series for _, y in pts] + [y for _, y in anchors]
    if not xs:
        return False
    x_min, x_max = min(xs), max(xs)
    if x_max == x_min:
        x_max = x_min + 1
    y_max = max(ys) * 1.15 if ys else 1.0
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def px(x):
        return LEFT + (x - x_min) / (x_max - x_min) * plot_w

    def py(y):
        return TOP + plot_h - y / y_max * plot_h

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
           f'font-family="sans-serif" font-size="12">',
           f'<rect width="{WIDTH}" height="{HEIGHT}" fill="white"/>',
           f'<text x="{WIDTH / 2}" y="22" text-anchor="middle" font-size="14">{title}</text>',
           f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{LEFT + plot_w}" y2="{TOP + plot_h}" stroke="black"/>',
           f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{TOP + plot_h}" stroke="black"/>']
    for i in range(6):
        y = y_max * i / 5
        out.append(f'<line x1="{LEFT - 4}" y1="{py(y):.1f}" x2="{LEFT + plot_w}" y2="{py(y):.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{LEFT - 8}" y="{py(y) + 4:.1f}" text-anchor="end">{y:.1f}</text>')
    for x in sorted(set(xs)):
        out.append(f'<text x="{px(x):.1f}" y="{TOP + plot_h + 18}" text-anchor="middle">{x:g}</text>')
    out.append(f'<text x="{LEFT + plot_w / 2}" y="{HEIGHT - 15}" text-anchor="middle">{x_label}</text>')
    out.append(f'<text x="18" y="{TOP + plot_h / 2}" text-anchor="middle" '
               f'transform="rotate(-90 18 {TOP + plot_h / 2})">{y_label}</text>')
    legend_y = TOP + 10
    for i, (name, y) in enumerate(anchors):
        out.append(f'<line x1="{LEFT}" y1="{py(y):.1f}" x2="{LEFT + plot_w}" y2="{py(y):.1f}" '
                   f'stroke="#888" stroke-dasharray="6 4"/>')
        out.append(f'<text x="{LEFT + plot_w - 4}" y="{py(y) - 4:.1f}" text-anchor="end" fill="#555">{name}</text>')
    for i, (name, pts) in enumerate(series):
        colour = COLOURS[i % len(COLOURS)]
        pts = sorted(pts)
        path = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in pts)
        out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for x, y in pts:
            out.append(f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="3" fill="{colour}"/>')
        out.append(f'<text x="{LEFT + 10}" y="{legend_y + 16 * i}" fill="{colour}">{name}</text>')
    out.append("</svg>")
    out_path.write_text("\n".join(out) + "\n")
    return True


def main():
    # The current results (bench/results/*.json; earlier ones are kept in results/earlier/).
    results = load_results()
    sweep_series, pp_series = [], {}
    for r in results:
        if "model" not in r:
            continue
        if "ctx_sweep" in r and "-sweep-" in r["_file"]:
            shape, run = r["_file"].replace("-ctx-sweep-", "-sweep-").split("-sweep-")
            label = f"{shape}, run {run}"
            if r.get("repetitions", 1) > 1:
                label = f"{shape}, median of {r['repetitions']} sweeps"
            sweep_series.append((label, [(p["depth"], p["gen_tokens_per_second"]) for p in r["ctx_sweep"]]))
        if "-pp-batch" in r["_file"]:
            shape = r["_file"].split("-pp-batch")[0]
            pp_series.setdefault(shape, []).append((r["batch"], r["prompt_tokens_per_second_median"]))
    # llama.cpp CPU (tg 43.8) is left out: on the axis it would flatten every lavapipe curve.
    anchors = [("llama.cpp Vulkan/lavapipe tg 0.47 (idle machine)", 0.47)]
    wrote = svg_plot("Decode tokens/s vs context depth (lavapipe, 2 cores)", "context depth (tokens)",
                     "tokens/s", sweep_series, HERE / "decode_vs_context.svg", anchors)
    wrote |= svg_plot("Prompt processing tokens/s vs batch (lavapipe, 2 cores)", "batch (tokens per submission)",
                      "tokens/s", sorted(pp_series.items()), HERE / "pp_vs_batch.svg",
                      [("llama.cpp Vulkan/lavapipe pp128 2.1", 2.1)])
    return 0 if wrote else 1


if __name__ == "__main__":
    sys.exit(main())
