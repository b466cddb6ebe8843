// Where a study's points fall: the cartesian grid of its axes' values, or n points of the unit
// cube [0, 1)^d from a Latin hypercube or a Sobol sequence, which study.cpp maps onto each
// axis's range or list.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace wfsim::model {

// Every combination of one index per axis (axis i has sizes[i] values), the last axis varying
// fastest, as nested loops would give them.
std::vector<std::vector<std::size_t>> grid_indices(const std::vector<std::size_t>& sizes);

// n points in d dimensions such that each dimension's n strata [j/n, (j+1)/n) hold exactly one
// point each (McKay, Beckman and Conover 1979): a random permutation of the strata per
// dimension and a uniform position inside each. Drawn from the stream of `seed`.
std::vector<std::vector<double>> latin_hypercube(std::size_t n, std::size_t d, std::uint64_t seed);

// The first n points of the Sobol sequence (the origin, then Boost's) in d dimensions (at most 3667), each dimension
// XORed with a random mask drawn from `seed`: a digital shift, which keeps the sequence's net
// properties (for n = 2^k every dimension's n strata hold one point each, and the first two
// dimensions form a (0, m, 2)-net) while making the points depend on the seed.
std::vector<std::vector<double>> sobol_points(std::size_t n, std::size_t d, std::uint64_t seed);

}  // namespace wfsim::model
