package io.confcdr.ingest;

import io.confcdr.store.SourceStore;

/** Told, after the commit, of every batch that carried a source: which one, and how many gaps it has now. */
@FunctionalInterface
public interface SourceListener {

    void received(SourceStore.Source source, int gaps);
}
