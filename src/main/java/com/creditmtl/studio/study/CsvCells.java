package com.creditmtl.studio.study;

/**
 * Keeps a written cell from being run as a formula when the file is opened in a spreadsheet:
 * text beginning with {@code = + - @} (or a tab or carriage return) gets a leading apostrophe.
 * Numbers the program formats itself are written as they are, since a negative number is data.
 */
final class CsvCells {

    private CsvCells() {
    }

    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        boolean risky = first == '=' || first == '+' || first == '-' || first == '@'
                || first == '\t' || first == '\r';
        return risky ? "'" + value : value;
    }
}
