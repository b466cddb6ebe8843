"""The back-test's error table: for each metric, how far the model's and the naive forecasts fell
from the published figures over the authority-years scored.

An error is forecast - published. Per metric: N pairs (authority-years where the published figure
and both forecasts exist), the mean and median absolute error of each forecast, the bias (mean
error) of each, the share of pairs where the model is strictly closer (a tie counts a half), and
the median Monte Carlo standard error of the model's forecasts, to show that the replications
are enough for the errors measured.
"""

import csv
import math
import statistics

from backtest_metrics import METRICS

COLUMNS = ["metric", "unit", "n", "mae_model", "mae_naive", "median_ae_model",
           "median_ae_naive", "bias_model", "bias_naive", "model_closer_share",
           "median_model_se"]


def summarise(pairs):
    """pairs: [(published, model, naive, model_se)] -> the table's figures for one metric."""
    if not pairs:
        return {"n": 0}
    model_err = [m - p for p, m, _, _ in pairs]
    naive_err = [n - p for p, _, n, _ in pairs]
    closer = sum(1.0 if abs(m) < abs(n) else 0.5 if abs(m) == abs(n) else 0.0
                 for m, n in zip(model_err, naive_err))
    ses = [se for *_, se in pairs if not math.isnan(se)]
    return {
        "n": len(pairs),
        "mae_model": statistics.fmean(abs(e) for e in model_err),
        "mae_naive": statistics.fmean(abs(e) for e in naive_err),
        "median_ae_model": statistics.median(abs(e) for e in model_err),
        "median_ae_naive": statistics.median(abs(e) for e in naive_err),
        "bias_model": statistics.fmean(model_err),
        "bias_naive": statistics.fmean(naive_err),
        "model_closer_share": closer / len(pairs),
        "median_model_se": statistics.median(ses) if ses else math.nan,
    }


def table(scored):
    """scored: {metric key: pairs} -> [row dict] in the metrics' order."""
    rows = []
    for m in METRICS:
        row = {"metric": m.key, "unit": m.unit}
        row.update(summarise(scored.get(m.key, [])))
        rows.append(row)
    return rows


def write_csv(rows, path):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS)
        w.writeheader()
        for row in rows:
            w.writerow({k: _plain(row.get(k, "")) for k in COLUMNS})


def _plain(x):
    if isinstance(x, float):
        return "" if math.isnan(x) else repr(x)
    return x


def cell(x, places=2):
    """A table cell: the number to `places` decimals, or a dash."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    return f"{x:.{places}f}"


def markdown(rows):
    labels = {m.key: f"{m.label} ({m.unit})" for m in METRICS}
    lines = [
        "| Metric | N | MAE model | MAE naive | median AE model | median AE naive | "
        "bias model | bias naive | model closer | model s.e. |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        if r["n"] == 0:
            lines.append(f"| {labels[r['metric']]} | 0 |" + " – |" * 8)
            continue
        lines.append(
            f"| {labels[r['metric']]} | {r['n']} | {cell(r['mae_model'])} | "
            f"{cell(r['mae_naive'])} | {cell(r['median_ae_model'])} | "
            f"{cell(r['median_ae_naive'])} | {cell(r['bias_model'], 2)} | "
            f"{cell(r['bias_naive'], 2)} | {cell(100 * r['model_closer_share'], 0)} % | "
            f"{cell(r['median_model_se'])} |")
    return "\n".join(lines) + "\n"
