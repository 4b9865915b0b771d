package com.creditmtl.studio.data;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import com.univocity.parsers.csv.CsvWriter;
import com.univocity.parsers.csv.CsvWriterSettings;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the UCI "default of credit card clients" file into the three-task table shipped as
 * {@code assets/data/taiwan-credit-mtl.csv}.
 *
 * <p>The raw file describes each client month by month from April to September 2005 and says
 * whether the client defaulted in October. To learn from it without peeking at the answers,
 * the features are cut at the end of August 2005: limit, sex, education, marriage, age and the
 * April-August repayment status, bill and payment columns ({@code PAY_2..PAY_6},
 * {@code BILL_AMT2..BILL_AMT6}, {@code PAY_AMT2..PAY_AMT6}). Everything after August is a
 * target: {@code default_probability} is the October default flag, {@code overdue_days} is 30
 * times the months of delay reported for September ({@code PAY_0}, negative codes count as 0),
 * and {@code overdue_amount} is the August bill left unpaid in September
 * ({@code BILL_AMT2 - PAY_AMT1}, at least 0) for clients late in September, else 0. That is why
 * {@code PAY_0}, {@code BILL_AMT1} and {@code PAY_AMT1} never appear among the features: they
 * are September facts, and two of them feed the targets directly.
 *
 * <p>The output reproduces the reference Python script byte for byte: numbers are written as
 * Python's shortest float {@code repr} without a trailing {@code .0}, so {@code 1e+05} becomes
 * {@code 100000}, and lines end with LF.
 *
 * <p>Limits: the input must be UTF-8 with a comma delimiter and a header naming the UCI columns;
 * every cell used must hold a finite decimal number (Python would also accept {@code inf},
 * {@code nan} or {@code 1_000}; here they are errors); integer targets are held as {@code long}.
 * The derivation encodes no judgement about the undocumented category codes in the raw file;
 * they pass through unchanged.
 */
public final class TaiwanDerivation {

    private static final Logger LOGGER = LoggerFactory.getLogger(TaiwanDerivation.class);

    /** What the bank knew at the end of August 2005, in output order. */
    public static final List<String> FEATURES = Stream.of(
                    Stream.of("LIMIT_BAL", "SEX", "EDUCATION", "MARRIAGE", "AGE"),
                    months("PAY_"), months("BILL_AMT"), months("PAY_AMT"))
            .flatMap(s -> s)
            .toList();

    public static final List<String> TARGETS =
            List.of("default_probability", "overdue_days", "overdue_amount");

    private static final String ID = "ID";
    private static final String STATUS_SEPTEMBER = "PAY_0";
    private static final String BILL_AUGUST = "BILL_AMT2";
    private static final String PAID_SEPTEMBER = "PAY_AMT1";
    private static final String DEFAULT_OCTOBER = "default.payment.next.month";
    private static final int DAYS_PER_MONTH = 30;

    /** Plain decimal numbers only; Java would otherwise also take {@code 1d} or hex floats. */
    private static final Pattern NUMBER =
            Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /** Python switches {@code repr} to exponent form outside this decimal-point position. */
    private static final int REPR_MIN_POINT = -3;
    private static final int REPR_MAX_POINT = 16;
    private static final int MAX_SIGNIFICANT_DIGITS = 17;

    private TaiwanDerivation() {
    }

