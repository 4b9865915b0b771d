package com.creditmtl.studio.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads part of a file again to say where it breaks: the column of a cell whose quote is never
 * closed or is followed by stray text, the line and column of the first byte that is not text
 * in the file's encoding, and whether the file ends inside a quoted cell. Called only on
 * errors, or when the last record of a file ends in a quoted cell, so a plain file's read path
 * pays nothing for it.
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
        try (BufferedReader reader = readerAtLine(file, format, lineIndex)) {
            line = reader == null ? null : reader.readLine();
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

    /**
     * Whether the file ends inside a quoted cell, reading it again from the given line, where
     * its last record starts (1-based). Line breaks inside quotes are part of the cell, so the
     * scan runs over the rest of the file as one text.
     */
    static boolean endsInsideQuotes(Path file, FileFormat format, long startLine) {
        try (BufferedReader reader = readerAtLine(file, format, startLine - 1)) {
            if (reader == null) {
                return false;
            }
            boolean quoted = false;
            boolean cellStart = true;
            int c;
            while ((c = reader.read()) >= 0) {
                if (quoted) {
                    if (c == '"') {
                        reader.mark(1);
                        int next = reader.read();
                        if (next != '"') {
                            quoted = false;
                            if (next >= 0) {
                                reader.reset();
                            }
                        }
                    }
                } else if (c == '"' && cellStart) {
                    quoted = true;
                    cellStart = false;
                } else {
                    cellStart = c == format.delimiter() || c == '\n' || c == '\r';
                }
            }
            return quoted;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The file's text from the given 0-based physical line on, past any byte-order mark, with
     * undecodable bytes replaced rather than refused; null when the file has fewer lines.
     */
    private static BufferedReader readerAtLine(Path file, FileFormat format, long lineIndex)
            throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            in.skipNBytes(format.byteOrderMark());
            BufferedReader reader = new BufferedReader(new InputStreamReader(in,
                    format.charset().newDecoder()
                            .onMalformedInput(CodingErrorAction.REPLACE)
                            .onUnmappableCharacter(CodingErrorAction.REPLACE)));
            for (long i = 0; i < lineIndex; i++) {
                if (reader.readLine() == null) {
                    reader.close();
                    return null;
                }
            }
            return reader;
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
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
