package com.creditmtl.studio.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/** The window's two kinds of table column, headed by a text that may follow the language. */
final class TableColumns {

    private TableColumns() {
    }

    /** A column of text computed from the row. */
    static <T> TableColumn<T, String> text(ObservableValue<String> header,
            Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>();
        column.textProperty().bind(header);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(
                value.apply(cell.getValue())));
        return column;
    }

    /**
     * The width a column needs to show its heading whole: the text in the default font in
     * bold, as the default style draws headings, and thirteen pixels beside it for the
     * heading's padding and border.
     */
    static double headingWidth(String heading) {
        if (heading == null || heading.isEmpty()) {
            return 0;
        }
        Font font = Font.getDefault();
        Text text = new Text(heading);
        text.setFont(Font.font(font.getFamily(), FontWeight.BOLD, font.getSize()));
        return Math.ceil(text.getLayoutBounds().getWidth() + 13);
    }

    /**
     * Keeps a column at least as wide as its heading, in whatever language the heading is
     * written, so that the heading never ends in an ellipsis.
     */
    static <T, S> TableColumn<T, S> wholeHeading(TableColumn<T, S> column) {
        double floor = column.getMinWidth();
        column.minWidthProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(floor, headingWidth(column.getText())), column.textProperty()));
        keepAtLeastMinimum(column);
        return column;
    }

    /**
     * Widens a column whenever its minimum grows past its width: a table that does not fit
     * its columns to its own width leaves a column at its preferred width.
     */
    private static void keepAtLeastMinimum(TableColumn<?, ?> column) {
        column.minWidthProperty().addListener((obs, was, now) -> {
            if (column.getPrefWidth() < now.doubleValue()) {
                column.setPrefWidth(now.doubleValue());
            }
        });
        if (column.getPrefWidth() < column.getMinWidth()) {
            column.setPrefWidth(column.getMinWidth());
        }
    }

    /**
     * Keeps a heading over columns (a task's actual and predicted) whole: its last column
     * takes whatever width the heading needs beyond the columns before it, and is never
     * narrower than its own heading.
     */
    static <T> void wholeGroupHeading(TableColumn<T, ?> group) {
        List<TableColumn<T, ?>> columns = List.copyOf(group.getColumns());
        if (columns.isEmpty()) {
            return;
        }
        TableColumn<T, ?> last = columns.get(columns.size() - 1);
        List<TableColumn<T, ?>> before = columns.subList(0, columns.size() - 1);
        List<Observable> watched = new ArrayList<>(List.of(group.textProperty(),
                last.textProperty()));
        before.forEach(column -> watched.add(column.widthProperty()));
        last.minWidthProperty().unbind();
        last.minWidthProperty().bind(Bindings.createDoubleBinding(() -> {
            double taken = before.stream().mapToDouble(TableColumn::getWidth).sum();
            return Math.max(headingWidth(last.getText()),
                    headingWidth(group.getText()) - taken);
        }, watched.toArray(Observable[]::new)));
        keepAtLeastMinimum(last);
    }

    /**
     * Gives a text column's cells their whole text as a tooltip, for narrow columns of long
     * texts (run labels, settings compared side by side) in tables of few rows.
     */
    static <T> TableColumn<T, String> withTooltips(TableColumn<T, String> column) {
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                boolean blank = empty || item == null || item.isEmpty();
                setText(blank ? null : item);
                setTooltip(blank ? null : new Tooltip(item));
            }
        });
        return column;
    }

    /**
     * Like {@link #withTooltips}, but a text wider than the column wraps onto a second line
     * of a taller row rather than ending in an ellipsis: for a narrow column of few rows
     * (the run history).
     */
    static <T> TableColumn<T, String> wrapped(TableColumn<T, String> column) {
        column.setCellFactory(c -> new TableCell<>() {
            // a row is as high as its cells' texts say; a label of the cell's own would stay
            // one line, a text node wraps at the width it is given
            private final Text text = new Text();

            {
                text.wrappingWidthProperty().bind(column.widthProperty().subtract(12));
                text.fillProperty().bind(textFillProperty());
                text.fontProperty().bind(fontProperty());
                setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                boolean blank = empty || item == null || item.isEmpty();
                text.setText(blank ? "" : item);
                // the text kept as the cell's too, for whoever reads the cell; the graphic shows it
                setText(blank ? null : item);
                setGraphic(blank ? null : text);
                setTooltip(blank ? null : new Tooltip(item));
            }
        });
        return column;
    }

    /**
     * A column of figures: sorts by value, right-aligned, each written by {@code format} when
     * its cell is drawn (so a change of language shows at the next redraw), NaN as an empty
     * cell.
     */
    static <T> TableColumn<T, Double> number(ObservableValue<String> header,
            ToDoubleFunction<T> value, DoubleFunction<String> format) {
        TableColumn<T, Double> column = new TableColumn<>();
        column.textProperty().bind(header);
        column.setCellValueFactory(cell ->
                new ReadOnlyObjectWrapper<>(value.applyAsDouble(cell.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null || item.isNaN() ? "" : format.apply(item));
                setAlignment(Pos.CENTER_RIGHT);
            }
        });
        return column;
    }
}