    /** Command line: {@code TaiwanDerivation RAW.csv OUT.csv}. */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: java -cp 'target/credit-mtl-studio.jar:target/lib/*' "
                    + TaiwanDerivation.class.getName() + " RAW.csv OUT.csv");
            System.exit(2);
        }

        try {
            derive(Path.of(args[0]), Path.of(args[1]));
        } catch (IOException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Reads the raw UCI file and writes the derived table, replacing {@code out} only once the
     * whole table has been written.
     *
     * @throws IOException if a file cannot be read or written, a required column is missing,
     *     or a cell is not a number; the message names the file, the data row and the column
     */
    public static void derive(Path raw, Path out) throws IOException {
        Path target = out.toAbsolutePath();
        Path folder = target.getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, target.getFileName() + ".", ".tmp");

        try {
            long rows = writeTable(raw, temp);
            moveIntoPlace(temp, target);
            LOGGER.info("Derived {} rows from {} into {}", rows, raw, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static long writeTable(Path raw, Path temp) throws IOException {
        CsvParser parser = new CsvParser(parserSettings());

        try (Reader in = Files.newBufferedReader(raw, UTF_8);
                Writer out = Files.newBufferedWriter(temp, UTF_8)) {
            begin(parser, in, raw);
            Map<String, Integer> columns = header(raw, next(parser, raw, 0));
            CsvWriter writer = new CsvWriter(out, writerSettings());
            writer.writeRow(outputHeader());

            long row = 0;
            for (String[] cells = next(parser, raw, 1); cells != null;
                    cells = next(parser, raw, row + 1)) {
                row++;
                writer.writeRow(deriveRow(new RawRow(raw, row, columns, cells)));
            }
            writer.close();
            return row;
        } catch (CharacterCodingException e) {
            throw notUtf8(raw, e);
        }
    }

    private static String[] deriveRow(RawRow row) throws IOException {
        List<String> cells = new ArrayList<>(1 + FEATURES.size() + TARGETS.size());
        cells.add(row.text(ID));
        for (String feature : FEATURES) {
            cells.add(pythonRepr(row.number(feature)));
        }

        // Truncation toward zero mirrors Python's int(float(...)) in the reference script.
        long monthsLate = Math.max((long) row.number(STATUS_SEPTEMBER), 0);
        double unpaid = atLeastZero(row.number(BILL_AUGUST) - row.number(PAID_SEPTEMBER));

        cells.add(Long.toString((long) row.number(DEFAULT_OCTOBER)));
        cells.add(Long.toString(DAYS_PER_MONTH * monthsLate));
        cells.add(pythonRepr(monthsLate > 0 ? unpaid : 0.0));
        return cells.toArray(String[]::new);
    }

    /** Python's {@code max(x, 0.0)}: keeps x unless 0.0 is strictly greater, so -0.0 stays. */
    private static double atLeastZero(double value) {
        return 0.0 > value ? 0.0 : value;
    }

    /**
     * Formats a double as Python's {@code repr(float)} does, minus a trailing {@code .0}.
     * Java 17's {@code Double.toString} is not always the shortest round-tripping form and
     * switches to exponent notation at other magnitudes, so the digits are searched here.
     */
    static String pythonRepr(double value) {
        if (value == 0.0) {
            return Double.doubleToRawLongBits(value) < 0 ? "-0" : "0";
        }

        BigDecimal digits = shortestDigits(value);
        int point = digits.precision() - digits.scale();
        if (point >= REPR_MIN_POINT && point <= REPR_MAX_POINT) {
            return digits.toPlainString();
        }

        String significand = digits.unscaledValue().abs().toString();
        String mantissa = significand.length() == 1
                ? significand
                : significand.charAt(0) + "." + significand.substring(1);
        return String.format(Locale.ROOT, "%s%se%+03d", value < 0 ? "-" : "", mantissa, point - 1);
    }

    /** The fewest significant digits that read back as {@code value}, nearest one first. */
    private static BigDecimal shortestDigits(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision < MAX_SIGNIFICANT_DIGITS; precision++) {
            // Next to a power of two the gaps either side differ, so the nearest candidate may
            // miss while the one on the other side reads back.
            for (RoundingMode mode : List.of(
                    RoundingMode.HALF_EVEN, RoundingMode.FLOOR, RoundingMode.CEILING)) {
                BigDecimal candidate = exact.round(new MathContext(precision, mode));
                if (candidate.doubleValue() == value) {
                    return candidate.stripTrailingZeros();
                }
            }
        }
        return exact.round(new MathContext(MAX_SIGNIFICANT_DIGITS, RoundingMode.HALF_EVEN))
                .stripTrailingZeros();
    }

    private static Map<String, Integer> header(Path raw, String[] names) throws IOException {
        if (names == null) {
            throw new IOException(raw.getFileName() + ": the file is empty, no header row");
        }

        // Later duplicates win, as with Python's csv.DictReader.
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            columns.put(names[i], i);
        }

        List<String> missing = requiredColumns().stream()
                .filter(name -> !columns.containsKey(name))
                .toList();
        if (!missing.isEmpty()) {
            throw new IOException(raw.getFileName() + ", header row: missing column"
                    + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing));
        }
        return columns;
    }

    private static List<String> requiredColumns() {
        List<String> required = new ArrayList<>(List.of(ID));
        required.addAll(FEATURES);
        required.addAll(List.of(STATUS_SEPTEMBER, PAID_SEPTEMBER, DEFAULT_OCTOBER));
        return required;
    }

    private static String[] outputHeader() {
        List<String> names = new ArrayList<>(List.of(ID));
        names.addAll(FEATURES);
        names.addAll(TARGETS);
        return names.toArray(String[]::new);
    }

    /** The parser reads its first buffer here, so a bad encoding can already surface. */
    private static void begin(CsvParser parser, Reader in, Path raw) throws IOException {
        try {
            parser.beginParsing(in);
        } catch (TextParsingException e) {
            throw unreadable(raw, 0, e);
        }
    }

    private static String[] next(CsvParser parser, Path raw, long row) throws IOException {
        try {
            return parser.parseNext();
        } catch (TextParsingException e) {
            throw unreadable(raw, row, e);
        }
    }

    private static IOException unreadable(Path raw, long row, TextParsingException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof CharacterCodingException) {
                return notUtf8(raw, cause);
            }
        }
        String problem = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
        return new IOException(where(raw, row) + ": not readable as CSV: " + firstLine(problem), e);
    }

    private static IOException notUtf8(Path raw, Throwable cause) {
        return new IOException(raw.getFileName() + ": is not UTF-8 text", cause);
    }

    private static String where(Path raw, long row) {
        return raw.getFileName() + (row == 0 ? ", header row" : ", data row " + row);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target,
                    StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            LOGGER.warn("{} does not support atomic moves; replacing {} directly",
                    target.getParent(), target.getFileName());
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static CsvParserSettings parserSettings() {
        CsvParserSettings settings = new CsvParserSettings();
        // Match Python's csv module: no comment lines, cells kept verbatim, CR LF or LF.
        settings.getFormat().setComment('\0');
        settings.setLineSeparatorDetectionEnabled(true);
        settings.setIgnoreLeadingWhitespaces(false);
        settings.setIgnoreTrailingWhitespaces(false);
        settings.setNullValue("");
        settings.setEmptyValue("");
        settings.setMaxCharsPerColumn(-1);
        // Reading on the caller's thread keeps read errors in the row that caused them.
        settings.setReadInputOnSeparateThread(false);
        return settings;
    }

    private static CsvWriterSettings writerSettings() {
        CsvWriterSettings settings = new CsvWriterSettings();
        // Python's csv.writer quotes only cells holding a comma, a quote or a line break.
        settings.getFormat().setLineSeparator("\n");
        settings.getFormat().setComment('\0');
        settings.setIgnoreLeadingWhitespaces(false);
        settings.setIgnoreTrailingWhitespaces(false);
        settings.setNormalizeLineEndingsWithinQuotes(false);
        settings.setQuoteEscapingEnabled(true);
        return settings;
    }

    private static Stream<String> months(String prefix) {
        return Stream.of(2, 3, 4, 5, 6).map(month -> prefix + month);
    }

    /** One data row of the raw file, able to say where a bad cell sits. */
    private record RawRow(Path file, long row, Map<String, Integer> columns, String[] cells) {

        String text(String column) throws IOException {
            int index = columns.get(column);
            if (index >= cells.length) {
                throw error(column, "the row ends before this column");
            }
            return cells[index];
        }

        double number(String column) throws IOException {
            String text = text(column);
            String trimmed = text.strip();
            if (!NUMBER.matcher(trimmed).matches()) {
                throw error(column, text.isEmpty()
                        ? "the value is missing"
                        : "'" + text + "' is not a number");
            }

            double value = Double.parseDouble(trimmed);
            if (Double.isInfinite(value)) {
                throw error(column, "'" + text + "' is too large for a double");
            }
            return value;
        }

        private IOException error(String column, String problem) {
            return new IOException(where(file, row) + ", column " + column + ": " + problem);
        }
    }
}
