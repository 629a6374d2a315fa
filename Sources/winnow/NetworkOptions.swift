import ArgumentParser
import WinnowFetch

/// The network-safety switch shared by every command that fetches (`fetch`, `explain`, `rules new`,
/// `rules test --online`, `run`).
struct NetworkOptions: ParsableArguments {
    @Flag(help: ArgumentHelp(
        "Allow fetching loopback, private and link-local addresses (127.0.0.0/8, 10.0.0.0/8, 192.168.0.0/16, "
            + "169.254.0.0/16, ::1, fc00::/7, ...). Refused by default, checked on the resolved address of every "
            + "connection and redirect, so that a page cannot point Winnow at the network it runs in."))
    var allowPrivateNetworks = false

    /// A client configuration with the defaults and this switch.
    func clientConfiguration() -> HTTPClientConfiguration {
        var configuration = HTTPClientConfiguration()
        configuration.allowPrivateNetworks = allowPrivateNetworks
        return configuration
    }

    /// A fetch error's message, with the flag named when the address guard refused the connection.
    static func explain(_ error: FetchError) -> String {
        error.code == .blockedAddress ? error.message + " (pass --allow-private-networks to allow)" : error.message
    }
}
