#!/usr/bin/python3
"""Charts of a comparison of policy options (the file of wfsim compare) for slides.

    compare_chart.py COMPARE.h5 --metric agency_share [--metric ...] -o options.png
    compare_chart.py COMPARE.h5 --metric agency_share [--metric ...] --differences -o diff.svg
    compare_chart.py COMPARE.h5 --targets [--metric ...] -o targets.png

By default, per metric (a panel each, above one another), every option over calendar dates:
its median across replications and the band holding the middle 50 % of them in its own colour,
the baseline ("base", the scenario as written) included, with the targets on the metric drawn as
fan_chart.py draws them; the legend below gives each option's description.

--differences: per metric, a forest plot of each option's paired difference from the baseline
(the mean over replications of option - base) with its 95 % interval at each compared date (the
targets' judging dates and the horizon), as /comparison/metrics holds them, beside a zero line.

--targets: the chance of meeting each target per option, a point with its 95 % Wilson interval
(from each option's own targets); with --metric, only the targets on those metrics.

Bad input (a missing file, a run file that is not a comparison, an unknown metric) is a one-line
error with exit code 2; a file that cannot be written, exit code 1.
"""

import sys
import textwrap

import numpy as np
from matplotlib.ticker import FuncFormatter, PercentFormatter

from slides import (ArgumentParser, axis_label, date_axis, draw_target, fail, image_format, plt,
                    save)
from wfsim_h5 import RunFileError, open_run, quantile_bands

PROG = "compare_chart.py"
# The baseline in fan_chart.py's blue, the options in colours apart from the targets' (red,
# orange, purple, dark teal, grey).
OPTION_COLOURS = ("#1f5f99", "#d6619e", "#2ca02c", "#8c564b", "#17becf", "#bcbd22", "#393b79")
PANEL_WIDTH = 10            # inches, as fan_chart.py
OVERLAY_PANEL_HEIGHT = 4.6  # inches per metric
ROW_HEIGHT = 0.28           # inches per row of a forest plot or the targets chart
LEGEND_LINE = 0.2           # inches per line of the options' legend
DESCRIPTION_WIDTH = 110     # characters per line of an option's description in the legend


def parse(argv):
    p = ArgumentParser(prog=PROG, description="Charts of a comparison of policy options.")
    p.add_argument("run", metavar="COMPARE.h5", help="run file written by wfsim compare")
    p.add_argument("--metric", action="append", default=[],
                   help="series to plot (repeat for several); with --targets, only the "
                   "targets on these")
    kind = p.add_mutually_exclusive_group()
    kind.add_argument("--differences", action="store_true",
                      help="each option's paired difference from base with its 95 %% interval "
                      "at each compared date")
    kind.add_argument("--targets", action="store_true",
                      help="the chance of meeting each target per option")
    p.add_argument("-o", "--output", metavar="OUT", required=True, help=".png or .svg file")
    p.add_argument("--dpi", type=int, default=150, help="PNG resolution (default 150)")
    args = p.parse_args(argv)
    if image_format(args.output) is None:
        p.error(f"-o {args.output}: the name must end in .png or .svg")
    if not args.metric and not args.targets:
        p.error("the following arguments are required: --metric (or --targets)")
    if args.dpi <= 0:
        p.error(f"--dpi {args.dpi}: must be positive")
    return args


def colours(options):
    """{option name: colour}, each option keeping its colour in every chart."""
    return {o.name: OPTION_COLOURS[i % len(OPTION_COLOURS)] for i, o in enumerate(options)}


def legend_lines(options):
    """Each option's legend entry, its description wrapped for the slide."""
    return ["\n".join(textwrap.wrap(o.label(), DESCRIPTION_WIDTH)) for o in options]


def legend_height(options):
    return LEGEND_LINE * (sum(len(line.splitlines()) for line in legend_lines(options)) + 1)


def options_legend(fig, options, colour, height, marker="o"):
    """The options' legend along the bottom of the figure, which keeps `height` inches for it;
    each entry a line (and `marker`) in the option's colour, as the chart draws it."""
    handles = [plt.Line2D([], [], color=colour[o.name], marker=marker, lw=2) for o in options]
    legend = fig.legend(handles, legend_lines(options), loc="lower left", fontsize=8,
                        frameon=False, bbox_to_anchor=(0.01, 0.0), title="options",
                        title_fontsize=8, alignment="left")
    legend.set_gid("options-legend")
    fig.tight_layout(rect=(0, height / fig.get_figheight(), 1, 0.97))


def title(fig, run, what):
    a = run.attrs
    streams = ("common random numbers" if run.common_random_numbers()
               else "independent random numbers")
    fig.suptitle(f"{a.get('scenario_name', '')}: {what}\n{a.get('replications', '?')} "
                 f"replications of each option, {streams}", fontsize=11)


