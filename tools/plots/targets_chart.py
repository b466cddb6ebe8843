#!/usr/bin/python3
"""The probability of meeting each of a run's targets, for slides: one horizontal bar per target
(the share of replications that met it) with its 95 % Wilson interval, in the scenario's order.

    targets_chart.py RUN.h5 -o targets.png [--line 0.8]

With --line P a dashed line marks P, and each bar is coloured by where its interval lies: all
above P (green), all below (red) or across it (amber). Bad input (missing file, a run without
targets) is a one-line error with exit code 2.
"""

import sys
import textwrap

from matplotlib.ticker import PercentFormatter

from slides import ArgumentParser, fail, image_format, plt, save
from wfsim_h5 import RunFileError, open_run

PROG = "targets_chart.py"
NEUTRAL, ABOVE, ACROSS, BELOW = "#1f5f99", "#1e8449", "#d68910", "#c0392b"


def parse(argv):
    p = ArgumentParser(prog=PROG, description="Probability of meeting each target of a run.")
    p.add_argument("run", metavar="RUN.h5", help="run file written by wfsim run")
    p.add_argument("-o", "--output", metavar="OUT", required=True, help=".png or .svg file")
    p.add_argument("--line", type=float, metavar="P",
                   help="draw a dashed line at this probability (e.g. 0.8)")
    p.add_argument("--dpi", type=int, default=150, help="PNG resolution (default 150)")
    args = p.parse_args(argv)
    if image_format(args.output) is None:
        p.error(f"-o {args.output}: the name must end in .png or .svg")
    if args.line is not None and not 0 <= args.line <= 1:
        p.error(f"--line {args.line:g}: must be between 0 and 1")
    if args.dpi <= 0:
        p.error(f"--dpi {args.dpi}: must be positive")
    return args


def colour(t, line):
    if line is None:
        return NEUTRAL
    if t.ci_low >= line:
        return ABOVE
    return BELOW if t.ci_high < line else ACROSS


def figure(targets, line, title):
    fig, ax = plt.subplots(figsize=(10, 1.2 + 0.6 * len(targets)))
    rows = range(len(targets))
    for row, t in zip(rows, targets):
        error = [[t.probability - t.ci_low], [t.ci_high - t.probability]]
        bar = ax.barh(row, t.probability, xerr=error, height=0.6, color=colour(t, line),
                      alpha=0.85, capsize=4, error_kw={"lw": 1.2, "ecolor": "0.2"})
        bar.patches[0].set_gid(f"target{row}")
        # A point as well as the bar, so that a probability of 0 still shows.
        ax.plot([t.probability], [row], "o", color="0.15", ms=4, clip_on=False,
                gid=f"target{row}-point")
        # The figures in a column right of the axes, clear of the bars and whiskers.
        ax.text(1.02, row, f"{t.probability:.0%} ({t.ci_low:.0%}\u2013{t.ci_high:.0%})",
                transform=ax.get_yaxis_transform(), va="center", ha="left", fontsize=9,
                color="0.15")
    if line is not None:
        ax.axvline(line, color="0.3", ls="--", lw=1.2).set_gid("line")
    ax.set_yticks(list(rows), ["\n".join(textwrap.wrap(t.label(), 45)) for t in targets],
                  fontsize=9)
    ax.invert_yaxis()  # first target on top, as in the scenario
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set_xlabel("probability of meeting the target (share of replications, 95 % interval)")
    ax.grid(axis="x", alpha=0.3)
    ax.set_title(title, fontsize=11, loc="left")
    fig.tight_layout()
    return fig


def main(argv):
    args = parse(argv)
    try:
        with open_run(args.run) as run:
            targets = run.targets()
            attrs = run.attrs
    except RunFileError as error:
        fail(PROG, str(error))
    if not targets:
        fail(PROG, f"{args.run}: the run has no targets (the scenario's targets: section)")
    title = (f"{attrs.get('scenario_name', '')}: chance of meeting each target "
             f"({attrs.get('replications', '?')} replications)")
    save(figure(targets, args.line, title), args.output, PROG, args.dpi)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
