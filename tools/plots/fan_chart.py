#!/usr/bin/python3
"""Fan charts of a wfsim run for slides: per metric, the median across replications and the
bands holding the middle 50 % and 90 % of them over calendar dates, with each target on that
metric as a horizontal line at its value and its date (a marker) or period (shaded) marked.

    fan_chart.py RUN.h5 --metric agency_share [--metric mean_caseload ...] -o fan.png
    fan_chart.py RUN.h5 --metric agency_share --metric mean_caseload --each DIR [--format svg]

Several metrics go into one file, one panel each above the other, or with --each into one file
per metric (DIR/<metric>.png). The title is the series' description, the axis label its units.
Bad input (missing file, unknown metric) is a one-line error with exit code 2.
"""

import os
import sys
import textwrap

import numpy as np

from slides import (FORMATS, ArgumentParser, axis_label, date_axis, draw_target, fail,
                    image_format, plt, save)
from wfsim_h5 import RunFileError, open_run, quantile_bands

PROG = "fan_chart.py"
FAN = "#1f5f99"
PANEL_SIZE = (10, 4.6)  # inches: one panel fills a 16:9 slide's body at 150 dpi


def parse(argv):
    p = ArgumentParser(prog=PROG, description="Fan charts of a wfsim run's series, with targets.")
    p.add_argument("run", metavar="RUN.h5", help="run file written by wfsim run")
    p.add_argument("--metric", action="append", required=True,
                   help="series to plot (repeat for several)")
    out = p.add_mutually_exclusive_group(required=True)
    out.add_argument("-o", "--output", metavar="OUT", help="one file (.png or .svg), a panel "
                     "per metric")
    out.add_argument("--each", metavar="DIR", help="one file per metric in DIR")
    p.add_argument("--format", choices=FORMATS, default="png", help="with --each (default png)")
    p.add_argument("--dpi", type=int, default=150, help="PNG resolution (default 150)")
    args = p.parse_args(argv)
    if args.output and image_format(args.output) is None:
        p.error(f"-o {args.output}: the name must end in .png or .svg")
    if args.dpi <= 0:
        p.error(f"--dpi {args.dpi}: must be positive")
    return args


def draw_metric(ax, run, metric, dates):
    values = run.series(metric)
    b = quantile_bands(values, (0.5, 0.9))
    ax.fill_between(dates, *b.bands[0.9], color=FAN, alpha=0.18, lw=0,
                    label="90 % of replications").set_gid(f"band90-{metric}")
    ax.fill_between(dates, *b.bands[0.5], color=FAN, alpha=0.38, lw=0,
                    label="50 % of replications").set_gid(f"band50-{metric}")
    ax.plot(dates, b.median, color=FAN, lw=2, label="median", gid=f"median-{metric}")
    if np.isnan(values).all():  # e.g. an NQSW series in a run without NQSWs
        ax.text(0.5, 0.5, "no values in this run (NaN at every sample)", ha="center",
                va="center", transform=ax.transAxes, color="0.4")
    for index, t in enumerate(run.targets_on(metric)):
        draw_target(ax, t, index, metric)
    description = run.description(metric) or metric
    ax.set_title("\n".join(textwrap.wrap(description, 95)), fontsize=10, loc="left")
    ax.set_ylabel(axis_label(metric, run.units(metric)))
    date_axis(ax, dates)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8, loc="best", framealpha=0.85)


def figure(run, metrics, dates):
    width, height = PANEL_SIZE
    fig, axes = plt.subplots(len(metrics), 1, figsize=(width, height * len(metrics)),
                             squeeze=False, sharex=True)
    for ax, metric in zip(axes[:, 0], metrics):
        draw_metric(ax, run, metric, dates)
    a = run.attrs
    fig.suptitle(f"{a.get('scenario_name', '')}: {a.get('replications', '?')} replications",
                 fontsize=11)
    fig.tight_layout()
    return fig


def main(argv):
    args = parse(argv)
    try:
        with open_run(args.run) as run:
            for metric in args.metric:
                run.series(metric)  # every name checked before anything is written
            dates = run.dates()
            if len(dates) == 0:
                fail(PROG, f"{args.run}: the run has no samples")
            if args.output:
                save(figure(run, args.metric, dates), args.output, PROG, args.dpi)
                return 0
            try:
                os.makedirs(args.each, exist_ok=True)
            except OSError as error:
                fail(PROG, f"cannot create {args.each}: {error.strerror or error}", code=1)
            for metric in args.metric:
                save(figure(run, [metric], dates),
                     os.path.join(args.each, f"{metric}.{args.format}"), PROG, args.dpi)
    except RunFileError as error:
        fail(PROG, str(error))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
