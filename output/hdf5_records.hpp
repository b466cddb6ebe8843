// A RecordTable as an HDF5 dataset: one-dimensional, one element per row, of a compound type
// with a member per column in column order (float64, int64, uint32, and enumerations whose
// member names are the labels, so h5py and PyTables show them as enums). Each column's units
// and description are string attributes "<column>_units" and "<column>_description" of the
// dataset. Failures throw hdf5::Error naming the dataset.
#pragma once

#include <hdf5.h>

#include "output/record_table.hpp"

namespace wfsim::output::hdf5 {

// Chunked and compressed as in hdf5_compression.hpp; an empty table gives an empty dataset of
// the same type (contiguous, as HDF5 cannot chunk a dataset of fixed size 0).
void write_records(hid_t location, const char* name, const RecordTable& table);

// Accepts exactly what write_records stores, whichever byte order: a one-dimensional compound
// of 8-byte floats, 8-byte signed and 4-byte unsigned integers, and enumerations whose values
// are 0 … n−1, with both attributes for every member.
RecordTable read_records(hid_t location, const char* name);

}  // namespace wfsim::output::hdf5
