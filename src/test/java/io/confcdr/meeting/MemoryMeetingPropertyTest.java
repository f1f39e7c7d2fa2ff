package io.confcdr.meeting;

import io.confcdr.store.Storage;
import io.confcdr.store.memory.MemoryStorage;
import java.time.Clock;

/** Meetings against the brute force on the in-memory reference store. */
class MemoryMeetingPropertyTest extends MeetingPropertyContract {

    @Override
    protected Storage openStorage() {
        return new MemoryStorage(Clock.systemUTC());
    }
}
