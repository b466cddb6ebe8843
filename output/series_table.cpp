#include "output/series_table.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <unordered_set>

namespace wfsim::output {

SeriesTable::SeriesTable(std::vector<SeriesSpec> specs, std::size_t replications,
                         std::size_t samples)
    : specs_(std::move(specs)), replications_(replications), samples_(samples) {
    std::unordered_set<std::string_view> seen;
    for (const SeriesSpec& spec : specs_) {
        if (!seen.insert(spec.name).second) {
            throw std::invalid_argument("duplicate metric name '" + spec.name + "'");
        }
    }
    values_.assign(specs_.size() * replications_ * samples_,
                   std::numeric_limits<double>::quiet_NaN());
}

std::size_t SeriesTable::index_of(std::string_view name) const {
    const auto found = std::find_if(specs_.begin(), specs_.end(),
                                    [&](const SeriesSpec& spec) { return spec.name == name; });
    if (found == specs_.end()) {
        throw std::out_of_range("no metric named '" + std::string(name) + "'");
    }
    return static_cast<std::size_t>(found - specs_.begin());
}

std::size_t SeriesTable::row_offset(std::size_t metric, std::size_t rep) const {
    if (metric >= metrics() || rep >= replications_) {
        throw std::out_of_range("series index out of range: metric " + std::to_string(metric) +
                                " of " + std::to_string(metrics()) + ", replication " +
                                std::to_string(rep) + " of " + std::to_string(replications_));
    }
    return (metric * replications_ + rep) * samples_;
}

std::size_t SeriesTable::offset(std::size_t metric, std::size_t rep, std::size_t t) const {
    const std::size_t base = row_offset(metric, rep);
    if (t >= samples_) {
        throw std::out_of_range("sample index " + std::to_string(t) + " out of range (" +
                                std::to_string(samples_) + " samples)");
    }
    return base + t;
}

double& SeriesTable::at(std::size_t metric, std::size_t rep, std::size_t t) {
    return values_[offset(metric, rep, t)];
}

double SeriesTable::at(std::size_t metric, std::size_t rep, std::size_t t) const {
    return values_[offset(metric, rep, t)];
}

std::span<double> SeriesTable::row(std::size_t metric, std::size_t rep) {
    return {values_.data() + row_offset(metric, rep), samples_};
}

std::span<const double> SeriesTable::row(std::size_t metric, std::size_t rep) const {
    return {values_.data() + row_offset(metric, rep), samples_};
}

void SeriesTable::across_replications(std::size_t metric, std::size_t t,
                                      std::vector<double>& values) const {
    values.clear();
    for (std::size_t r = 0; r < replications_; ++r) values.push_back(at(metric, r, t));
}

std::vector<double> SeriesTable::across_replications(std::size_t metric, std::size_t t) const {
    std::vector<double> values;
    values.reserve(replications_);
    across_replications(metric, t, values);
    return values;
}

}  // namespace wfsim::output
