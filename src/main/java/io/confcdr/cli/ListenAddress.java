package io.confcdr.cli;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;

/**
 * The host and port a server is to listen on, checked before anything slow happens, and the failures of
 * binding them turned into one line saying what to change. Jetty reports a bad host and a busy port alike
 * (Javalin then calls both "port already in use"), so the cause is told apart here.
 */
record ListenAddress(String host, int port) {

    ListenAddress {
        if (port < 0 || port > 65_535) {
            throw CliException.usage("--port must be between 0 and 65535");
        }
    }

    /** @throws CliException when the host does not resolve, is not this machine's, or the port is taken */
    void requireFree() {
        InetAddress address = resolve();
        if (port == 0) {
            return;
        }
        try (var socket = new ServerSocket()) {
            // As Jetty binds: a port left in TIME_WAIT by a stopped server is free.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port));
        } catch (IOException e) {
            throw explain(e);
        }
    }

    /** The line for a failure to start listening; a bug (exit 3) when nothing in it is about the address. */
    RuntimeException explain(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return unresolvable();
            }
            if (t instanceof BindException bind) {
                String message = bind.getMessage() == null ? "" : bind.getMessage();
                if (message.contains("already in use")) {
                    return CliException.usage("port " + port + " is already in use on " + host
                            + "; choose another with --port");
                }
                if (message.contains("assign requested address")) {
                    return CliException.usage("cannot listen on " + host + ": it is not an address of this machine"
                            + "; choose another with --host (127.0.0.1 for this machine only, 0.0.0.0 for all)");
                }
                if (message.contains("ermission denied")) {
                    return CliException.usage("cannot listen on port " + port + " of " + host
                            + ": permission denied (ports below 1024 need privileges); choose another with --port");
                }
                return CliException.usage("cannot listen on " + host + ":" + port + ": " + message
                        + "; choose another --host or --port");
            }
        }
        return failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
    }

    private InetAddress resolve() {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw unresolvable();
        }
    }

    private CliException unresolvable() {
        return CliException.usage("cannot resolve the host '" + host + "'; give --host an address of this machine"
                + " (127.0.0.1 for this machine only, 0.0.0.0 for all)");
    }
}
