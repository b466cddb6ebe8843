// How wfsim stores large datasets: in chunks small enough for HDF5's default chunk cache, each
// shuffled then deflated. Shared so every compressed dataset in a run file reads the same way.
#pragma once

#include <hdf5.h>

#include <cstddef>
#include <vector>

#include "output/hdf5_handle.hpp"

namespace wfsim::output::hdf5 {

// HDF5's default chunk cache is 1 MiB; a chunk larger than that is re-read from disk for every
// partial access, so chunks are kept to at most this many bytes.
inline constexpr std::size_t kMaxChunkBytes = std::size_t{1} << 20;
inline constexpr unsigned kDeflateLevel = 4;

// A dataset creation property list storing the dataset in chunks of shape `chunk` (every entry
// at least 1). Shuffling groups the bytes of each value by significance, which typically makes
// simulation output compress several times better; both filters are lossless, so NaN bits
// survive. Without zlib in this HDF5 build the data is stored chunked but uncompressed: the file
// is still complete, only larger.
// `level` trades time for size (1 fastest, 9 smallest).
Handle compressed_creation(const std::vector<hsize_t>& chunk, unsigned level = kDeflateLevel);

}  // namespace wfsim::output::hdf5
