#include "theory_support.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <sstream>

#include <gtest/gtest.h>

#include "models/scenario/scenario.hpp"

namespace wfsim::theory {

namespace {
constexpr std::uint64_t kDefaultSeed = 20240611;
}

std::uint64_t theory_seed() {
    if (const char* text = std::getenv("WFSIM_THEORY_SEED"); text != nullptr && *text != '\0') {
        return std::strtoull(text, nullptr, 10);
    }
    return kDefaultSeed;
}

std::string num(double value) {
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.17g", value);
    return buffer;
}

std::uint64_t scenario_seed(const std::string& name) {
    // FNV-1a of the name, so each check draws its own streams: without it the checks share
    // their turnover draws (common random numbers) and their errors are correlated.
    std::uint64_t hash = 14695981039346656037ull;
    for (const char c : name) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ull;
    }
    return (theory_seed() + (hash >> 24)) % (std::uint64_t{1} << 53);
}

model::BatchResult run_yaml(const std::string& name, const std::string& yaml) {
    const std::string text = yaml + "\nseed: " + std::to_string(scenario_seed(name)) + "\n";
    model::Scenario scenario = model::parse_scenario(config::SourceText{name, text});
    if (const char* scale = std::getenv("WFSIM_THEORY_REPLICATION_SCALE");
        scale != nullptr && *scale != '\0') {
        const unsigned long factor = std::strtoul(scale, nullptr, 10);
        if (factor > 1) scenario.replications *= static_cast<std::uint32_t>(factor);
    }
    return model::run_batch(scenario, 0);
}

Estimate estimate(const std::vector<double>& per_replication) {
    Estimate e;
    e.n = per_replication.size();
    if (e.n == 0) return e;
    double sum = 0.0;
    for (const double v : per_replication) sum += v;
    e.mean = sum / static_cast<double>(e.n);
    if (e.n < 2) return e;
    double squares = 0.0;
    for (const double v : per_replication) squares += (v - e.mean) * (v - e.mean);
    const double variance = squares / static_cast<double>(e.n - 1);
    e.se = std::sqrt(variance / static_cast<double>(e.n));
    return e;
}

std::vector<double> time_average(const model::BatchResult& result, model::Metric metric,
                                 double from, const std::function<double(double)>& f) {
    const output::SeriesTable& table = result.series;
    std::vector<double> out;
    for (std::size_t rep = 0; rep < table.replications(); ++rep) {
        const auto row = table.row(model::index(metric), rep);
        double sum = 0.0;
        std::size_t count = 0;
        for (std::size_t t = 0; t < row.size(); ++t) {
            if (result.times[t] < from) continue;
            sum += f ? f(row[t]) : row[t];
            ++count;
        }
        out.push_back(count > 0 ? sum / static_cast<double>(count) : std::nan(""));
    }
    return out;
}

std::vector<double> flow_rate_per_year(const model::BatchResult& result, model::Metric metric,
                                       double from) {
    const output::SeriesTable& table = result.series;
    std::vector<double> out;
    for (std::size_t rep = 0; rep < table.replications(); ++rep) {
        const auto row = table.row(model::index(metric), rep);
        double sum = 0.0;
        double first = -1.0;
        double last = 0.0;
        for (std::size_t t = 1; t < row.size(); ++t) {
            if (result.times[t - 1] < from) continue;  // interval must start after `from`
            if (first < 0.0) first = result.times[t - 1];
            sum += row[t];
            last = result.times[t];
        }
        out.push_back(first >= 0.0 && last > first ? sum / (last - first) * 365.25 : std::nan(""));
    }
    return out;
}

void expect_matches(const std::string& label, const Estimate& measured, double theory) {
    const double diff = measured.mean - theory;
    const double z = measured.se > 0.0 ? diff / measured.se : (diff == 0.0 ? 0.0 : INFINITY);
    std::ostringstream line;
    line.precision(6);
    line << label << ": measured " << measured.mean << " +- " << measured.se << " (SE, "
         << measured.n << " reps), theory " << theory << ", z = " << z;
    std::cout << "[ theory   ] " << line.str() << std::endl;
    ::testing::Test::RecordProperty(label, line.str());
    EXPECT_TRUE(std::isfinite(measured.mean)) << label;
    EXPECT_LE(std::fabs(z), kTolerance)
        << label << ": |z| > " << kTolerance << " SE (" << line.str() << ")";
}

void expect_constant(const model::BatchResult& result, model::Metric metric, double value) {
    const output::SeriesTable& table = result.series;
    const std::string& name = table.specs()[model::index(metric)].name;
    std::size_t mismatches = 0;
    for (std::size_t rep = 0; rep < table.replications(); ++rep) {
        const auto row = table.row(model::index(metric), rep);
        for (std::size_t t = 0; t < row.size(); ++t) {
            if (row[t] != value && mismatches++ < 3) {
                ADD_FAILURE() << name << " = " << row[t] << " at rep " << rep
                              << ", t = " << result.times[t] << " days; expected always " << value;
            }
        }
    }
    EXPECT_EQ(mismatches, 0u) << name << " not constant at " << value;
}

}  // namespace wfsim::theory
