package com.creditmtl.studio.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import de.siegmar.fastcsv.reader.CsvReader;

/**
 * Finds the encoding, delimiter and decimal mark of a file from its first 64 KiB, unless the
 * options fix them.
 *
 * <p>Encoding: a byte-order mark decides (UTF-8, UTF-16 LE or BE); without one, text with zero
 * bytes in every other position is UTF-16 without a mark, text that decodes as UTF-8 is UTF-8,
 * text that decodes as GB18030 into mostly Chinese characters, with the byte pairs of Chinese
 * text rather than accented letters before ASCII ones, is GB18030, and anything else is
 * read as Windows-1252. A file with many zero or control bytes is refused as binary.
 * Delimiter: the one of {@code , ; TAB |} that splits the first rows into the same number of
 * cells as the header, preferring more cells. Decimal comma: with a delimiter other than a comma,
 * when cells like {@code 1,5} are at least as common as cells like {@code 1.5}.
 *
 * <p>Limits: only the sample is looked at, so a file whose first 64 KiB are plain ASCII but that
 * holds Windows-1252 bytes later is read as UTF-8 and stops with a message at the first bad byte.
 */
public final class FormatDetector {

    static final int SAMPLE_BYTES = 64 * 1024;
    static final Charset GB18030 = Charset.forName("GB18030");
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final char[] DELIMITERS = {',', ';', '\t', '|'};
    private static final int SAMPLE_RECORDS = 50;
    private static final Pattern COMMA_DECIMAL =
            Pattern.compile("[+-]?(\\d{1,3}(\\.\\d{3})+|\\d*),\\d+");
    private static final Pattern DOT_DECIMAL = Pattern.compile("[+-]?\\d*\\.\\d+([eE][+-]?\\d+)?");

    private FormatDetector() {
    }

    public static FileFormat detect(Path file, ImportOptions options) throws ImportException {
        String name = file.getFileName().toString();
        byte[] sample = readSample(file, name);
        if (sample.length == 0) {
            throw ImportException.of("import.empty", name + ": the file is empty", name);
        }
        List<Sentence> notes = new ArrayList<>();

        int bom = 0;
        Charset charset;
        if (startsWith(sample, 0xEF, 0xBB, 0xBF)) {
            charset = StandardCharsets.UTF_8;
            bom = 3;
        } else if (startsWith(sample, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            bom = 2;
        } else if (startsWith(sample, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            bom = 2;
        } else {
            charset = null;
        }
        if (options.encoding() != null) {
            Charset chosen = charsetNamed(name, options.encoding());
            if (charset != null && !chosen.equals(charset)) {
                notes.add(Sentence.of("import.note.bomOverridden", "the file starts with a "
                        + charset.name() + " byte-order mark, but is read as " + chosen.name()
                        + " as chosen", charset.name(), chosen.name()));
                bom = 0;
            }
            charset = chosen;
        } else if (charset == null) {
            charset = guessCharset(name, sample, notes);
        }

        String text = decodeSample(sample, bom, charset);
        char delimiter = options.delimiterChar() != null
                ? options.delimiterChar() : guessDelimiter(text);
        boolean decimalComma = options.decimalComma() != null
                ? options.decimalComma() : guessDecimalComma(text, delimiter);
        if (decimalComma && options.decimalComma() == null) {
            notes.add(Sentence.of("import.note.decimalComma",
                    "numbers are read with a decimal comma (1,5 is one and a half)"));
        }
        return new FileFormat(charset, bom, delimiter, decimalComma, notes);
    }

    static Charset charsetNamed(String file, String encoding) throws ImportException {
        try {
            return Charset.forName(encoding);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw ImportException.of("import.unknownEncoding",
                    file + ": unknown encoding '" + encoding + "'", file, encoding);
        }
    }

    private static byte[] readSample(Path file, String name) throws ImportException {
        if (Files.isDirectory(file)) {
            throw ImportException.of("import.folder", file + ": is a folder, not a file",
                    file.toString());
        }
        if (!Files.isRegularFile(file)) {
            throw ImportException.of("import.noSuchFile", file + ": no such file",
                    file.toString());
        }
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SAMPLE_BYTES);
        } catch (IOException e) {
            throw new ImportException(Sentence.of("import.unreadable", name + ": cannot be read: "
                    + e.getMessage(), name, String.valueOf(e.getMessage())), e);
        }
    }

    private static Charset guessCharset(String name, byte[] sample, List<Sentence> notes)
            throws ImportException {
        int zerosEven = 0;
        int zerosOdd = 0;
        int control = 0;
        for (int i = 0; i < sample.length; i++) {
            int b = sample[i] & 0xFF;
            if (b == 0) {
                if (i % 2 == 0) {
                    zerosEven++;
                } else {
                    zerosOdd++;
                }
            } else if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                control++;
            }
        }
        int half = sample.length / 2;
        if (zerosOdd > 0.4 * half && zerosEven < 0.05 * half) {
            notes.add(Sentence.of("import.note.utf16", "no byte-order mark; read as UTF-16LE "
                    + "because every other byte is zero", "UTF-16LE"));
            return StandardCharsets.UTF_16LE;
        }
        if (zerosEven > 0.4 * half && zerosOdd < 0.05 * half) {
            notes.add(Sentence.of("import.note.utf16", "no byte-order mark; read as UTF-16BE "
                    + "because every other byte is zero", "UTF-16BE"));
            return StandardCharsets.UTF_16BE;
        }
        if (zerosEven + zerosOdd + control > 0.01 * sample.length + 2) {
            int controlBytes = zerosEven + zerosOdd + control;
            throw ImportException.of("import.notText", name + ": is not a text file ("
                    + controlBytes + " control bytes in its first " + sample.length + " bytes)",
                    name, controlBytes, sample.length);
        }

