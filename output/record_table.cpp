#include "output/record_table.hpp"

#include <algorithm>
#include <cstring>
#include <optional>
#include <unordered_set>

namespace wfsim::output {

namespace {

// Codes are at most two bytes wide. A column with more distinct values is better stored as an
// integer; HDF5 itself, which keeps every label in the dataset's type, stops at a few thousand.
constexpr std::size_t kMaxLabels = std::size_t{1} << 16;
constexpr std::size_t kMaxNarrowLabels = std::size_t{1} << 8;

const char* kind_name(ColumnKind kind) {
    switch (kind) {
        case ColumnKind::float64:
            return "float64";
        case ColumnKind::int64:
            return "int64";
        case ColumnKind::uint32:
            return "uint32";
        case ColumnKind::enumeration:
            return "an enumeration";
    }
    return "of an unknown kind";
}

bool has_nul(const std::string& text) {
    return text.find('\0') != std::string::npos;
}

void check_labels(const ColumnSpec& spec) {
    const std::string column = "record column '" + spec.name + "'";
    if (spec.kind != ColumnKind::enumeration) {
        if (!spec.labels.empty()) {
            throw std::invalid_argument(column + " has labels but is not an enumeration");
        }
        return;
    }
    if (spec.labels.empty()) {
        throw std::invalid_argument(column + " is an enumeration without labels");
    }
    if (spec.labels.size() > kMaxLabels) {
        throw std::invalid_argument(column + " has " + std::to_string(spec.labels.size()) +
                                    " labels, more than " + std::to_string(kMaxLabels));
    }
    // HDF5 enumeration members need distinct, non-empty names.
    std::unordered_set<std::string_view> seen;
    for (const std::string& label : spec.labels) {
        if (label.empty() || has_nul(label)) {
            throw std::invalid_argument(column + " has an empty label or one with a NUL byte");
        }
        if (!seen.insert(label).second) {
            throw std::invalid_argument(column + " repeats the label '" + label + "'");
        }
    }
}

template <class T>
void pack_column(const std::vector<T>& values, std::size_t first, std::size_t count,
                 std::size_t offset, std::size_t stride, std::byte* out) {
    for (std::size_t r = 0; r < count; ++r) {
        std::memcpy(out + r * stride + offset, &values[first + r], sizeof(T));
    }
}

template <class T>
void unpack_column(const std::byte* in, std::size_t count, std::size_t offset, std::size_t stride,
                   std::vector<T>& values) {
    const std::size_t base = values.size();
    values.resize(base + count);
    for (std::size_t r = 0; r < count; ++r) {
        std::memcpy(&values[base + r], in + r * stride + offset, sizeof(T));
    }
}

// The first code in a packed enumeration column with no label, or none.
template <class T>
std::optional<std::size_t> unlabelled_code(const std::byte* in, std::size_t count,
                                           std::size_t offset, std::size_t stride,
                                           std::size_t labels) {
    for (std::size_t r = 0; r < count; ++r) {
        T code;
        std::memcpy(&code, in + r * stride + offset, sizeof(T));
        if (code >= labels) return code;
    }
    return std::nullopt;
}

// What tells two unequal column specifications apart, for the concatenation error.
std::string difference(const ColumnSpec& here, const ColumnSpec& there) {
    const auto differ = [](const char* what, const std::string& a, const std::string& b) {
        return std::string(what) + " '" + a + "' here, '" + b + "' in the table appended";
    };
    if (here.name != there.name) return differ("name", here.name, there.name);
    if (here.units != there.units) return differ("units", here.units, there.units);
    if (here.kind != there.kind) return differ("kind", kind_name(here.kind), kind_name(there.kind));
    if (here.labels != there.labels) return "the labels differ";
    return "the descriptions differ";
}

}  // namespace

RecordTable::RecordTable(std::vector<ColumnSpec> columns) : columns_(std::move(columns)) {
    if (columns_.empty()) throw std::invalid_argument("a record table needs at least one column");
    std::unordered_set<std::string_view> names;
    for (const ColumnSpec& spec : columns_) {
        if (spec.name.empty() || has_nul(spec.name)) {
            throw std::invalid_argument("a record column name is empty or holds a NUL byte");
        }
        if (!names.insert(spec.name).second) {
            throw std::invalid_argument("duplicate record column name '" + spec.name + "'");
        }
        check_labels(spec);
    }
    values_.reserve(columns_.size());
    for (const ColumnSpec& spec : columns_) {
        switch (spec.kind) {
            case ColumnKind::float64:
                values_.emplace_back(std::vector<double>{});
                break;
            case ColumnKind::int64:
                values_.emplace_back(std::vector<std::int64_t>{});
                break;
            case ColumnKind::uint32:
                values_.emplace_back(std::vector<std::uint32_t>{});
                break;
            case ColumnKind::enumeration:
                if (spec.labels.size() <= kMaxNarrowLabels) {
                    values_.emplace_back(std::vector<std::uint8_t>{});
                } else {
                    values_.emplace_back(std::vector<std::uint16_t>{});
                }
                break;
            default:
                throw std::invalid_argument("record column '" + spec.name + "' has no kind");
        }
        offsets_.push_back(packed_row_size_);
        packed_row_size_ += value_size(offsets_.size() - 1);
    }
}

std::size_t RecordTable::index_of(std::string_view name) const {
    const auto found = std::find_if(columns_.begin(), columns_.end(),
                                    [&](const ColumnSpec& spec) { return spec.name == name; });
    if (found == columns_.end()) {
        throw std::out_of_range("no record column named '" + std::string(name) + "'");
    }
    return static_cast<std::size_t>(found - columns_.begin());
}

void RecordTable::reserve(std::size_t rows) {
    for (Storage& values : values_) {
        std::visit([rows](auto& column) { column.reserve(rows); }, values);
    }
}

void RecordTable::append(const RecordTable& other) {
    if (&other == this) {  // inserting a vector's own elements into it is undefined
        const RecordTable copy = other;
        append(copy);
        return;
    }
    if (other.columns_.size() != columns_.size()) {
        throw std::invalid_argument("record tables differ: " + std::to_string(columns_.size()) +
                                    " columns here, " + std::to_string(other.columns_.size()) +
                                    " in the table appended");
    }
    for (std::size_t c = 0; c < columns_.size(); ++c) {
        if (columns_[c] != other.columns_[c]) {
            throw std::invalid_argument("record tables differ in column " + std::to_string(c) +
                                        " ('" + columns_[c].name +
                                        "'): " + difference(columns_[c], other.columns_[c]));
        }
    }
    try {
        for (std::size_t c = 0; c < columns_.size(); ++c) {
            std::visit(
                [&](auto& column) {
                    using Column = std::remove_reference_t<decltype(column)>;
                    const auto& source = std::get<Column>(other.values_[c]);
                    column.insert(column.end(), source.begin(), source.end());
                },
                values_[c]);
        }
    } catch (...) {
        truncate(rows_);
        throw;
    }
    rows_ += other.rows_;
}

template <class T>
const std::vector<T>& RecordTable::values_of(std::size_t column, ColumnKind kind) const {
    const ColumnSpec& spec = columns_.at(column);
    if (spec.kind != kind) {
        throw std::invalid_argument("record column '" + spec.name + "' is " + kind_name(spec.kind) +
                                    ", not " + kind_name(kind));
    }
    return std::get<std::vector<T>>(values_[column]);
}

std::span<const double> RecordTable::float64s(std::size_t column) const {
    return values_of<double>(column, ColumnKind::float64);
}

std::span<const std::int64_t> RecordTable::int64s(std::size_t column) const {
    return values_of<std::int64_t>(column, ColumnKind::int64);
}

std::span<const std::uint32_t> RecordTable::uint32s(std::size_t column) const {
    return values_of<std::uint32_t>(column, ColumnKind::uint32);
}

std::uint16_t RecordTable::code(std::size_t column, std::size_t row) const {
    if (column < columns_.size() && columns_[column].kind != ColumnKind::enumeration) {
        reject(column, "is not an enumeration");
    }
    if (row >= rows_) {
        throw std::out_of_range("record row " + std::to_string(row) + " out of range (" +
                                std::to_string(rows_) + " rows)");
    }
    return std::visit([row](const auto& values) { return static_cast<std::uint16_t>(values[row]); },
                      values_.at(column));
}

const std::string& RecordTable::label(std::size_t column, std::size_t row) const {
    return columns_.at(column).labels[code(column, row)];
}

std::size_t RecordTable::value_size(std::size_t column) const {
    return std::visit([](const auto& values) { return sizeof(values[0]); }, values_.at(column));
}

void RecordTable::pack_rows(std::size_t first, std::size_t count, std::span<std::byte> out) const {
    if (first > rows_ || count > rows_ - first) {
        throw std::out_of_range("record rows " + std::to_string(first) + " + " +
                                std::to_string(count) + " out of range (" + std::to_string(rows_) +
                                " rows)");
    }
    if (out.size() != count * packed_row_size_) {
        throw std::invalid_argument("packed record buffer has the wrong size");
    }
    for (std::size_t c = 0; c < columns_.size(); ++c) {
        std::visit(
            [&](const auto& values) {
                pack_column(values, first, count, offsets_[c], packed_row_size_, out.data());
            },
            values_[c]);
    }
}

void RecordTable::append_packed_rows(std::span<const std::byte> in) {
    if (in.size() % packed_row_size_ != 0) {
        throw std::invalid_argument("packed record buffer is not a whole number of rows");
    }
    const std::size_t count = in.size() / packed_row_size_;
    for (std::size_t c = 0; c < columns_.size(); ++c) {
        if (columns_[c].kind != ColumnKind::enumeration) continue;
        const std::size_t labels = columns_[c].labels.size();
        const auto* narrow = std::get_if<std::vector<std::uint8_t>>(&values_[c]);
        const std::optional<std::size_t> bad =
            narrow != nullptr ? unlabelled_code<std::uint8_t>(in.data(), count, offsets_[c],
                                                              packed_row_size_, labels)
                              : unlabelled_code<std::uint16_t>(in.data(), count, offsets_[c],
                                                               packed_row_size_, labels);
        if (bad) reject(c, "has no label for code " + std::to_string(*bad));
    }
    try {
        for (std::size_t c = 0; c < columns_.size(); ++c) {
            std::visit(
                [&](auto& values) {
                    unpack_column(in.data(), count, offsets_[c], packed_row_size_, values);
                },
                values_[c]);
        }
    } catch (...) {
        truncate(rows_);
        throw;
    }
    rows_ += count;
}

void RecordTable::reject(std::size_t column, std::string_view why) const {
    throw std::invalid_argument("record column '" + columns_[column].name + "' " +
                                std::string(why));
}

void RecordTable::truncate(std::size_t rows) {
    for (Storage& values : values_) {
        std::visit([rows](auto& column) { column.resize(rows); }, values);
    }
}

}  // namespace wfsim::output
