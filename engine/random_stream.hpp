// Independent, reproducible random streams.
//
// Every stochastic process in a replication draws from its own stream, derived from
// (scenario seed, replication index, purpose name). Consequences:
//  - results do not depend on thread count or on which replications run where;
//  - raising the replication count leaves the earlier replications untouched;
//  - adding or changing one process never shifts the numbers another process sees
//    (common random numbers across policy options).
// The generator is Boost's mt19937_64 and the variates come from Boost.Random, whose
// algorithms are fixed by Boost rather than by the standard library vendor, so the same
// seed gives the same numbers on every platform (std:: distributions do not promise that).
#pragma once

#include <cstdint>
#include <string_view>

#include <boost/random/mersenne_twister.hpp>

namespace wfsim::engine {

// Stable 64-bit identifier of a stream purpose (FNV-1a of the name). Names, not positions,
// identify streams, so declaring a new stream cannot renumber the existing ones.
std::uint64_t stream_id(std::string_view purpose);

class RandomStream {
public:
    using Engine = boost::random::mt19937_64;

    RandomStream(std::uint64_t seed, std::uint64_t replication, std::string_view purpose);

    // Uniform on [0, 1).
    double uniform01();
    // Exponential with the given mean (> 0).
    double exponential(double mean);
    // True with probability p.
    bool bernoulli(double p);

    Engine& engine() { return engine_; }

private:
    Engine engine_;
};

}  // namespace wfsim::engine
