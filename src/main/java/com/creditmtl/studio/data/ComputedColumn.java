package com.creditmtl.studio.data;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.objecthunter.exp4j.Expression;
import net.objecthunter.exp4j.ExpressionBuilder;

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

    /**
     * A name in an expression that is not a function's (not followed by a parenthesis) nor part
     * of a number such as {@code 1e5}.
     */
    private static final Pattern VARIABLE =
            Pattern.compile("(?<![\\w.])[A-Za-z_]\\w*+(?!\\s*\\()");

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

    /**
     * Checks the expression's syntax alone, before any file is read: every plain name counts as
     * a column, and the expression is evaluated once with each set to 1, so a missing operand
     * or parenthesis is found here rather than on the first row of the import.
     *
     * @throws IllegalArgumentException with the expression reader's reason
     */
    public void checkSyntax() {
        Set<String> variables = new HashSet<>();
        Matcher names = VARIABLE.matcher(expression);
        while (names.find()) {
            variables.add(names.group());
        }
        try {
            Expression parsed = new ExpressionBuilder(expression).variables(variables).build();
            variables.forEach(variable -> parsed.setVariable(variable, 1));
            parsed.evaluate();
        } catch (ArithmeticException e) {
            // a division by zero of the ones: the syntax is sound, and rows decide
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage(), e);
        }
    }

    public String format() {
        return name + "=" + expression;
    }
}
