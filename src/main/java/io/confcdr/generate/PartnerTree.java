package io.confcdr.generate;

import io.confcdr.generate.Tenant.Region;
import java.time.ZoneId;
import java.util.List;

/**
 * The fixed partner tree of generated traffic: a root operator, resellers under it and their own
 * sub-partners, three levels deep so that descendant visibility is exercised beyond direct children.
 * Parents are listed before their children.
 */
final class PartnerTree {

    static final String ROOT_SID = "5f0e3f6c-2a41-4c8e-9d7b-6c1a00000001";

    static final List<Tenant> TENANTS = List.of(
            tenant(ROOT_SID, "Conference Operator", null, "UTC", "44", Region.EUROPE, 0.04),
            tenant("a1c3e5f7-0b2d-4f6a-8c9e-1d3f00000010", "Acme Telecom", ROOT_SID,
                    "America/New_York", "1", Region.AMERICAS, 0.26),
            tenant("a1c3e5f7-0b2d-4f6a-8c9e-1d3f00000011", "Acme West", "a1c3e5f7-0b2d-4f6a-8c9e-1d3f00000010",
                    "America/Los_Angeles", "1", Region.AMERICAS, 0.14),
            tenant("a1c3e5f7-0b2d-4f6a-8c9e-1d3f00000012", "Acme Europe GmbH", "a1c3e5f7-0b2d-4f6a-8c9e-1d3f00000010",
                    "Europe/Berlin", "49", Region.EUROPE, 0.10),
            tenant("b2d4f6a8-1c3e-4a7b-9d0f-2e4a00000020", "Globex Conferencing", ROOT_SID,
                    "Europe/London", "44", Region.EUROPE, 0.18),
            tenant("b2d4f6a8-1c3e-4a7b-9d0f-2e4a00000021", "Globex APAC", "b2d4f6a8-1c3e-4a7b-9d0f-2e4a00000020",
                    "Asia/Tokyo", "81", Region.ASIA_PACIFIC, 0.10),
            tenant("b2d4f6a8-1c3e-4a7b-9d0f-2e4a00000022", "Globex Sydney", "b2d4f6a8-1c3e-4a7b-9d0f-2e4a00000021",
                    "Australia/Sydney", "61", Region.ASIA_PACIFIC, 0.06),
            tenant("c3e5a7b9-2d4f-4b8c-a01e-3f5b00000030", "Initech Voice", ROOT_SID,
                    "America/Chicago", "1", Region.AMERICAS, 0.12));

    private PartnerTree() {
    }

    static List<GeneratedPartner> partners() {
        return TENANTS.stream().map(Tenant::partner).toList();
    }

    private static Tenant tenant(String sid, String name, String parentSid, String zone, String countryCode,
            Region region, double weight) {
        return new Tenant(new GeneratedPartner(sid, name, parentSid), ZoneId.of(zone), countryCode, region, weight);
    }
}
