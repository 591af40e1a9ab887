import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The configuration file with the real binary: found under XDG_CONFIG_HOME (or
/// ~/.config), warnings on stderr naming file and line, flags winning over the file.
@Suite struct ConfigurationEndToEndTests {
    /// A fresh directory holding `reader/config.toml` with `text`; returns the directory.
    static func configHome(_ text: String) -> String {
        let directory = "/tmp/reader-config-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        mkdir(directory, 0o700)
        mkdir(directory + "/reader", 0o700)
        ReaderBinary.writeFile(directory + "/reader/config.toml", text)
        return directory
    }

    static func remove(_ directory: String) {
        _ = system("rm -rf '\(directory)'")
    }

    @Test func badLineIsOneWarningAndTheRestApplies() {
        let home = ConfigurationEndToEndTests.configHome("repair = false\n[colors]\ntitle = \"purple\"\n")
        defer { ConfigurationEndToEndTests.remove(home) }
        let result = ReaderBinary.run(["--list", ReaderBinary.seed], environment: ["XDG_CONFIG_HOME": home])
        #expect(result.status == 0)
        #expect(result.standardError
            == "reader: \(home)/reader/config.toml:3: unknown color \"purple\" for colors.title; using the theme's color\n")
        #expect(result.standardOutput == ReaderBinary.run(["--list", ReaderBinary.seed]).standardOutput)
        // repair = false still applied: the dump is the raw one.
        let dump = ReaderBinary.run(["--dump", ReaderBinary.seed], environment: ["XDG_CONFIG_HOME": home])
        #expect(dump.standardOutput == ReaderBinary.run(["--dump", "--raw", ReaderBinary.seed]).standardOutput)
        #expect(dump.standardOutput != ReaderBinary.run(["--dump", ReaderBinary.seed]).standardOutput)
    }

    @Test func syntaxErrorIgnoresTheFile() {
        let home = ConfigurationEndToEndTests.configHome("repair = false\nambiguous_wide = \n")
        defer { ConfigurationEndToEndTests.remove(home) }
        let result = ReaderBinary.run(["--dump", ReaderBinary.seed], environment: ["XDG_CONFIG_HOME": home])
        #expect(result.status == 0)
        #expect(result.standardError == "reader: \(home)/reader/config.toml:2: TOML syntax error: Error while parsing "
            + "key-value pair: expected value, saw '\\n'; the file is ignored, using the default settings\n")
        #expect(result.standardOutput == ReaderBinary.run(["--dump", ReaderBinary.seed]).standardOutput)
    }

    @Test func ambiguousWideFromTheFileAndTheHomeFallback() {
        let home = ConfigurationEndToEndTests.configHome("ambiguous_wide = true\n")
        defer { ConfigurationEndToEndTests.remove(home) }
        _ = system("mkdir -p '\(home)/.config' && mv '\(home)/reader' '\(home)/.config/reader'")
        let wide = ReaderBinary.run(["--dump", "--ambiguous-wide", ReaderBinary.seed]).standardOutput
        #expect(wide != ReaderBinary.run(["--dump", ReaderBinary.seed]).standardOutput)
        // XDG_CONFIG_HOME empty (not absolute): ~/.config/reader/config.toml.
        let result = ReaderBinary.run(
            ["--dump", ReaderBinary.seed], environment: ["XDG_CONFIG_HOME": "", "HOME": home])
        #expect(result.standardError == "")
        #expect(result.standardOutput == wide)
        // --no-config: the built-in settings.
        let plain = ReaderBinary.run(
            ["--dump", "--no-config", ReaderBinary.seed], environment: ["XDG_CONFIG_HOME": "", "HOME": home])
        #expect(plain.standardOutput == ReaderBinary.run(["--dump", ReaderBinary.seed]).standardOutput)
    }

    @Test func configOptionNamesAnotherFile() {
        let home = ConfigurationEndToEndTests.configHome("[keys]\nquit = [\"Hyper\"]\n")
        defer { ConfigurationEndToEndTests.remove(home) }
        let file = home + "/reader/config.toml"
        let result = ReaderBinary.run(["--config", file, "--list", ReaderBinary.seed])
        #expect(result.status == 0)
        #expect(result.standardError
            == "reader: \(file):2: unknown key \"Hyper\" for keys.quit; using the default keys (q Q Ctrl-C)\n")
        let missing = ReaderBinary.run(["--config", home + "/none.toml", "--list", ReaderBinary.seed])
        #expect(missing.status == 0)
        #expect(missing.standardError == "reader: \(home)/none.toml: No such file or directory; using the default settings\n")
        let both = ReaderBinary.run(["--config", file, "--no-config", "--list", ReaderBinary.seed])
        #expect(both.status == 64)
        #expect(both.standardError.hasPrefix("Error: --config and --no-config cannot be used together.\n"))
    }

    @Test func missingDefaultFileIsSilent() {
        let home = ConfigurationEndToEndTests.configHome("")
        defer { ConfigurationEndToEndTests.remove(home) }
        let result = ReaderBinary.run(
            ["--list", ReaderBinary.seed], environment: ["XDG_CONFIG_HOME": home + "/elsewhere"])
        #expect(result.status == 0)
        #expect(result.standardError == "")
    }
}
