package io.confcdr.generate;

/** A conference bridge as it appears in records: its name and the IP address of its node. */
record Bridge(String name, String node) {
}
