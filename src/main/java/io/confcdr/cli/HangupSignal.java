package io.confcdr.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGHUP runs an action (reloading the TLS certificate) instead of stopping the process, the JVM's
 * default. Where the platform has no SIGHUP the action is still reachable by changing the files.
 */
final class HangupSignal {

    private static final Logger LOG = LoggerFactory.getLogger(HangupSignal.class);

    private HangupSignal() {
    }

    static void onHangup(Runnable action) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> action.run());
        } catch (IllegalArgumentException | UnsupportedOperationException unavailable) {
            LOG.debug("SIGHUP is not available here: {}", unavailable.getMessage());
        }
    }
}
