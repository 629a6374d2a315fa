import Logging
import ServiceLifecycle
import TOMLKit

/// `winnow run`: keeps an output directory filled with cleaned stories from configured sources.
public enum WinnowDaemon {}
