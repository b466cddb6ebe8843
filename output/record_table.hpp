// A table of records (one row per logged occurrence) with a schema fixed at construction, kept
// column by column so that appending a row is one push_back per column and a column is a
// contiguous array. output/ gives the columns no meaning: whoever builds the table chooses the
// names, units and enumeration labels, and the run file stores them alongside the values.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace wfsim::output {

enum class ColumnKind : std::uint8_t { float64, int64, uint32, enumeration };

struct ColumnSpec {
    std::string name;
    std::string units;
    std::string description;
    ColumnKind kind = ColumnKind::float64;
    // Enumeration columns only: code i stands for labels[i]. Up to 256 labels are stored as one
    // byte per row, up to 65,536 as two.
    std::vector<std::string> labels;

    bool operator==(const ColumnSpec&) const = default;
};

// A code of an enumeration column whose labels are only known at run time. Columns whose labels
// mirror a C++ enum can be given the enum's values directly; their underlying value is the code.
struct EnumCode {
    std::uint16_t value;
};

class RecordTable {
public:
    // Throws std::invalid_argument if there are no columns, a name is empty, repeated or holds a
    // NUL byte, an enumeration has no labels, more than 65,536, an empty or repeated one, or a
    // column that is not an enumeration has labels.
    explicit RecordTable(std::vector<ColumnSpec> columns);

    const std::vector<ColumnSpec>& columns() const { return columns_; }
    std::size_t rows() const { return rows_; }

    // Throws std::out_of_range naming the column if there is none by that name.
    std::size_t index_of(std::string_view name) const;

    void reserve(std::size_t rows);

    // Appends one row, a value per column in column order: a floating-point value for float64
    // columns, any integer for int64 and uint32 columns (it must fit), an EnumCode or a C++ enum
    // value for enumerations (it must have a label). Throws std::invalid_argument naming the
    // column otherwise, leaving the table as it was.
    template <class... Values>
    void append_row(const Values&... values);

    // Appends every row of `other`, whose columns must equal these exactly (names, units,
    // descriptions, kinds, labels); throws std::invalid_argument otherwise. Appending the
    // replications' tables in replication order gives the same table whatever thread made each.
    void append(const RecordTable& other);

    // One column's values in row order. Each throws std::invalid_argument if the column is of
    // another kind, std::out_of_range if there is no such column.
    std::span<const double> float64s(std::size_t column) const;
    std::span<const std::int64_t> int64s(std::size_t column) const;
    std::span<const std::uint32_t> uint32s(std::size_t column) const;
    std::uint16_t code(std::size_t column, std::size_t row) const;
    const std::string& label(std::size_t column, std::size_t row) const;

    // The packed row layout that record file formats store: each column's value in its native
    // representation (8, 8, 4, and 1 or 2 bytes), in column order, without padding.
    std::size_t packed_row_size() const { return packed_row_size_; }
    std::size_t packed_offset(std::size_t column) const { return offsets_.at(column); }
    // Bytes per value of a column: 1 or 2 for enumerations, depending on how many labels.
    std::size_t value_size(std::size_t column) const;
    // Copies rows [first, first + count) into `out`, which must be count × packed_row_size().
    void pack_rows(std::size_t first, std::size_t count, std::span<std::byte> out) const;
    // Appends the packed rows in `in` (a whole number of rows). Throws std::invalid_argument,
    // leaving the table as it was, if an enumeration code has no label.
    void append_packed_rows(std::span<const std::byte> in);

private:
    // One vector per column; enumeration codes take the narrowest of the last two that fits.
    using Storage =
        std::variant<std::vector<double>, std::vector<std::int64_t>, std::vector<std::uint32_t>,
                     std::vector<std::uint8_t>, std::vector<std::uint16_t>>;

    template <class T>
    void check_value(std::size_t column, const T& value) const;
    template <class T>
    void push_value(std::size_t column, const T& value);
    template <class T>
    const std::vector<T>& values_of(std::size_t column, ColumnKind kind) const;
    [[noreturn]] void reject(std::size_t column, std::string_view why) const;
    void truncate(std::size_t rows);  // undoes a partly appended row or block

    std::vector<ColumnSpec> columns_;
    std::vector<Storage> values_;
    std::vector<std::size_t> offsets_;
    std::size_t packed_row_size_ = 0;
    std::size_t rows_ = 0;
};

template <class T>
void RecordTable::check_value(std::size_t column, const T& value) const {
    const ColumnSpec& spec = columns_[column];
    if constexpr (std::is_same_v<T, EnumCode> || std::is_enum_v<T>) {
        if (spec.kind != ColumnKind::enumeration) reject(column, "is not an enumeration");
        std::uint64_t code = 0;
        if constexpr (std::is_same_v<T, EnumCode>) {
            code = value.value;
        } else {
            const auto underlying = static_cast<std::underlying_type_t<T>>(value);
            if (underlying < 0) reject(column, "was given a negative code");
            code = static_cast<std::uint64_t>(underlying);
        }
        if (code >= spec.labels.size()) {
            reject(column, "has no label for code " + std::to_string(code));
        }
    } else if constexpr (std::is_floating_point_v<T>) {
        if (spec.kind != ColumnKind::float64) reject(column, "was given a floating-point value");
    } else {
        static_assert(std::is_integral_v<T> && !std::is_same_v<T, bool>,
                      "a record value is a floating-point number, an integer, an EnumCode or an "
                      "enum value");
        if (spec.kind == ColumnKind::int64) {
            if (!std::in_range<std::int64_t>(value)) {
                reject(column, "(int64) cannot hold " + std::to_string(value));
            }
        } else if (spec.kind == ColumnKind::uint32) {
            if (!std::in_range<std::uint32_t>(value)) {
                reject(column, "(uint32) cannot hold " + std::to_string(value));
            }
        } else {
            reject(column, "was given an integer");
        }
    }
}

template <class T>
void RecordTable::push_value(std::size_t column, const T& value) {
    Storage& values = values_[column];
    if constexpr (std::is_same_v<T, EnumCode> || std::is_enum_v<T>) {
        std::uint16_t code = 0;
        if constexpr (std::is_same_v<T, EnumCode>) {
            code = value.value;
        } else {
            code = static_cast<std::uint16_t>(value);
        }
        if (auto* narrow = std::get_if<std::vector<std::uint8_t>>(&values)) {
            narrow->push_back(static_cast<std::uint8_t>(code));
        } else {
            std::get<std::vector<std::uint16_t>>(values).push_back(code);
        }
    } else if constexpr (std::is_floating_point_v<T>) {
        std::get<std::vector<double>>(values).push_back(static_cast<double>(value));
    } else if (auto* wide = std::get_if<std::vector<std::int64_t>>(&values)) {
        wide->push_back(static_cast<std::int64_t>(value));
    } else {
        std::get<std::vector<std::uint32_t>>(values).push_back(static_cast<std::uint32_t>(value));
    }
}

template <class... Values>
void RecordTable::append_row(const Values&... values) {
    if (sizeof...(Values) != columns_.size()) {
        throw std::invalid_argument("a record row needs " + std::to_string(columns_.size()) +
                                    " values, got " + std::to_string(sizeof...(Values)));
    }
    // Every value is checked before any is stored, so a rejected row leaves no partial row.
    std::size_t column = 0;
    (check_value(column++, values), ...);
    column = 0;
    try {
        (push_value(column++, values), ...);
    } catch (...) {  // out of memory part-way through the row
        truncate(rows_);
        throw;
    }
    ++rows_;
}

}  // namespace wfsim::output
