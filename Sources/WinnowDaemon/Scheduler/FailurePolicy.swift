import Foundation
import WinnowCrawl
import WinnowFetch
import WinnowPipeline
import WinnowState

/// What a failed page attempt means for the page and for its host: retry later, give up, or skip — and
/// whether the host asked everyone to back off. Pure: the scheduler applies the decision.
struct FailurePolicy: Sendable {
    /// Attempts before a page is failed for good.
    var retries: Int
    var retryBase: Duration
    var retryCap: Duration
    var retryAfterCap: Duration

    /// The decision for one failure.
    struct Decision: Sendable, Equatable {
        /// What the frontier records.
        var outcome: EntryOutcome
        /// No request to the host before this time (429/503 with or without Retry-After).
        var hostBackoffUntil: Date?
    }

    /// Decides what `error` on attempt number `attempt` (1 = the first try) means.
    func decide(_ error: any Error, attempt: Int, now: Date, random: inout some RandomNumberGenerator) -> Decision {
        let message = Self.describe(error)
        let retryAt = now.addingTimeInterval(
            Backoff.delay(attempt: attempt, base: retryBase, cap: retryCap, random: &random).seconds)
        let canRetry = attempt < retries
        switch error {
        case is NotAPageError:
            return Decision(outcome: .skipped(reason: message))
        case is NoStoryError:
            return Decision(outcome: .skipped(reason: message))
        case let error as FetchError:
            switch error.code {
            case .httpStatus(let status) where status == 429 || status == 503:
                // The host is overloaded or rate-limiting: everyone waits, for as long as it asked (capped).
                let asked = error.retryAfter.flatMap { RetryAfter.delay($0, now: now, cap: retryAfterCap) }
                let until = now.addingTimeInterval((asked ?? max(retryBase, .seconds(60))).seconds)
                let outcome: EntryOutcome = canRetry
                    ? .retry(at: max(until, retryAt), error: message, status: status)
                    : .failed(error: message, status: status)
                return Decision(outcome: outcome, hostBackoffUntil: until)
            case .httpStatus(let status) where (500..<600).contains(status) || status == 408:
                return Decision(outcome: canRetry ? .retry(at: retryAt, error: message, status: status)
                    : .failed(error: message, status: status))
            case .httpStatus(let status):
                return Decision(outcome: .failed(error: message, status: status))  // 404, 410, 403, …: final
            case .timeout, .connect, .dns, .transport, .tls, .undecodableBody:
                return Decision(outcome: canRetry ? .retry(at: retryAt, error: message, status: nil)
                    : .failed(error: message, status: nil))
            case .shutdown:
                return Decision(outcome: .retry(at: now, error: message, status: nil))
            case .invalidURL, .invalidRequest, .tooLarge, .tooManyRedirects, .disallowedRedirect, .blockedAddress:
                return Decision(outcome: .failed(error: message, status: nil))
            }
        case is CancellationError:
            return Decision(outcome: .retry(at: now, error: "cancelled", status: nil))
        default:
            return Decision(outcome: canRetry ? .retry(at: retryAt, error: message, status: nil)
                : .failed(error: message, status: nil))
        }
    }

    /// One line for the state and the log.
    static func describe(_ error: any Error) -> String {
        if let error = error as? FetchError { return error.message }
        return String(describing: error).split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}

/// A page that parsed but held no story text: skipped, not retried.
struct NoStoryError: Error, CustomStringConvertible {
    var description: String { "no story text found" }
}
