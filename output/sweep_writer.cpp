// SweepWriter: lays a study's points out as output/sweep_file.hpp describes, one point at a time.
#include <hdf5.h>
#include <hdf5_hl.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <map>
#include <numeric>
#include <optional>

#include "output/atomic_file.hpp"
#include "output/hdf5_attributes.hpp"
#include "output/hdf5_datasets.hpp"
#include "output/hdf5_error.hpp"
#include "output/hdf5_slabs.hpp"
#include "output/hdf5_targets.hpp"
#include "output/hdf5_types.hpp"
#include "output/quantiles.hpp"
#include "output/run_file.hpp"
#include "output/run_layout.hpp"
#include "output/sweep_file.hpp"
#include "output/sweep_names.hpp"

namespace wfsim::output {

namespace {

using hdf5::check;
using hdf5::Handle;
using hdf5::own;

Handle create_group(hid_t location, const std::string& path) {
    return own(H5Gcreate2(location, path.c_str(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), H5Gclose,
               "creating group '" + path + "'");
}

std::optional<double> number(const std::string& text) {
    double value = 0.0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

}  // namespace

struct SweepWriter::State {
    std::filesystem::path out;
    SweepHeader header;
    std::vector<std::int64_t> points;
    std::vector<bool> written;
    std::vector<std::vector<std::string>> values;  // per slot, per axis
    std::vector<std::vector<double>> probability, ci_low, ci_high;  // per target, per slot
    AtomicFile file;
    Handle h5;
    Handle point_scale, replication_scale, time_scale;
    std::vector<Handle> series;                   // per metric
    std::vector<std::array<Handle, 4>> summaries;  // per metric: mean, p5, p50, p95
    std::vector<Handle> met, first_met;            // per target

    State(const std::filesystem::path& path, const SweepHeader& h, std::vector<std::int64_t> p)
        : out(path), header(h), points(std::move(p)), file(path) {}
};

namespace {

void attach(hid_t dataset, hid_t scale, unsigned dimension, const std::string& name) {
    check(H5DSattach_scale(dataset, scale, dimension), "attaching a scale to '" + name + "'");
}

void write_header(SweepWriter::State& s);

}  // namespace

SweepWriter::SweepWriter(const std::filesystem::path& out, const SweepHeader& header,
                         std::vector<std::int64_t> points) {
    std::sort(points.begin(), points.end());
    if (std::adjacent_find(points.begin(), points.end()) != points.end()) {
        throw SweepError("cannot write " + out.string() + ": a point is listed twice");
    }
    try {
        state_ = std::make_unique<State>(out, header, std::move(points));
    } catch (const OutputError& e) {
        throw SweepWriteError(e.what());
    }
    State& s = *state_;
    s.written.assign(s.points.size(), false);
    s.values.assign(s.points.size(), std::vector<std::string>(header.axes.size()));
    const std::size_t n = s.points.size();
    s.probability.assign(header.targets.size(), std::vector<double>(n, std::nan("")));
    s.ci_low = s.probability;
    s.ci_high = s.probability;
    const hdf5::QuietErrors quiet;
    try {
        write_header(s);
    } catch (const hdf5::Error& e) {
        throw SweepWriteError("cannot write " + out.string() + ": " + e.what());
    }
}

SweepWriter::~SweepWriter() = default;

namespace {

void write_header(SweepWriter::State& s) {
    const SweepHeader& h = s.header;
    Handle access = own(H5Pcreate(H5P_FILE_ACCESS), H5Pclose, "setting up file access");
    check(H5Pset_fclose_degree(access.get(), H5F_CLOSE_SEMI), "setting up file access");
    // Every write covers whole chunks, written once: with no chunk cache each is compressed
    // and stored by write() itself, while the points come in, not all at once by commit().
    check(H5Pset_cache(access.get(), 0, 521, 0, 1.0), "setting up file access");
    s.h5 = own(H5Fcreate(s.file.temp_path().c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, access.get()),
               H5Fclose, "creating the HDF5 file");
    const hid_t f = s.h5.get();
    namespace L = sweep_layout;
    hdf5::write_attribute(f, layout::kFormat, std::string(kSweepFormatName));
    hdf5::write_attribute(f, L::kFingerprint, h.fingerprint);
    hdf5::write_attribute(f, layout::kWfsimVersion, h.wfsim_version);
    hdf5::write_attribute(f, L::kStudyName, h.study_name);
    hdf5::write_attribute(f, L::kStudyYaml, h.study_yaml);
    hdf5::write_attribute(f, layout::kScenarioYaml, h.scenario_yaml);
    hdf5::write_attribute(f, L::kDesign, h.design);
    hdf5::write_attribute(f, L::kStreams, h.streams);
    hdf5::write_attribute(f, layout::kSeed, h.seed);
    hdf5::write_attribute(f, L::kTotalPoints, h.total_points);
    hdf5::write_attribute(f, layout::kReplications, static_cast<std::int64_t>(h.replications));
    hdf5::write_attribute(f, layout::kStartDate, h.start_date);
    hdf5::write_attribute(f, layout::kHorizonDays, h.horizon_days);
    hdf5::write_attribute(f, layout::kIntervalDays, h.interval_days);
    std::vector<std::string> metric_names;
    for (const SeriesSpec& m : h.metrics) metric_names.push_back(m.name);
    hdf5::write_attribute(f, layout::kMetrics, metric_names);

    const hsize_t P = s.points.size(), R = h.replications, T = h.time.size();
    s.point_scale = hdf5::write_dataset(f, L::kPoint, {P}, std::span<const std::int64_t>(s.points));
    check(H5DSset_scale(s.point_scale.get(), L::kPoint), "making 'point' a scale");
    std::vector<std::int64_t> reps(R);
    std::iota(reps.begin(), reps.end(), std::int64_t{0});
    s.replication_scale =
        hdf5::write_dataset(f, layout::kReplication, {R}, std::span<const std::int64_t>(reps));
    check(H5DSset_scale(s.replication_scale.get(), layout::kReplication),
          "making 'replication' a scale");
    s.time_scale = hdf5::write_dataset(f, layout::kTime, {T}, std::span<const double>(h.time));
    hdf5::write_attribute(s.time_scale.get(), layout::kUnits, "days since " + h.start_date);
    hdf5::write_attribute(s.time_scale.get(), layout::kCalendar,
                          std::string("proleptic_gregorian"));
    check(H5DSset_scale(s.time_scale.get(), layout::kTime), "making 'time' a scale");
    Handle date = hdf5::write_dataset(f, layout::kDate, h.date);
    attach(date.get(), s.time_scale.get(), 0, layout::kDate);

    Handle series = create_group(f, layout::kSeriesGroup);
    Handle summary = create_group(f, L::kSummary);
    for (const SeriesSpec& m : h.metrics) {
        const std::string path = std::string(layout::kSeriesGroup) + "/" + m.name;
        Handle d = hdf5::create_slabbed(f, path.c_str(), H5T_IEEE_F64LE, {P, R, T});
        hdf5::write_attribute(d.get(), layout::kUnits, m.units);
        hdf5::write_attribute(d.get(), layout::kDescription, m.description);
        attach(d.get(), s.point_scale.get(), 0, path);
        attach(d.get(), s.replication_scale.get(), 1, path);
        attach(d.get(), s.time_scale.get(), 2, path);
        s.series.push_back(std::move(d));
        const std::string group = std::string(L::kSummary) + "/" + m.name;
        create_group(f, group);
        std::array<Handle, 4> stats;
        for (std::size_t k = 0; k < 4; ++k) {
            const std::string stat = group + "/" + L::kStatistics[k];
            stats[k] = hdf5::create_slabbed(f, stat.c_str(), H5T_IEEE_F64LE, {P, T});
            hdf5::write_attribute(stats[k].get(), layout::kUnits, m.units);
            attach(stats[k].get(), s.point_scale.get(), 0, stat);
            attach(stats[k].get(), s.time_scale.get(), 1, stat);
        }
        s.summaries.push_back(std::move(stats));
    }
    if (!h.targets.empty()) {
        Handle all = create_group(f, layout::kTargetsGroup);
        std::vector<std::string> names;
        for (const TargetResult& t : h.targets) names.push_back(t.name);
        hdf5::write_attribute(all.get(), layout::kTargetNames, names);
        for (const TargetResult& t : h.targets) {
            const std::string path = std::string(layout::kTargetsGroup) + "/" + t.name;
            Handle g = create_group(f, path);
            hdf5::write_target_definition(g.get(), t);
            const std::string met = path + "/" + layout::kTargetMet;
            s.met.push_back(hdf5::create_slabbed(f, met.c_str(), H5T_STD_U8LE, {P, R}));
            const std::string first = path + "/" + layout::kTargetFirstMet;
            s.first_met.push_back(hdf5::create_slabbed(f, first.c_str(), H5T_IEEE_F64LE, {P, R}));
            hdf5::write_attribute(s.first_met.back().get(), layout::kUnits,
                                  "days since " + h.start_date);
            for (Handle* d : {&s.met.back(), &s.first_met.back()}) {
                attach(d->get(), s.point_scale.get(), 0, path);
                attach(d->get(), s.replication_scale.get(), 1, path);
            }
        }
    }
}

// Mean and the 5, 50 and 95 % quantiles across replications at each sample.
void summarise(const SeriesTable& series, std::size_t metric,
               std::array<std::vector<double>, 4>& out) {
    const std::size_t T = series.samples();
    std::vector<double> column;
    for (auto& v : out) v.assign(T, std::nan(""));
    for (std::size_t t = 0; t < T; ++t) {
        series.across_replications(metric, t, column);
        sort_without_nan(column);
        if (column.empty()) continue;
        out[0][t] = std::accumulate(column.begin(), column.end(), 0.0) /
                    static_cast<double>(column.size());
        for (std::size_t k = 0; k < 3; ++k) {
            out[k + 1][t] = quantile_of_sorted(column, sweep_layout::kQuantiles[k]);
        }
    }
}

}  // namespace

void SweepWriter::write(const SweepPoint& point) {
    State& s = *state_;
    const SweepHeader& h = s.header;
    const auto at = std::lower_bound(s.points.begin(), s.points.end(), point.index);
    const std::string prefix = "cannot write " + s.out.string() + ": point " +
                               std::to_string(point.index);
    if (at == s.points.end() || *at != point.index) {
        throw SweepError(prefix + " does not belong in this file");
    }
    const auto slot = static_cast<hsize_t>(at - s.points.begin());
    if (point.series.metrics() != h.metrics.size() ||
        point.series.replications() != h.replications ||
        point.series.samples() != h.time.size() || point.targets.size() != h.targets.size() ||
        point.values.size() != h.axes.size()) {
        throw SweepError(prefix + " has results of another shape than the study's");
    }
    const hdf5::QuietErrors quiet;
    try {
        std::vector<double> block;
        std::array<std::vector<double>, 4> stats;
        for (std::size_t m = 0; m < h.metrics.size(); ++m) {
            block.clear();
            for (std::size_t r = 0; r < h.replications; ++r) {
                const auto row = point.series.row(m, r);
                block.insert(block.end(), row.begin(), row.end());
            }
            hdf5::write_slab(s.series[m].get(), h.metrics[m].name.c_str(), slot, block);
            summarise(point.series, m, stats);
            for (std::size_t k = 0; k < 4; ++k) {
                hdf5::write_slab(s.summaries[m][k].get(), h.metrics[m].name.c_str(), slot,
                                 stats[k]);
            }
        }
        for (std::size_t t = 0; t < h.targets.size(); ++t) {
            const TargetResult& r = point.targets[t];
            hdf5::write_slab(s.met[t].get(), r.name.c_str(), slot,
                             std::span<const std::uint8_t>(r.met));
            hdf5::write_slab(s.first_met[t].get(), r.name.c_str(), slot,
                             std::span<const double>(r.first_met_days));
            s.probability[t][slot] = r.probability;
            s.ci_low[t][slot] = r.ci_low;
            s.ci_high[t][slot] = r.ci_high;
        }
    } catch (const hdf5::Error& e) {
        throw SweepWriteError(prefix + ": " + e.what());
    }
    s.values[slot] = point.values;
    s.written[slot] = true;
}

void SweepWriter::commit() {
    State& s = *state_;
    const SweepHeader& h = s.header;
    const auto missing = std::find(s.written.begin(), s.written.end(), false);
    if (missing != s.written.end()) {
        throw SweepError("cannot write " + s.out.string() + ": point " +
                         std::to_string(s.points[static_cast<std::size_t>(missing - s.written.begin())]) +
                         " has no results");
    }
    const hdf5::QuietErrors quiet;
    try {
        const hid_t f = s.h5.get();
        const hsize_t P = s.points.size();
        {
            Handle parameters = create_group(f, sweep_layout::kParameters);
            hdf5::write_attribute(parameters.get(), sweep_layout::kAxes, h.axes);
        }
        for (std::size_t k = 0; k < h.axes.size(); ++k) {
            const std::string path = std::string(sweep_layout::kParameters) + "/" + h.axes[k];
            std::vector<std::string> texts;
            std::vector<double> numbers;
            for (const auto& v : s.values) {
                texts.push_back(v[k]);
                if (const auto x = number(v[k])) numbers.push_back(*x);
            }
            Handle d = numbers.size() == texts.size()
                           ? hdf5::write_dataset(f, path.c_str(), {P}, std::span<const double>(numbers))
                           : hdf5::write_dataset(f, path.c_str(), texts);
            attach(d.get(), s.point_scale.get(), 0, path);
        }
        for (std::size_t t = 0; t < h.targets.size(); ++t) {
            const std::string path = std::string(layout::kTargetsGroup) + "/" + h.targets[t].name;
            const auto put = [&](const char* name, const std::vector<double>& values) {
                const std::string full = path + "/" + name;
                Handle d = hdf5::write_dataset(f, full.c_str(), {P}, std::span<const double>(values));
                attach(d.get(), s.point_scale.get(), 0, full);
            };
            put(sweep_layout::kProbability, s.probability[t]);
            put(sweep_layout::kCiLow, s.ci_low[t]);
            put(sweep_layout::kCiHigh, s.ci_high[t]);
        }
        s.series.clear();
        s.summaries.clear();
        s.met.clear();
        s.first_met.clear();
        s.point_scale = {};
        s.replication_scale = {};
        s.time_scale = {};
        check(s.h5.close(), "closing the file");
    } catch (const hdf5::Error& e) {
        throw SweepWriteError("cannot write " + s.out.string() + ": " + e.what());
    }
    try {
        s.file.commit();
    } catch (const OutputError& e) {
        throw SweepWriteError(e.what());
    }
}

}  // namespace wfsim::output
