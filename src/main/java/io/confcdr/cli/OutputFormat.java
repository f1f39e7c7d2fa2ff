package io.confcdr.cli;

/** How a listing is printed: aligned columns for people, a JSON array for scripts. */
enum OutputFormat {
    table, json
}
