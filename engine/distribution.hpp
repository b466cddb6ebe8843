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
