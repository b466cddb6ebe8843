// The in-memory shape of a run's results: every metric, for every replication, at every sample
// time. One flat buffer ordered [metric][replication][time] so that a replication's time series
// is a contiguous span — the unit the engine fills and the unit the HDF5 writer stores.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace wfsim::output {

struct SeriesSpec {
    std::string name;  // also the dataset name in the run file, so no '/'
    std::string units;
    std::string description;
};

class SeriesTable {
public:
    // Every value starts as NaN, so a sample the engine never wrote reads as missing, not zero.
    // Throws std::invalid_argument if two specs share a name (index_of would be ambiguous).
    SeriesTable(std::vector<SeriesSpec> specs, std::size_t replications, std::size_t samples);

    const std::vector<SeriesSpec>& specs() const { return specs_; }
    std::size_t metrics() const { return specs_.size(); }
    std::size_t replications() const { return replications_; }
    std::size_t samples() const { return samples_; }

    // Throws std::out_of_range naming the metric if no spec has that name.
    std::size_t index_of(std::string_view name) const;

    // Bounds-checked like std::vector::at; throw std::out_of_range.
    double& at(std::size_t metric, std::size_t rep, std::size_t t);
    double at(std::size_t metric, std::size_t rep, std::size_t t) const;

    // One replication's time series, `samples()` long.
    std::span<double> row(std::size_t metric, std::size_t rep);
    std::span<const double> row(std::size_t metric, std::size_t rep) const;

    // Every replication's value of `metric` at sample `t`, in replication order, into `values`
    // (cleared first, so a caller looping over samples reuses its allocation).
    void across_replications(std::size_t metric, std::size_t t, std::vector<double>& values) const;
    std::vector<double> across_replications(std::size_t metric, std::size_t t) const;

private:
    std::size_t row_offset(std::size_t metric, std::size_t rep) const;
    std::size_t offset(std::size_t metric, std::size_t rep, std::size_t t) const;

    std::vector<SeriesSpec> specs_;
    std::size_t replications_;
    std::size_t samples_;
    std::vector<double> values_;
};

}  // namespace wfsim::output
