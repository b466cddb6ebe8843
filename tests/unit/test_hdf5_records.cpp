// Record tables (output/record_table.hpp) and the optional /events dataset of a run file: rows
// append and concatenate in order, bad rows and schemas are refused, every column kind
// round-trips bit for bit with its units, description and enumeration labels, the dataset is
// a chunked, compressed HDF5 compound with real HDF5 enums, and files that are not what the
// writer makes are refused with an OutputError naming the file.
#include <gtest/gtest.h>
#include <hdf5.h>
#include <hdf5_hl.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <limits>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "output/record_table.hpp"
#include "output/run_file.hpp"
#include "output/series_table.hpp"
#include "tests/support/hdf5_testing.hpp"

namespace fs = std::filesystem;
using wfsim::output::ColumnKind;
using wfsim::output::ColumnSpec;
using wfsim::output::EnumCode;
using wfsim::output::OutputError;
using wfsim::output::read_run;
using wfsim::output::RecordTable;
using wfsim::output::RunData;
using wfsim::output::SeriesTable;
using wfsim::output::write_run;

using wfsim::testing::expect_error;
using wfsim::testing::Id;
using wfsim::testing::open_hdf5_objects;
using wfsim::testing::same_bits;

namespace {

struct ScratchDir : wfsim::testing::ScratchDir {
    ScratchDir() : wfsim::testing::ScratchDir("wfsim_test_records") {}
};

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

// Same schema and the same bits in every column.
void expect_same_table(const RecordTable& got, const RecordTable& want) {
    ASSERT_EQ(got.columns(), want.columns());
    ASSERT_EQ(got.rows(), want.rows());
    EXPECT_TRUE(same_bits(got.float64s(0), want.float64s(0)));
    EXPECT_TRUE(std::ranges::equal(got.int64s(1), want.int64s(1)));
    EXPECT_TRUE(std::ranges::equal(got.uint32s(2), want.uint32s(2)));
    for (std::size_t r = 0; r < got.rows(); ++r) {
        ASSERT_EQ(got.code(3, r), want.code(3, r)) << "row " << r;
        ASSERT_EQ(got.code(4, r), want.code(4, r)) << "row " << r;
    }
}

RunData run_with(std::optional<RecordTable> events) {
    RunData run{{}, {0.0}, {"2016-04-01"}, SeriesTable({{"headcount", "people", ""}}, 1, 1)};
    run.series.at(0, 0, 0) = 300.0;
    run.meta.start_date = "2016-04-01";
    run.events = std::move(events);
    return run;
}

// Replaces /events in a run file with what `make` creates at `file` under that name.
template <class Make>
void replace_events(const fs::path& path, Make make) {
    Id file{H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT), H5Fclose};
    ASSERT_GE(file.id, 0);
    if (H5Lexists(file.id, "events", H5P_DEFAULT) > 0) {
        ASSERT_GE(H5Ldelete(file.id, "events", H5P_DEFAULT), 0);
    }
    make(file.id);
}

