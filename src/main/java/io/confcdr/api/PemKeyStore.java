package io.confcdr.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A key store built in memory from the PEM files operators get from their CA or certbot: a certificate
 * chain (leaf first) and an unencrypted private key, PKCS#8 ({@code BEGIN PRIVATE KEY}) or RSA PKCS#1
 * ({@code BEGIN RSA PRIVATE KEY}). The JDK reads both once wrapped; no extra library is needed.
 */
final class PemKeyStore {

    static final String ALIAS = "confcdr";
    /** The store never leaves memory; Jetty needs some password to read the key back. */
    static final char[] PASSWORD = "confcdr".toCharArray();

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "EdDSA");

    private PemKeyStore() {
    }

    /** @throws IllegalArgumentException naming the file and what is wrong with it */
    static KeyStore load(Path certificateFile, Path keyFile) {
        List<Certificate> chain = certificates(certificateFile);
        PrivateKey key = privateKey(keyFile);
        requirePair(key, chain.getFirst(), certificateFile, keyFile);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, key, PASSWORD, chain.toArray(Certificate[]::new));
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("the TLS private key " + keyFile + " does not belong to the certificate "
                    + certificateFile + ": " + e.getMessage());
        }
    }

    /**
     * A key that is not the certificate's would only fail at each handshake: a signature made with the key
     * must verify with the certificate's public key. Catches a renewal caught halfway (new key, old chain).
     */
    private static void requirePair(PrivateKey key, Certificate leaf, Path certificateFile, Path keyFile) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> "Ed25519";
        };
        try {
            byte[] probe = "confcdr".getBytes(StandardCharsets.US_ASCII);
            var signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            var verifier = Signature.getInstance(algorithm);
            verifier.initVerify(leaf.getPublicKey());
            verifier.update(probe);
            if (verifier.verify(signature)) {
                return;
            }
        } catch (GeneralSecurityException mismatch) {
            // a key of another algorithm than the certificate's: the message below
        }
        throw new IllegalArgumentException("the TLS private key " + keyFile + " does not belong to the certificate "
                + certificateFile);
    }

    private static List<Certificate> certificates(Path file) {
        String pem = read(file, "certificate");
        try {
            var factory = CertificateFactory.getInstance("X.509");
            List<Certificate> chain = List.copyOf(factory.generateCertificates(
                    new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("the TLS certificate " + file + " holds no PEM certificate");
            }
            return chain;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the TLS certificate " + file + " is not a PEM certificate chain: "
                    + e.getMessage());
        }
    }

    private static PrivateKey privateKey(Path file) {
        Matcher block = BLOCK.matcher(read(file, "private key"));
        while (block.find()) {
            String type = block.group(1);
            byte[] der = Base64.getMimeDecoder().decode(block.group(2));
            switch (type) {
                case "PRIVATE KEY" -> {
                    return pkcs8(file, der);
                }
                case "RSA PRIVATE KEY" -> {
                    return pkcs8(file, Pkcs1.wrapRsa(der));
                }
                case "ENCRYPTED PRIVATE KEY" -> throw new IllegalArgumentException("the TLS private key " + file
                        + " is encrypted; give an unencrypted key readable only by confcdr's user"
                        + " (openssl pkcs8 -in KEY -out plain.pem)");
                case "EC PRIVATE KEY" -> throw new IllegalArgumentException("the TLS private key " + file
                        + " is in SEC1 form; convert it: openssl pkcs8 -topk8 -nocrypt -in KEY -out key.pem");
                default -> {
                    // parameters or other blocks beside the key: skip them
                }
            }
        }
        throw new IllegalArgumentException("the TLS private key " + file + " holds no PEM private key");
    }

    private static PrivateKey pkcs8(Path file, byte[] der) {
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException notThisOne) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException("the TLS private key " + file + " is not an RSA, EC or Ed25519 key");
    }

    private static String read(Path file, String what) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the TLS " + what + " " + file + ": " + e.getMessage());
        }
    }

    /** RSA PKCS#1 DER wrapped into PKCS#8: the AlgorithmIdentifier of rsaEncryption and an OCTET STRING. */
    private static final class Pkcs1 {
        private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
                (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
        private static final byte[] VERSION = {0x02, 0x01, 0x00};

        static byte[] wrapRsa(byte[] pkcs1) {
            byte[] octets = tlv(0x04, pkcs1);
            byte[] body = concat(VERSION, RSA_ALGORITHM, octets);
            return tlv(0x30, body);
        }

        private static byte[] tlv(int tag, byte[] value) {
            byte[] length = length(value.length);
            return concat(new byte[] {(byte) tag}, length, value);
        }

        private static byte[] length(int n) {
            if (n < 0x80) {
                return new byte[] {(byte) n};
            }
            int bytes = n < 0x100 ? 1 : n < 0x10000 ? 2 : n < 0x1000000 ? 3 : 4;
            byte[] out = new byte[bytes + 1];
            out[0] = (byte) (0x80 | bytes);
            for (int i = 0; i < bytes; i++) {
                out[bytes - i] = (byte) (n >>> (8 * i));
            }
            return out;
        }

        private static byte[] concat(byte[]... parts) {
            int size = 0;
            for (byte[] part : parts) {
                size += part.length;
            }
            byte[] out = new byte[size];
            int at = 0;
            for (byte[] part : parts) {
                System.arraycopy(part, 0, out, at, part.length);
                at += part.length;
            }
            return out;
        }
    }
}
