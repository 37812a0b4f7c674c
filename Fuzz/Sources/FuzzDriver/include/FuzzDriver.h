#ifndef ATELIER_FUZZ_DRIVER_H
#define ATELIER_FUZZ_DRIVER_H

/// Runs libFuzzer on this executable's LLVMFuzzerTestOneInput (LLVMFuzzerRunDriver).
///
/// SwiftPM links every executable with `--defsym main=<Module>_main` (testable executables); under
/// -parse-as-library no such symbol exists and the link fails (swiftlang/swift#75800). Each fuzzer
/// therefore defines `<Module>_main` with @_cdecl and calls this, instead of libFuzzer's own main.
int atelier_fuzz_main(int argc, char **argv);

#endif
