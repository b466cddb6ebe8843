// The names that make up the sweep-file format (output/sweep_file.hpp), shared by the writer
// and the reader.
#pragma once

namespace wfsim::output::sweep_layout {

inline constexpr char kPoint[] = "point";
inline constexpr char kParameters[] = "parameters";
inline constexpr char kAxes[] = "axes";
inline constexpr char kSummary[] = "summary";
inline constexpr const char* kStatistics[] = {"mean", "p5", "p50", "p95"};
inline constexpr double kQuantiles[] = {0.05, 0.5, 0.95};

inline constexpr char kFingerprint[] = "fingerprint";
inline constexpr char kStudyName[] = "study_name";
inline constexpr char kStudyYaml[] = "study_yaml";
inline constexpr char kDesign[] = "design";
inline constexpr char kStreams[] = "streams";
inline constexpr char kTotalPoints[] = "total_points";
inline constexpr char kProbability[] = "probability";
inline constexpr char kCiLow[] = "ci_low";
inline constexpr char kCiHigh[] = "ci_high";

}  // namespace wfsim::output::sweep_layout