        int usable = completeUtf8Length(sample);
        if (decodes(sample, usable, StandardCharsets.UTF_8) != null) {
            return StandardCharsets.UTF_8;
        }
        String chinese = decodes(sample, sample.length, GB18030);
        if (chinese == null) {
            chinese = decodes(sample, sample.length - 1, GB18030);
        }
        if (chinese != null && mostlyChinese(chinese) && chineseByteShape(sample)) {
            notes.add(Sentence.of("import.note.gb18030", "not UTF-8; read as GB18030 because its "
                    + "text decodes to Chinese characters"));
            return GB18030;
        }
        notes.add(Sentence.of("import.note.windows1252", "not UTF-8; read as windows-1252 "
                + "(choose another encoding if letters look wrong)"));
        return WINDOWS_1252;
    }

    /** Length of the sample without a multi-byte character cut off at its end. */
    private static int completeUtf8Length(byte[] sample) {
        int end = sample.length;
        for (int back = 1; back <= 3 && end - back >= 0; back++) {
            int b = sample[end - back] & 0xFF;
            if ((b & 0xC0) == 0xC0) {
                int needed = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : 4;
                return needed > back ? end - back : end;
            }
            if ((b & 0x80) == 0) {
                return end;
            }
        }
        return end;
    }

    private static String decodes(byte[] bytes, int length, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, Math.max(length, 0))).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * Whether the non-ASCII bytes look like Chinese in GB18030: two-byte characters whose second
     * byte is mostly 0xA1 or above, as in the common GB2312 range. A Windows-1252 file has
     * single accented letters instead, which GB18030 would pair with the ASCII letter after
     * them ("Zürich" as "Z黵ich"), so most of its pairs end in a byte below 0x80.
     */
    static boolean chineseByteShape(byte[] sample) {
        int high = 0;
        int low = 0;
        for (int i = 0; i < sample.length - 1; ) {
            int lead = sample[i] & 0xFF;
            if (lead < 0x80) {
                i++;
                continue;
            }
            int trail = sample[i + 1] & 0xFF;
            if (trail >= 0x30 && trail <= 0x39) {
                i += 4;
                continue;
            }
            if (trail >= 0xA1) {
                high++;
            } else {
                low++;
            }
            i += 2;
        }
        return high > 0 && high >= 4 * low;
    }

    private static boolean mostlyChinese(String text) {
        int nonAscii = 0;
        int han = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                nonAscii++;
                if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                        || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF)) {
                    han++;
                }
            }
        }
        return nonAscii > 0 && han >= 0.6 * nonAscii;
    }

    private static String decodeSample(byte[] sample, int bom, Charset charset) {
        CharBuffer chars;
        try {
            chars = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(sample, bom, sample.length - bom));
        } catch (CharacterCodingException e) {
            return "";
        }
        String text = chars.toString();
        if (sample.length == SAMPLE_BYTES) {
            int lastBreak = text.lastIndexOf('\n');
            text = lastBreak > 0 ? text.substring(0, lastBreak + 1) : text;
        }
        return text;
    }

    static char guessDelimiter(String text) {
        char best = ',';
        double bestScore = 0;
        for (char candidate : DELIMITERS) {
            double score = score(text, candidate);
            if (score > bestScore) {
                bestScore = score;
                best = candidate;
            }
        }
        return best;
    }

    /** Cells in the header, times the share of sample rows with as many; 0 if it fails. */
    private static double score(String text, char delimiter) {
        try (CsvReader<CellRow> parser = CellRow.reader(new StringReader(text), delimiter)) {
            int header = -1;
            int rows = 0;
            int matching = 0;
            for (CellRow record : parser) {
                if (header < 0) {
                    header = record.size();
                } else {
                    rows++;
                    if (record.size() == header || trailingEmpty(record, header)) {
                        matching++;
                    }
                }
                if (rows >= SAMPLE_RECORDS) {
                    break;
                }
            }
            if (header < 2) {
                return 0;
            }
            return rows == 0 ? header : header * (double) matching / rows;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static boolean trailingEmpty(CellRow record, int header) {
        if (record.size() <= header) {
            return false;
        }
        for (int i = header; i < record.size(); i++) {
            if (!record.get(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    static boolean guessDecimalComma(String text, char delimiter) {
        if (delimiter == ',') {
            return false;
        }
        int comma = 0;
        int dot = 0;
        try (CsvReader<CellRow> parser = CellRow.reader(new StringReader(text), delimiter)) {
            boolean header = true;
            for (CellRow record : parser) {
                if (header) {
                    header = false;
                    continue;
                }
                for (String cell : record.cells()) {
                    String value = cell.strip();
                    if (COMMA_DECIMAL.matcher(value).matches()) {
                        comma++;
                    } else if (DOT_DECIMAL.matcher(value).matches()) {
                        dot++;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return comma > 0 && comma >= dot;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
