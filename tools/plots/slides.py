"""What the plotting scripts share besides reading the run file: one-line errors with the exit
codes of wfsim (2 bad input, 1 failure to write), saving a figure as PNG or SVG, and the marks
every chart over dates draws the same way (targets, axis labels, the date axis)."""

import argparse
import os
import sys

import matplotlib
import matplotlib.dates as mdates
import numpy as np

matplotlib.use("Agg")  # files only, no display
import matplotlib.pyplot as plt  # noqa: E402

FORMATS = ("png", "svg")
# Same run, same SVG: matplotlib would otherwise salt its clip-path ids with random numbers.
matplotlib.rcParams["svg.hashsalt"] = "wfsim"


class ArgumentParser(argparse.ArgumentParser):
    """argparse whose errors are one line, "PROG: error: ...", exit code 2."""

    def error(self, message):
        self.exit(2, f"{self.prog}: error: {message}\n")


def fail(prog, message, code=2):
    """Prints "PROG: error: MESSAGE" on stderr and exits."""
    print(f"{prog}: error: {message}", file=sys.stderr)
    sys.exit(code)


def image_format(path):
    """'png' or 'svg' from the file name, or None."""
    extension = os.path.splitext(path)[1].lower().lstrip(".")
    return extension if extension in FORMATS else None


def save(fig, path, prog, dpi=150):
    """Writes the figure (format from the extension) and closes it; exit 1 if it cannot."""
    fmt = image_format(path)
    # No creation date in the SVG, so the same run gives the same file.
    metadata = {"Date": None} if fmt == "svg" else {}
    try:
        fig.savefig(path, format=fmt, metadata=metadata, dpi=dpi)
    except OSError as error:
        fail(prog, f"cannot write {path}: {error.strerror or error}", code=1)
    finally:
        plt.close(fig)


TARGET_COLOURS = ("#c0392b", "#e67e22", "#7d3c98", "#117a65", "#5d6d7e")


def axis_label(metric, units):
    # "1" is the file's unit of a dimensionless share or ratio: the metric name says enough.
    return metric if units in ("", "1") else f"{metric} ({units})"


def draw_target(ax, t, index, metric, label=None):
    """A target on a chart over dates: a dashed line at its value, its `by` date a dotted line
    and a triangle, its period shaded with the held value bold. SVG ids target<index>-<metric>
    and that with -date, -marker, -period or -held. The legend says `label` (by default the
    target and the share of replications that met it)."""
    colour = TARGET_COLOURS[index % len(TARGET_COLOURS)]
    ident = f"target{index}-{metric}"
    if label is None:
        label = f"{t.label()}: met in {t.probability:.0%}"
    line = ax.axhline(t.value, color=colour, ls="--", lw=1.3, label=label)
    line.set_gid(ident)
    if t.kind == "by":
        by = np.datetime64(t.by)
        ax.axvline(by, color=colour, ls=":", lw=1).set_gid(ident + "-date")
        ax.plot([by], [t.value], marker="v", ms=9, color=colour, ls="none",
                gid=ident + "-marker")
    elif t.start and t.end:
        start, end = np.datetime64(t.start), np.datetime64(t.end)
        ax.axvspan(start, end, color=colour, alpha=0.08, lw=0).set_gid(ident + "-period")
        ax.hlines(t.value, start, end, color=colour, lw=3).set_gid(ident + "-held")


def date_axis(ax, dates):
    """Calendar dates from the first sample to the last, labelled concisely."""
    ax.set_xlim(dates[0], dates[-1])
    locator = mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
