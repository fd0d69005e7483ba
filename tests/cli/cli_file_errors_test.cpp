// Files pgc cannot or will not read: missing, a directory, empty, binary, not UTF-8, huge.
// Exit code 2 for I/O and usage errors, 1 for a file whose content is wrong.
#include <gtest/gtest.h>

#include <fstream>

#include "pgc_process.h"

namespace pgc::tests {
namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(CliFileErrorsTest, MissingFileExitsTwo) {
  TempDir dir;
  ProcessResult result = runPgc({"check", "missing.pgc"}, dir.path());
  EXPECT_EQ(result.exitCode, 2);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err,
            "error[PGC0001]: cannot read `missing.pgc`: No such file or directory\n1 error\n");
}

TEST(CliFileErrorsTest, DirectoryExitsTwo) {
  TempDir dir;
  std::filesystem::create_directory(dir.path() / "app");
  ProcessResult result = runPgc({"check", "app"}, dir.path());
  EXPECT_EQ(result.exitCode, 2);
  EXPECT_TRUE(contains(result.err, "error[PGC0002]: `app` is a directory")) << result.err;
  EXPECT_TRUE(contains(result.err, "help: name the .pgc file inside it, such as `app/main.pgc`"))
      << result.err;
}

TEST(CliFileErrorsTest, EmptyFileExitsOne) {
  TempDir dir;
  dir.write("empty.pgc", "");
  ProcessResult result = runPgc({"check", "empty.pgc"}, dir.path());
  EXPECT_EQ(result.exitCode, 1);
  EXPECT_TRUE(contains(result.err, "empty.pgc:1:1: error[PGC0006]: `empty.pgc` declares nothing"))
      << result.err;
}

TEST(CliFileErrorsTest, BinaryFileExitsOne) {
  TempDir dir;
  dir.write("image.pgc", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  ProcessResult result = runPgc({"check", "image.pgc"}, dir.path());
  EXPECT_EQ(result.exitCode, 1);
  // The invalid byte 0x89 comes before the NUL, but a NUL anywhere means binary.
  EXPECT_TRUE(contains(result.err, "error[PGC0004]: `image.pgc` is a binary file")) << result.err;
  EXPECT_TRUE(contains(result.err, "1 error\n")) << result.err;
}

TEST(CliFileErrorsTest, InvalidUtf8ExitsOne) {
  TempDir dir;
  dir.write("latin1.pgc", "project \"caf\xE9\" {}\n");
  ProcessResult result = runPgc({"check", "latin1.pgc"}, dir.path());
  EXPECT_EQ(result.exitCode, 1);
  EXPECT_TRUE(contains(result.err, "latin1.pgc:1:13: error[PGC0005]: invalid UTF-8: byte 0xE9"))
      << result.err;
  EXPECT_TRUE(contains(result.err, "help: save the file as UTF-8")) << result.err;
}

TEST(CliFileErrorsTest, FiftyMegabyteFileIsRefusedBeforeReading) {
  TempDir dir;
  {
    std::ofstream out(dir.path() / "huge.pgc", std::ios::binary);
    std::string line = "let x = 1\n";
    std::string chunk;
    while (chunk.size() < 1024 * 1024) chunk += line;
    chunk.resize(1024 * 1024);
    for (int i = 0; i < 50; ++i) out << chunk;
  }
  ProcessResult result = runPgc({"check", "huge.pgc"}, dir.path());
  EXPECT_EQ(result.exitCode, 1);
  EXPECT_EQ(result.err,
            "error[PGC0003]: `huge.pgc` is 50.0 MiB; pgc reads source files of at most 4.0 MiB\n"
            "   = help: split the program into modules and `import` them\n"
            "1 error\n");
}

TEST(CliFileErrorsTest, EveryFileIsReportedAndTheWorstExitCodeWins) {
  TempDir dir;
  dir.write("bad.pgc", "cluster main {\n");
  dir.write("binary.pgc", std::string("\0", 1));
  ProcessResult result = runPgc({"check", "bad.pgc", "missing.pgc", "binary.pgc"}, dir.path());
  EXPECT_EQ(result.exitCode, 2);
  EXPECT_TRUE(contains(result.err, "bad.pgc:2:1: error[PGC0021]")) << result.err;
  EXPECT_TRUE(contains(result.err, "error[PGC0001]: cannot read `missing.pgc`")) << result.err;
  EXPECT_TRUE(contains(result.err, "binary.pgc:1:1: error[PGC0004]")) << result.err;
  EXPECT_TRUE(contains(result.err, "3 errors\n")) << result.err;
}

}  // namespace
}  // namespace pgc::tests
