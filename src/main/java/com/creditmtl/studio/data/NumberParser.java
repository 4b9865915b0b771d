package com.creditmtl.studio.data;

/**
 * Reads a cell as a double, strictly: an optional sign, digits with at most one decimal mark,
 * an optional exponent ({@code 1e+05}, {@code .165}, {@code -3.}). Nothing else is a number:
 * not {@code 0x1p3}, {@code 1d}, {@code NaN} or {@code Infinity}, which Java's own parser would
 * take, and not a grouped {@code 1,234} in a file with decimal points, which Tablesaw would turn
 * into 1234.
 *
 * <p>With a decimal comma, the comma is the decimal mark and dots may group thousands in threes
 * ({@code 1.234.567,8}). Short numbers are computed exactly from their digits without building a
 * string; longer ones fall back to {@link Double#parseDouble}, which rounds correctly.
 */
final class NumberParser {

    private static final double[] POWERS = new double[23];
    private static final long EXACT_LIMIT = 1L << 53;

    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
    }

    private final char decimalMark;
    private final boolean decimalComma;

    NumberParser(boolean decimalComma) {
        this.decimalComma = decimalComma;
        this.decimalMark = decimalComma ? ',' : '.';
    }

    /** The value of the cell, or NaN when the cell is not a number as defined above. */
    double parse(String cell) {
        int start = 0;
        int end = cell.length();
        while (start < end && cell.charAt(start) == ' ') {
            start++;
        }
        while (end > start && cell.charAt(end - 1) == ' ') {
            end--;
        }
        if (start == end) {
            return Double.NaN;
        }

        int i = start;
        boolean negative = false;
        char first = cell.charAt(i);
        if (first == '+' || first == '-') {
            negative = first == '-';
            i++;
        }
        long mantissa = 0;
        boolean exact = true;
        int digits = 0;
        int fractionDigits = 0;
        boolean seenMark = false;
        boolean grouped = false;
        int groupRun = -1;
        for (; i < end; i++) {
            char c = cell.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                if (groupRun >= 0) {
                    groupRun++;
                }
                if (seenMark) {
                    fractionDigits++;
                }
                if (mantissa < EXACT_LIMIT / 10) {
                    mantissa = mantissa * 10 + (c - '0');
                } else {
                    exact = false;
                }
            } else if (c == decimalMark && !seenMark) {
                if (grouped && groupRun != 3) {
                    return Double.NaN;
                }
                seenMark = true;
                groupRun = -1;
            } else if (decimalComma && c == '.' && !seenMark) {
                // A thousands group: 1 to 3 digits before the first dot, exactly 3 after each.
                if ((!grouped && (digits == 0 || digits > 3)) || (grouped && groupRun != 3)) {
                    return Double.NaN;
                }
                grouped = true;
                groupRun = 0;
            } else {
                break;
            }
        }
        if (digits == 0 || (grouped && !seenMark && groupRun != 3)) {
            return Double.NaN;
        }

        int exponent = 0;
        if (i < end) {
            char e = cell.charAt(i);
            if (e != 'e' && e != 'E') {
                return Double.NaN;
            }
            i++;
            boolean negativeExponent = false;
            if (i < end && (cell.charAt(i) == '+' || cell.charAt(i) == '-')) {
                negativeExponent = cell.charAt(i) == '-';
                i++;
            }
            int exponentDigits = 0;
            for (; i < end; i++) {
                char c = cell.charAt(i);
                if (c < '0' || c > '9') {
                    return Double.NaN;
                }
                if (exponent < 100_000) {
                    exponent = exponent * 10 + (c - '0');
                }
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return Double.NaN;
            }
            exponent = negativeExponent ? -exponent : exponent;
        }

        int power = exponent - fractionDigits;
        if (exact && Math.abs(power) < POWERS.length) {
            double value = power >= 0 ? mantissa * POWERS[power] : mantissa / POWERS[-power];
            return negative ? -value : value;
        }
        return slow(cell.substring(start, end));
    }

    private double slow(String text) {
        String plain = decimalComma ? text.replace(".", "").replace(',', '.') : text;
        return Double.parseDouble(plain);
    }

    /** Whether the cell spells an infinity, which is never accepted as data. */
    static boolean isInfinity(String cell) {
        String text = cell.strip();
        if (text.startsWith("+") || text.startsWith("-")) {
            text = text.substring(1);
        }
        return text.equalsIgnoreCase("inf") || text.equalsIgnoreCase("infinity");
    }
}
