// Record tables (output/record_table.hpp): rows append and concatenate in order, bad rows and
// schemas are refused without changing the table, and the packed row layout round-trips.
#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "output/record_table.hpp"

using wfsim::output::ColumnKind;
using wfsim::output::ColumnSpec;
using wfsim::output::EnumCode;
using wfsim::output::RecordTable;

namespace {

// Runs `action`, expecting an exception of type E whose message contains every one of `parts`.
template <class E, class Action>
void expect_error(Action action, const std::vector<std::string>& parts) {
    try {
        action();
        ADD_FAILURE() << "no exception thrown";
    } catch (const E& error) {
        const std::string message = error.what();
        for (const std::string& part : parts) {
            EXPECT_NE(message.find(part), std::string::npos)
                << "'" << message << "' lacks '" << part << "'";
        }
        EXPECT_EQ(message.find('\n'), std::string::npos) << "not one line: " << message;
    }
}

enum class Kind : std::uint8_t { hire, leave, transfer };

// More labels than one byte can code, so the column is stored with two-byte codes.
std::vector<std::string> many_labels() {
    std::vector<std::string> labels;
    for (int i = 0; i < 300; ++i) labels.push_back("team " + std::to_string(i));
    return labels;
}

// Every column kind, with both enumeration widths.
std::vector<ColumnSpec> event_columns() {
    return {
        {"time", "days", "Days since the start — simulated", ColumnKind::float64, {}},
        {"id", "", "Signed identifier", ColumnKind::int64, {}},
        {"replication", "", "Replication index", ColumnKind::uint32, {}},
        {"kind", "", "What happened", ColumnKind::enumeration, {"hire", "leave", "transfer"}},
        {"team", "", "Where it happened", ColumnKind::enumeration, many_labels()},
    };
}

// Values a careless writer or reader would change, in a pattern that differs between columns.
double awkward(std::size_t i) {
    const double values[] = {
        std::numeric_limits<double>::quiet_NaN(),
        std::bit_cast<double>(std::uint64_t{0xfff8'0000'dead'beefULL}),
        -0.0,
        std::numeric_limits<double>::denorm_min(),
        -std::numeric_limits<double>::infinity(),
        std::numeric_limits<double>::max(),
        1.0 / 3.0,
    };
    return values[i % std::size(values)];
}

std::int64_t awkward_id(std::size_t i) {
    const std::int64_t values[] = {std::numeric_limits<std::int64_t>::min(), -1, 0,
                                   std::numeric_limits<std::int64_t>::max(), 1234567890123};
    return values[i % std::size(values)];
}

// `rows` rows of every kind; row i is recognisable from i alone.
RecordTable sample_events(std::size_t rows, std::uint32_t replication = 0) {
    RecordTable table(event_columns());
    for (std::size_t i = 0; i < rows; ++i) {
        table.append_row(awkward(i), awkward_id(i),
                         i % 5 == 4 ? std::numeric_limits<std::uint32_t>::max() : replication,
                         static_cast<Kind>(i % 3), EnumCode{static_cast<std::uint16_t>(i % 300)});
    }
    return table;
}

}  // namespace

TEST(RecordTable, AppendsRowsOfEveryKind) {
    const RecordTable table = sample_events(7, 2);
    ASSERT_EQ(table.rows(), 7u);
    EXPECT_TRUE(std::isnan(table.float64s(0)[0]));
    EXPECT_EQ(table.float64s(0)[6], 1.0 / 3.0);
    EXPECT_EQ(table.int64s(1)[0], std::numeric_limits<std::int64_t>::min());
    EXPECT_EQ(table.uint32s(2)[3], 2u);
    EXPECT_EQ(table.uint32s(2)[4], std::numeric_limits<std::uint32_t>::max());
    EXPECT_EQ(table.label(3, 4), "leave");
    EXPECT_EQ(table.code(3, 5), 2u);
    EXPECT_EQ(table.label(4, 6), "team 6");
    EXPECT_EQ(table.index_of("team"), 4u);
    EXPECT_EQ(table.value_size(3), 1u);
    EXPECT_EQ(table.value_size(4), 2u);
    EXPECT_EQ(table.packed_row_size(), 8u + 8u + 4u + 1u + 2u);
    EXPECT_EQ(table.packed_offset(3), 20u);
}

TEST(RecordTable, RefusesBadRowsAndLeavesTheTableAsItWas) {
    RecordTable table = sample_events(2);
    expect_error<std::invalid_argument>([&] { table.append_row(1.0, 2, 3u, Kind::hire); },
                                        {"5 values", "got 4"});
    // The earlier values are fine; the row must still not be half-stored.
    expect_error<std::invalid_argument>(
        [&] { table.append_row(1.0, 2, 3u, Kind::hire, EnumCode{300}); },
        {"'team'", "no label for code 300"});
    expect_error<std::invalid_argument>(
        [&] { table.append_row(1.0, 2, -1, Kind::hire, EnumCode{0}); }, {"'replication'", "-1"});
    expect_error<std::invalid_argument>(
        [&] { table.append_row(1.0, std::uint64_t{1} << 63, 0u, Kind::hire, EnumCode{0}); },
        {"'id'", "9223372036854775808"});
    expect_error<std::invalid_argument>(
        [&] { table.append_row(1, 2, 3u, Kind::hire, EnumCode{0}); }, {"'time'", "integer"});
    expect_error<std::invalid_argument>(
        [&] { table.append_row(1.0, 2.0, 3u, Kind::hire, EnumCode{0}); },
        {"'id'", "floating-point"});
    expect_error<std::invalid_argument>([&] { table.append_row(1.0, 2, 3u, 0, EnumCode{0}); },
                                        {"'kind'", "integer"});
    expect_error<std::invalid_argument>(
        [&] { table.append_row(1.0, Kind::leave, 3u, Kind::hire, EnumCode{0}); },
        {"'id'", "not an enumeration"});
    expect_error<std::invalid_argument>(
        [&] { table.append_row(1.0, 2, 3u, static_cast<Kind>(3), EnumCode{0}); },
        {"'kind'", "no label for code 3"});

    ASSERT_EQ(table.rows(), 2u);
    table.append_row(1.5, 2, 3u, Kind::transfer, EnumCode{299});
    ASSERT_EQ(table.rows(), 3u);
    EXPECT_EQ(table.float64s(0).size(), 3u);
    EXPECT_EQ(table.float64s(0)[2], 1.5);
    EXPECT_EQ(table.label(3, 2), "transfer");
    EXPECT_EQ(table.label(4, 2), "team 299");
}

TEST(RecordTable, RefusesBadSchemas) {
    const auto make = [](std::vector<ColumnSpec> columns) { RecordTable table(columns); };
    expect_error<std::invalid_argument>([&] { make({}); }, {"at least one column"});
    expect_error<std::invalid_argument>(
        [&] {
            make({{"a", "", "", ColumnKind::float64, {}}, {"a", "", "", ColumnKind::int64, {}}});
        },
        {"duplicate", "'a'"});
    expect_error<std::invalid_argument>(
        [&] {
            make({{"", "", "", ColumnKind::int64, {}}});
        },
        {"empty"});
    expect_error<std::invalid_argument>(
        [&] {
            make({{std::string("a\0b", 3), "", "", ColumnKind::int64, {}}});
        },
        {"NUL"});
    expect_error<std::invalid_argument>(
        [&] {
            make({{"e", "", "", ColumnKind::enumeration, {}}});
        },
        {"'e'", "without labels"});
    expect_error<std::invalid_argument>(
        [&] {
            make({{"e", "", "", ColumnKind::enumeration, {"x", "y", "x"}}});
        },
        {"'e'", "repeats", "'x'"});
    expect_error<std::invalid_argument>(
        [&] {
            make({{"e", "", "", ColumnKind::enumeration, {"x", ""}}});
        },
        {"'e'", "empty label"});
    expect_error<std::invalid_argument>(
        [&] {
            make({{"n", "", "", ColumnKind::uint32, {"x"}}});
        },
        {"'n'", "not an enumeration"});
    std::vector<std::string> too_many(65537);
    for (std::size_t i = 0; i < too_many.size(); ++i) too_many[i] = std::to_string(i);
    expect_error<std::invalid_argument>(
        [&] {
            make({{"e", "", "", ColumnKind::enumeration, too_many}});
        },
        {"65537 labels"});
    too_many.pop_back();
    EXPECT_EQ(RecordTable({{"e", "", "", ColumnKind::enumeration, too_many}}).value_size(0), 2u);
}

TEST(RecordTable, TypedAccessChecksTheColumn) {
    const RecordTable table = sample_events(3);
    EXPECT_THROW(table.float64s(1), std::invalid_argument);
    EXPECT_THROW(table.int64s(0), std::invalid_argument);
    EXPECT_THROW(table.uint32s(3), std::invalid_argument);
    EXPECT_THROW(table.code(0, 0), std::invalid_argument);
    EXPECT_THROW(table.code(3, 3), std::out_of_range);
    EXPECT_THROW(table.float64s(5), std::out_of_range);
    EXPECT_THROW(table.index_of("nope"), std::out_of_range);
}

TEST(RecordTable, ConcatenatesInTheOrderAppended) {
    // One table per replication, as threads would fill them, appended in replication order.
    std::vector<RecordTable> per_replication;
    for (std::uint32_t r = 0; r < 3; ++r) {
        RecordTable table(event_columns());
        for (std::uint32_t i = 0; i <= r; ++i) {
            table.append_row(r * 10.0 + i, std::int64_t{i}, r, Kind::leave, EnumCode{0});
        }
        per_replication.push_back(std::move(table));
    }
    RecordTable all(event_columns());
    for (const RecordTable& table : per_replication) all.append(table);

    ASSERT_EQ(all.rows(), 6u);
    const std::vector<double> times = {0.0, 10.0, 11.0, 20.0, 21.0, 22.0};
    const std::vector<std::uint32_t> replications = {0, 1, 1, 2, 2, 2};
    EXPECT_TRUE(std::ranges::equal(all.float64s(0), times));
    EXPECT_TRUE(std::ranges::equal(all.uint32s(2), replications));
    EXPECT_EQ(all.label(3, 5), "leave");

    all.append(all);  // appending a table to itself doubles it
    ASSERT_EQ(all.rows(), 12u);
    EXPECT_EQ(all.float64s(0)[11], 22.0);
    EXPECT_EQ(all.uint32s(2)[6], 0u);
}

TEST(RecordTable, ConcatenationRefusesADifferentSchema) {
    RecordTable table = sample_events(2);
    std::vector<ColumnSpec> other_units = event_columns();
    other_units[0].units = "hours";
    expect_error<std::invalid_argument>([&] { table.append(RecordTable(other_units)); },
                                        {"column 0", "'time'", "units 'days' here, 'hours'"});
    std::vector<ColumnSpec> other_labels = event_columns();
    other_labels[3].labels = {"hire", "transfer", "leave"};
    expect_error<std::invalid_argument>([&] { table.append(RecordTable(other_labels)); },
                                        {"column 3", "'kind'", "the labels differ"});
    std::vector<ColumnSpec> fewer = event_columns();
    fewer.pop_back();
    expect_error<std::invalid_argument>([&] { table.append(RecordTable(fewer)); },
                                        {"5 columns here", "4 in the table appended"});
    EXPECT_EQ(table.rows(), 2u);
}

TEST(RecordTable, PackedRowsRoundTripAndRefuseUnlabelledCodes) {
    const RecordTable table = sample_events(11);
    std::vector<std::byte> packed(5 * table.packed_row_size());
    table.pack_rows(3, 5, packed);
    RecordTable copy(event_columns());
    copy.append_packed_rows(packed);
    ASSERT_EQ(copy.rows(), 5u);
    for (std::size_t r = 0; r < 5; ++r) {
        EXPECT_EQ(std::bit_cast<std::uint64_t>(copy.float64s(0)[r]),
                  std::bit_cast<std::uint64_t>(table.float64s(0)[r + 3]));
        EXPECT_EQ(copy.int64s(1)[r], table.int64s(1)[r + 3]);
        EXPECT_EQ(copy.uint32s(2)[r], table.uint32s(2)[r + 3]);
        EXPECT_EQ(copy.code(3, r), table.code(3, r + 3));
        EXPECT_EQ(copy.code(4, r), table.code(4, r + 3));
    }
    EXPECT_THROW(table.pack_rows(8, 5, packed), std::out_of_range);

    // Row 2's "kind" code becomes 7, which has no label: nothing is appended.
    packed[2 * table.packed_row_size() + table.packed_offset(3)] = std::byte{7};
    expect_error<std::invalid_argument>([&] { copy.append_packed_rows(packed); },
                                        {"'kind'", "no label for code 7"});
    EXPECT_EQ(copy.rows(), 5u);
    EXPECT_EQ(copy.float64s(0).size(), 5u);
}
