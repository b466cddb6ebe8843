#include "engine/random_stream.hpp"

#include <boost/random/exponential_distribution.hpp>
#include <boost/random/seed_seq.hpp>
#include <boost/random/uniform_01.hpp>

namespace wfsim::engine {

std::uint64_t stream_id(std::string_view purpose) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (const char c : purpose) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

namespace {

RandomStream::Engine seeded_engine(std::uint64_t seed, std::uint64_t replication,
                                   std::uint64_t purpose) {
    // seed_seq scrambles all six 32-bit words into the whole 312-word state, so streams
    // that differ in any of seed, replication or purpose start from unrelated states.
    const std::uint32_t words[6] = {
        static_cast<std::uint32_t>(seed),        static_cast<std::uint32_t>(seed >> 32),
        static_cast<std::uint32_t>(replication), static_cast<std::uint32_t>(replication >> 32),
        static_cast<std::uint32_t>(purpose),     static_cast<std::uint32_t>(purpose >> 32)};
    boost::random::seed_seq sequence(std::begin(words), std::end(words));
    return RandomStream::Engine(sequence);
}

}  // namespace

RandomStream::RandomStream(std::uint64_t seed, std::uint64_t replication, std::string_view purpose)
    : engine_(seeded_engine(seed, replication, stream_id(purpose))) {}

double RandomStream::uniform01() {
    return boost::random::uniform_01<double>()(engine_);
}

double RandomStream::exponential(double mean) {
    return boost::random::exponential_distribution<double>(1.0 / mean)(engine_);
}

bool RandomStream::bernoulli(double p) {
    return uniform01() < p;
}

}  // namespace wfsim::engine
