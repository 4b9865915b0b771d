package com.creditmtl.studio.study;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a study was trained on: the file's name, the SHA-256 of its bytes and the rows imported.
 * Tells a reviewer whether a file at hand is the one; it cannot tell how two files differ.
 */
public record DataFingerprint(String fileName, String sha256, long rows) {

    /** Reads the whole file once to hash it. */
    public static DataFingerprint of(Path file, long rows) throws IOException {
        return new DataFingerprint(file.getFileName().toString(), sha256(file), rows);
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
