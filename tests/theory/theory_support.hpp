// Helpers for the validation tests against theory: run a scenario written in the test, reduce
// each replication to one number (a time average after a burn-in), and compare the mean over
// replications with a theoretical value in units of its standard error.
//
// Replications are independent, so the standard error of the mean of per-replication
// statistics is their sample standard deviation / sqrt(replications); autocorrelation within a
// replication is absorbed into the between-replication spread, so no batch-means correction is
// needed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "models/batch.hpp"
#include "models/metrics/metric_catalog.hpp"

namespace wfsim::theory {

// Tolerance of every theory check, in standard errors. With about 110 checks in the suite, the
// chance of a false alarm at 4 SE is about 110 x 6.3e-5 ~ 7e-3 per seed for a correct model
// (100+ replications, so the normal approximation of the t distribution is close); the seed is
// fixed, so a pass is reproducible.
inline constexpr double kTolerance = 4.0;

// The seed of every theory scenario: kDefaultSeed unless the environment variable
// WFSIM_THEORY_SEED is set (used to check that the tests pass for other seeds too).
std::uint64_t theory_seed();

// Formats a number for a scenario text with full precision ("%.17g").
std::string num(double value);

// The seed of the scenario called `name`: theory_seed() plus a hash of the name, so that
// different checks use independent random numbers.
std::uint64_t scenario_seed(const std::string& name);

// Parses the YAML text (with "seed: <scenario_seed(name)>" appended) and runs every
// replication on all cores. The environment variable WFSIM_THEORY_REPLICATION_SCALE = k
// multiplies the replications by k, to look for biases below the normal resolution.
model::BatchResult run_yaml(const std::string& name, const std::string& yaml);

// Mean and standard error of independent per-replication values.
struct Estimate {
    double mean = 0.0;
    double se = 0.0;
    std::size_t n = 0;
};
Estimate estimate(const std::vector<double>& per_replication);

// Per replication: the average of f(value) over samples at times >= from (days).
std::vector<double> time_average(const model::BatchResult& result, model::Metric metric,
                                 double from, const std::function<double(double)>& f = nullptr);

// Per replication: the sum of a flow metric (counts in the interval ending at each sample) over
// the samples after `from`, divided by the time they cover, in events per year.
std::vector<double> flow_rate_per_year(const model::BatchResult& result, model::Metric metric,
                                       double from);

// Prints measured vs theory with the z-score, records them as test properties, and expects
// |z| <= kTolerance. `label` names the check in the output.
void expect_matches(const std::string& label, const Estimate& measured, double theory);

// Expects every sample of the metric, in every replication, to equal `value`.
void expect_constant(const model::BatchResult& result, model::Metric metric, double value);

}  // namespace wfsim::theory
