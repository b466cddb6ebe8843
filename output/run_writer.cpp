// write_run: lays a RunData out as described in output/run_layout.hpp.
#include <hdf5.h>
#include <hdf5_hl.h>

#include <numeric>
#include <string>
#include <vector>

#include "output/atomic_file.hpp"
#include "output/hdf5_attributes.hpp"
#include "output/hdf5_comparison.hpp"
#include "output/hdf5_compression.hpp"
#include "output/hdf5_datasets.hpp"
#include "output/hdf5_dimensions.hpp"
#include "output/hdf5_error.hpp"
#include "output/hdf5_records.hpp"
#include "output/hdf5_series.hpp"
#include "output/hdf5_targets.hpp"
#include "output/run_file.hpp"
#include "output/run_layout.hpp"

namespace wfsim::output {

namespace {

using hdf5::check;
using hdf5::Handle;
using hdf5::own;

// Each option becomes the group /options/<name> and must record what the baseline does.
void validate_options(const std::string& prefix, const RunData& run) {
    for (const OptionRun& option : run.comparison->options) {
        if (option.name.empty() || option.name == "." ||
            option.name.find('/') != std::string::npos) {
            throw OutputError(prefix + "option name '" + option.name +
                              "' cannot be an HDF5 group name");
        }
        const SeriesTable& s = option.series;
        bool same = s.metrics() == run.series.metrics() &&
                    s.replications() == run.series.replications() &&
                    s.samples() == run.series.samples();
        for (std::size_t m = 0; same && m < s.metrics(); ++m) {
            same = s.specs()[m].name == run.series.specs()[m].name;
        }
        if (!same || option.targets.size() != run.targets.size()) {
            throw OutputError(prefix + "option '" + option.name +
                              "' does not record the same series and targets as the baseline");
        }
    }
}

// Problems with the caller's data are reported before anything is created on disk.
void validate(const std::filesystem::path& out, const RunData& run) {
    const std::string prefix = "cannot write " + out.string() + ": ";
    const std::size_t samples = run.series.samples();
    if (run.time.size() != samples || run.date.size() != samples) {
        throw OutputError(prefix + "the series have " + std::to_string(samples) +
                          " samples but there are " + std::to_string(run.time.size()) +
                          " times and " + std::to_string(run.date.size()) + " dates");
    }
    for (const SeriesSpec& spec : run.series.specs()) {
        // Each metric becomes the dataset /series/<name>, so the name must be one path element.
        if (spec.name.empty() || spec.name == "." || spec.name.find('/') != std::string::npos) {
            throw OutputError(prefix + "metric name '" + spec.name +
                              "' cannot be an HDF5 dataset name");
        }
        // The series group's own coordinates take these two names.
        if (spec.name == layout::kTime || spec.name == layout::kReplication) {
            throw OutputError(prefix + "metric name '" + spec.name +
                              "' is taken by the series' coordinate of that name");
        }
    }
    if (run.comparison) validate_options(prefix, run);
    for (const TargetResult& t : run.targets) {
        if (t.name.empty() || t.name == "." || t.name.find('/') != std::string::npos) {
            throw OutputError(prefix + "target name '" + t.name + "' cannot be an HDF5 group name");
        }
        if (t.met.size() != run.series.replications() ||
            t.first_met_days.size() != run.series.replications()) {
            throw OutputError(prefix + "target '" + t.name + "' has " +
                              std::to_string(t.met.size()) + " outcomes for " +
                              std::to_string(run.series.replications()) + " replications");
        }
    }
}

void write_root_attributes(hid_t file, const RunData& run) {
    const RunMetadata& meta = run.meta;
    std::vector<std::string> names;
    for (const SeriesSpec& spec : run.series.specs()) {
        names.push_back(spec.name);
    }
    hdf5::write_attribute(file, layout::kFormat, std::string(layout::kFormatName));
    hdf5::write_attribute(file, layout::kMetrics, names);
    hdf5::write_attribute(file, layout::kReplications,
                          static_cast<std::int64_t>(run.series.replications()));
    hdf5::write_attribute(file, layout::kSeed, meta.seed);
    hdf5::write_attribute(file, layout::kWfsimVersion, meta.wfsim_version);
    hdf5::write_attribute(file, layout::kScenarioName, meta.scenario_name);
    hdf5::write_attribute(file, layout::kScenarioYaml, meta.scenario_yaml);
    hdf5::write_attribute(file, layout::kStartDate, meta.start_date);
    hdf5::write_attribute(file, layout::kHorizonDays, meta.horizon_days);
    hdf5::write_attribute(file, layout::kIntervalDays, meta.interval_days);
}

void make_scale(hid_t dataset, const char* name) {
    check(H5DSset_scale(dataset, name), std::string("making '") + name + "' a dimension scale");
}

void attach_scale(hid_t dataset, const std::string& dataset_name, hid_t scale,
                  const char* scale_name, unsigned dimension) {
    check(H5DSattach_scale(dataset, scale, dimension),
          std::string("attaching scale '") + scale_name + "' to '" + dataset_name + "'");
}

Handle write_time(hid_t file, const RunData& run) {
    Handle time = hdf5::write_dataset(file, layout::kTime, {run.time.size()}, run.time);
    // CF conventions: netCDF and xarray turn "days since <date>" into calendar dates. wfsim's
    // calendar is proleptic Gregorian (engine/calendar.hpp); CF's default would switch to the
    // Julian calendar before 1582.
    hdf5::write_attribute(time.get(), layout::kUnits, "days since " + run.meta.start_date);
    hdf5::write_attribute(time.get(), layout::kCalendar, std::string("proleptic_gregorian"));
    hdf5::write_attribute(time.get(), layout::kLongName, std::string("simulation time"));
    make_scale(time.get(), layout::kTime);
    return time;
}

Handle write_replication(hid_t file, std::size_t replications) {
    std::vector<std::int64_t> indices(replications);
    std::iota(indices.begin(), indices.end(), std::int64_t{0});
    Handle replication = hdf5::write_dataset(file, layout::kReplication, {replications}, indices);
    hdf5::write_attribute(replication.get(), layout::kLongName, std::string("replication index"));
    make_scale(replication.get(), layout::kReplication);
    return replication;
}

// A plain variable, not a scale: attaching /time only tells netCDF and xarray that it runs
// along the time dimension (otherwise they invent a "phony_dim_0" for it).
void write_date(hid_t file, const std::vector<std::string>& dates, hid_t time) {
    Handle date = hdf5::write_dataset(file, layout::kDate, dates);
    hdf5::write_attribute(date.get(), layout::kDescription,
                          std::string("ISO 8601 calendar date of each sample"));
    attach_scale(date.get(), layout::kDate, time, layout::kTime, 0);
}

// netCDF readers need a dimension scale on every axis; the records have no coordinate to offer,
// so /event is a dimension that is not a variable (hdf5_dimensions.hpp).
void write_event_dimension(hid_t file, std::size_t rows) {
    Handle scale = hdf5::write_bare_dimension(file, layout::kEventDimension, rows);
    Handle events = hdf5::open_dataset(file, layout::kEvents);
    hdf5::attach_dimension(events.get(), layout::kEvents, scale.get(), layout::kEventDimension);
}

void write_contents(const std::filesystem::path& path, const RunData& run) {
    Handle access = own(H5Pcreate(H5P_FILE_ACCESS), H5Pclose, "setting up file access");
    // By default H5Fclose quietly leaves the file open while any object in it is, which would
    // let the rename happen before the final flush; "semi" makes that a reported error.
    check(H5Pset_fclose_degree(access.get(), H5F_CLOSE_SEMI), "setting up file access");
    Handle file = own(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, access.get()), H5Fclose,
                      "creating the HDF5 file");
    {
        write_root_attributes(file.get(), run);
        Handle time = write_time(file.get(), run);
        Handle replication = write_replication(file.get(), run.series.replications());
        write_date(file.get(), run.date, time.get());
        hdf5::write_series(file.get(), run.series, replication.get(), time.get());
        if (run.events) {
            hdf5::write_records(file.get(), layout::kEvents, *run.events);
            write_event_dimension(file.get(), run.events->rows());
        }
        if (!run.targets.empty()) {
            hdf5::write_targets(file.get(), run.targets, replication.get(), run.meta.start_date);
        }
        if (run.comparison) {
            hdf5::write_comparison(file.get(), *run.comparison, replication.get(), time.get(),
                                   run.meta.start_date);
        }
    }
    // Closing is where HDF5 writes out its caches, so its failure means an incomplete file.
    check(file.close(), "closing the file");
}

}  // namespace

void write_run(const std::filesystem::path& out, const RunData& run) {
    validate(out, run);
    const hdf5::QuietErrors quiet;
    AtomicFile file(out);
    try {
        write_contents(file.temp_path(), run);
    } catch (const hdf5::Error& error) {
        throw OutputError("cannot write " + out.string() + ": " + error.what());
    }
    file.commit();
}

}  // namespace wfsim::output
