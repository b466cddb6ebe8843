#include "output/hdf5_comparison.hpp"

#include <span>

#include "output/hdf5_attributes.hpp"
#include "output/hdf5_datasets.hpp"
#include "output/hdf5_dimensions.hpp"
#include "output/hdf5_error.hpp"
#include "output/hdf5_handle.hpp"
#include "output/hdf5_series.hpp"
#include "output/hdf5_targets.hpp"
#include "output/run_layout.hpp"

namespace wfsim::output::hdf5 {

namespace {

Handle create_group(hid_t location, const std::string& path) {
    return own(H5Gcreate2(location, path.c_str(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), H5Gclose,
               "creating group '" + path + "'");
}

Handle open_group(hid_t location, const std::string& path) {
    return own(H5Gopen2(location, path.c_str(), H5P_DEFAULT), H5Gclose,
               "opening group '" + path + "'");
}

bool exists(hid_t location, const char* path) {
    return check(H5Lexists(location, path, H5P_DEFAULT),
                 std::string("looking for '") + path + "'") > 0;
}

// A table stored as one dataset per column, which h5py and pandas read as plain arrays
// (pandas.DataFrame({name: group[name][:] ...})) where a compound dataset would need decoding.
// Every column runs along the table's row dimension, which netCDF readers need.
class ColumnWriter {
public:
    ColumnWriter(hid_t group, std::string path, hid_t row, std::string row_name)
        : group_(group), path_(std::move(path)), row_(row), row_name_(std::move(row_name)) {}

    void text(const char* name, const std::vector<std::string>& values, const char* about) {
        describe(name, write_dataset(group_, name, values), about, "");
    }
    void number(const char* name, const std::vector<double>& values, const char* about,
                const std::string& units = "") {
        describe(name,
                 write_dataset(group_, name, {values.size()}, std::span<const double>(values)),
                 about, units);
    }
    void count(const char* name, const std::vector<std::int64_t>& values, const char* about) {
        describe(
            name,
            write_dataset(group_, name, {values.size()}, std::span<const std::int64_t>(values)),
            about, "");
    }

private:
    void describe(const char* name, const Handle& dataset, const char* about,
                  const std::string& units) {
        write_attribute(dataset.get(), layout::kDescription, std::string(about));
        if (!units.empty()) write_attribute(dataset.get(), layout::kUnits, units);
        attach_dimension(dataset.get(), path_ + "/" + name, row_, row_name_);
    }
    hid_t group_;
    std::string path_;
    hid_t row_;
    std::string row_name_;
};

// The table's row dimension /comparison/<row_name>: netCDF's dimension that is not a variable,
// as the rows have no coordinate of their own.
Handle row_dimension(hid_t file, const char* row_name, std::size_t rows) {
    const std::string path = std::string(layout::kComparisonGroup) + "/" + row_name;
    return write_bare_dimension(file, path.c_str(), rows);
}

template <class Row, class Field>
auto pluck(const std::vector<Row>& rows, Field field) {
    std::vector<std::remove_cvref_t<decltype(rows.front().*field)>> values;
    values.reserve(rows.size());
    for (const Row& row : rows) values.push_back(row.*field);
    return values;
}

void write_metric_rows(hid_t file, const std::vector<MetricDifference>& rows,
                       const std::string& start_date) {
    const std::string path =
        std::string(layout::kComparisonGroup) + "/" + layout::kComparisonMetrics;
    Handle group = create_group(file, path);
    write_attribute(group.get(), layout::kDescription,
                    std::string("each option's difference from the baseline, replication by "
                                "replication, for every metric at the dates the targets are "
                                "judged and at the horizon; one row per option, metric and date"));
    write_attribute(group.get(), "confidence", 0.95);
    Handle row = row_dimension(file, layout::kComparisonMetricsRow, rows.size());
    ColumnWriter w(group.get(), path, row.get(), layout::kComparisonMetricsRow);
    using M = MetricDifference;
    w.text("option", pluck(rows, &M::option), "the option compared");
    w.text("metric", pluck(rows, &M::metric), "the series compared (/series/<metric>)");
    w.text("date", pluck(rows, &M::date), "ISO date of the sample compared");
    w.number("time_days", pluck(rows, &M::time_days), "time of the sample compared",
             "days since " + start_date);
    w.number("baseline_mean", pluck(rows, &M::baseline_mean), "the baseline's mean over the pairs");
    w.number("option_mean", pluck(rows, &M::option_mean), "the option's mean over the pairs");
    w.number("difference", pluck(rows, &M::difference),
             "mean of option - baseline per replication");
    w.number("difference_sd", pluck(rows, &M::difference_sd),
             "standard deviation of the per-replication differences");
    w.number("ci_low", pluck(rows, &M::ci_low), "lower end of the 95 % Student-t interval");
    w.number("ci_high", pluck(rows, &M::ci_high), "upper end of the 95 % Student-t interval");
    w.count("pairs", pluck(rows, &M::pairs), "replications where both values are numbers");
}

void write_target_rows(hid_t file, const std::vector<TargetDifference>& rows) {
    const std::string path =
        std::string(layout::kComparisonGroup) + "/" + layout::kComparisonTargets;
    Handle group = create_group(file, path);
    write_attribute(group.get(), layout::kDescription,
                    std::string("each option's chance of meeting each target against the "
                                "baseline's, paired replication by replication"));
    write_attribute(group.get(), "confidence", 0.95);
    Handle row = row_dimension(file, layout::kComparisonTargetsRow, rows.size());
    ColumnWriter w(group.get(), path, row.get(), layout::kComparisonTargetsRow);
    using T = TargetDifference;
    w.text("option", pluck(rows, &T::option), "the option compared");
    w.text("target", pluck(rows, &T::target), "the target (/targets/<target>)");
    w.number("baseline_probability", pluck(rows, &T::baseline_probability),
             "share of the baseline's replications that met the target");
    w.number("probability", pluck(rows, &T::probability),
             "share of the option's replications that met the target");
    w.number("difference", pluck(rows, &T::difference), "probability - baseline_probability");
    w.number("ci_low", pluck(rows, &T::ci_low),
             "lower end of the paired 95 % Student-t interval of the difference");
    w.number("ci_high", pluck(rows, &T::ci_high),
             "upper end of the paired 95 % Student-t interval of the difference");
    w.count("pairs", pluck(rows, &T::pairs), "replications compared");
}

std::vector<std::string> strings(hid_t group, const std::string& path, const char* name,
                                 hsize_t rows) {
    Handle dataset = open_dataset(group, name);
    return read_strings(dataset.get(), (path + "/" + name).c_str(), rows);
}

std::vector<double> numbers(hid_t group, const std::string& path, const char* name, hsize_t rows) {
    Handle dataset = open_dataset(group, name);
    return read_doubles(dataset.get(), (path + "/" + name).c_str(), {rows});
}

hsize_t row_count(hid_t group, const std::string& path) {
    Handle dataset = open_dataset(group, "option");
    const std::vector<hsize_t> dims = extent(dataset.get(), (path + "/option").c_str());
    if (dims.size() != 1) throw Error("dataset '" + path + "/option' is not one-dimensional");
    return dims.front();
}

std::vector<MetricDifference> read_metric_rows(hid_t file) {
    const std::string path =
        std::string(layout::kComparisonGroup) + "/" + layout::kComparisonMetrics;
    Handle group = open_group(file, path);
    const hid_t g = group.get();
    const hsize_t n = row_count(g, path);
    const auto option = strings(g, path, "option", n), metric = strings(g, path, "metric", n),
               date = strings(g, path, "date", n);
    const auto time = numbers(g, path, "time_days", n), base = numbers(g, path, "baseline_mean", n),
               mean = numbers(g, path, "option_mean", n), diff = numbers(g, path, "difference", n),
               sd = numbers(g, path, "difference_sd", n), low = numbers(g, path, "ci_low", n),
               high = numbers(g, path, "ci_high", n), pairs = numbers(g, path, "pairs", n);
    std::vector<MetricDifference> rows(n);
    for (hsize_t i = 0; i < n; ++i) {
        rows[i] = {option[i],
                   metric[i],
                   date[i],
                   time[i],
                   base[i],
                   mean[i],
                   diff[i],
                   sd[i],
                   low[i],
                   high[i],
                   static_cast<std::int64_t>(pairs[i])};
    }
    return rows;
}

std::vector<TargetDifference> read_target_rows(hid_t file) {
    const std::string path =
        std::string(layout::kComparisonGroup) + "/" + layout::kComparisonTargets;
    if (!exists(file, path.c_str())) return {};
    Handle group = open_group(file, path);
    const hid_t g = group.get();
    const hsize_t n = row_count(g, path);
    const auto option = strings(g, path, "option", n), target = strings(g, path, "target", n);
    const auto base = numbers(g, path, "baseline_probability", n),
               p = numbers(g, path, "probability", n), diff = numbers(g, path, "difference", n),
               low = numbers(g, path, "ci_low", n), high = numbers(g, path, "ci_high", n),
               pairs = numbers(g, path, "pairs", n);
    std::vector<TargetDifference> rows(n);
    for (hsize_t i = 0; i < n; ++i) {
        rows[i] = {option[i], target[i], base[i], p[i],
                   diff[i],   low[i],    high[i], static_cast<std::int64_t>(pairs[i])};
    }
    return rows;
}

}  // namespace

void write_comparison(hid_t file, const Comparison& comparison, hid_t replication, hid_t time,
                      const std::string& start_date) {
    Handle options = create_group(file, layout::kOptionsGroup);
    std::vector<std::string> names;
    for (const OptionRun& option : comparison.options) names.push_back(option.name);
    write_attribute(options.get(), layout::kOptionNames, names);
    write_attribute(options.get(), layout::kBaseline, comparison.baseline);
    write_attribute(options.get(), layout::kCommonRandomNumbers,
                    std::int64_t{comparison.common_random_numbers ? 1 : 0});
    for (const OptionRun& option : comparison.options) {
        Handle group = create_group(options.get(), option.name);
        write_attribute(group.get(), "name", option.name);
        write_attribute(group.get(), layout::kDescription, option.description);
        write_attribute(group.get(), layout::kOptionSettings, option.settings);
        write_series(group.get(), option.series, replication, time);
        if (!option.targets.empty()) {
            write_targets(group.get(), option.targets, replication, start_date);
        }
    }
    Handle all = create_group(file, layout::kComparisonGroup);
    write_attribute(all.get(), layout::kBaseline, comparison.baseline);
    if (!comparison.metrics.empty()) write_metric_rows(file, comparison.metrics, start_date);
    if (!comparison.targets.empty()) write_target_rows(file, comparison.targets);
}

std::optional<Comparison> read_comparison(hid_t file, const std::vector<std::string>& metrics,
                                          std::size_t replications, hsize_t samples) {
    if (!exists(file, layout::kOptionsGroup)) return std::nullopt;
    Handle options = open_group(file, layout::kOptionsGroup);
    Comparison comparison;
    comparison.baseline = read_string_attribute(options.get(), layout::kBaseline);
    comparison.common_random_numbers =
        read_int64_attribute(options.get(), layout::kCommonRandomNumbers) != 0;
    for (const std::string& name :
         read_string_list_attribute(options.get(), layout::kOptionNames)) {
        Handle group = open_group(options.get(), name);
        comparison.options.push_back(
            OptionRun{name, read_string_attribute(group.get(), layout::kDescription),
                      read_string_list_attribute(group.get(), layout::kOptionSettings),
                      read_series(group.get(), metrics, replications, samples),
                      read_targets(group.get(), replications)});
    }
    const std::string metric_rows =
        std::string(layout::kComparisonGroup) + "/" + layout::kComparisonMetrics;
    if (exists(file, layout::kComparisonGroup) && exists(file, metric_rows.c_str())) {
        comparison.metrics = read_metric_rows(file);
    }
    if (exists(file, layout::kComparisonGroup)) comparison.targets = read_target_rows(file);
    return comparison;
}

}  // namespace wfsim::output::hdf5
