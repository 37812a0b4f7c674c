import Foundation

/// Where the database file is.
///
/// `--db PATH` wins, then `ATELIER_DB`, then the default: `$XDG_DATA_HOME/atelier/atelier.sqlite`, that is
/// `~/.local/share/atelier/atelier.sqlite` on most Linux systems. The file and its folder are created on
/// first use.
public enum DatabaseLocation {
    /// The path to use.
    public static func resolve(option: String?, environment: [String: String], currentDirectory: String) -> String {
        func absolute(_ path: String) -> String {
            let expanded = (path as NSString).expandingTildeInPath
            return expanded.hasPrefix("/") ? expanded : (currentDirectory as NSString).appendingPathComponent(expanded)
        }
        if let option, !option.isEmpty { return absolute(option) }
        if let variable = environment["ATELIER_DB"], !variable.isEmpty { return absolute(variable) }
        let dataHome =
            environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) as NSString).appendingPathComponent(".local/share")
        return ((dataHome as NSString).appendingPathComponent("atelier") as NSString).appendingPathComponent("atelier.sqlite")
    }
}
