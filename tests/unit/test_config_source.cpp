// Getting a scenario file into a Document: reading the file, parsing the YAML, and the format
// of every message.
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "models/config/document.hpp"
#include "models/config/source.hpp"

namespace wfsim::config {
namespace {

namespace fs = std::filesystem;

// A scratch directory per test, removed afterwards.
class ConfigSource : public ::testing::Test {
protected:
    void SetUp() override {
        const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
        dir_ = fs::temp_directory_path() / ("wfsim_config_" + std::string(test->name()));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    fs::path write(const std::string& name, const std::string& bytes) const {
        const fs::path path = dir_ / name;
        std::ofstream(path, std::ios::binary) << bytes;
        return path;
    }

    // The single message read_source throws for `path`, checking it has no position.
    static std::string failure(const fs::path& path) {
        try {
            read_source(path);
        } catch (const InputError& error) {
            EXPECT_EQ(error.diagnostics().size(), 1U);
            EXPECT_EQ(error.diagnostics().front().line, 0);
            return error.what();
        }
        return "no error";
    }

    fs::path dir_;
};

TEST_F(ConfigSource, ReadsATextFileKeepingThePathAsGiven) {
    const fs::path path = write("s.yaml", "# café – £\nseed: 1\n");
    const SourceText source = read_source(path);
    EXPECT_EQ(source.file, path.string());
    EXPECT_EQ(source.text, "# café – £\nseed: 1\n");
}

TEST_F(ConfigSource, MissingFile) {
    const fs::path path = dir_ / "nope.yaml";
    EXPECT_EQ(failure(path), path.string() + ": error: cannot read: No such file or directory");
}

TEST_F(ConfigSource, Directory) {
    EXPECT_EQ(failure(dir_), dir_.string() + ": error: cannot read: Is a directory");
}

TEST_F(ConfigSource, EmptyBlankOrCommentOnlyFiles) {
    for (const std::string bytes : {"", "  \n\t\r\n", "# nothing yet\n  # still nothing\n"}) {
        const fs::path path = write("e.yaml", bytes);
        EXPECT_EQ(failure(path), path.string() + ": error: file is empty") << bytes;
    }
}

TEST_F(ConfigSource, BinaryContent) {
    const std::string nul("a: 1\n\0b: 2\n", 11);
    const std::string not_utf8[] = {"a: \xff\n", "a: \xc0\xaf\n", "a: \xed\xa0\x80\n",
                                    "a: \xe2\x82"};
    for (const std::string& bytes : {nul, not_utf8[0], not_utf8[1], not_utf8[2], not_utf8[3]}) {
        const fs::path path = write("b.yaml", bytes);
        EXPECT_EQ(failure(path), path.string() + ": error: not a text file");
    }
}

TEST(ConfigParse, YamlSyntaxErrorHasTheParsersPosition) {
    try {
        Document::parse({"s.yaml", "a: 1\n b: 2\n"});
        FAIL() << "expected InputError";
    } catch (const InputError& error) {
        EXPECT_STREQ(error.what(), "s.yaml:2:3: error: invalid YAML: illegal map value");
    }
}

TEST(ConfigParse, TopLevelMustBeAMapping) {
    EXPECT_THROW(
        {
            try {
                Document::parse({"s.yaml", "- 1\n- 2\n"});
            } catch (const InputError& error) {
                EXPECT_STREQ(error.what(),
                             "s.yaml:1:1: error: expected a mapping of 'key: value' settings "
                             "(got a sequence)");
                throw;
            }
        },
        InputError);
    EXPECT_THROW(Document::parse({"s.yaml", "hello\n"}), InputError);
}

TEST(ConfigParse, AliasInsideItsOwnAnchorIsRejected) {
    // Such a tree is infinite; walking it used to overflow the stack.
    const auto failure = [](std::string text) -> std::string {
        try {
            Document::parse({"s.yaml", std::move(text)});
        } catch (const InputError& error) {
            return error.what();
        }
        return "no error";
    };
    EXPECT_EQ(failure("a: 1\nb: &x\n  c: 2\n  d: *x\n"),
              "s.yaml:4:3: error: invalid YAML: an alias refers to a mapping or sequence that "
              "contains it");
    EXPECT_EQ(failure("a: &x [1, [2, *x]]\n"),
              "s.yaml:1:11: error: invalid YAML: an alias refers to a mapping or sequence that "
              "contains it");
    // Aliases elsewhere are fine.
    EXPECT_EQ(failure("a: &x {c: 1}\nb: *x\nd: [*x, *x]\n"), "no error");
}

TEST(ConfigParse, AliasesRepeatingValuesTooOftenAreRejected) {
    // Ten lists of ten, each of the one before: 10^10 values to walk once aliases are followed.
    std::string text = "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (char level = '1'; level <= '9'; ++level) {
        const char previous = static_cast<char>(level - 1);
        text.append("l").append(1, level).append(": &l").append(1, level).append(" [*l");
        text.append(1, previous);
        for (int i = 1; i < 10; ++i) text.append(", *l").append(1, previous);
        text.append("]\n");
    }
    try {
        Document::parse({"s.yaml", text});
        FAIL() << "expected InputError";
    } catch (const InputError& error) {
        EXPECT_STREQ(error.what(),
                     "s.yaml: error: invalid YAML: aliases repeat values more than 1000000 times");
    }
    // A few levels are fine.
    text.resize(text.find("l4:"));
    EXPECT_NO_THROW(Document::parse({"s.yaml", text}));
}

TEST(ConfigDiagnostic, FormatDropsUnknownPositionAndEmptyPath) {
    EXPECT_EQ((Diagnostic{"f.yaml", 3, 7, "a.b", "bad"}).format(), "f.yaml:3:7: error: a.b: bad");
    EXPECT_EQ((Diagnostic{"f.yaml", 0, 0, "a.b", "bad"}).format(), "f.yaml: error: a.b: bad");
    EXPECT_EQ((Diagnostic{"f.yaml", 3, 7, "", "bad"}).format(), "f.yaml:3:7: error: bad");
    EXPECT_EQ((Diagnostic{"f.yaml", 0, 0, "", "bad"}).format(), "f.yaml: error: bad");
}

TEST(ConfigDiagnostic, InputErrorJoinsEveryDiagnostic) {
    const InputError error({{"f", 1, 2, "a", "x"}, {"f", 3, 4, "b", "y"}});
    EXPECT_STREQ(error.what(), "f:1:2: error: a: x\nf:3:4: error: b: y");
    EXPECT_EQ(error.diagnostics().size(), 2U);
}

}  // namespace
}  // namespace wfsim::config

TEST(ConfigDiagnostic, ControlCharactersAreEscapedOntoOneLine) {
    const wfsim::config::Diagnostic d{"s.yaml", 2, 8, "start", "bad (got 2016-04\r01\x01\t)"};
    EXPECT_EQ(d.format(), "s.yaml:2:8: error: start: bad (got 2016-04\\r01\\x01\\t)");
}
