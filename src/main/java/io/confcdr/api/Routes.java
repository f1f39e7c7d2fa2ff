package io.confcdr.api;

import io.javalin.config.RoutesConfig;

/** A group of routes that registers its own paths: where a new capability's HTTP adapter plugs in. */
interface Routes {

    void register(RoutesConfig routes);
}
