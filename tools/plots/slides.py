"""What the plotting scripts share besides reading the run file: one-line errors with the exit
codes of wfsim (2 bad input, 1 failure to write), and saving a figure as PNG or SVG."""

import argparse
import os
import sys

import matplotlib

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
