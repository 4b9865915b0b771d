package com.creditmtl.studio.data;

import java.util.Objects;

/**
 * A column computed row by row from other numeric columns with an arithmetic expression, for
 * example {@code loss = funded_amnt - total_rec_prncp - recoveries + collection_recovery_fee}.
 * A row where any column used is missing gets a missing value.
 *
 * <p>Expressions are read by exp4j: {@code + - * / ^ %}, parentheses and functions such as
 * {@code abs}, {@code log}, {@code exp}, {@code sqrt} or {@code floor}. Column names must be
 * plain identifiers (letters, digits, underscores): a column whose name has dots or spaces
 * cannot be used in an expression yet.
 */
public record ComputedColumn(String name, String expression) {

    public ComputedColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expression, "expression");
    }

    /** Parses {@code NAME=EXPRESSION}; throws IllegalArgumentException with the reason. */
    public static ComputedColumn parse(String text) {
        int equals = text.indexOf('=');
        if (equals <= 0 || equals == text.length() - 1) {
            throw new RefusedException("computed.unreadable",
                    "computed column '" + text + "' should read NAME=EXPRESSION", text);
        }
        return new ComputedColumn(text.substring(0, equals).strip(),
                text.substring(equals + 1).strip());
    }

    public String format() {
        return name + "=" + expression;
    }
}
