package io.confcdr.generate;

import io.confcdr.generate.Tenant.Region;
import java.util.List;
import java.util.Map;

/**
 * The vocabulary of generated records: user agents seen on real bridges, caller names (including the
 * awkward ones: quotes, commas, backslashes, accents, CJK, emoji), bridges per region and the ISDN
 * cause codes of failed calls.
 */
final class Catalog {

    static final List<String> DESK_PHONES = List.of(
            "Yealink SIP-T46S 66.86.0.15",
            "Polycom/5.9.5.0615 PolycomVVX-VVX_450-UA/5.9.5.0615",
            "Cisco-CP8845/14.2.1",
            "Grandstream GXP2170 1.0.11.23",
            "snom D785/10.1.116.11",
            "OBIHAI/OBi200-3.2.2.5921",
            "Fanvil X6U 2.12.1");

    static final List<String> SOFTPHONES = List.of(
            "Zoiper rv2.10.19.8",
            "MicroSIP/3.21.3",
            "Linphone-Desktop/5.2.1 (belle-sip/5.2.0)",
            "Bria 6 release 6.6.2 stamp 112345",
            "Telephone 1.6");

    static final List<String> WEBRTC = List.of(
            "JsSIP 3.10.0",
            "SIP.js/0.21.2",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36");

    static final List<String> SBCS = List.of(
            "CX-IVS-SBC",
            "AudioCodes-Sip-Gateway-Mediant 800/v.7.40A.500.775",
            "Ribbon SBC SWe Edge 12.1.1",
            "Oracle ESBC",
            "FreeSWITCH-mod_sofia/1.10.9-release~64bit",
            "Asterisk PBX 18.15.0");

    static final String RECORDER = "CX-Recorder/2.4.1";

    /** Display names as SIP phones and web clients send them; several need quoting or escaping. */
    static final List<String> NAMES = List.of(
            "Jane Doe", "Smith, J", "Renée O'Connor", "José Müller", "Ana María Núñez", "Łukasz Żółć",
            "张伟", "山田 太郎", "김민준", "Zoë 🎧", "Conference Room B", "O\"Brien Sales", "Back\\slash Ben",
            "Dr. Priya Natarajan", "Kowalski; Marek", "Åsa Lindqvist", "François-Xavier Dupont", "Θεόδωρος",
            "Mohammed Al-Farsi", "🚀 Launch Team");

    static final Map<Region, List<Bridge>> BRIDGES = Map.of(
            Region.AMERICAS, List.of(
                    new Bridge("conference-bridge", "11.22.33.44"),
                    new Bridge("us-east-bridge-1", "10.20.1.11"),
                    new Bridge("us-east-bridge-2", "10.20.1.12"),
                    new Bridge("us-west-bridge-1", "10.30.4.5")),
            Region.EUROPE, List.of(
                    new Bridge("eu-west-bridge-1", "10.40.2.21"),
                    new Bridge("eu-central-bridge-1", "10.40.3.7")),
            Region.ASIA_PACIFIC, List.of(
                    new Bridge("ap-northeast-bridge-1", "10.60.3.31"),
                    new Bridge("ap-southeast-bridge-1", "10.60.8.2")));

    /** Normal clearing, and who ended a joined leg. */
    static final int NORMAL_CLEARING = 16;
    static final String REASON_NORMAL = "Normal";
    static final String REASON_HOST_LEFT = "Host left the conference";

    /** A failed call's cause, its reason, and whether it is a dial-out the far end refused. */
    record Failure(int cause, String reason, boolean dialOut, String originator) {
    }

    static final List<Failure> FAILURES = List.of(
            new Failure(17, "User busy", true, "src"),
            new Failure(18, "No user responding", true, "bridge"),
            new Failure(19, "No answer from user (user alerted)", true, "bridge"),
            new Failure(21, "Call rejected", false, "src"),
            new Failure(31, "Normal, unspecified", false, "src"),
            new Failure(34, "No circuit/channel available", false, "bridge"),
            new Failure(38, "Network out of order", false, "bridge"),
            new Failure(41, "Temporary failure", false, "bridge"),
            new Failure(127, "Interworking, unspecified", false, "bridge"));

    private Catalog() {
    }
}