# Options over dates.

def draw_overlay(ax, run, metric, options, colour, dates):
    for option in options:
        values = run.option_series(option.name, metric)
        b = quantile_bands(values, (0.5,))
        c = colour[option.name]
        ax.fill_between(dates, *b.bands[0.5], color=c, alpha=0.22, lw=0).set_gid(
            f"band50-{option.name}-{metric}")
        ax.plot(dates, b.median, color=c, lw=2, gid=f"median-{option.name}-{metric}")
    # The targets as fan_chart.py draws them; whether each option met them is --targets' job.
    for index, t in enumerate(run.targets_on(metric)):
        draw_target(ax, t, index, metric, label=t.label())
    description = run.description(metric) or metric
    ax.set_title("\n".join(textwrap.wrap(description, 95)) + "\nmedian and middle 50 % of "
                 "replications per option", fontsize=10, loc="left")
    ax.set_ylabel(axis_label(metric, run.units(metric)))
    date_axis(ax, dates)
    ax.grid(alpha=0.3)
    if run.targets_on(metric):
        ax.legend(fontsize=8, loc="best", framealpha=0.85)


def overlay_figure(run, metrics, options, dates):
    colour = colours(options)
    extra = legend_height(options)
    fig, axes = plt.subplots(len(metrics), 1, squeeze=False, sharex=True,
                             figsize=(PANEL_WIDTH, OVERLAY_PANEL_HEIGHT * len(metrics) + extra))
    for ax, metric in zip(axes[:, 0], metrics):
        draw_overlay(ax, run, metric, options, colour, dates)
    title(fig, run, f"{options[0].name} and {len(options) - 1} option"
          f"{'s' if len(options) != 2 else ''}")
    options_legend(fig, options, colour, extra, marker=None)
    return fig


# Differences from the baseline.

def short(value, sign=True):
    """Three significant figures, thousands, millions and billions as k, M and bn: "+1.47M"."""
    plus = "+" if sign else ""
    rounded = float(f"{value:.3g}")  # first, so that 999,999 is 1M rather than 1e+03k
    for size, suffix in ((1e9, "bn"), (1e6, "M"), (1e3, "k")):
        if abs(rounded) >= size:
            return f"{rounded / size:{plus}.3g}{suffix}"
    return f"{rounded:{plus}.3g}"


def figures_text(row):
    return f"{short(row['difference'])} ({short(row['ci_low'])} to {short(row['ci_high'])})"


def draw_differences(ax, run, metric, options, colour, rows):
    """One row per compared date and option (the dates as headings), a point at the paired
    difference and a whisker over its 95 % interval; NaN where no replication had both values."""
    dates = sorted({r["date"] for r in rows})
    position = 0
    ticks, labels, headings = [], [], []
    for date in dates:
        ticks.append(position)
        labels.append(date)
        headings.append(position)
        position += 1
        for option in options:
            found = [r for r in rows if r["date"] == date and r["option"] == option.name]
            if not found:
                continue
            row = found[0]
            ident = f"diff-{metric}-{option.name}-{date}"
            ticks.append(position)
            labels.append(option.name)
            if np.isnan(row["difference"]):
                ax.text(0.5, position, "no values (no replication has both)", ha="center",
                        va="center", transform=ax.get_yaxis_transform(), fontsize=8, color="0.4")
            else:
                c = colour[option.name]
                ax.plot([row["ci_low"], row["ci_high"]], [position, position], color=c, lw=2,
                        marker="|", ms=9, mew=2, gid=ident + "-interval")
                ax.plot([row["difference"]], [position], "o", color=c, ms=6,
                        gid=ident + "-point")
                ax.text(1.01, position, figures_text(row), transform=ax.get_yaxis_transform(),
                        va="center", ha="left", fontsize=8, color="0.15")
            position += 1
    ax.axvline(0.0, color="0.3", lw=1.2, ls="--").set_gid(f"zero-{metric}")
    ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _: short(value, sign=False)))
    ax.set_yticks(ticks, labels, fontsize=9)
    for label, tick in zip(ax.get_yticklabels(), ticks):
        if tick in headings:
            label.set_fontweight("bold")
    ax.set_ylim(position - 0.5, -0.7)  # the first date on top
    units = run.units(metric)
    base = run.baseline()
    ax.set_xlabel(f"difference from {base}" + ("" if units in ("", "1") else f" ({units})")
                  + f": mean over replications of option \u2212 {base}, 95 % interval",
                  fontsize=9)
    description = run.description(metric) or metric
    ax.set_title("\n".join(textwrap.wrap(f"{metric}: {description}", 80)), fontsize=10,
                 loc="left")
    ax.grid(axis="x", alpha=0.3)


