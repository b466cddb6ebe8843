#include "engine/distribution.hpp"

#include <cmath>
#include <cstdio>

#include <boost/random/exponential_distribution.hpp>
#include <boost/random/gamma_distribution.hpp>
#include <boost/random/lognormal_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>

namespace wfsim::engine {

Distribution Distribution::fixed(double value) {
    return {Kind::Fixed, value, 0.0};
}
Distribution Distribution::exponential(double mean) {
    return {Kind::Exponential, mean, 0.0};
}
Distribution Distribution::lognormal(double median, double sigma) {
    return {Kind::Lognormal, median, sigma};
}
Distribution Distribution::gamma(double mean, double shape) {
    return {Kind::Gamma, mean, shape};
}
Distribution Distribution::uniform(double min, double max) {
    return {Kind::Uniform, min, max};
}

double Distribution::mean() const {
    switch (kind_) {
        case Kind::Fixed:
        case Kind::Exponential:
        case Kind::Gamma:
            return a_;
        case Kind::Lognormal:
            return a_ * std::exp(0.5 * b_ * b_);
        case Kind::Uniform:
            return 0.5 * (a_ + b_);
    }
    return 0.0;
}

double Distribution::variance() const {
    switch (kind_) {
        case Kind::Fixed:
            return 0.0;
        case Kind::Exponential:
            return a_ * a_;
        case Kind::Gamma:
            return a_ * a_ / b_;
        case Kind::Lognormal: {
            const double s2 = b_ * b_;
            return (std::exp(s2) - 1.0) * a_ * a_ * std::exp(s2);
        }
        case Kind::Uniform:
            return (b_ - a_) * (b_ - a_) / 12.0;
    }
    return 0.0;
}

double Distribution::sample(RandomStream& stream) const {
    auto& engine = stream.engine();
    switch (kind_) {
        case Kind::Fixed:
            return a_;
        case Kind::Exponential:
            return boost::random::exponential_distribution<double>(1.0 / a_)(engine);
        case Kind::Lognormal:
            return boost::random::lognormal_distribution<double>(std::log(a_), b_)(engine);
        case Kind::Gamma:
            // Boost's gamma takes (shape alpha, scale beta); mean = alpha * beta.
            return boost::random::gamma_distribution<double>(b_, a_ / b_)(engine);
        case Kind::Uniform:
            if (a_ == b_) return a_;
            return boost::random::uniform_real_distribution<double>(a_, b_)(engine);
    }
    return a_;
}

double Distribution::sample_residual(RandomStream& stream) const {
    auto& engine = stream.engine();
    double biased = a_;  // the length-biased duration
    switch (kind_) {
        case Kind::Fixed:
            break;
        case Kind::Exponential:
            return boost::random::exponential_distribution<double>(1.0 / a_)(engine);
        case Kind::Lognormal:
            biased =
                boost::random::lognormal_distribution<double>(std::log(a_) + b_ * b_, b_)(engine);
            break;
        case Kind::Gamma:
            biased = boost::random::gamma_distribution<double>(b_ + 1.0, a_ / b_)(engine);
            break;
        case Kind::Uniform:
            if (a_ != b_) {
                const double v = stream.uniform01();
                biased = std::sqrt(a_ * a_ + v * (b_ * b_ - a_ * a_));
            }
            break;
    }
    return stream.uniform01() * biased;
}

const char* kind_name(Distribution::Kind kind) {
    switch (kind) {
        case Distribution::Kind::Fixed:
            return "fixed";
        case Distribution::Kind::Exponential:
            return "exponential";
        case Distribution::Kind::Lognormal:
            return "lognormal";
        case Distribution::Kind::Gamma:
            return "gamma";
        case Distribution::Kind::Uniform:
            return "uniform";
    }
    return "?";
}

std::string Distribution::describe() const {
    char buffer[96];
    switch (kind_) {
        case Kind::Fixed:
            std::snprintf(buffer, sizeof buffer, "fixed(value=%g)", a_);
            break;
        case Kind::Exponential:
            std::snprintf(buffer, sizeof buffer, "exponential(mean=%g)", a_);
            break;
        case Kind::Lognormal:
            std::snprintf(buffer, sizeof buffer, "lognormal(median=%g, sigma=%g)", a_, b_);
            break;
        case Kind::Gamma:
            std::snprintf(buffer, sizeof buffer, "gamma(mean=%g, shape=%g)", a_, b_);
            break;
        case Kind::Uniform:
            std::snprintf(buffer, sizeof buffer, "uniform(min=%g, max=%g)", a_, b_);
            break;
    }
    return buffer;
}

}  // namespace wfsim::engine
