// A parametric distribution of non-negative values (durations in days, counts, ...), small
// enough to copy into any component's parameters and sampled without allocation.
#pragma once

#include <string>

#include "engine/random_stream.hpp"

namespace wfsim::engine {

class Distribution {
public:
    enum class Kind : unsigned char { Fixed, Exponential, Lognormal, Gamma, Uniform };

    static Distribution fixed(double value);
    static Distribution exponential(double mean);
    static Distribution lognormal(double median, double sigma);
    static Distribution gamma(double mean, double shape);
    static Distribution uniform(double min, double max);

    Kind kind() const { return kind_; }
    double mean() const;
    double variance() const;
    double sample(RandomStream& stream) const;
    // The equilibrium residual (forward recurrence) time: how much is left of a duration
    // caught part-way through when a renewal process that has run a long time is observed.
    // Its density is (1 - F(x)) / mean. Sampled exactly as U x L, with U uniform on [0, 1)
    // and L the length-biased duration (density x f(x) / mean): for a lognormal, the
    // lognormal with mu + sigma^2; for a gamma, shape + 1 at the same scale; for a uniform
    // on [a, b], sqrt(a^2 + V (b^2 - a^2)); for a fixed value, the value. An exponential is
    // memoryless: its residual is itself. Mean E[X^2] / (2 E[X]).
    double sample_residual(RandomStream& stream) const;

    // e.g. "lognormal(median=91.3125, sigma=0.6)"; used in reports and error messages.
    std::string describe() const;

    friend bool operator==(const Distribution&, const Distribution&) = default;

private:
    Distribution(Kind kind, double a, double b) : kind_(kind), a_(a), b_(b) {}

    Kind kind_ = Kind::Fixed;
    // Meaning by kind: Fixed (value, -), Exponential (mean, -), Lognormal (median, sigma),
    // Gamma (mean, shape), Uniform (min, max).
    double a_ = 0.0;
    double b_ = 0.0;
};

const char* kind_name(Distribution::Kind kind);

}  // namespace wfsim::engine