def rows_height(rows, options):
    dates = {r["date"] for r in rows}
    return len(dates) * (len(options) + 1)


def differences_figure(run, metrics, options, rows_by_metric):
    colour = colours(options)
    compared = options[1:]
    heights = [1.3 + ROW_HEIGHT * rows_height(rows_by_metric[m], compared) for m in metrics]
    extra = legend_height(compared)
    fig, axes = plt.subplots(len(metrics), 1, squeeze=False,
                             figsize=(PANEL_WIDTH, sum(heights) + extra + 0.4),
                             gridspec_kw={"height_ratios": heights})
    for ax, metric in zip(axes[:, 0], metrics):
        draw_differences(ax, run, metric, compared, colour, rows_by_metric[metric])
    title(fig, run, f"each option's difference from {run.baseline()}")
    options_legend(fig, compared, colour, extra)
    fig.subplots_adjust(right=0.78)  # the figures in a column right of each panel
    return fig


# The chance of meeting each target.

def targets_figure(run, targets, options, by_option):
    """A group of rows per target (in the scenario's order) headed by the target, a point with
    its Wilson interval per option within it."""
    colour = colours(options)
    rows = len(targets) * (len(options) + 1)
    extra = legend_height(options)
    fig, ax = plt.subplots(figsize=(PANEL_WIDTH, 1.5 + ROW_HEIGHT * rows + extra))
    ticks, labels = [], []
    position = 0
    for index, name in enumerate(targets):
        heading = by_option[options[0].name][name]
        ax.text(0.0, position, heading.label(), transform=ax.get_yaxis_transform(), ha="left",
                va="center", fontsize=9, fontweight="bold", color="0.1")
        position += 1
        for option in options:
            t = by_option[option.name][name]
            ident = f"target{index}-{option.name}"
            c = colour[option.name]
            ticks.append(position)
            labels.append(option.name)
            ax.plot([t.ci_low, t.ci_high], [position, position], color=c, lw=2, marker="|",
                    ms=9, mew=2, gid=ident + "-interval", clip_on=False)
            ax.plot([t.probability], [position], "o", color=c, ms=6, gid=ident + "-point",
                    clip_on=False)
            ax.text(1.02, position, f"{t.probability:.0%} ({t.ci_low:.0%}\u2013{t.ci_high:.0%})",
                    transform=ax.get_yaxis_transform(), va="center", ha="left", fontsize=8,
                    color="0.15")
            position += 1
    ax.set_yticks(ticks, labels, fontsize=9)
    ax.set_ylim(position - 0.5, -0.7)  # the first target on top
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set_xlabel("probability of meeting the target (share of replications, 95 % Wilson "
                  "interval)", fontsize=9)
    ax.grid(axis="x", alpha=0.3)
    title(fig, run, "chance of meeting each target, by option")
    options_legend(fig, options, colour, extra)
    fig.subplots_adjust(right=0.86)  # the figures in a column right of the axes
    return fig


def build_figure(run, args):
    """The figure that `args` ask for from an open comparison; fail()s on bad input."""
    name = args.run
    if not run.is_comparison():
        fail(PROG, f"{name}: not a comparison file (it has no /options: written by wfsim run, "
             "not wfsim compare); fan_chart.py draws a single run")
    for metric in args.metric:
        run.series(metric)  # every name checked before anything is drawn
    metrics = list(dict.fromkeys(args.metric))
    options = run.options()
    if args.targets:
        targets = [t.name for t in run.targets() if not metrics or t.metric in metrics]
        if not targets:
            on = f" on {', '.join(metrics)}" if metrics else ""
            fail(PROG, f"{name}: the comparison has no targets{on} (the scenario's targets: "
                 "section)")
        by_option = {o.name: {t.name: t for t in run.option_targets(o.name)} for o in options}
        return targets_figure(run, targets, options, by_option)
    if args.differences:
        if len(options) < 2:
            fail(PROG, f"{name}: the comparison has no option besides the baseline")
        rows = run.comparison_rows("metrics")
        rows_by_metric = {m: [r for r in rows if r["metric"] == m] for m in metrics}
        for metric, found in rows_by_metric.items():
            if not found:
                fail(PROG, f"{name}: /comparison/metrics has no rows for '{metric}'")
        return differences_figure(run, metrics, options, rows_by_metric)
    dates = run.dates()
    if len(dates) == 0:
        fail(PROG, f"{name}: the run has no samples")
    return overlay_figure(run, metrics, options, dates)


def main(argv):
    args = parse(argv)
    try:
        with open_run(args.run) as run:
            fig = build_figure(run, args)
    except RunFileError as error:
        fail(PROG, str(error))
    save(fig, args.output, PROG, args.dpi)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
