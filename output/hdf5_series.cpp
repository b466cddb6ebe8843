#include "output/hdf5_series.hpp"

#include <hdf5_hl.h>

#include <algorithm>
#include <stdexcept>

#include "output/hdf5_attributes.hpp"
#include "output/hdf5_compression.hpp"
#include "output/hdf5_datasets.hpp"
#include "output/hdf5_error.hpp"
#include "output/hdf5_handle.hpp"
#include "output/run_layout.hpp"

namespace wfsim::output::hdf5 {

namespace {

// One chunk per replication row, split if a row is longer than a chunk may be.
constexpr hsize_t kMaxChunkSamples = kMaxChunkBytes / sizeof(double);

Handle series_creation(hsize_t replications, hsize_t samples) {
    // HDF5 cannot chunk an empty dataset, and there would be nothing to compress.
    if (replications == 0 || samples == 0) {
        return own(H5Pcreate(H5P_DATASET_CREATE), H5Pclose, "setting up series storage");
    }
    return compressed_creation({1, std::min(samples, kMaxChunkSamples)});
}

void attach_scale(hid_t dataset, const std::string& dataset_name, hid_t scale,
                  const char* scale_name, unsigned dimension) {
    check(H5DSattach_scale(dataset, scale, dimension),
          std::string("attaching scale '") + scale_name + "' to '" + dataset_name + "'");
}

// xarray and netCDF open one group at a time and take coordinates from that group only, so each
// series group holds its own copy of the two scales (in netCDF a child group's dimension shadows
// its parent's of the same name): the same values and type, and the attributes readers use.
Handle copy_scale(hid_t group, hid_t scale, const char* name) {
    const std::string what = std::string("copying scale '") + name + "' into 'series'";
    Handle options = own(H5Pcreate(H5P_OBJECT_COPY), H5Pclose, what);
    // Not the attributes: the original's REFERENCE_LIST names the datasets attached to it.
    check(H5Pset_copy_object(options.get(), H5O_COPY_WITHOUT_ATTR_FLAG), what);
    check(H5Ocopy(scale, ".", group, name, options.get(), H5P_DEFAULT), what);
    Handle copy = open_dataset(group, name);
    for (const char* attribute : {layout::kUnits, layout::kCalendar, layout::kLongName}) {
        if (has_attribute(scale, attribute)) {
            write_attribute(copy.get(), attribute, read_string_attribute(scale, attribute));
        }
    }
    check(H5DSset_scale(copy.get(), name), what);
    return copy;
}

}  // namespace

void write_series(hid_t location, const SeriesTable& table, hid_t replication, hid_t time) {
    Handle group =
        own(H5Gcreate2(location, layout::kSeriesGroup, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), H5Gclose,
            "creating group 'series'");
    Handle own_replication = copy_scale(group.get(), replication, layout::kReplication);
    Handle own_time = copy_scale(group.get(), time, layout::kTime);
    Handle creation = series_creation(table.replications(), table.samples());
    std::vector<double> block;
    for (std::size_t m = 0; m < table.metrics(); ++m) {
        block.clear();
        for (std::size_t r = 0; r < table.replications(); ++r) {
            const std::span<const double> row = table.row(m, r);
            block.insert(block.end(), row.begin(), row.end());
        }
        const SeriesSpec& spec = table.specs()[m];
        const std::string path = std::string(layout::kSeriesGroup) + "/" + spec.name;
        Handle dataset = write_dataset(
            location, path.c_str(), {table.replications(), table.samples()}, block, creation.get());
        write_attribute(dataset.get(), layout::kUnits, spec.units);
        write_attribute(dataset.get(), layout::kDescription, spec.description);
        attach_scale(dataset.get(), path, own_replication.get(), layout::kReplication, 0);
        attach_scale(dataset.get(), path, own_time.get(), layout::kTime, 1);
    }
}

SeriesTable read_series(hid_t location, std::vector<std::string> names, std::size_t replications,
                        hsize_t samples) {
    std::vector<SeriesSpec> specs;
    std::vector<Handle> datasets;
    std::vector<std::string> paths;
    for (std::string& name : names) {
        paths.push_back(std::string(layout::kSeriesGroup) + "/" + name);
        datasets.push_back(open_dataset(location, paths.back().c_str()));
        const hid_t dataset = datasets.back().get();
        specs.push_back({std::move(name), read_string_attribute(dataset, layout::kUnits),
                         read_string_attribute(dataset, layout::kDescription)});
    }

    SeriesTable table = [&] {
        try {
            return SeriesTable(std::move(specs), replications, samples);
        } catch (const std::invalid_argument& error) {  // a repeated name in `metrics`
            throw Error(std::string("attribute 'metrics': ") + error.what());
        }
    }();

    for (std::size_t m = 0; m < datasets.size(); ++m) {
        const std::vector<double> block =
            read_doubles(datasets[m].get(), paths[m].c_str(), {replications, samples});
        for (std::size_t r = 0; r < replications; ++r) {
            const auto first = block.begin() + static_cast<std::ptrdiff_t>(r * samples);
            std::copy(first, first + static_cast<std::ptrdiff_t>(samples), table.row(m, r).begin());
        }
    }
    return table;
}

}  // namespace wfsim::output::hdf5
