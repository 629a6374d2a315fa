import Logging

/// What `winnow run`'s options set over a configuration file (`--output-dir`, `--state-dir`, `--sites`,
/// `--log-level`, `--allow-private-networks`). Applied when the daemon starts and again to every file a reload
/// reads, so a reload neither drops them nor reports them as changes of the file.
public struct CommandLineOverrides: Sendable, Equatable {
    public var outputDirectory: String?
    public var stateDirectory: String?
    /// Searched before the file's `site_folders`.
    public var siteFolders: [String]
    public var logLevel: Logger.Level?
    /// Only ever turns the setting on: the flag cannot forbid what the file allows.
    public var allowPrivateNetworks: Bool

    public init(
        outputDirectory: String? = nil, stateDirectory: String? = nil, siteFolders: [String] = [],
        logLevel: Logger.Level? = nil, allowPrivateNetworks: Bool = false
    ) {
        self.outputDirectory = outputDirectory
        self.stateDirectory = stateDirectory
        self.siteFolders = siteFolders
        self.logLevel = logLevel
        self.allowPrivateNetworks = allowPrivateNetworks
    }

    /// `configuration` with these options over it.
    public func applied(to configuration: DaemonConfiguration) -> DaemonConfiguration {
        var result = configuration
        if let outputDirectory { result.output.directory = outputDirectory }
        if let stateDirectory { result.daemon.stateDirectory = stateDirectory }
        result.daemon.siteFolders = siteFolders + result.daemon.siteFolders
        if let logLevel { result.daemon.logLevel = logLevel }
        if allowPrivateNetworks { result.fetch.allowPrivateNetworks = true }
        return result
    }
}
