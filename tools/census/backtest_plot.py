"""The back-test's figure: per metric, the forecasts against the published figures (top) and the
distribution of absolute errors (bottom), model beside the naive forecast."""

import io

import matplotlib
from PIL import Image  # matplotlib's own image dependency

matplotlib.use("Agg")  # files only, no display
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from backtest_metrics import METRICS  # noqa: E402

MODEL, NAIVE = "#1f77b4", "#e6780e"


def plot(scored, path, title):
    """scored: {metric key: [(published, model, naive, model_se)]}; writes a PNG to path."""
    fig, axes = plt.subplots(2, len(METRICS), figsize=(15, 6.2), dpi=72)
    for col, m in enumerate(METRICS):
        pairs = scored.get(m.key, [])
        top, bottom = axes[0][col], axes[1][col]
        top.set_title(f"{m.label} ({m.unit})", fontsize=10)
        if not pairs:
            top.text(0.5, 0.5, "no pairs", ha="center", transform=top.transAxes)
            continue
        pub, model, naive = (np.array(v) for v in list(zip(*pairs))[:3])
        low, high = np.percentile(np.concatenate([pub, model, naive]), [0.5, 99.5])
        top.plot([low, high], [low, high], color="0.6", lw=0.8)
        top.scatter(pub, naive, s=5, color=NAIVE, alpha=0.45, lw=0, label="naive (year Y)")
        top.scatter(pub, model, s=5, color=MODEL, alpha=0.45, lw=0, label="model")
        top.set_xlim(low, high)
        top.set_ylim(low, high)
        top.set_xlabel("published, year Y+1", fontsize=8)
        top.tick_params(labelsize=7)
        for errors, colour, name in ((np.abs(model - pub), MODEL, "model"),
                                     (np.abs(naive - pub), NAIVE, "naive")):
            x = np.sort(errors)
            bottom.step(x, np.arange(1, len(x) + 1) / len(x), where="post", color=colour,
                        label=f"{name}: median {np.median(errors):.2f}")
        bottom.set_xlim(0, np.percentile(np.abs(np.concatenate([model, naive]) -
                                                np.concatenate([pub, pub])), 95))
        bottom.set_xlabel(f"absolute error ({m.unit})", fontsize=8)
        bottom.tick_params(labelsize=7)
        bottom.legend(fontsize=7, loc="lower right")
        bottom.grid(alpha=0.3)
    axes[0][0].set_ylabel("forecast for year Y+1", fontsize=8)
    axes[1][0].set_ylabel("share of authority-years\nwith a smaller error", fontsize=8)
    axes[0][0].legend(fontsize=7, loc="upper left", markerscale=2)
    fig.suptitle(title, fontsize=11)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    # A palette of 128 colours keeps the figure small enough to commit beside the README.
    buffer.seek(0)
    Image.open(buffer).convert("RGB").quantize(colors=128).save(path, optimize=True)
