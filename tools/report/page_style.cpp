#include "tools/report/page_style.hpp"

namespace wfsim::report {

const char* page_style() {
    return R"css(* { box-sizing: border-box; }
body {
  margin: 0; color: #1b1b1b; background: #fff;
  font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
main { max-width: 78rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; line-height: 1.2; margin: 0.3rem 0 0.5rem; }
h2 {
  font-size: 1.25rem; margin: 1.8rem 0 0.6rem; padding-bottom: 0.2rem;
  border-bottom: 2px solid #0b3c74;
}
p { margin: 0.4rem 0; }
.run-facts { color: #444; }
.note { color: #444; font-size: 0.92rem; }
.table-scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
table { border-collapse: collapse; font-size: 0.95rem; }
th, td { text-align: left; padding: 0.35rem 0.6rem; border-bottom: 1px solid #ddd; vertical-align: top; }
th { background: #f0f4f8; white-space: nowrap; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.band { display: block; color: #555; font-size: 0.82em; }
code { font-size: 0.92em; }
.charts {
  display: grid; gap: 1rem 1.5rem;
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 30rem), 1fr));
}
figure.chart { margin: 0; break-inside: avoid; page-break-inside: avoid; }
figure.chart svg { display: block; width: 100%; height: auto; }
figcaption { font-size: 0.92rem; margin-bottom: 0.2rem; }
.legend { display: flex; flex-wrap: wrap; gap: 0.3rem 1.2rem; margin: 0.5rem 0 1rem; padding: 0;
  list-style: none; font-size: 0.92rem; }
.swatch { display: inline-block; width: 1.8em; height: 0.9em; margin-right: 0.4em; vertical-align: middle; }
.swatch.line { height: 0; border-top-width: 3px; }
pre.scenario {
  background: #f6f8fa; border: 1px solid #e1e4e8; padding: 0.8rem; overflow-x: auto;
  font-size: 0.85rem; line-height: 1.35;
}
@media print {
  main { max-width: none; padding: 0; }
  .charts { display: block; }
  figure.chart { margin-bottom: 1rem; }
  .table-scroll { overflow: visible; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  h2 { break-after: avoid; page-break-after: avoid; }
  pre.scenario { white-space: pre-wrap; overflow: visible; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)css";
}

const char* options_style() {
    return R"css(h3 { font-size: 1.05rem; margin: 1.3rem 0 0.4rem; }
ul.settings { margin: 0.15rem 0 0; padding-left: 1.1rem; }
svg.option-key { display: inline-block; width: 2.8em; height: 0.9em; margin-right: 0.4em;
  vertical-align: middle; }
table.option-targets td.num { min-width: 8.5rem; }
.difference { display: block; margin-top: 0.3rem; font-weight: 600; }
.verdict { display: block; font-size: 0.82em; font-style: italic; }
td.diff-higher { background: #e2f1dc; }
td.diff-lower { background: #f9dfdf; }
.option-metric { margin: 0 0 1.2rem; break-inside: avoid; page-break-inside: avoid; }
.option-metric-charts {
  display: grid; gap: 0.5rem 1.5rem;
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 30rem), 1fr));
}
@media print {
  .option-metric-charts { display: block; }
}
)css";
}

}  // namespace wfsim::report
