// SweepReader and merge_sweeps: reading sweep files (output/sweep_file.hpp) back, and joining
// a study's shards into one file.
#include <hdf5.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>

#include "output/hdf5_attributes.hpp"
#include "output/hdf5_datasets.hpp"
#include "output/hdf5_error.hpp"
#include "output/hdf5_files.hpp"
#include "output/hdf5_slabs.hpp"
#include "output/hdf5_targets.hpp"
#include "output/run_file.hpp"
#include "output/run_layout.hpp"
#include "output/sweep_file.hpp"
#include "output/sweep_names.hpp"

namespace wfsim::output {

namespace {

using hdf5::check;
using hdf5::Handle;
using hdf5::own;

std::vector<std::int64_t> read_int64s(hid_t file, const char* name, hsize_t n) {
    Handle d = hdf5::open_dataset(file, name);
    const std::vector<double> values = hdf5::read_doubles(d.get(), name, {n});
    return std::vector<std::int64_t>(values.begin(), values.end());
}

hsize_t length(hid_t file, const char* name) {
    Handle d = hdf5::open_dataset(file, name);
    const std::vector<hsize_t> dims = hdf5::extent(d.get(), name);
    if (dims.size() != 1) throw hdf5::Error(std::string("'") + name + "' is not one-dimensional");
    return dims[0];
}

}  // namespace

struct SweepReader::State {
    std::filesystem::path in;
    Handle file;
    SweepHeader header;
    std::vector<std::int64_t> points;
    std::vector<std::vector<std::string>> values;  // per slot
};

SweepReader::SweepReader(const std::filesystem::path& in) : state_(std::make_unique<State>()) {
    State& s = *state_;
    s.in = in;
    const hdf5::QuietErrors quiet;
    try {
        s.file = hdf5::open_formatted(in, kSweepFormatName, "not a wfsim sweep file");
        const hid_t f = s.file.get();
        namespace L = sweep_layout;
        SweepHeader& h = s.header;
        h.fingerprint = hdf5::read_string_attribute(f, L::kFingerprint);
        h.wfsim_version = hdf5::read_string_attribute(f, layout::kWfsimVersion);
        h.study_name = hdf5::read_string_attribute(f, L::kStudyName);
        h.study_yaml = hdf5::read_string_attribute(f, L::kStudyYaml);
        h.scenario_yaml = hdf5::read_string_attribute(f, layout::kScenarioYaml);
        h.design = hdf5::read_string_attribute(f, L::kDesign);
        h.streams = hdf5::read_string_attribute(f, L::kStreams);
        h.seed = hdf5::read_uint64_attribute(f, layout::kSeed);
        h.total_points = hdf5::read_int64_attribute(f, L::kTotalPoints);
        h.replications = static_cast<std::size_t>(hdf5::read_int64_attribute(f, layout::kReplications));
        h.start_date = hdf5::read_string_attribute(f, layout::kStartDate);
        h.horizon_days = hdf5::read_double_attribute(f, layout::kHorizonDays);
        h.interval_days = hdf5::read_double_attribute(f, layout::kIntervalDays);
        const hsize_t T = length(f, layout::kTime);
        {
            Handle time = hdf5::open_dataset(f, layout::kTime);
            h.time = hdf5::read_doubles(time.get(), layout::kTime, {T});
            Handle date = hdf5::open_dataset(f, layout::kDate);
            h.date = hdf5::read_strings(date.get(), layout::kDate, T);
        }
        for (const std::string& name : hdf5::read_string_list_attribute(f, layout::kMetrics)) {
            const std::string path = std::string(layout::kSeriesGroup) + "/" + name;
            Handle d = hdf5::open_dataset(f, path.c_str());
            h.metrics.push_back({name, hdf5::read_string_attribute(d.get(), layout::kUnits),
                                 hdf5::read_string_attribute(d.get(), layout::kDescription)});
        }
        if (check(H5Lexists(f, layout::kTargetsGroup, H5P_DEFAULT), "looking for targets") > 0) {
            Handle all = own(H5Gopen2(f, layout::kTargetsGroup, H5P_DEFAULT), H5Gclose,
                             "opening 'targets'");
            for (const std::string& name :
                 hdf5::read_string_list_attribute(all.get(), layout::kTargetNames)) {
                const std::string path = std::string(layout::kTargetsGroup) + "/" + name;
                Handle g = own(H5Gopen2(f, path.c_str(), H5P_DEFAULT), H5Gclose,
                               "opening '" + path + "'");
                h.targets.push_back(hdf5::read_target_definition(g.get()));
            }
        }
        const hsize_t P = length(f, L::kPoint);
        s.points = read_int64s(f, L::kPoint, P);
        Handle parameters = own(H5Gopen2(f, L::kParameters, H5P_DEFAULT), H5Gclose,
                                "opening 'parameters'");
        h.axes = hdf5::read_string_list_attribute(parameters.get(), L::kAxes);
        s.values.assign(P, std::vector<std::string>(h.axes.size()));
        for (std::size_t k = 0; k < h.axes.size(); ++k) {
            const std::string path = std::string(L::kParameters) + "/" + h.axes[k];
            Handle d = hdf5::open_dataset(f, path.c_str());
            Handle type = own(H5Dget_type(d.get()), H5Tclose, "reading '" + path + "'");
            if (H5Tget_class(type.get()) == H5T_STRING) {
                const auto texts = hdf5::read_strings(d.get(), path.c_str(), P);
                for (hsize_t p = 0; p < P; ++p) s.values[p][k] = texts[p];
            } else {
                // Numbers were written from their shortest text, which reads back as the
                // same double; shown again the same way.
                const auto numbers = hdf5::read_doubles(d.get(), path.c_str(), {P});
                for (hsize_t p = 0; p < P; ++p) {
                    char buffer[32];
                    const auto r = std::to_chars(buffer, buffer + sizeof buffer, numbers[p]);
                    s.values[p][k] = std::string(buffer, r.ptr);
                }
            }
        }
    } catch (const hdf5::Error& e) {
        throw SweepError("cannot read " + in.string() + ": " + e.what());
    }
}

SweepReader::~SweepReader() = default;
SweepReader::SweepReader(SweepReader&&) noexcept = default;

const SweepHeader& SweepReader::header() const { return state_->header; }
const std::vector<std::int64_t>& SweepReader::points() const { return state_->points; }

SweepPoint SweepReader::read(std::size_t slot) const {
    const State& s = *state_;
    const SweepHeader& h = s.header;
    SweepPoint point;
    point.index = s.points.at(slot);
    point.values = s.values.at(slot);
    point.series = SeriesTable(h.metrics, h.replications, h.time.size());
    const hdf5::QuietErrors quiet;
    try {
        const hid_t f = s.file.get();
        const std::size_t R = h.replications, T = h.time.size();
        std::vector<double> block(R * T);
        for (std::size_t m = 0; m < h.metrics.size(); ++m) {
            const std::string path = std::string(layout::kSeriesGroup) + "/" + h.metrics[m].name;
            Handle d = hdf5::open_dataset(f, path.c_str());
            hdf5::read_slab(d.get(), path.c_str(), slot, block);
            for (std::size_t r = 0; r < R; ++r) {
                std::copy_n(block.begin() + static_cast<std::ptrdiff_t>(r * T), T,
                            point.series.row(m, r).begin());
            }
        }
        for (const TargetResult& definition : h.targets) {
            TargetResult t = definition;
            const std::string path = std::string(layout::kTargetsGroup) + "/" + t.name + "/";
            t.met.resize(R);
            t.first_met_days.resize(R);
            Handle met = hdf5::open_dataset(f, (path + layout::kTargetMet).c_str());
            hdf5::read_slab(met.get(), t.name.c_str(), slot, std::span<std::uint8_t>(t.met));
            Handle first = hdf5::open_dataset(f, (path + layout::kTargetFirstMet).c_str());
            hdf5::read_slab(first.get(), t.name.c_str(), slot, std::span<double>(t.first_met_days));
            const auto scalar = [&](const char* name) {
                Handle d = hdf5::open_dataset(f, (path + name).c_str());
                std::vector<double> one(1);
                hdf5::read_slab(d.get(), name, slot, std::span<double>(one));
                return one[0];
            };
            t.probability = scalar(sweep_layout::kProbability);
            t.ci_low = scalar(sweep_layout::kCiLow);
            t.ci_high = scalar(sweep_layout::kCiHigh);
            point.targets.push_back(std::move(t));
        }
    } catch (const hdf5::Error& e) {
        throw SweepError("cannot read " + s.in.string() + ": " + e.what());
    }
    return point;
}

namespace {

// What merge_sweeps needs to know of an input before writing: whose points, and which.
struct Probe {
    std::string fingerprint;
    std::vector<std::int64_t> points;
};

Probe probe(const std::filesystem::path& in) {
    const hdf5::QuietErrors quiet;
    try {
        const Handle file = hdf5::open_formatted(in, kSweepFormatName, "not a wfsim sweep file");
        const hid_t f = file.get();
        Probe p;
        p.fingerprint = hdf5::read_string_attribute(f, sweep_layout::kFingerprint);
        p.points = read_int64s(f, sweep_layout::kPoint, length(f, sweep_layout::kPoint));
        return p;
    } catch (const hdf5::Error& e) {
        throw SweepError("cannot read " + in.string() + ": " + e.what());
    }
}

}  // namespace

// One input open at a time: a sweep's journal holds a file per point, far more than a process
// may have open at once, and an open HDF5 file holds a couple of MB of caches (3,000 inputs
// took 8 GB when all were open together). The first pass only probes each file's fingerprint
// and points.
void merge_sweeps(const std::vector<std::filesystem::path>& inputs,
                  const std::filesystem::path& out, bool allow_missing) {
    if (inputs.empty()) throw SweepError("nothing to merge");
    const SweepHeader first = SweepReader(inputs.front()).header();
    std::map<std::int64_t, std::size_t> where;  // point -> input
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        const Probe p = probe(inputs[i]);
        if (p.fingerprint != first.fingerprint) {
            throw SweepError("cannot merge " + inputs[i].string() + ": it is from another study "
                             "(fingerprint " + p.fingerprint + ", " + inputs[0].string() +
                             " has " + first.fingerprint + ")");
        }
        for (const std::int64_t point : p.points) {
            const auto [it, inserted] = where.emplace(point, i);
            if (!inserted) {
                throw SweepError("cannot merge " + inputs[i].string() + ": point " +
                                 std::to_string(point) + " is also in " +
                                 inputs[it->second].string());
            }
        }
    }
    if (!allow_missing) {
        for (std::int64_t p = 0; p < first.total_points; ++p) {
            if (!where.contains(p)) {
                throw SweepError("cannot merge into " + out.string() + ": point " +
                                 std::to_string(p) + " of " + std::to_string(first.total_points) +
                                 " is in none of the files");
            }
        }
    }
    std::vector<std::int64_t> points;
    for (const auto& [p, input] : where) points.push_back(p);
    SweepWriter writer(out, first, points);
    // Input by input (the writer takes points in any order), each read once.
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        const SweepReader reader(inputs[i]);
        for (std::size_t slot = 0; slot < reader.points().size(); ++slot) {
            writer.write(reader.read(slot));
        }
    }
    writer.commit();
}

}  // namespace wfsim::output
