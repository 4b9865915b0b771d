package com.creditmtl.studio.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the column of a broken cell once the CSV parser has failed, by reading the failing
 * line again on its own: the cell whose quote is never closed, or is followed by stray text, or
 * (for bad bytes) the cell holding the first undecodable character. Only called on errors, so
 * the read path pays nothing for it.
 */
final class ErrorLocator {

    private ErrorLocator() {
    }

    /**
     * @param lineIndex 0-based physical line where the failing row starts
     * @param badBytes whether to look for an undecodable character instead of a quoting error
     * @return the 0-based column, or -1 when the line shows nothing wrong
     */
    static int column(Path file, FileFormat format, long lineIndex, boolean badBytes) {
        String line;
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(format.byteOrderMark());
            BufferedReader reader = new BufferedReader(new InputStreamReader(in,
                    format.charset().newDecoder()
                            .onMalformedInput(CodingErrorAction.REPLACE)
                            .onUnmappableCharacter(CodingErrorAction.REPLACE)));
            for (long i = 0; i < lineIndex; i++) {
                if (reader.readLine() == null) {
                    return -1;
                }
            }
            line = reader.readLine();
        } catch (IOException e) {
            return -1;
        }
        if (line == null) {
            return -1;
        }
        return badBytes ? cellOf(line, line.indexOf('\uFFFD'), format.delimiter())
                : brokenQuote(line, format.delimiter());
    }

    /**
     * The first line holding bytes that are not text in the file's encoding, with the column
     * of the first bad character, as {@code {line, column}} (0-based; the header is line 0),
     * or null when none is found. Lines are split at LF bytes, so this suits encodings where LF
     * is one byte (not UTF-16).
     */
    static long[] firstBadBytes(Path file, FileFormat format) {
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            in.skipNBytes(format.byteOrderMark());
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
            long index = 0;
            int b;
            do {
                b = in.read();
                if (b >= 0 && b != '\n') {
                    line.write(b);
                    continue;
                }
                byte[] bytes = line.toByteArray();
                try {
                    format.charset().newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(java.nio.ByteBuffer.wrap(bytes));
                } catch (java.nio.charset.CharacterCodingException e) {
                    String text = new String(bytes, format.charset());
                    return new long[] {index, cellOf(text, text.indexOf('\uFFFD'),
                            format.delimiter())};
                }
                line.reset();
                index++;
            } while (b >= 0);
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    /** Whether the file's last character other than line breaks and spaces is a quote. */
    static boolean endsWithQuote(Path file, FileFormat format) {
        try (java.nio.channels.SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            int length = (int) Math.min(64, size);
            channel.position(size - length);
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(length);
            while (bytes.hasRemaining() && channel.read(bytes) > 0) {
                continue;
            }
            bytes.flip();
            if (format.charset().name().startsWith("UTF-16") && length % 2 == 1) {
                bytes.get();
            }
            String tail = format.charset().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(bytes).toString().stripTrailing();
            return tail.endsWith("\"");
        } catch (IOException e) {
            return true;
        }
    }

    private static int cellOf(String line, int position, char delimiter) {
        if (position < 0) {
            return -1;
        }
        int cell = 0;
        boolean quoted = false;
        for (int i = 0; i < position; i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                cell++;
            }
        }
        return cell;
    }

    private static int brokenQuote(String line, char delimiter) {
        int cell = 0;
        int i = 0;
        while (i <= line.length()) {
            if (i < line.length() && line.charAt(i) == '"') {
                int j = i + 1;
                while (true) {
                    if (j >= line.length()) {
                        return cell;
                    }
                    if (line.charAt(j) == '"') {
                        if (j + 1 < line.length() && line.charAt(j + 1) == '"') {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                int after = j + 1;
                if (after < line.length() && line.charAt(after) != delimiter) {
                    return cell;
                }
                i = after;
            } else {
                while (i < line.length() && line.charAt(i) != delimiter) {
                    i++;
                }
            }
            i++;
            cell++;
        }
        return -1;
    }
}
