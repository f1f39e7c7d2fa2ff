package io.confcdr.generate;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Each partner's Conference endpoint and meeting rooms. A few rooms are busy (daily stand-ups, a
 * weekly all-hands), most are used now and then.
 */
final class RoomDirectory {

    private static final int ROOMS_PER_PARTNER = 60;

    private final Map<Tenant, List<Room>> rooms = new IdentityHashMap<>();
    private final SplittableRandom random;

    RoomDirectory(List<Tenant> tenants, SidSequence sids, Phonebook phonebook, SplittableRandom random) {
        this.random = random;
        for (Tenant tenant : tenants) {
            String endpointSid = sids.next();
            List<Room> own = new ArrayList<>(ROOMS_PER_PARTNER);
            for (int i = 0; i < ROOMS_PER_PARTNER; i++) {
                own.add(new Room(sids.next(), endpointSid, phonebook.e164(tenant.countryCode()).substring(1)));
            }
            rooms.put(tenant, own);
        }
    }

    Room pick(Tenant tenant) {
        List<Room> own = rooms.get(tenant);
        double u = random.nextDouble();
        return own.get((int) (u * u * own.size()));
    }
}
