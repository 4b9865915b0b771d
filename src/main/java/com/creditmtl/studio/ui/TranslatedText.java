package com.creditmtl.studio.ui;

import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.StringProperty;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.util.StringConverter;

/**
 * A text property that the window may also set from elsewhere, written in the current language
 * and written again when the language changes. {@link #set} puts a text in words now and keeps
 * how to put it in words; a plain {@code set} of the property by other code (a message from the
 * engine, say) drops that, so the foreign text stays as it was given.
 *
 * <p>Arguments of a {@link I18n.Message} that are messages themselves are put in words first
 * ({@link I18n#get(I18n.Message)}), so a count ("3 tasks") can sit inside a status line and
 * follow the language too.
 */
final class TranslatedText {

    private final I18n i18n;
    private final StringProperty text;
    private Function<I18n, String> words;
    private boolean writing;

    TranslatedText(I18n i18n, StringProperty text) {
        this.i18n = i18n;
        this.text = text;
        text.addListener((obs, old, now) -> {
            if (!writing) {
                words = null;
            }
        });
        i18n.localeProperty().addListener((obs, old, now) -> {
            if (words != null) {
                write();
            }
        });
    }

    /** Shows a message, or nothing for null. */
    void set(I18n.Message message) {
        set(message == null ? null : i18n -> i18n.get(message));
    }

    /** Shows the text a function writes in the current language, or nothing for null. */
    void set(Function<I18n, String> text) {
        words = text;
        write();
    }

    private void write() {
        writing = true;
        try {
            text.set(words == null ? null : words.apply(i18n));
        } finally {
            writing = false;
        }
    }

    /**
     * Names a choice's values through a converter made for the current language, made again
     * when the language changes. The shown value is drawn by a cell of its own, replaced on a
     * change, because a combo box does not redraw its shown value for a new converter.
     */
    static <T> void names(ComboBox<T> box, I18n i18n, Supplier<StringConverter<T>> names) {
        box.setConverter(names.get());
        box.setButtonCell(nameCell(box));
        i18n.localeProperty().addListener((obs, old, now) -> {
            box.setConverter(names.get());
            box.setButtonCell(nameCell(box));
        });
    }

    private static <T> ListCell<T> nameCell(ComboBox<T> box) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : box.getConverter().toString(item));
            }
        };
    }
}
