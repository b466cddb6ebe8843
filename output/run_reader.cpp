// read_run: rebuilds a RunData from a file laid out as in output/run_layout.hpp.
#include <fcntl.h>
#include <hdf5.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

#include "output/hdf5_attributes.hpp"
#include "output/hdf5_comparison.hpp"
#include "output/hdf5_datasets.hpp"
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

[[noreturn]] void cannot_read(const std::filesystem::path& in, int error) {
    throw OutputError("cannot read " + in.string() + ": " + std::strerror(error));
}

// HDF5 would report a missing, unreadable or directory path with a long internal message;
// asking the system first gives "No such file or directory", "Permission denied" and so on.
void require_readable(const std::filesystem::path& in) {
    const int fd = ::open(in.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        cannot_read(in, errno);
    }
    // Opening a directory read-only succeeds; reading it does not.
    struct stat status {};
    const bool directory = ::fstat(fd, &status) == 0 && S_ISDIR(status.st_mode);
    ::close(fd);
    if (directory) {
        cannot_read(in, EISDIR);
    }
}

void require_format(hid_t file) {
    if (!hdf5::has_attribute(file, layout::kFormat)) {
        throw hdf5::Error("not a wfsim run file (no 'format' attribute)");
    }
    const std::string format = hdf5::read_string_attribute(file, layout::kFormat);
    if (format != layout::kFormatName) {
        throw hdf5::Error("unsupported format '" + format + "' (expected '" + layout::kFormatName +
                          "')");
    }
}

RunMetadata read_metadata(hid_t file) {
    RunMetadata meta;
    meta.wfsim_version = hdf5::read_string_attribute(file, layout::kWfsimVersion);
    meta.seed = hdf5::read_uint64_attribute(file, layout::kSeed);
    meta.scenario_name = hdf5::read_string_attribute(file, layout::kScenarioName);
    meta.scenario_yaml = hdf5::read_string_attribute(file, layout::kScenarioYaml);
    meta.start_date = hdf5::read_string_attribute(file, layout::kStartDate);
    meta.horizon_days = hdf5::read_double_attribute(file, layout::kHorizonDays);
    meta.interval_days = hdf5::read_double_attribute(file, layout::kIntervalDays);
    return meta;
}

std::size_t read_replications(hid_t file) {
    const std::int64_t replications = hdf5::read_int64_attribute(file, layout::kReplications);
    if (replications < 0) {
        throw hdf5::Error("attribute 'replications' is negative");
    }
    return static_cast<std::size_t>(replications);
}

hsize_t sample_count(hid_t time) {
    const std::vector<hsize_t> dims = hdf5::extent(time, layout::kTime);
    if (dims.size() != 1) {
        throw hdf5::Error("dataset 'time' is not one-dimensional");
    }
    return dims.front();
}

RunData read_contents(const std::filesystem::path& in) {
    if (check(H5Fis_hdf5(in.c_str()), "checking the file signature") == 0) {
        throw hdf5::Error("not an HDF5 file");
    }
    Handle file =
        own(H5Fopen(in.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose, "opening the file");
    require_format(file.get());

    RunMetadata meta = read_metadata(file.get());
    Handle time_dataset = hdf5::open_dataset(file.get(), layout::kTime);
    const hsize_t samples = sample_count(time_dataset.get());
    std::vector<double> time = hdf5::read_doubles(time_dataset.get(), layout::kTime, {samples});
    Handle date_dataset = hdf5::open_dataset(file.get(), layout::kDate);
    std::vector<std::string> date = hdf5::read_strings(date_dataset.get(), layout::kDate, samples);
    SeriesTable series =
        hdf5::read_series(file.get(), hdf5::read_string_list_attribute(file.get(), layout::kMetrics),
                          read_replications(file.get()), samples);
    RunData run{std::move(meta), std::move(time), std::move(date), std::move(series)};
    if (check(H5Lexists(file.get(), layout::kEvents, H5P_DEFAULT), "looking for 'events'") > 0) {
        run.events = hdf5::read_records(file.get(), layout::kEvents);
    }
    run.targets = hdf5::read_targets(file.get(), run.series.replications());
    std::vector<std::string> metrics;
    for (const SeriesSpec& spec : run.series.specs()) metrics.push_back(spec.name);
    run.comparison =
        hdf5::read_comparison(file.get(), metrics, run.series.replications(), samples);
    return run;
}

}  // namespace

RunData read_run(const std::filesystem::path& in) {
    require_readable(in);
    const hdf5::QuietErrors quiet;
    try {
        return read_contents(in);
    } catch (const hdf5::Error& error) {
        throw OutputError("cannot read " + in.string() + ": " + error.what());
    }
}

}  // namespace wfsim::output
