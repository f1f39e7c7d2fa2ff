package io.confcdr.generate;

import java.time.ZoneId;

/**
 * A partner as the traffic model sees it: where its callers live (time zone, country code of their
 * numbers, nearest bridges) and how much of the traffic is its own.
 */
record Tenant(GeneratedPartner partner, ZoneId zone, String countryCode, Region region, double weight) {

    /** Where a partner's meetings are hosted; each region has its own bridges. */
    enum Region {
        AMERICAS, EUROPE, ASIA_PACIFIC
    }
}
