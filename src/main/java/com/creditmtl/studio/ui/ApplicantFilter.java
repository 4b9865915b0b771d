package com.creditmtl.studio.ui;

import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.ui.ApplicantsViewModel.ApplicantRow;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The column filter of the Applicants tab: conditions on any column of the applicants' table
 * (ID, score, grade, expected loss, every task's actual value and prediction, and the features
 * the study reads, as the applicant's file gives them), all of which
 * an applicant must meet (AND), and the draft of the next condition (a column, an operator and a
 * value typed as text).
 *
 * <p>Numeric columns offer =, ≠, &lt;, ≤, &gt; and ≥ and compare the value as the table shows
 * it: the score in whole points cut down, other figures rounded to the decimals shown, so that
 * "score ≥ 700" keeps exactly the rows that read 700 or more. A missing value (an unknown actual
 * of a new applicant, an expected loss without an amount task, an empty cell) meets no numeric
 * condition, not
 * even ≠. Text columns offer equals, does not equal and contains, ignoring case. A value that
 * cannot be read for the column is refused with a message and adds nothing.
 *
 * <p>Free of the FX toolkit: the properties and lists work on any thread that owns them, so the
 * filter is tested without a window.
 */
public final class ApplicantFilter {

    /** What a column holds. */
    public enum Kind {
        NUMBER, TEXT
    }

    /** How a condition compares; the first six for numbers, three of them for text too. */
    public enum Operator {
        EQUAL("="), NOT_EQUAL("≠"), LESS("<"), AT_MOST("≤"), GREATER(">"), AT_LEAST("≥"),
        CONTAINS("⊃");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        /** The mathematical sign, the same in every language. */
        public String symbol() {
            return symbol;
        }

        static List<Operator> of(Kind kind) {
            return kind == Kind.NUMBER
                    ? List.of(EQUAL, NOT_EQUAL, LESS, AT_MOST, GREATER, AT_LEAST)
                    : List.of(EQUAL, NOT_EQUAL, CONTAINS);
        }
    }

    /**
     * A column that can be filtered and sorted on.
     *
     * @param key stable name, unchanged by a rescoring, e.g. {@code task:days:actual}
     * @param title the column's full name for the column chooser and the conditions
     * @param header the column's heading in the table, under {@code group} if that is not null
     * @param group the heading over a task's columns or over the features, null for none
     * @param decimals decimals shown for a number: exactly these, or at most these when
     *     {@code trimmed}
     * @param trimmed whether trailing zeros are left out, for features of any scale
     * @param choices values to pick from (grades, a feature's levels), empty where any goes
     * @param value the value as shown: a {@link Double} (NaN for missing) or a {@link String}
     */
    public record Column(String key, I18n.Message title, I18n.Message header,
            I18n.Message group, Kind kind, int decimals, boolean trimmed, List<String> choices,
            Function<ApplicantRow, Object> value) {

        public Column {
            choices = List.copyOf(choices);
        }

        public double number(ApplicantRow row) {
            Object v = value.apply(row);
            return v instanceof Double d ? d : Double.NaN;
        }

        public String text(ApplicantRow row) {
            Object v = value.apply(row);
            return v == null ? "" : v.toString();
        }
    }

    /** One condition: a column, an operator, and the value as typed and as read. */
    public record Condition(Column column, Operator operator, String shown, double number) {

        public boolean test(ApplicantRow row) {
            if (column.kind() == Kind.TEXT) {
                String text = column.text(row).toLowerCase(Locale.ROOT);
                String wanted = shown.toLowerCase(Locale.ROOT);
                return switch (operator) {
                    case EQUAL -> text.equals(wanted);
                    case NOT_EQUAL -> !text.equals(wanted);
                    case CONTAINS -> text.contains(wanted);
                    default -> false;
                };
            }
            double v = column.number(row);
            if (Double.isNaN(v)) {
                return false;
            }
            int order = Double.compare(v, number);
            return switch (operator) {
                case EQUAL -> order == 0;
                case NOT_EQUAL -> order != 0;
                case LESS -> order < 0;
                case AT_MOST -> order <= 0;
                case GREATER -> order > 0;
                case AT_LEAST -> order >= 0;
                default -> false;
            };
        }
    }

    private final Supplier<Locale> locale;
    private final ObservableList<Column> columns = FXCollections.observableArrayList();
    private final ObservableList<Condition> conditions = FXCollections.observableArrayList();
    private final ObjectProperty<Column> column = new SimpleObjectProperty<>();
    private final ObservableList<Operator> operators = FXCollections.observableArrayList();
    private final ObjectProperty<Operator> operator = new SimpleObjectProperty<>();
    private final StringProperty value = new SimpleStringProperty("");
    private final ObservableList<String> valueChoices = FXCollections.observableArrayList();
    private final ObjectProperty<I18n.Message> message = new SimpleObjectProperty<>();

    /** A filter whose numbers are read in the given locale's way (and plainly, as 1234.5). */
    public ApplicantFilter(Supplier<Locale> locale) {
        this.locale = locale;
        column.addListener((obs, old, chosen) -> {
            List<Operator> offered = chosen == null ? List.of() : Operator.of(chosen.kind());
            operators.setAll(offered);
            // the likeliest comparison first: a threshold, a part of an ID, a grade
            operator.set(chosen == null ? null
                    : chosen.kind() == Kind.NUMBER ? Operator.AT_LEAST
                            : chosen.choices().isEmpty() ? Operator.CONTAINS : Operator.EQUAL);
            valueChoices.setAll(chosen == null ? List.of() : chosen.choices());
            message.set(null);
        });
        value.addListener((obs, old, text) -> message.set(null));
    }

    /** The columns of the applicants' table for these tasks and grades, in table order. */
    public static List<Column> columns(List<TaskSpec> tasks, List<String> grades) {
        return columns(tasks, grades, List.of(), Map.of());
    }

    /**
     * The columns of the applicants' table, in table order: the applicant's own, each task's,
     * then the numeric features and the categorical ones (with their levels to pick from).
     */
    public static List<Column> columns(List<TaskSpec> tasks, List<String> grades,
            List<String> numericFeatures, Map<String, List<String>> categoricalFeatures) {
        List<Column> list = new ArrayList<>();
        list.add(new Column("id", I18n.Message.of("applicants.column.id"),
                I18n.Message.of("applicants.column.id"), null, Kind.TEXT, 0, false, List.of(),
                ApplicantRow::id));
        // whole points, cut rather than rounded, so a score never reads as the next grade up
        list.add(new Column("score", I18n.Message.of("applicants.column.score"),
                I18n.Message.of("applicants.column.score"), null, Kind.NUMBER, 0, false,
                List.of(), r -> Math.floor(r.result().score())));
        list.add(new Column("grade", I18n.Message.of("applicants.column.grade"),
                I18n.Message.of("applicants.column.grade"), null, Kind.TEXT, 0, false, grades,
                r -> r.result().grade()));
        list.add(new Column("expectedLoss", I18n.Message.of("applicants.column.expectedLoss"),
                I18n.Message.of("applicants.column.expectedLoss"), null, Kind.NUMBER, 2, false,
                List.of(), r -> round(r.result().expectedLoss(), 2)));
        for (int t = 0; t < tasks.size(); t++) {
            int task = t;
            String name = tasks.get(t).name();
            I18n.Message group = I18n.Message.of("applicants.column.group.task", name);
            boolean binary = tasks.get(t).isBinary();
            int actualDecimals = binary ? 0 : 1;
            int predictedDecimals = binary ? 4 : 1;
            list.add(new Column("task:" + name + ":actual",
                    I18n.Message.of("applicants.column.taskActual", name),
                    I18n.Message.of("applicants.column.actual"), group, Kind.NUMBER,
                    actualDecimals, false, List.of(),
                    r -> round(r.result().actual()[task], actualDecimals)));
            list.add(new Column("task:" + name + ":predicted",
                    I18n.Message.of("applicants.column.taskPredicted", name),
                    I18n.Message.of("applicants.column.predicted"), group, Kind.NUMBER,
                    predictedDecimals, false, List.of(),
                    r -> round(r.result().predicted()[task], predictedDecimals)));
        }
        I18n.Message features = I18n.Message.of("applicants.column.group.features");
        for (String name : numericFeatures) {
            I18n.Message title = I18n.Message.of("applicants.column.feature", name);
            list.add(new Column("feature:" + name, title, title, features, Kind.NUMBER,
                    FEATURE_DECIMALS, true, List.of(),
                    r -> round(numericCell(r, name), FEATURE_DECIMALS)));
        }
        for (Map.Entry<String, List<String>> feature : categoricalFeatures.entrySet()) {
            String name = feature.getKey();
            I18n.Message title = I18n.Message.of("applicants.column.feature", name);
            list.add(new Column("feature:" + name, title, title, features, Kind.TEXT, 0, false,
                    feature.getValue(), r -> textCell(r, name)));
        }
        return list;
    }

    /** Decimals at most of a feature's value as shown and compared. */
    static final int FEATURE_DECIMALS = 4;

    /** A numeric feature's cell of the applicant's file; NaN when empty or absent. */
    private static double numericCell(ApplicantRow row, String name) {
        if (row.table() == null) {
            return Double.NaN;
        }
        try {
            tech.tablesaw.columns.Column<?> cells = row.table().table().column(name);
            return cells instanceof tech.tablesaw.api.NumericColumn<?> numbers
                    && !cells.isMissing(row.row()) ? numbers.getDouble(row.row()) : Double.NaN;
        } catch (IllegalStateException | IllegalArgumentException e) {
            return Double.NaN;
        }
    }

    /** A categorical feature's cell of the applicant's file; empty when missing or absent. */
    private static String textCell(ApplicantRow row, String name) {
        if (row.table() == null) {
            return "";
        }
        try {
            String value = row.table().category(name, row.row());
            return value == null ? "" : value;
        } catch (IllegalStateException | IllegalArgumentException e) {
            return "";
        }
    }

    static double round(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    /**
     * Offers these columns from now on. A condition on a column that is still offered stays
     * (as after a rescoring); one on a column gone (another study's task) is dropped.
     */
    public void setColumns(List<Column> offered) {
        Map<String, Column> byKey = offered.stream()
                .collect(Collectors.toMap(Column::key, c -> c, (a, b) -> a));
        List<Condition> kept = new ArrayList<>();
        for (Condition condition : conditions) {
            Column now = byKey.get(condition.column().key());
            if (now != null) {
                kept.add(new Condition(now, condition.operator(), condition.shown(),
                        condition.number()));
            }
        }
        String draft = column.get() == null ? null : column.get().key();
        columns.setAll(offered);
        conditions.setAll(kept);
        column.set(draft != null && byKey.containsKey(draft) ? byKey.get(draft)
                : offered.isEmpty() ? null : offered.get(0));
    }

    /**
     * Adds the draft as a condition. Refused, with the reason in {@link #messageProperty()},
     * when no column or operator is chosen, the value is empty, or a number cannot be read.
     *
     * @return whether the condition was added
     */
    public boolean add() {
        Column chosen = column.get();
        Operator how = operator.get();
        String text = value.get() == null ? "" : value.get().strip();
        if (chosen == null || how == null) {
            message.set(I18n.Message.of("applicants.filter.chooseColumn"));
            return false;
        }
        if (text.isEmpty()) {
            message.set(I18n.Message.of("applicants.filter.emptyValue"));
            return false;
        }
        double number = Double.NaN;
        if (chosen.kind() == Kind.NUMBER) {
            number = parse(text);
            if (Double.isNaN(number)) {
                message.set(I18n.Message.of("applicants.filter.notANumber", text,
                        chosen.title()));
                return false;
            }
        }
        Condition condition = new Condition(chosen, how, text, number);
        if (!conditions.contains(condition)) {
            conditions.add(condition);
        }
        value.set("");
        message.set(null);
        return true;
    }

    /**
     * Keeps only the rows whose value in the column lies from {@code low} to {@code high}, both
     * included: the column's ≥ and ≤ conditions are replaced by these two, shown as chips like
     * any others. A bound at or beyond the column's own end ({@code min}, {@code max}) adds no
     * condition, so the full range filters nothing. Does nothing for an unknown or text column.
     */
    public void setRange(String key, double low, double high, double min, double max) {
        Column target = columns.stream().filter(c -> c.key().equals(key)
                && c.kind() == Kind.NUMBER).findFirst().orElse(null);
        if (target == null) {
            return;
        }
        List<Condition> replaced = conditions.stream().filter(c -> c.column().key().equals(key)
                && (c.operator() == Operator.AT_LEAST || c.operator() == Operator.AT_MOST))
                .toList();
        List<Condition> added = new ArrayList<>(2);
        if (low > min) {
            added.add(bound(target, Operator.AT_LEAST, low));
        }
        if (high < max) {
            added.add(bound(target, Operator.AT_MOST, high));
        }
        if (!replaced.equals(added)) {
            conditions.removeAll(replaced);
            conditions.addAll(added);
        }
    }

    /** The column's range as its ≥ and ≤ conditions give it, NaN for a bound not set. */
    public double[] range(String key) {
        double low = Double.NaN;
        double high = Double.NaN;
        for (Condition c : conditions) {
            if (c.column().key().equals(key) && c.operator() == Operator.AT_LEAST) {
                low = Double.isNaN(low) ? c.number() : Math.max(low, c.number());
            } else if (c.column().key().equals(key) && c.operator() == Operator.AT_MOST) {
                high = Double.isNaN(high) ? c.number() : Math.min(high, c.number());
            }
        }
        return new double[] {low, high};
    }

    private Condition bound(Column column, Operator operator, double value) {
        NumberFormat format = NumberFormat.getNumberInstance(locale.get());
        format.setMaximumFractionDigits(column.decimals());
        return new Condition(column, operator, format.format(value), value);
    }

    /** A number typed in the locale's way or plainly; NaN when it is none. */
    double parse(String text) {
        String plain = text.strip();
        ParsePosition position = new ParsePosition(0);
        Number read = NumberFormat.getNumberInstance(locale.get()).parse(plain, position);
        if (read != null && position.getIndex() == plain.length()) {
            return read.doubleValue();
        }
        try {
            double v = Double.parseDouble(plain);
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    public void remove(Condition condition) {
        conditions.remove(condition);
    }

    public void clear() {
        conditions.clear();
        value.set("");
        message.set(null);
    }

    /** Whether a row meets every condition. */
    public boolean test(ApplicantRow row) {
        for (Condition condition : conditions) {
            if (!condition.test(row)) {
                return false;
            }
        }
        return true;
    }

    /** The conditions as they are now, as one predicate. */
    public Predicate<ApplicantRow> predicate() {
        List<Condition> now = List.copyOf(conditions);
        return row -> now.stream().allMatch(c -> c.test(row));
    }

    public ObservableList<Column> columns() {
        return columns;
    }

    /** The conditions in force, in the order added. */
    public ObservableList<Condition> conditions() {
        return conditions;
    }

    /** The draft's column. */
    public ObjectProperty<Column> columnProperty() {
        return column;
    }

    /** The operators the draft's column offers. */
    public ObservableList<Operator> operators() {
        return operators;
    }

    public ObjectProperty<Operator> operatorProperty() {
        return operator;
    }

    /** The draft's value as typed. */
    public StringProperty valueProperty() {
        return value;
    }

    /** Values to pick from for the draft's column (the grades), empty for free input. */
    public ObservableList<String> valueChoices() {
        return valueChoices;
    }

    /** Why the draft was refused; null while there is nothing to say. */
    public ObjectProperty<I18n.Message> messageProperty() {
        return message;
    }
}