// A one-element dataset "events" of `type` holding `value`.
void write_single(hid_t file, hid_t type, const void* value) {
    const hsize_t one = 1;
    Id space{H5Screate_simple(1, &one, nullptr), H5Sclose};
    Id dataset{H5Dcreate2(file, "events", type, space.id, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
               H5Dclose};
    ASSERT_GE(dataset.id, 0);
    ASSERT_GE(H5Dwrite(dataset.id, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, value), 0);
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

TEST(RunFileEvents, EveryColumnKindRoundTrips) {
    ScratchDir dir;
    const RecordTable written = sample_events(1000, 3);
    write_run(dir / "run.h5", run_with(written));
    const RunData read = read_run(dir / "run.h5");
    ASSERT_TRUE(read.events.has_value());
    expect_same_table(*read.events, written);
    EXPECT_EQ(read.events->columns()[0].units, "days");
    EXPECT_EQ(read.events->columns()[0].description, "Days since the start — simulated");
    EXPECT_EQ(read.events->label(3, 2), "transfer");
    EXPECT_EQ(read.events->label(4, 299), "team 299");
    EXPECT_EQ(read.series.at(0, 0, 0), 300.0);  // the series are unaffected
}

TEST(RunFileEvents, StoredAsACompoundWithHdf5EnumsAndColumnAttributes) {
    ScratchDir dir;
    const fs::path path = dir / "run.h5";
    write_run(path, run_with(sample_events(10)));

    Id file{H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose};
    Id dataset{H5Dopen2(file.id, "events", H5P_DEFAULT), H5Dclose};
    ASSERT_GE(dataset.id, 0);
    Id type{H5Dget_type(dataset.id), H5Tclose};
    ASSERT_EQ(H5Tget_class(type.id), H5T_COMPOUND);
    ASSERT_EQ(H5Tget_nmembers(type.id), 5);
    EXPECT_EQ(H5Tget_size(type.id), 23u);  // packed, no padding

    const H5T_class_t classes[] = {H5T_FLOAT, H5T_INTEGER, H5T_INTEGER, H5T_ENUM, H5T_ENUM};
    const std::size_t sizes[] = {8, 8, 4, 1, 2};
    for (unsigned m = 0; m < 5; ++m) {
        Id member{H5Tget_member_type(type.id, m), H5Tclose};
        EXPECT_EQ(H5Tget_class(member.id), classes[m]) << m;
        EXPECT_EQ(H5Tget_size(member.id), sizes[m]) << m;
        EXPECT_EQ(H5Tget_order(member.id), H5T_ORDER_LE) << m;
    }
    Id kind{H5Tget_member_type(type.id, 3), H5Tclose};
    ASSERT_EQ(H5Tget_nmembers(kind.id), 3);
    const char* labels[] = {"hire", "leave", "transfer"};
    for (unsigned m = 0; m < 3; ++m) {
        char* name = H5Tget_member_name(kind.id, m);
        std::uint8_t value = 99;
        ASSERT_GE(H5Tget_member_value(kind.id, m, &value), 0);
        EXPECT_STREQ(name, labels[value]);
        H5free_memory(name);
    }
    Id replication_signed{H5Tget_member_type(type.id, 2), H5Tclose};
    EXPECT_EQ(H5Tget_sign(replication_signed.id), H5T_SGN_NONE);

    for (const char* attribute :
         {"time_units", "time_description", "team_units", "kind_description"}) {
        EXPECT_GT(H5Aexists(dataset.id, attribute), 0) << attribute;
    }
    Id space{H5Dget_space(dataset.id), H5Sclose};
    EXPECT_EQ(H5Sget_simple_extent_ndims(space.id), 1);
    EXPECT_EQ(H5Sget_simple_extent_npoints(space.id), 10);
}

TEST(RunFileEvents, EmptyTableWritesAZeroLengthDatasetOfTheRightType) {
    ScratchDir dir;
    const fs::path path = dir / "run.h5";
    write_run(path, run_with(RecordTable(event_columns())));
    {
        Id file{H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose};
        Id dataset{H5Dopen2(file.id, "events", H5P_DEFAULT), H5Dclose};
        ASSERT_GE(dataset.id, 0);
        Id space{H5Dget_space(dataset.id), H5Sclose};
        hsize_t rows = 99;
        ASSERT_EQ(H5Sget_simple_extent_dims(space.id, &rows, nullptr), 1);
        EXPECT_EQ(rows, 0u);
        Id type{H5Dget_type(dataset.id), H5Tclose};
        EXPECT_EQ(H5Tget_class(type.id), H5T_COMPOUND);
        EXPECT_EQ(H5Tget_nmembers(type.id), 5);
    }
    const RunData read = read_run(path);
    ASSERT_TRUE(read.events.has_value());
    EXPECT_EQ(read.events->rows(), 0u);
    EXPECT_EQ(read.events->columns(), event_columns());
}

TEST(RunFileEvents, LargeTableIsChunkedCompressedAndExact) {
    ScratchDir dir;
    const fs::path path = dir / "run.h5";
    constexpr std::size_t kRows = 1'000'000;
    RecordTable written(event_columns());
    written.reserve(kRows);
    for (std::size_t i = 0; i < kRows; ++i) {
        written.append_row(static_cast<double>(i) * 0.25, static_cast<std::int64_t>(i) - 500'000,
                           static_cast<std::uint32_t>(i / 100'000), static_cast<Kind>(i % 3),
                           EnumCode{static_cast<std::uint16_t>(i % 300)});
    }
    write_run(path, run_with(written));
    {
        Id file{H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose};
        Id dataset{H5Dopen2(file.id, "events", H5P_DEFAULT), H5Dclose};
        ASSERT_GE(dataset.id, 0);
        Id creation{H5Dget_create_plist(dataset.id), H5Pclose};
        ASSERT_EQ(H5Pget_layout(creation.id), H5D_CHUNKED);
        hsize_t chunk = 0;
        ASSERT_EQ(H5Pget_chunk(creation.id, 1, &chunk), 1);
        EXPECT_GT(chunk, 1u);
        EXPECT_LE(chunk * written.packed_row_size(), std::size_t{1} << 20);
        unsigned flags = 0;
        std::size_t count = 1;
        unsigned level = 0;
        EXPECT_GE(H5Pget_filter_by_id2(creation.id, H5Z_FILTER_DEFLATE, &flags, &count, &level, 0,
                                       nullptr, nullptr),
                  0);
        EXPECT_EQ(level, 4u);
        count = 0;
        EXPECT_GE(H5Pget_filter_by_id2(creation.id, H5Z_FILTER_SHUFFLE, &flags, &count, nullptr, 0,
                                       nullptr, nullptr),
                  0);
        // Regular columns like these shrink several times over.
        EXPECT_LT(H5Dget_storage_size(dataset.id), kRows * written.packed_row_size() / 3);
    }
    const RunData read = read_run(path);
    ASSERT_TRUE(read.events.has_value());
    const RecordTable& events = *read.events;
    ASSERT_EQ(events.rows(), kRows);
    for (std::size_t i : {std::size_t{0}, std::size_t{1}, std::size_t{65'535}, std::size_t{65'536},
                          std::size_t{500'001}, kRows - 1}) {
        EXPECT_EQ(events.float64s(0)[i], static_cast<double>(i) * 0.25) << i;
        EXPECT_EQ(events.int64s(1)[i], static_cast<std::int64_t>(i) - 500'000) << i;
        EXPECT_EQ(events.uint32s(2)[i], i / 100'000) << i;
        EXPECT_EQ(events.code(3, i), i % 3) << i;
        EXPECT_EQ(events.label(4, i), "team " + std::to_string(i % 300)) << i;
    }
    expect_same_table(events, written);
}

// netCDF readers (h5netcdf) refuse a group with a dataset lacking a dimension scale on an axis;
// /events has netCDF's "dimension but not a variable" /event, as long as the table, even empty.
TEST(RunFileEvents, EventsRunAlongADimensionThatIsNotAVariable) {
    for (const std::size_t rows : {std::size_t{0}, std::size_t{10}}) {
        ScratchDir dir;
        const fs::path path = dir / "run.h5";
        write_run(path, run_with(rows == 0 ? RecordTable(event_columns()) : sample_events(rows)));
        Id file{H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose};
        Id events{H5Dopen2(file.id, "events", H5P_DEFAULT), H5Dclose};
        Id event{H5Dopen2(file.id, "event", H5P_DEFAULT), H5Dclose};
        ASSERT_GE(events.id, 0) << rows;
        ASSERT_GE(event.id, 0) << rows;
        EXPECT_GT(H5DSis_scale(event.id), 0) << rows;
        EXPECT_GT(H5DSis_attached(events.id, event.id, 0), 0) << rows;
        Id space{H5Dget_space(event.id), H5Sclose};
        EXPECT_EQ(H5Sget_simple_extent_npoints(space.id), static_cast<hssize_t>(rows));
        char name[128] = {};
        ASSERT_GT(H5DSget_scale_name(event.id, name, sizeof name), 0) << rows;
        const std::string expected = "This is a netCDF dimension but not a netCDF variable." +
                                     std::string(rows == 0 ? 9 : 8, ' ') + std::to_string(rows);
        EXPECT_EQ(std::string(name), expected);
    }
}

TEST(RunFileEvents, RunWithoutEventsHasNoEventsDataset) {
    ScratchDir dir;
    const fs::path path = dir / "run.h5";
    write_run(path, run_with(std::nullopt));
    {
        Id file{H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose};
        ASSERT_GE(file.id, 0);
        EXPECT_EQ(H5Lexists(file.id, "events", H5P_DEFAULT), 0);
        EXPECT_EQ(H5Lexists(file.id, "event", H5P_DEFAULT), 0);
    }
    EXPECT_FALSE(read_run(path).events.has_value());
}

TEST(RunFileEvents, FailedWriteKeepsThePreviousFile) {
    ScratchDir dir;
    const fs::path path = dir / "run.h5";
    write_run(path, run_with(sample_events(3)));
    // A variable-length HDF5 string cannot hold a NUL byte, so writing this fails inside HDF5,
    // after the events dataset has been created in the temporary file.
    std::vector<ColumnSpec> columns = event_columns();
    columns[2].description = std::string("a\0b", 3);
    RecordTable bad(columns);
    bad.append_row(1.0, 2, 3u, Kind::hire, EnumCode{1});
    expect_error<OutputError>([&] { write_run(path, run_with(bad)); },
                              {"cannot write", path.string(), "replication_description", "NUL"});
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"run.h5"});
    EXPECT_EQ(open_hdf5_objects(), 0);
    EXPECT_EQ(read_run(path).events->rows(), 3u);
}

TEST(RunFileEvents, EventsThatAreNotACompoundAreRefused) {
    ScratchDir dir;
    const fs::path path = dir / "run.h5";
    write_run(path, run_with(std::nullopt));
    replace_events(path, [](hid_t file) {
        const std::int32_t value = 7;
        write_single(file, H5T_STD_I32LE, &value);
    });
    expect_error<OutputError>([&] { read_run(path); }, {"cannot read", path.string(), "'events'",
                                                        "integer", "not a compound"});
    EXPECT_EQ(open_hdf5_objects(), 0);
}

TEST(RunFileEvents, UnsupportedColumnTypesAreRefused) {
    ScratchDir dir;
    const fs::path path = dir / "run.h5";
    write_run(path, run_with(std::nullopt));
    // A 4-byte signed integer column: int32 is not one of the record kinds.
    replace_events(path, [](hid_t file) {
        Id type{H5Tcreate(H5T_COMPOUND, 12), H5Tclose};
        H5Tinsert(type.id, "count", 0, H5T_NATIVE_INT32);
        H5Tinsert(type.id, "time", 4, H5T_NATIVE_DOUBLE);
        const unsigned char value[12] = {};
        write_single(file, type.id, value);
    });
    expect_error<OutputError>([&] { read_run(path); },
                              {path.string(), "'events'", "'count'", "is a 4-byte signed integer"});

    // A string column.
    replace_events(path, [](hid_t file) {
        Id string{H5Tcopy(H5T_C_S1), H5Tclose};
        H5Tset_size(string.id, 4);
        Id type{H5Tcreate(H5T_COMPOUND, 4), H5Tclose};
        H5Tinsert(type.id, "name", 0, string.id);
        const char value[4] = {'a', 'b', 'c', 'd'};
        write_single(file, type.id, value);
    });
    expect_error<OutputError>([&] { read_run(path); }, {path.string(), "'name'", "a string"});
    EXPECT_EQ(open_hdf5_objects(), 0);
}

TEST(RunFileEvents, EnumsMustBeCodedFromZeroAndHoldOnlyLabelledCodes) {
    ScratchDir dir;
    const fs::path path = dir / "run.h5";
    write_run(path, run_with(std::nullopt));
    const auto write_enum = [&](std::vector<std::uint8_t> values, std::uint8_t stored) {
        replace_events(path, [&](hid_t file) {
            Id kind{H5Tenum_create(H5T_NATIVE_UINT8), H5Tclose};
            const char* names[] = {"low", "high"};
            for (std::size_t i = 0; i < values.size(); ++i) {
                H5Tenum_insert(kind.id, names[i], &values[i]);
            }
            Id type{H5Tcreate(H5T_COMPOUND, 1), H5Tclose};
            H5Tinsert(type.id, "level", 0, kind.id);
            write_single(file, type.id, &stored);
            Id dataset{H5Dopen2(file, "events", H5P_DEFAULT), H5Dclose};
            Id space{H5Screate(H5S_SCALAR), H5Sclose};
            Id text{H5Tcopy(H5T_C_S1), H5Tclose};
            H5Tset_size(text.id, H5T_VARIABLE);
            for (const char* attribute : {"level_units", "level_description"}) {
                Id handle{
                    H5Acreate2(dataset.id, attribute, text.id, space.id, H5P_DEFAULT, H5P_DEFAULT),
                    H5Aclose};
                const char* empty = "";
                H5Awrite(handle.id, text.id, &empty);
            }
        });
    };

    write_enum({0, 1}, 1);  // what the writer would make: readable
    const RunData read = read_run(path);
    ASSERT_TRUE(read.events.has_value());
    EXPECT_EQ(read.events->label(0, 0), "high");

    write_enum({1, 2}, 1);  // codes that do not start at 0
    expect_error<OutputError>([&] { read_run(path); },
                              {path.string(), "'level'", "not 0 to 1", "'high' is 2"});

    write_enum({0, 1}, 5);  // a stored code with no label
    expect_error<OutputError>([&] { read_run(path); },
                              {path.string(), "'level'", "no label for code"});
    EXPECT_EQ(open_hdf5_objects(), 0);
}

TEST(RunFileEvents, MissingColumnAttributesAreNamed) {
    ScratchDir dir;
    const fs::path path = dir / "run.h5";
    write_run(path, run_with(sample_events(2)));
    {
        Id file{H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT), H5Fclose};
        Id dataset{H5Dopen2(file.id, "events", H5P_DEFAULT), H5Dclose};
        ASSERT_GE(H5Adelete(dataset.id, "kind_units"), 0);
    }
    expect_error<OutputError>([&] { read_run(path); }, {path.string(), "'kind_units'"});
}

TEST(RunFileEvents, TooManyLabelsForHdf5AreRefusedClearly) {
    ScratchDir dir;
    // Each label is one enumeration member in the dataset's type, which HDF5 caps at 64 KiB.
    std::vector<std::string> labels;
    for (int i = 0; i < 5000; ++i) labels.push_back("a rather long label " + std::to_string(i));
    RecordTable table({{"place", "", "", ColumnKind::enumeration, labels}});
    table.append_row(EnumCode{4999});
    expect_error<OutputError>([&] { write_run(dir / "run.h5", run_with(table)); },
                              {"cannot write", "'events'", "64 KiB"});
    EXPECT_TRUE(dir.entries().empty());

    labels.resize(1000);  // well within the limit
    RecordTable fits({{"place", "", "", ColumnKind::enumeration, labels}});
    fits.append_row(EnumCode{999});
    write_run(dir / "run.h5", run_with(fits));
    EXPECT_EQ(read_run(dir / "run.h5").events->label(0, 0), "a rather long label 999");
}
