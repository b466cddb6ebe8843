#include "output/hdf5_records.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "output/hdf5_attributes.hpp"
#include "output/hdf5_compression.hpp"
#include "output/hdf5_datasets.hpp"
#include "output/hdf5_error.hpp"
#include "output/run_layout.hpp"

namespace wfsim::output::hdf5 {

namespace {

// The file holds explicit little-endian types, like the rest of a run file (hdf5_types.hpp);
// memory holds the native ones, and HDF5 converts (a no-op on little-endian hosts).
enum class Representation { file, memory };

std::string context(std::string_view verb, const char* name) {
    return std::string(verb) + " dataset '" + name + "'";
}

std::string units_attribute(const std::string& column) {
    return column + layout::kColumnUnitsSuffix;
}

std::string description_attribute(const std::string& column) {
    return column + layout::kColumnDescriptionSuffix;
}

hid_t number_type(ColumnKind kind, Representation representation) {
    const bool file = representation == Representation::file;
    switch (kind) {
        case ColumnKind::float64:
            return file ? H5T_IEEE_F64LE : H5T_NATIVE_DOUBLE;
        case ColumnKind::int64:
            return file ? H5T_STD_I64LE : H5T_NATIVE_INT64;
        case ColumnKind::uint32:
            return file ? H5T_STD_U32LE : H5T_NATIVE_UINT32;
        case ColumnKind::enumeration:
            break;
    }
    throw Error("a record column has no HDF5 number type");
}

// Codes are 0 … n−1 in label order, on a one- or two-byte unsigned base.
Handle enum_type(const ColumnSpec& spec, std::size_t size, Representation representation) {
    const std::string what = "making the enumeration type of column '" + spec.name + "'";
    const bool file = representation == Representation::file;
    const hid_t base = size == 1 ? (file ? H5T_STD_U8LE : H5T_NATIVE_UINT8)
                                 : (file ? H5T_STD_U16LE : H5T_NATIVE_UINT16);
    Handle type = own(H5Tenum_create(base), H5Tclose, what);
    for (std::size_t code = 0; code < spec.labels.size(); ++code) {
        // H5Tenum_insert takes the value in the base type's representation.
        const auto value = static_cast<std::uint16_t>(code);
        std::array<unsigned char, 2> bytes{};
        if (file) {
            bytes = {static_cast<unsigned char>(value & 0xff),
                     static_cast<unsigned char>(value >> 8)};
        } else if (size == 1) {
            bytes[0] = static_cast<unsigned char>(value);
        } else {
            std::memcpy(bytes.data(), &value, sizeof value);
        }
        check(H5Tenum_insert(type.get(), spec.labels[code].c_str(), bytes.data()), what);
    }
    return type;
}

// A member per column at the table's packed offsets, so pack_rows() output is the HDF5 buffer.
Handle record_type(const RecordTable& table, Representation representation) {
    const std::string what = "making the record type";
    Handle compound = own(H5Tcreate(H5T_COMPOUND, table.packed_row_size()), H5Tclose, what);
    for (std::size_t c = 0; c < table.columns().size(); ++c) {
        const ColumnSpec& spec = table.columns()[c];
        std::optional<Handle> member;
        if (spec.kind == ColumnKind::enumeration) {
            member = enum_type(spec, table.value_size(c), representation);
        }
        const hid_t member_type = member ? member->get() : number_type(spec.kind, representation);
        check(H5Tinsert(compound.get(), spec.name.c_str(), table.packed_offset(c), member_type),
              what + " (column '" + spec.name + "')");
    }
    return compound;
}

// HDF5 keeps a dataset's type in one object header message of at most 64 KiB, which a few
// thousand enumeration labels can exceed; HDF5's own error would not say why.
void require_type_fits(hid_t type, const std::string& what) {
    constexpr std::size_t kMaxMessageBytes = 65535;
    std::size_t size = 0;
    check(H5Tencode(type, nullptr, &size), what);
    if (size > kMaxMessageBytes) {
        throw Error(what + ": the column names and enumeration labels take " +
                    std::to_string(size) + " bytes, more than the 64 KiB HDF5 allows for the type");
    }
}

// Rows per HDF5 read or write: whole chunks, so each chunk is compressed once, straight from
// the buffer, and never read back.
hsize_t block_rows(const RecordTable& table) {
    return std::max<hsize_t>(1, kMaxChunkBytes / table.packed_row_size());
}

// Selects rows [first, first + count) of the dataset; returns the matching memory space.
Handle select_rows(hid_t file_space, hsize_t first, hsize_t count, const std::string& what) {
    check(H5Sselect_hyperslab(file_space, H5S_SELECT_SET, &first, nullptr, &count, nullptr), what);
    return own(H5Screate_simple(1, &count, nullptr), H5Sclose, what);
}

void write_column_attributes(hid_t dataset, const RecordTable& table) {
    for (const ColumnSpec& spec : table.columns()) {
        write_attribute(dataset, units_attribute(spec.name).c_str(), spec.units);
        write_attribute(dataset, description_attribute(spec.name).c_str(), spec.description);
    }
}

const char* class_name(H5T_class_t type_class) {
    switch (type_class) {
        case H5T_INTEGER:
            return "an integer";
        case H5T_FLOAT:
            return "a floating-point number";
        case H5T_TIME:
            return "a time";
        case H5T_STRING:
            return "a string";
        case H5T_BITFIELD:
            return "a bit field";
        case H5T_OPAQUE:
            return "opaque";
        case H5T_COMPOUND:
            return "a compound";
        case H5T_REFERENCE:
            return "a reference";
        case H5T_ENUM:
            return "an enumeration";
        case H5T_VLEN:
            return "a variable-length sequence";
        case H5T_ARRAY:
            return "an array";
        default:
            return "of an unknown type class";
    }
}

// The labels of an enumeration member, by value, which must run 0 … n−1.
std::vector<std::string> read_labels(hid_t type, const std::string& what) {
    const int count = check(H5Tget_nmembers(type), what);
    Handle base = own(H5Tget_super(type), H5Tclose, what);
    const std::size_t base_size = H5Tget_size(base.get());
    if (base_size == 0 || base_size > 8) throw Error(what + ": enumeration base is not 1–8 bytes");
    std::vector<std::string> labels(static_cast<std::size_t>(count));
    std::vector<bool> seen(labels.size(), false);
    for (unsigned m = 0; m < static_cast<unsigned>(count); ++m) {
        // The value comes in the base type's representation; converting it to a native int64
        // handles any size, signedness and byte order.
        std::array<std::byte, 8> buffer{};
        check(H5Tget_member_value(type, m, buffer.data()), what);
        check(H5Tconvert(base.get(), H5T_NATIVE_INT64, 1, buffer.data(), nullptr, H5P_DEFAULT),
              what);
        std::int64_t value = 0;
        std::memcpy(&value, buffer.data(), sizeof value);
        char* name = H5Tget_member_name(type, m);
        if (name == nullptr) fail(what);
        const std::string label = name;
        H5free_memory(name);
        if (value < 0 || value >= count || seen[static_cast<std::size_t>(value)]) {
            throw Error(what + ": enumeration values are not 0 to " + std::to_string(count - 1) +
                        " (label '" + label + "' is " + std::to_string(value) + ")");
        }
        seen[static_cast<std::size_t>(value)] = true;
        labels[static_cast<std::size_t>(value)] = label;
    }
    return labels;
}

ColumnSpec read_column(hid_t dataset, hid_t compound, unsigned member, const char* name) {
    ColumnSpec spec;
    char* member_name = H5Tget_member_name(compound, member);
    if (member_name == nullptr) fail(context("reading", name));
    spec.name = member_name;
    H5free_memory(member_name);
    const std::string what = context("reading", name) + ", column '" + spec.name + "'";

    Handle type = own(H5Tget_member_type(compound, member), H5Tclose, what);
    const H5T_class_t type_class = H5Tget_class(type.get());
    const std::size_t size = H5Tget_size(type.get());
    const bool is_signed = type_class == H5T_INTEGER && H5Tget_sign(type.get()) == H5T_SGN_2;
    if (type_class == H5T_FLOAT && size == 8) {
        spec.kind = ColumnKind::float64;
    } else if (type_class == H5T_INTEGER && size == 8 && is_signed) {
        spec.kind = ColumnKind::int64;
    } else if (type_class == H5T_INTEGER && size == 4 && !is_signed) {
        spec.kind = ColumnKind::uint32;
    } else if (type_class == H5T_ENUM) {
        spec.kind = ColumnKind::enumeration;
        spec.labels = read_labels(type.get(), what);
    } else {
        std::string actual = class_name(type_class);
        if (type_class == H5T_INTEGER || type_class == H5T_FLOAT) {
            actual = "a " + std::to_string(size) + "-byte " + (is_signed ? "signed " : "") +
                     (type_class == H5T_INTEGER ? "integer" : "floating-point number");
        }
        throw Error(what + ": is " + actual +
                    "; record columns are float64, int64, uint32 or enumerations");
    }
    spec.units = read_string_attribute(dataset, units_attribute(spec.name).c_str());
    spec.description = read_string_attribute(dataset, description_attribute(spec.name).c_str());
    return spec;
}

RecordTable read_schema(hid_t dataset, const char* name) {
    const std::string what = context("reading", name);
    Handle type = own(H5Dget_type(dataset), H5Tclose, what);
    const H5T_class_t type_class = H5Tget_class(type.get());
    if (type_class != H5T_COMPOUND) {
        throw Error(what + ": its elements are " + class_name(type_class) +
                    ", not a compound of record columns");
    }
    const int members = check(H5Tget_nmembers(type.get()), what);
    std::vector<ColumnSpec> columns;
    for (unsigned m = 0; m < static_cast<unsigned>(members); ++m) {
        columns.push_back(read_column(dataset, type.get(), m, name));
    }
    try {
        return RecordTable(std::move(columns));
    } catch (const std::invalid_argument& error) {
        throw Error(what + ": " + error.what());
    }
}

}  // namespace

void write_records(hid_t location, const char* name, const RecordTable& table) {
    const std::string what = context("writing", name);
    Handle file_type = record_type(table, Representation::file);
    require_type_fits(file_type.get(), what);
    Handle memory_type = record_type(table, Representation::memory);
    const hsize_t rows = table.rows();
    const hsize_t chunk_rows = std::min(rows, block_rows(table));
    Handle space = own(H5Screate_simple(1, &rows, nullptr), H5Sclose, what);
    Handle creation = rows == 0 ? own(H5Pcreate(H5P_DATASET_CREATE), H5Pclose, what)
                                : compressed_creation({chunk_rows});
    Handle dataset = own(H5Dcreate2(location, name, file_type.get(), space.get(), H5P_DEFAULT,
                                    creation.get(), H5P_DEFAULT),
                         H5Dclose, what);

    std::vector<std::byte> buffer(static_cast<std::size_t>(chunk_rows) * table.packed_row_size());
    for (hsize_t first = 0; first < rows; first += chunk_rows) {
        const hsize_t count = std::min(chunk_rows, rows - first);
        const std::span<std::byte> block(buffer.data(), count * table.packed_row_size());
        table.pack_rows(first, count, block);
        Handle memory_space = select_rows(space.get(), first, count, what);
        check(H5Dwrite(dataset.get(), memory_type.get(), memory_space.get(), space.get(),
                       H5P_DEFAULT, block.data()),
              what);
    }
    write_column_attributes(dataset.get(), table);
}

RecordTable read_records(hid_t location, const char* name) {
    const std::string what = context("reading", name);
    Handle dataset = open_dataset(location, name);
    RecordTable table = read_schema(dataset.get(), name);
    const std::vector<hsize_t> dims = extent(dataset.get(), name);
    if (dims.size() != 1) throw Error(what + ": not one-dimensional");
    const hsize_t rows = dims.front();
    table.reserve(rows);

    Handle memory_type = record_type(table, Representation::memory);
    Handle space = own(H5Dget_space(dataset.get()), H5Sclose, what);
    const hsize_t step = std::min(rows, block_rows(table));
    std::vector<std::byte> buffer(static_cast<std::size_t>(step) * table.packed_row_size());
    for (hsize_t first = 0; first < rows; first += step) {
        const hsize_t count = std::min(step, rows - first);
        const std::span<std::byte> block(buffer.data(), count * table.packed_row_size());
        Handle memory_space = select_rows(space.get(), first, count, what);
        check(H5Dread(dataset.get(), memory_type.get(), memory_space.get(), space.get(),
                      H5P_DEFAULT, block.data()),
              what);
        try {
            table.append_packed_rows(block);
        } catch (const std::invalid_argument& error) {  // a code without a label
            throw Error(what + ": " + error.what());
        }
    }
    return table;
}

}  // namespace wfsim::output::hdf5
